"""What a fine-tuning run is judged on: in-domain (the held-out part of the user's memory), term use on held-out
term sentences, and general quality on human references never trained on.

:class:`EvalSets` is scored two ways: with the PyTorch model during training (the live curves, the best
checkpoint) and with the exported ONNX int8 folder (:func:`score_onnx`, the same runtime path the app translates
with), which decides whether the model is installed.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.glossary.finetune.chrf import corpus_chrf


@dataclass(frozen=True)
class EvalSets:
    """Held-out sentences.

    Attributes:
        domain: (source, reference) pairs held out of the user's memory.
        terms: (source, target term) held-out term sentences.
        general: (source, human reference) general-domain pairs.
    """

    domain: tuple[tuple[str, str], ...]
    terms: tuple[tuple[str, str], ...]
    general: tuple[tuple[str, str], ...]


def general_pairs(path: Path, limit: int) -> list[tuple[str, str]]:
    """Human-translated pairs from a TSV (source TAB target, or Tatoeba's ``eng TAB por TAB en TAB pt``)."""
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            cells = row[2:4] if len(row) >= 4 else row[:2]
            if len(cells) == 2 and cells[0].strip() and cells[1].strip():
                out.append((cells[0].strip(), cells[1].strip()))
            if len(out) >= limit:
                break
    return out


def score(sets: EvalSets, translate: Callable[[list[str]], list[str]]) -> dict[str, Any]:
    """chrF++ in-domain and general, and term use in %, of one translation function.

    Returns:
        ``{"domain_chrf", "chrf", "term_accuracy", "examples"}`` (a figure is None when its set is empty).
    """
    from engine.glossary.terms import uses_term

    sources = [s for s, _ in sets.domain] + [s for s, _ in sets.terms] + [s for s, _ in sets.general]
    outputs = translate(sources) if sources else []
    n_d, n_t = len(sets.domain), len(sets.terms)
    domain_out, term_out, general_out = outputs[:n_d], outputs[n_d : n_d + n_t], outputs[n_d + n_t :]
    hits = sum(uses_term(o, t) for o, (_, t) in zip(term_out, sets.terms, strict=True))
    examples = list(zip([s for s, _ in sets.domain], domain_out, strict=True))[:3]
    examples += list(zip([s for s, _ in sets.terms], term_out, strict=True))[:3]
    return {
        "domain_chrf": round(corpus_chrf(domain_out, [r for _, r in sets.domain]), 2) if n_d else None,
        "term_accuracy": round(100.0 * hits / n_t, 1) if n_t else None,
        "chrf": round(corpus_chrf(general_out, [r for _, r in sets.general]), 2) if sets.general else None,
        "examples": [[s, o] for s, o in examples],
    }


def onnx_translator(folder: Path, threads: int) -> Callable[[list[str]], list[str]]:
    """Plain translation (no glossary) with an installed or just-built ONNX folder, as the app runs it."""
    from engine.config import EngineConfig
    from engine.glossary.align import TermAligner
    from engine.glossary.inference import translate_sentences
    from engine.translate.service import LoadedModel
    from engine.translate.store import read_manifest

    model = read_manifest(folder)
    if model is None:
        raise FileNotFoundError(folder / "manifest.json")
    loaded = LoadedModel(model, EngineConfig(threads=threads))
    aligner = TermAligner(folder / "source.spm", [])

    def run(sentences: list[str]) -> list[str]:
        return translate_sentences(loaded, aligner, sentences)

    return run


def gain(before: dict[str, Any], after: dict[str, Any]) -> float:
    """The in-domain improvement: chrF++ on the held-out memory when there is one, else term use points."""
    if before.get("domain_chrf") is not None and after.get("domain_chrf") is not None:
        return float(after["domain_chrf"]) - float(before["domain_chrf"])
    if before.get("term_accuracy") is not None and after.get("term_accuracy") is not None:
        return float(after["term_accuracy"]) - float(before["term_accuracy"])
    return 0.0


def general_drop(before: dict[str, Any], after: dict[str, Any]) -> float:
    """How far general chrF++ fell (negative: it rose)."""
    if before.get("chrf") is None or after.get("chrf") is None:
        return 0.0
    return float(before["chrf"]) - float(after["chrf"])


def verdict(before: dict[str, Any], after: dict[str, Any], max_drop: float) -> str | None:
    """Why a model must not be installed, or None when it may."""
    g, d = gain(before, after), general_drop(before, after)
    if g <= 0.0:
        what = "chrF++ on your held-out sentences" if before.get("domain_chrf") is not None else "term use"
        return f"the adapted model did not improve {what} ({g:+.2f}), so the base model is kept"
    if d > max_drop:
        return f"general quality fell by {d:.2f} chrF++ (more than {max_drop:g} allowed), so the base model is kept"
    return None


def kept_share(float_gain: float, int8_gain: float) -> float | None:
    """The share (%) of the float model's in-domain gain that the installed int8 model keeps."""
    if float_gain <= 0.0:
        return None
    return round(100.0 * int8_gain / float_gain, 1)


def split_memory(
    pairs: Sequence[tuple[str, str]], share: float, seed: int, blocks: int = 4
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(training pairs, held-out pairs): ``share`` of the pairs (20 to 200) is held out in ``blocks`` runs of
    consecutive pairs spread over the memory.

    A memory lists its segments in document order, so neighbouring pairs share names, numbers and phrases; a random
    split puts those neighbours on both sides and measures how well the model remembers its documents rather than
    how it translates new ones (on TICO-19 a random split showed +3.8 chrF++ where unseen documents gained +0.2).
    Whole runs held out are closer to the user's next document. ``seed`` moves the runs a little.
    """
    n = 0 if len(pairs) < 40 else max(20, min(200, round(share * len(pairs))))
    if n == 0:
        return list(pairs), []
    blocks = max(1, min(blocks, n // 5))
    size = n // blocks
    sizes = [size + (1 if i < n - size * blocks else 0) for i in range(blocks)]
    stride = len(pairs) / blocks
    shift = seed % max(1, int(stride - max(sizes)))
    held: set[int] = set()
    for b, k in enumerate(sizes):
        start = min(len(pairs) - k, int(b * stride + (stride - k) / 2) + shift // 2)
        held.update(range(start, start + k))
    return [p for i, p in enumerate(pairs) if i not in held], [pairs[i] for i in sorted(held)]
