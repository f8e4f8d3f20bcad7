"""Term-aware translation on a legal glossary and test set written for Palavra (benchmarks/data/legal_*.tsv).

The glossary (38 en->pt terms, with gender, plural and the synonyms a model tends to write) is imported as a user
would (``palavra glossary import``; gender and plural go in the note column), the 65 sentences are translated with
the active en-pt model without and with it, and a table is printed:

* term use: of the term occurrences in the English (singular and plural forms), how many translations contain the
  expected Portuguese form (the plural for a plural occurrence);
* wrong article: of the terms written, how many follow a determiner or contraction ("o", "da", "pelos", "uma" ...)
  of the wrong gender or number;
* synonym beside: of the terms written, how many have one of the model's synonyms of that term as the word before
  or after ("O queixoso autor");
* chrF++ against the human references; sentences per second, plain and term-aware (threads as configured).

Usage: python benchmarks/glossary_legal.py [--threads N] [--sentences FILE] [--show]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--threads", type=int, default=2, help="translation threads")
    parser.add_argument(
        "--sentences",
        type=Path,
        default=DATA / "legal_sentences.tsv",
        help="english<TAB>portuguese test pairs (default: the tuning set; benchmarks/data/legal_heldout.tsv "
        "is a second set, written apart and never tuned on)",
    )
    parser.add_argument(
        "--show", action="store_true", help="print every term-aware translation with a problem"
    )
    args = parser.parse_args()
    os.environ.setdefault("PALAVRA_DATA_DIR", str(Path(tempfile.gettempdir()) / "palavra-bench-legal"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from sacrebleu.metrics import CHRF

    from engine.api import Engine
    from engine.config import EngineConfig
    from engine.glossary.inflect import determiner_agreement, english_forms

    rows = list(csv.DictReader((DATA / "legal_glossary.tsv").open(encoding="utf-8"), delimiter="\t"))
    pairs = list(csv.DictReader(args.sentences.open(encoding="utf-8"), delimiter="\t"))
    english = [p["english"] for p in pairs]
    refs = [p["portuguese"] for p in pairs]
    engine = Engine(EngineConfig(threads=args.threads))
    name = "legal-bench"
    service = engine.glossaries
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "legal.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["source", "target", "note"])
            for r in rows:
                w.writerow([r["source"], r["target"], f"{r['gender']}; pl. {r['plural']}"])
        service.import_file(path, name, "en", "pt", domain="legal", replace=True)

    # the reference matcher: every singular and plural source form, longest first
    forms: list[tuple[str, dict[str, str], bool]] = []
    for r in rows:
        for form, plural in english_forms(r["source"]).items():
            forms.append((form, r, plural))
    forms.sort(key=lambda f: -len(f[0]))

    def occurrences(sentence: str) -> list[tuple[dict[str, str], bool]]:
        taken: list[tuple[int, int]] = []
        found = []
        for form, r, plural in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence, re.IGNORECASE):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append((m.start(), r, plural))
        return [(r, p) for _, r, p in sorted(found, key=lambda f: f[0])]

    def score(outs: list[str]) -> tuple[int, int, int, int, list[str]]:
        hits = used = wrong = beside = 0
        problems = []
        for src, out in zip(english, outs, strict=True):
            low = " ".join(out.split()).casefold()
            for r, plural in occurrences(src):
                hits += 1
                term = (r["plural"] if plural else r["target"]).casefold()
                m = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", low)
                if m is None and len(english_forms(r["source"])) == 1:  # uncountable: "evidence" -> "provas"
                    plural, term = True, r["plural"].casefold()
                    m = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", low)
                if m is None:
                    problems.append(f"missing {term!r}: {src} -> {out}")
                    continue
                used += 1
                before = re.findall(r"\w+", low[: m.start()])
                after = re.findall(r"\w+", low[m.end() :])
                if before:
                    mark = determiner_agreement(before[-1])
                    if mark is not None and mark != (r["gender"], plural):
                        wrong += 1
                        problems.append(f"article {before[-1]!r} before {term!r}: {src} -> {out}")
                near = " ".join(before[-2:]) + " | " + " ".join(after[:2])
                for syn in filter(None, r["synonyms"].casefold().split("|")):
                    if re.search(rf"(?<!\w){re.escape(syn)}(?!\w)", near):
                        beside += 1
                        problems.append(f"synonym {syn!r} beside {term!r}: {src} -> {out}")
                        break
        return hits, used, wrong, beside, problems

    def run(glossary: str | None) -> tuple[list[str], float]:
        start = time.perf_counter()
        out = [t.text for t in engine.translate(english, "en", "pt", glossary=glossary)]
        return out, len(english) / (time.perf_counter() - start)

    engine.translate(["Warm-up."], "en", "pt")
    start = time.perf_counter()
    engine.translate(
        ["Warm-up."], "en", "pt", glossary=name
    )  # reads the glossary, builds its term policy once
    print(f"term policy built in {time.perf_counter() - start:.2f} s (once per glossary version)")
    chrf = CHRF(word_order=2)
    print(f"legal set: {len(english)} sentences, {len(rows)} terms; threads: {args.threads}")
    header = f"{'run':<12}{'hits':>6}{'term use %':>12}{'wrong article %':>17}{'synonym beside %':>18}"
    header += f"{'chrF++':>9}{'sent/s':>9}"
    print(header)
    print("-" * len(header))
    shown: list[str] = []
    last: list[str] = []
    for label, glossary in (("plain", None), ("term-aware", name)):
        outs, speed = run(glossary)
        hits, used, wrong, beside, problems = score(outs)
        print(
            f"{label:<12}{hits:>6}{100 * used / hits:>12.1f}{100 * wrong / max(used, 1):>17.1f}"
            f"{100 * beside / max(used, 1):>18.1f}{chrf.corpus_score(outs, [refs]).score:>9.2f}{speed:>9.1f}"
        )
        if glossary is not None:
            shown, last = problems, outs
    if args.show:
        print("\nProblems of the term-aware translations:")
        for p in shown:
            print("  " + p)
        print("\nAll term-aware translations:")
        for src, out in zip(english, last, strict=True):
            print(f"  {src}\n    -> {out}")
    engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
