"""Options of a fine-tuning run (sent to the child process as JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FineTuneConfig:
    """Everything the child process needs.

    Attributes:
        glossary: the glossary's name ("" when only memories are given).
        model_name: the name the adapted model is installed under (``"en-pt + <glossary>"``).
        base_folder: the base model's Firefox Translations folder (Marian weights, vocabulary, shortlist).
        entries: (source term, target term) pairs.
        minutes: training time budget (data preparation, evaluation and export come on top).
        method: ``"full"`` fine-tuning or ``"lora"`` (low-rank adapters merged at export).
        learning_rate: AdamW learning rate.
        batch_size: sentence pairs per step (term and memory sentences, and replay).
        replay_share: the share of a batch taken from replay (general sentences with the base model's
            translations), which holds general quality while the domain is learnt.
        term_sentences: about how many synthetic term contexts to build in total.
        held_out: held-out term sentences for the term accuracy.
        evaluations: evaluations during training (for the live chart).
        lora_rank: rank of the LoRA adapters.
        label_smoothing: label smoothing of the loss.
        seed: random seed.
        threads: torch threads (0: torch's default).
        device: ``"cpu"``, ``"cuda"`` or ``"auto"``.
        user_pairs: optional TSV of the user's own sentence pairs.
        documents: the user's own documents in the source language (.txt, .srt, .docx): their sentences
            that contain glossary terms become training sentences, translated by the base model with the
            glossary.
        document_sentences: at most this many sentences are taken from the documents.
        memories: the user's translation memories (TMX, XLIFF, TSV, CSV; absolute paths).
        memory_held_out: share of the memory kept out of training for the in-domain evaluation.
        general_pairs: a TSV of human-translated general sentences (source TAB target) for the general check;
            default: held-out drill sentences (never in the replay set).
        general_limit: at most this many general sentences are evaluated during training (PyTorch).
        gate_general_limit: at most this many general sentences decide the install, scored on the exported int8
            model through ONNX Runtime (150 sentences let a 1.6-point general loss through on TICO-19).
        max_general_drop: the model is installed only if general chrF++ drops by at most this much.
        calibrate: re-derive the int8 activation scales on the user's sentences after training.
        quant_aware: full fine-tuning through the int8-rounded matrices (:mod:`engine.glossary.finetune.qat`), so
            what is learnt survives the export to int8.
        distill_replay: replay as distillation (KL divergence from the frozen base model's distributions) rather
            than cross-entropy on the base model's translations.
        term_tokens_only: in a term sentence (the base's translation with the term written in) only the term's
            tokens are learnt; the words around it keep the base's distribution (needs ``distill_replay``).
        install: export to ONNX int8 and install the model at the end (only if it improved in-domain).
        work_dir: scratch folder (the parent creates and removes it).
    """

    glossary: str
    model_name: str
    base_folder: str
    entries: list[tuple[str, str]] = field(default_factory=list)
    minutes: float = 4.0
    method: str = "full"
    learning_rate: float = 2e-4
    batch_size: int = 32
    replay_share: float = 0.5
    term_sentences: int = 1500
    held_out: int = 100
    evaluations: int = 3
    lora_rank: int = 16
    label_smoothing: float = 0.0
    seed: int = 0
    threads: int = 0
    device: str = "auto"
    user_pairs: str | None = None
    documents: list[str] = field(default_factory=list)
    document_sentences: int = 2000
    memories: list[str] = field(default_factory=list)
    memory_held_out: float = 0.1
    general_pairs: str | None = None
    general_limit: int = 150
    gate_general_limit: int = 600
    max_general_drop: float = 0.5
    calibrate: bool = True
    quant_aware: bool = True
    distill_replay: bool = True
    term_tokens_only: bool = True
    install: bool = True
    work_dir: str | None = None
