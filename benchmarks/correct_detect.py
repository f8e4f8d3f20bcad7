"""Language detection for ``--lang auto``: how many learner sentences are checked in the right language.

English: the first 200 source sentences of JFLEG dev (learner English with errors, ``../shared/data/jfleg/dev``,
non-commercial, read only here), detokenised. Portuguese: the error sentences of
``benchmarks/data/pt_learner_set.tsv`` and of ``tests/engine/correct/data/pt_learner.tsv``, then sentences of
TICO-19 dev (CC0) with learner errors injected (accents dropped, article gender swapped, ``está`` -> ``é``) until
there are 200. Each sentence goes through ``CorrectionService.check(text, "auto")``, the code path of the app.

    .venv/bin/python benchmarks/correct_detect.py
"""

from __future__ import annotations

import random
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JFLEG = ROOT.parent / "shared" / "data" / "jfleg" / "dev" / "dev.src"
TICO = ROOT.parent / "shared" / "data" / "tico19-eng-por" / "dev.por"
SETS = (
    ROOT / "benchmarks" / "data" / "pt_learner_set.tsv",
    ROOT / "tests" / "engine" / "correct" / "data" / "pt_learner.tsv",
)
N = 200


def detokenize(line: str) -> str:
    text = re.sub(r" ([.,!?;:%)])", r"\1", line.strip())
    text = re.sub(r"\( ", "(", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)


def inject(sentence: str, rng: random.Random) -> str:
    """Learner errors: drop the accents of some words, swap an article's gender, 'está' -> 'é'."""
    words = sentence.split()
    swaps = {"o": "a", "a": "o", "os": "as", "as": "os", "um": "uma", "uma": "um"}
    for i, word in enumerate(words):
        r = rng.random()
        if word.lower() in swaps and r < 0.5:
            words[i] = swaps[word.lower()]
        elif r < 0.3:
            words[i] = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        elif word == "está":
            words[i] = "é"
    return " ".join(words)


def portuguese() -> list[str]:
    out: list[str] = []
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3 or cols[0] == cols[1] or cols[0] == "wrong":
                continue
            out.append(cols[0])
    rng = random.Random(13)
    for line in TICO.read_text(encoding="utf-8").splitlines():
        if len(out) >= N:
            break
        if 4 <= len(line.split()) <= 30:
            out.append(inject(line, rng))
    return out[:N]


def main() -> int:
    if not JFLEG.exists() or not TICO.exists():
        print(f"missing evaluation data: {JFLEG} / {TICO} (see ../shared/data/README.md)")
        return 1
    from engine.config import EngineConfig
    from engine.correct.service import CorrectionService

    english = [detokenize(x) for x in JFLEG.read_text(encoding="utf-8").splitlines()[:N]]
    sets = {"en": english, "pt": portuguese()}
    service = CorrectionService(EngineConfig())
    print("| set | sentences | checked in the right language | wrong | seconds |")
    print("|---|---|---|---|---|")
    total = right = 0
    for lang, sentences in sets.items():
        start = time.perf_counter()
        ok = 0
        wrong: list[str] = []
        for s in sentences:
            result = service.check(s, "auto")
            if all(p.language.startswith(lang) for p in result.parts):
                ok += 1
            else:
                wrong.append(s)
        total += len(sentences)
        right += ok
        print(
            f"| {lang} | {len(sentences)} | {ok / len(sentences):.1%} | {len(wrong)} | {time.perf_counter() - start:.1f} |"
        )
        for s in wrong:
            print(f"    wrong: {s}", file=sys.stderr)
    print(f"| all | {total} | {right / total:.1%} | {total - right} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
