"""The fine-tuning child process: ``python -m engine.glossary.finetune.worker CONFIG.json``.

Writes one JSON object per line on stdout (``stage``, ``progress``, ``metrics``, ``done``, ``error``) and exits.
The parent (:mod:`engine.glossary.finetune.runner`) cancels it by terminating its process group; the only thing
it may leave behind is a temporary folder the next run or the parent removes, never a half-installed model.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from engine.devices import resolve_device
from engine.errors import PalavraError
from engine.glossary.finetune.config import FineTuneConfig

log = logging.getLogger(__name__)


def emit(event: str, **fields: Any) -> None:
    """Write one event line for the parent."""
    sys.stdout.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class _Rejected(Exception):
    """The exported model did not pass the install gate (not an error: the base model is kept)."""

    def __init__(self, reason: str, after: dict[str, Any]) -> None:
        super().__init__(reason)
        self.after = after


def run(config: FineTuneConfig) -> dict[str, Any]:
    """Prepare data, evaluate, train within the budget (keeping the best checkpoint), re-quantize, evaluate the
    exported int8 model through ONNX Runtime and install it only when it is better in-domain and no more than
    ``max_general_drop`` worse in general.

    Returns:
        The ``done`` event's fields.
    """
    import torch

    from engine.errors import InputError
    from engine.glossary.finetune import batches, data, quantize
    from engine.glossary.finetune import evaluate as ev
    from engine.glossary.finetune.lora import LoraMarian, trainable_parameters
    from engine.glossary.finetune.memory import read_memories
    from engine.glossary.finetune.qat import QuantAwareMarian, int8_names
    from engine.glossary.finetune.shortlist_ext import extend_shortlist
    from engine.glossary.model import GlossaryEntry
    from engine.translate import store
    from engine.translate.architecture import Architecture
    from engine.translate.marian import read_marian
    from engine.translate.model_folder import find_source_model
    from engine.translate.torch_model import MarianTransformer
    from engine.translate.vocab import EOS_ID, Vocab

    started = time.monotonic()
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    if config.threads > 0:
        torch.set_num_threads(config.threads)
    device = torch.device(resolve_device(config.device, "torch"))
    emit("stage", stage="loading", device=str(device), threads=torch.get_num_threads())
    entries = [GlossaryEntry(s, t) for s, t in config.entries]
    source = find_source_model(Path(config.base_folder))
    if source.source != "en" and not (config.memories or config.user_pairs):
        raise InputError(
            f"Fine-tuning {source.source}->{source.target} from a glossary alone is not available: its practice "
            f"sentences are English. Give a translation memory of {source.source}->{source.target} sentence "
            "pairs (--memory FILE), and the glossary's terms are learnt from it."
        )
    marian = read_marian(source.model)
    arch = Architecture.from_config(marian.config)
    vocab = Vocab(source.source_vocab)
    if config.work_dir:
        work = Path(config.work_dir)
    else:  # run by hand: scratch inside the data folder, like the app's runs
        from engine.glossary.finetune.runner import runs_dir

        work = Path(tempfile.mkdtemp(prefix="run-", dir=runs_dir()))
    work.mkdir(parents=True, exist_ok=True)
    additions = [(vocab.encode(e.source)[:-1], vocab.encode(e.target)[:-1]) for e in entries]
    shortlist = (
        extend_shortlist(source.shortlist, work / "shortlist.bin", additions) if source.shortlist else None
    )

    emit("stage", stage="preparing")
    memory: list[tuple[str, str]] = []
    report = None
    if config.memories:
        report = read_memories([Path(m) for m in config.memories], source.source, source.target)
        memory = list(report.pairs)
        emit("memory", summary=report.summary(), pairs=len(memory))
    if config.user_pairs:
        memory += [(p.source, p.target) for p in data.user_pairs(Path(config.user_pairs))]
    memory_train, memory_held = ev.split_memory(memory, config.memory_held_out, config.seed)
    english = source.source == "en"
    term_src: list[str] = []
    held_terms: list[tuple[str, str]] = []
    if entries and english:
        per_term = max(2, min(len(data.TEMPLATES), config.term_sentences // max(1, len(entries))))
        term_src = data.term_sources(entries, per_term, config.seed)
        held = data.held_out_sources(entries, config.held_out)
        held_terms = [
            (s, e.target) for s, e in zip(held, _shuffled_entries(entries, len(held)), strict=False)
        ]
    if config.documents:
        term_src += data.document_sources(
            [Path(d) for d in config.documents], entries, config.document_sentences
        )
    replay_src, _ = data.drill_sentences(direction=(source.source, source.target))
    # the install gate scores the exported int8 model on every general pair it has (up to gate_general_limit:
    # ONNX Runtime translates them in seconds); the curve during training, through PyTorch, on the first
    # general_limit of them
    gate_general = (
        ev.general_pairs(Path(config.general_pairs), max(config.general_limit, config.gate_general_limit))
        if config.general_pairs
        else [
            (p.source, p.target) for p in data.human_general_pairs(direction=(source.source, source.target))
        ][: max(config.general_limit, config.gate_general_limit)]
    )
    general = gate_general[: config.general_limit]
    not_replayed = {s for s, _ in gate_general} | {s for s, _ in memory_held} | {s for s, _ in held_terms}
    replay_src = [s for s in replay_src if s not in not_replayed]
    term_tgt, replay_tgt, base_onnx = _teacher(source, entries, term_src, replay_src, config)
    pairs_domain = list(zip(term_src, term_tgt, strict=True)) + memory_train
    pairs_replay = list(zip(replay_src, replay_tgt, strict=True))
    sets = ev.EvalSets(tuple(memory_held), tuple(held_terms), tuple(general))
    gate_sets = ev.EvalSets(tuple(memory_held), tuple(held_terms), tuple(gate_general))
    emit(
        "stage",
        stage="prepared",
        term_pairs=len(term_src),
        memory_pairs=len(memory_train),
        replay_pairs=len(pairs_replay),
        held_out=len(memory_held) + len(held_terms),
        general=len(general),
    )
    if not pairs_domain:
        raise InputError("There is nothing to learn from: the glossary is empty and no memory was given.")

    def evaluate(model: MarianTransformer, label: str) -> dict[str, Any]:
        from engine.glossary.constrained import TermAwareTranslator

        model.eval()
        translator = TermAwareTranslator(model, source.source_vocab, shortlist, [])
        result = {"phase": label, "elapsed": round(time.monotonic() - started, 1), "runtime": "pytorch"}
        result.update(ev.score(sets, lambda xs: translator.translate(xs, method="none")))
        emit("metrics", **result)
        return result

    base = MarianTransformer(arch, marian.weights).eval().requires_grad_(False)
    before_onnx = {"phase": "before", "runtime": "onnx-int8", **ev.score(gate_sets, base_onnx)}
    emit("metrics", **before_onnx, elapsed=round(time.monotonic() - started, 1))
    before = evaluate(base, "before")
    model: MarianTransformer
    if config.method == "lora":
        model = LoraMarian(arch, marian.weights, rank=config.lora_rank)
    elif config.quant_aware:
        model = QuantAwareMarian(arch, marian.weights, int8_names(marian))
    else:
        model = MarianTransformer(arch, marian.weights)
    model.to(device)
    base.to(device)
    params = trainable_parameters(model)
    optimizer = torch.optim.AdamW(params, lr=config.learning_rate, weight_decay=0.0)

    def encode_pair(src: str, tgt: str) -> tuple[list[int], list[int]]:
        return vocab.encode(src)[:128], vocab.encode(tgt)[:128]

    half = max(1, round(config.batch_size * (1.0 - config.replay_share)))  # the domain's share of a batch
    # which target tokens are learnt from (cross-entropy) and which only keep the base model's distribution (KL
    # from the frozen base): a term sentence's target is the base's translation with the term written in, so only
    # the term's tokens are new; a memory's targets are the user's, all learnt; replay is all distillation
    teacher = base if config.distill_replay else None
    term_pieces = batches.term_pieces(vocab, entries)
    term_count = len(term_src)

    def encode_domain(k: int, src: str, tgt: str) -> batches.Example:
        s_ids, t_ids = encode_pair(src, tgt)
        if teacher is None or not config.term_tokens_only or k >= term_count:
            return s_ids, t_ids, None
        return s_ids, t_ids, batches.term_positions(t_ids, term_pieces)

    def encode_replay(src: str, tgt: str) -> batches.Example:
        s_ids, t_ids = encode_pair(src, tgt)
        return s_ids, t_ids, (0.0,) * len(t_ids) if teacher is not None else None

    domain_batches = batches.buckets([encode_domain(k, s, t) for k, (s, t) in enumerate(pairs_domain)], half)
    replay_batches = batches.buckets([encode_replay(s, t) for s, t in pairs_replay], config.batch_size - half)
    budget = config.minutes * 60.0
    train_start = time.monotonic()
    step = 0
    next_eval = budget / max(1, config.evaluations)
    last_progress = 0.0
    loss_avg = math.nan
    best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    best_key = (0.0, -math.inf)
    curve: list[dict[str, Any]] = []
    warmup = 10
    while True:
        elapsed = time.monotonic() - train_start
        if elapsed >= budget:
            break
        batch = list(random.choice(domain_batches))
        if replay_batches:
            batch += random.choice(replay_batches)
        model.train()
        for group in optimizer.param_groups:
            group["lr"] = config.learning_rate * min(1.0, (step + 1) / warmup)
        loss = batches.loss(model, batch, EOS_ID, device, config.label_smoothing, shortlist, teacher=teacher)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        step += 1
        value = float(loss.detach())
        loss_avg = value if math.isnan(loss_avg) else 0.9 * loss_avg + 0.1 * value
        now = time.monotonic() - train_start
        if now - last_progress >= 2.0:
            last_progress = now
            emit("progress", step=step, elapsed=round(now, 1), budget=budget, loss=round(loss_avg, 4))
        if now >= next_eval or time.monotonic() - train_start >= budget:
            next_eval += budget / max(1, config.evaluations)
            point = evaluate(model, "training")
            point["step"] = step
            curve.append(point)
            drop = ev.general_drop(before, point)
            gain = ev.gain(before, point)
            # the best in-domain gain among checkpoints within the general limit; while there is none, the one
            # that lost least general quality for a gain (the install gate judges it on the exported model)
            key = (1.0, gain) if drop <= config.max_general_drop else (0.0, -drop if gain > 0 else -1e9)
            if key > best_key:
                best_key = key
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    after = evaluate(model, "after")
    result: dict[str, Any] = {
        "before": before_onnx,
        "after": after,
        "float_before": before,
        "float_after": after,
        "curve": curve,
        "steps": step,
        "steps_per_minute": round(step / max(1e-9, (time.monotonic() - train_start) / 60.0), 1),
        "installed": False,
        "memory": report.summary() if report else None,
    }
    emit("stage", stage="exporting")
    weights = _weights(model, marian.weights)
    alphas = dict(marian.quant_multipliers or {})
    if alphas and config.calibrate:
        calib = [
            encode_pair(s, t) for s, t in (memory_train + list(zip(term_src, term_tgt, strict=True)))[:256]
        ]
        base_ranges = quantize.activation_ranges(base, calib)
        new_ranges = quantize.activation_ranges(MarianTransformer(arch, weights), calib)
        alphas, moved = quantize.recalibrate(alphas, base_ranges, new_ranges)
        result["recalibrated_scales"] = moved

    def gate(folder: Path) -> None:
        store.validate_folder(folder)
        scored = {
            "phase": "installed",
            "runtime": "onnx-int8",
            **ev.score(gate_sets, ev.onnx_translator(folder, config.threads)),
        }
        emit("metrics", **scored, elapsed=round(time.monotonic() - started, 1))
        reason = ev.verdict(before_onnx, scored, config.max_general_drop)
        if reason is not None or not config.install:
            raise _Rejected(reason or "evaluation only (--no-install)", scored)
        result["after"] = scored

    try:
        installed = _install(config, arch, weights, alphas, source, work / "shortlist.bin", gate)
        result.update(installed=True, model=installed.name, folder=str(installed.folder))
    except _Rejected as rejected:
        result["after"] = rejected.after
        result["reason"] = str(rejected)
    result["float_gain"] = round(ev.gain(before, after), 2)
    result["int8_gain"] = round(ev.gain(before_onnx, result["after"]), 2)
    result["kept_share"] = ev.kept_share(result["float_gain"], result["int8_gain"])
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def _teacher(
    source: Any, entries: list[Any], term_src: list[str], replay_src: list[str], config: FineTuneConfig
) -> tuple[list[str], list[str], Any]:
    """Targets from the base model on the ONNX runtime (computed once): term sentences with the glossary, replay
    without; and the base model's plain ONNX translation function (the "before" of the evaluation)."""
    from engine.config import EngineConfig
    from engine.glossary.align import TermAligner
    from engine.glossary.inference import translate_sentences
    from engine.translate import store
    from engine.translate.service import LoadedModel

    installed = store.find_installed(source.pair) or store.convert(source, kind="shipped")
    loaded = LoadedModel(installed, EngineConfig(threads=config.threads))
    folder = installed.folder
    with_terms = TermAligner(folder / "source.spm", entries)
    without = TermAligner(folder / "source.spm", [])

    def plain(sentences: list[str]) -> list[str]:
        return translate_sentences(loaded, without, sentences)

    return translate_sentences(loaded, with_terms, term_src), plain(replay_src), plain


