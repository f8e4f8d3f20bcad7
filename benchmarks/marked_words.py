""" "Add to my words": how often a selected word's card holds the words its sentence's translation uses for it.

    PALAVRA_SHARED_DATA=/work/shared/data PYTHONPATH=$PWD .venv/bin/python benchmarks/marked_words.py
    ... benchmarks/marked_words.py --limit 100      # a quick run

For each evaluation sentence (../shared/data; not copied) and each of its words found in the small bilingual
lexicon of ``doc_inline.py`` (and each pair of adjacent ones, "red car"), the sentence is translated as the
Translate page translates it, and the word is marked in the source pane through ``Engine().practice.mark_word``
(what the page calls; a throw-away data folder) with its position. A sample counts when the translation holds
exactly one of the lexicon's renderings of the word (otherwise the right target word is not known; counted as
skipped). "in context %": the card's other side is exactly those words (a two-word span: its renderings and the
words between them); "word alone %": the same for the word translated alone, as the page did before (tidied the
same way: capital and full stop dropped). "in sentence %": how often the card's other side is words of the
sentence's translation at all. "from translation %": the expected words selected in the translation pane instead
give back exactly the selected source words.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mt_common import require_data, tatoeba, tico_dev
from doc_inline import lexicon, samples

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _holds(sentence: list[str], words: list[str]) -> bool:
    n = len(words)
    return n > 0 and any(sentence[i : i + n] == words for i in range(len(sentence) - n + 1))


def measure(direction: str, sentences: list[str], *, show: bool = False) -> dict[str, float]:
    from engine.api import Engine
    from engine.practice.marking import clean_lookup

    source, target = direction.split("-")
    eng = Engine()
    todo = samples(sentences, lexicon(direction))
    unique = list(dict.fromkeys(s for s, *_ in todo))
    translated = dict(zip(unique, (t.text for t in eng.translate(unique, source, target)), strict=True))
    counted = skipped = in_context = alone = in_sentence = from_translation = 0
    spent = 0.0
    for s, a, b, word_sets in todo:
        tgt = _words(translated[s])
        found = [[k for k, w in enumerate(tgt) if w in words] for words in word_sets]
        if any(len(f) != 1 for f in found) or len({f[0] for f in found}) != len(found):
            skipped += 1
            continue
        expected = tgt[min(f[0] for f in found) : max(f[0] for f in found) + 1]
        counted += 1
        started = time.perf_counter()
        card = eng.practice.mark_word(
            s[a:b], source, practised=source, context=s, other_text=translated[s], at=a
        )
        spent += time.perf_counter() - started
        got = _words(card.translation)
        in_context += got == expected
        if show and got != expected:
            print(
                f"  {s[a:b]!r} in {s!r}: {card.translation!r}, expected {' '.join(expected)!r}",
                file=sys.stderr,
            )
        in_sentence += _holds(tgt, got)
        lone = clean_lookup(eng.translate([s[a:b]], source, target)[0].text, s[a:b])
        alone += _words(lone) == expected
        # the other way: those words selected in the translation, the selection's words expected back
        spans = [m.span() for m in _WORD.finditer(translated[s])]
        x, y = spans[min(f[0] for f in found)][0], spans[max(f[0] for f in found)][1]
        back = eng.practice.mark_word(
            translated[s][x:y],
            target,
            practised=target,
            context=translated[s],
            other_text=s,
            at=x,
            in_translation=True,
        )
        from_translation += _words(back.translation) == _words(s[a:b])
        if show and _words(back.translation) != _words(s[a:b]):
            print(f"  <- {translated[s][x:y]!r} in {translated[s]!r}: {back.translation!r}", file=sys.stderr)
    eng.close()
    n = max(counted, 1)
    return {
        "samples": counted,
        "skipped": skipped,
        "in_context": 100 * in_context / n,
        "alone": 100 * alone / n,
        "in_sentence": 100 * in_sentence / n,
        "from_translation": 100 * from_translation / n,
        "ms": 1000 * spent / n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="sentences per set and direction")
    ap.add_argument("--show", action="store_true", help="print the cards that miss (on stderr)")
    args = ap.parse_args()
    require_data()
    os.environ["PALAVRA_DATA_DIR"] = tempfile.mkdtemp(prefix="palavra-marked-")  # the cards go nowhere
    en_t, pt_t = tatoeba(args.limit)
    en_c, pt_c = tico_dev(args.limit)
    print(
        f"{'pair':6} {'set':8} {'samples':>8} {'skipped':>8} {'in context %':>13} {'word alone %':>13} "
        f"{'in sentence %':>14} {'from translation %':>19} {'ms/word':>8}"
    )
    for direction, name, sents in (
        ("en-pt", "Tatoeba", en_t),
        ("en-pt", "TICO-19", en_c),
        ("pt-en", "Tatoeba", pt_t),
        ("pt-en", "TICO-19", pt_c),
    ):
        r = measure(direction, sents, show=args.show)
        print(
            f"{direction:6} {name:8} {r['samples']:>8.0f} {r['skipped']:>8.0f} {r['in_context']:>13.1f} "
            f"{r['alone']:>13.1f} {r['in_sentence']:>14.1f} {r['from_translation']:>19.1f} {r['ms']:>8.0f}"
        )


if __name__ == "__main__":
    main()
