"""Short phrases without a final stop ("Hello", "Good night"): translated as written vs. as a sentence.

Reads ../shared/data/tatoeba-eng-por/test.tsv (or $PALAVRA_SHARED_DATA): every English sentence of at most three
words, its final . ! ? removed on both sides, translated en->pt by the active model twice in one run: as written
(the old behaviour, :func:`engine.translate.text.open_phrase` switched off) and as the app does now (a stop added
for decoding, taken off again). Prints chrF++ and how many outputs are more than twice as long as the source.

Usage: python benchmarks/mt_short_phrases.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TATOEBA = SHARED / "tatoeba-eng-por" / "test.tsv"


def main() -> int:
    if not TATOEBA.is_file():
        sys.exit(f"Evaluation data not found at {SHARED} (or set PALAVRA_SHARED_DATA). Nothing was measured.")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from sacrebleu.metrics import CHRF

    import engine.translate.text as text
    from engine.api import Engine

    rows = [line.split("\t") for line in TATOEBA.read_text(encoding="utf-8").splitlines()]
    pairs = [(r[2].rstrip(".!?"), r[3].rstrip(".!?")) for r in rows if len(r) == 4 and len(r[2].split()) <= 3]
    src, ref = [s for s, _ in pairs], [r for _, r in pairs]
    chrf = CHRF(word_order=2)
    results = []
    real = text.open_phrase
    for label, rule in (("as written", lambda _s: False), ("as a sentence (the app)", real)):
        text.open_phrase = rule  # type: ignore[assignment]
        engine = Engine()
        out = [t.text for t in engine.translate(src, "en", "pt")]
        long = sum(len(o.split()) > 2 * len(s.split()) for s, o in zip(src, out, strict=True))
        results.append((label, chrf.corpus_score(out, [ref]).score, long))
        engine.close()
    text.open_phrase = real  # type: ignore[assignment]
    print(f"{len(pairs)} Tatoeba phrases of at most 3 words, final stop removed")
    print(f"{'decoding':<26}{'chrF++':>8}{'outputs > 2x source':>22}")
    for label, score, long in results:
        print(f"{label:<26}{score:>8.2f}{long:>22}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
