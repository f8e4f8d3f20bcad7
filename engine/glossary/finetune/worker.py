"""The fine-tuning child process: ``python -m engine.glossary.finetune.worker CONFIG.json``.

Writes one JSON object per line on stdout (``stage``, ``progress``, ``metrics``, ``done``, ``error``) and exits.
The parent (:mod:`engine.glossary.finetune.runner`) cancels it by terminating its process group; the only thing
it may leave behind is a temporary folder the next run or the parent removes, never a half-installed model.
"""

from __future__ import annotations

import json
import logging
import math
import random
import sys
import tempfile
import time
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


def run(config: FineTuneConfig) -> dict[str, Any]:
    """Prepare data, evaluate, train within the budget, evaluate again, export and install.

    Returns:
        The ``done`` event's fields.
    """
    import torch

    from engine.glossary.constrained import TermAwareTranslator
    from engine.glossary.finetune import data
    from engine.glossary.finetune.chrf import corpus_chrf
    from engine.glossary.finetune.lora import LoraMarian, trainable_parameters
    from engine.glossary.finetune.shortlist_ext import extend_shortlist
    from engine.glossary.model import GlossaryEntry
    from engine.glossary.terms import uses_term
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
    emit("stage", stage="loading", device=str(device))
    entries = [GlossaryEntry(s, t) for s, t in config.entries]
    source = find_source_model(Path(config.base_folder))
    marian = read_marian(source.model)
    arch = Architecture.from_config(marian.config)
    vocab = Vocab(source.source_vocab)
    work = Path(config.work_dir) if config.work_dir else Path(tempfile.mkdtemp(prefix="palavra-finetune-"))
    work.mkdir(parents=True, exist_ok=True)
    additions = [
        (vocab.encode(e.source)[:-1], vocab.encode(e.target)[:-1]) for e in entries
    ]  # the term's pieces become candidates wherever its source pieces occur
    shortlist = (
        extend_shortlist(source.shortlist, work / "shortlist.bin", additions) if source.shortlist else None
    )
    base = MarianTransformer(arch, marian.weights).eval()

    emit("stage", stage="preparing")
    per_term = max(2, min(len(data.TEMPLATES), config.term_sentences // max(1, len(entries))))
    term_src = data.term_sources(entries, per_term, config.seed)
    if config.documents:
        term_src += data.document_sources(
            [Path(d) for d in config.documents], entries, config.document_sentences
        )
    replay_src, general = data.drill_sentences()
    term_tgt, replay_tgt = _teacher(source, entries, term_src, replay_src, config)
    pairs_terms = list(zip(term_src, term_tgt, strict=True))
    if config.user_pairs:
        pairs_terms += [(p.source, p.target) for p in data.user_pairs(Path(config.user_pairs))]
    pairs_replay = list(zip(replay_src, replay_tgt, strict=True))
    held = data.held_out_sources(entries, config.held_out)
    held_terms = {s: e for s, e in zip(held, _shuffled_entries(entries, len(held)), strict=False)}
    emit(
        "stage",
        stage="prepared",
        term_pairs=len(pairs_terms),
        replay_pairs=len(pairs_replay),
        held_out=len(held),
    )

    def evaluate(model: MarianTransformer, label: str) -> dict[str, Any]:
        model.eval()
        translator = TermAwareTranslator(model, source.source_vocab, shortlist, [])
        held_out = translator.translate(held)
        accuracy = sum(uses_term(o, held_terms[s].target) for s, o in zip(held, held_out, strict=True))
        general_out = translator.translate([p.source for p in general])
        score = corpus_chrf(general_out, [p.target for p in general]) if general else 0.0
        result = {
            "phase": label,
            "elapsed": round(time.monotonic() - started, 1),
            "term_accuracy": round(100.0 * accuracy / max(1, len(held)), 1),
            "chrf": round(score, 2),
            "examples": [[s, o] for s, o in list(zip(held, held_out, strict=True))[:5]],
        }
        emit("metrics", **result)
        return result

    before = evaluate(base, "before")
    model: MarianTransformer
    if config.method == "lora":
        model = LoraMarian(arch, marian.weights, rank=config.lora_rank)
    else:
        model = MarianTransformer(arch, marian.weights)
    model.to(device)
    params = trainable_parameters(model)
    optimizer = torch.optim.AdamW(params, lr=config.learning_rate, weight_decay=0.0)

    def encode_pair(src: str, tgt: str) -> tuple[list[int], list[int]]:
        return vocab.encode(src)[:128], vocab.encode(tgt)[:128]

    encoded_terms = [encode_pair(s, t) for s, t in pairs_terms]
    encoded_replay = [encode_pair(s, t) for s, t in pairs_replay]
    budget = config.minutes * 60.0
    train_start = time.monotonic()
    step = 0
    next_eval = budget / max(1, config.evaluations)
    last_progress = 0.0
    loss_avg = math.nan
    while True:
        elapsed = time.monotonic() - train_start
        if elapsed >= budget:
            break
        batch = random.sample(encoded_terms, min(len(encoded_terms), config.batch_size // 2))
        batch += random.sample(encoded_replay, min(len(encoded_replay), config.batch_size - len(batch)))
        model.train()
        for group in optimizer.param_groups:
            group["lr"] = config.learning_rate * min(1.0, (step + 1) / 20)
        loss = _loss(model, batch, EOS_ID, device, config.label_smoothing, shortlist)
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
        if now >= next_eval and now < budget - 5:
            next_eval += budget / max(1, config.evaluations)
            evaluate(model, "training")
    after = evaluate(model, "after")
    result: dict[str, Any] = {"before": before, "after": after, "steps": step, "installed": False}
    if config.install:
        emit("stage", stage="exporting")
        weights = _weights(model, marian.weights)
        installed = _install(config, arch, weights, marian.quant_multipliers, source, work / "shortlist.bin")
        result.update(installed=True, model=installed.name, folder=str(installed.folder))
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def _teacher(
    source: Any, entries: list[Any], term_src: list[str], replay_src: list[str], config: FineTuneConfig
) -> tuple[list[str], list[str]]:
    """Targets from the base model on the ONNX runtime: term sentences with the glossary, replay without."""
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
    return translate_sentences(loaded, with_terms, term_src), translate_sentences(loaded, without, replay_src)


def _shuffled_entries(entries: list[Any], limit: int) -> list[Any]:
    rng = random.Random(1)
    chosen = list(entries)
    rng.shuffle(chosen)
    return chosen[:limit]


def _loss(
    model: Any,
    batch: list[tuple[list[int], list[int]]],
    eos: int,
    device: Any,
    smoothing: float,
    shortlist: Any,
) -> Any:
    """Label-smoothed cross-entropy over the batch's shortlist (as decoding sees it), not the full vocabulary."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    width_s = max(len(s) for s, _ in batch)
    width_t = max(len(t) for _, t in batch)
    b = len(batch)
    src = torch.zeros((b, width_s), dtype=torch.long)
    src_mask = torch.zeros((b, width_s))
    tgt = torch.full((b, width_t), eos, dtype=torch.long)
    tgt_mask = torch.zeros((b, width_t))
    for i, (s, t) in enumerate(batch):
        src[i, : len(s)] = torch.tensor(s)
        src_mask[i, : len(s)] = 1.0
        tgt[i, : len(t)] = torch.tensor(t)
        tgt_mask[i, : len(t)] = 1.0
    all_src = [x for s, _ in batch for x in s]
    all_tgt = np.asarray([x for _, t in batch for x in t], dtype=np.int64)
    if shortlist is not None:
        cand = np.union1d(shortlist.candidates(all_src), all_tgt)
    else:
        cand = np.arange(model.arch.vocab_size, dtype=np.int64)
    cand_t = torch.from_numpy(cand).to(device)
    index = torch.from_numpy(np.searchsorted(cand, tgt.numpy())).to(device)
    tgt_in = torch.cat([torch.full((b, 1), -1, dtype=torch.long), tgt[:, :-1]], dim=1).to(device)
    src, src_mask = src.to(device), src_mask.to(device)
    memory = model.encode(src, src_mask)
    state = model.start_state(memory, src_mask)
    hidden = model.decode(model.embed_targets(tgt_in, 0), state)
    logp = torch.log_softmax(model.logits(hidden, cand_t), dim=-1)
    nll = F.nll_loss(logp.transpose(1, 2), index, reduction="none")
    per_token = (1 - smoothing) * nll + smoothing * (-logp.mean(dim=-1))
    mask = tgt_mask.to(device)
    return (per_token * mask).sum() / mask.sum()


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
        extra={"glossary": config.glossary, "base": source.pair, "method": config.method},
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the child process."""
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        config = FineTuneConfig(**json.loads(Path(args[0]).read_text(encoding="utf-8")))
        result = run(config)
    except PalavraError as exc:
        emit("error", message=exc.user_message, detail=str(exc))
        return 1
    except Exception as exc:  # the parent must always get an event it can show
        log.exception("fine-tuning failed")
        emit("error", message=f"Fine-tuning failed: {exc}", detail=repr(exc))
        return 1
    emit("done", **result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