def _shuffled_entries(entries: list[Any], limit: int) -> list[Any]:
    rng = random.Random(1)
    chosen = list(entries)
    rng.shuffle(chosen)
    return chosen[:limit]


def _weights(model: Any, original: dict[str, Any]) -> dict[str, Any]:
    from engine.glossary.finetune.lora import merged_weights

    merged = merged_weights(model)
    return {name: merged[name] for name in original}


def _install(
    config: FineTuneConfig,
    arch: Any,
    weights: dict[str, Any],
    alphas: dict[str, float],
    source: Any,
    lex: Path,
    gate: Any,
) -> Any:
    from engine.translate import store

    return store.install(
        weights,
        arch,
        alphas=alphas or None,
        name=config.model_name,
        source=source.source,
        target=source.target,
        kind="adapted",
        source_vocab=source.source_vocab,
        target_vocab=source.target_vocab,
        shortlist=lex if lex.is_file() else source.shortlist,
        extra={
            "glossary": config.glossary,
            "base": source.pair,
            "method": config.method,
            "memories": [Path(m).name for m in config.memories],
        },
        validate=gate,
    )


def watch_parent(parent: int, interval: float = 1.0) -> threading.Thread:
    """Stop this process (exit code 3) as soon as ``parent`` is no longer its parent: the app that started the run
    was killed, so nobody would read the events, and the half-trained model must not keep two cores busy."""

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(3)
            time.sleep(interval)

    thread = threading.Thread(target=watch, name="palavra-finetune-parent-watch", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> int:
    """Entry point of the child process."""
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    parent = os.environ.get("PALAVRA_FINETUNE_PARENT", "")
    if parent.isdigit():
        watch_parent(int(parent))
    try:
        config = FineTuneConfig(**json.loads(Path(args[0]).read_text(encoding="utf-8")))
        result = run(config)
    except PalavraError as exc:
        emit("error", message=exc.user_message, detail=str(exc))
        return 1
    except Exception as exc:  # the parent must always get an event it can show
        log.exception("fine-tuning failed")
        emit("error", message=f"Fine-tuning failed: {exc}", detail=traceback.format_exc())
        return 1
    emit("done", **result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
