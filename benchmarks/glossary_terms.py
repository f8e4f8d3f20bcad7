"""Glossary adherence of term-aware translation (no fine-tuning) on TICO-19, and general quality on Tatoeba.

Reads ../shared/data (or $PALAVRA_SHARED_DATA): tico19-eng-por (CC0) and tatoeba-eng-por (CC BY-NC-SA, used only
to evaluate). Imports the two TICO-19 en->pt glossaries as a user would (``palavra glossary import``: defaults;
a source given two targets keeps both), translates the TICO dev half with the active en-pt model without and
with each glossary, and prints a table:

* term adherence over ``term_hits.tsv`` (the glossary's Portuguese term occurs in the translation): every row;
  ``yes`` rows; "applicable" rows (and the same with the term's inflected forms counted as used), leaving out the rows where the glossary does not ask for that target (the
  pronoun "who" counted as WHO, "SARS" inside "SARS-CoV-2", a term inside a longer glossary term, and the other
  target of an entry with two);
* chrF++ on the TICO dev half and on the first N Tatoeba pairs, base and with the glossary;
* sentences per second;

then the causes of every missed row.

Usage: python benchmarks/glossary_terms.py [--tatoeba N] [--start N] [--limit N] [--model NAME] [--hits-out FILE]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TICO = SHARED / "tico19-eng-por"
GLOSSARIES = {"facebook": "f_en-pt_XX.csv", "google": "g_en_pt-BR.csv"}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tatoeba", type=int, default=2000, help="Tatoeba pairs for general quality")
    parser.add_argument("--limit", type=int, default=None, help="only the first N TICO lines")
    parser.add_argument(
        "--start",
        type=int,
        default=1,
        help="first TICO line (1-based): the lines before it can be training documents",
    )
    parser.add_argument("--model", default=None, help="model name (default: the active en-pt model)")
    parser.add_argument("--hits-out", type=Path, default=None, help="write per-hit results (TSV) here")
    args = parser.parse_args()
    if not (TICO / "term_hits.tsv").is_file() or not (SHARED / "tatoeba-eng-por" / "test.tsv").is_file():
        sys.exit(
            f"Evaluation data not found at {SHARED} (expected ../shared/data next to the repository, or set "
            "PALAVRA_SHARED_DATA). Nothing was measured."
        )
    os.environ.setdefault("PALAVRA_DATA_DIR", str(Path(tempfile.gettempdir()) / "palavra-bench-glossary"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from sacrebleu.metrics import CHRF

    from engine.api import Engine
    from engine.glossary.terms import TermMatcher, uses_term

    engine = Engine()
    en = (TICO / "dev.eng").read_text(encoding="utf-8").splitlines()[args.start - 1 : args.limit]
    pt = (TICO / "dev.por").read_text(encoding="utf-8").splitlines()[args.start - 1 : args.limit]
    tat_en, tat_pt = [], []
    for line in (SHARED / "tatoeba-eng-por" / "test.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            tat_en.append(parts[2])
            tat_pt.append(parts[3])
    tat_en, tat_pt = tat_en[: args.tatoeba], tat_pt[: args.tatoeba]
    hits = list(csv.DictReader((TICO / "term_hits.tsv").open(encoding="utf-8"), delimiter="\t"))
    hits = [h for h in hits if args.start <= int(h["line"]) < args.start + len(en)]
    chrf = CHRF(word_order=2)

    def run(texts: list[str], glossary: str | None) -> tuple[list[str], float]:
        start = time.perf_counter()
        out = [t.text for t in engine.translate(texts, "en", "pt", model=args.model, glossary=glossary)]
        return out, len(texts) / (time.perf_counter() - start)

    engine.translate(["Warm-up."], "en", "pt", model=args.model)
    base_tico, base_speed = run(en, None)
    base_tat, _ = run(tat_en, None)
    print(
        f"model: {engine.translation.model('en', 'pt', args.model).info.name}; TICO lines: {len(en)}; "
        f"Tatoeba pairs: {len(tat_en)}"
    )
    header = (
        f"{'glossary':<18}{'hits':>6}{'all %':>8}{'yes %':>8}{'applicable %':>14}{'+ inflected %':>15}"
        f"{'TICO chrF++':>13}{'Tatoeba chrF++':>16}{'sent/s':>8}"
    )
    print(header)
    print("-" * len(header))
    rows_out = []
    causes_table: dict[str, Counter[str]] = {}
    splits: dict[str, list[tuple[str, int, float, float]]] = {}
    for key, file in GLOSSARIES.items():
        name = f"tico-{key}"
        service = engine.glossaries
        if name not in {g.name for g in service.list()}:
            service.import_file(TICO / "terminologies" / file, name, "en", "pt", domain="medical")
        matcher = TermMatcher([e.entry for e in service.entries(name)])
        out, speed = run(en, name)
        tat, _ = run(tat_en, name)
        mine = [h for h in hits if h["glossary"] == key]
        for label, outs in (("base", base_tico), ("glossary", out)):
            ok = [uses_term(outs[int(h["line"]) - args.start], h["pt_term"]) for h in mine]
            causes = [
                ""
                if o
                else miss_cause(
                    h, en[int(h["line"]) - args.start], outs[int(h["line"]) - args.start], matcher
                )
                for o, h in zip(ok, mine, strict=True)
            ]
            yes = [o for o, h in zip(ok, mine, strict=True) if h["pt_term_in_reference"] == "yes"]
            applicable = [o for o, c in zip(ok, causes, strict=True) if c in APPLICABLE]
            # the term in the form the sentence needs ("infeção respiratória", "se espalhou") counts as used
            inflected = [o or c == "inflected" for o, c in zip(ok, causes, strict=True) if c in APPLICABLE]
            score_tico = chrf.corpus_score(outs, [pt]).score
            score_tat = chrf.corpus_score(base_tat if label == "base" else tat, [tat_pt]).score
            print(
                f"{key + ' ' + label:<18}{len(ok):>6}{_pct(ok):>8}{_pct(yes):>8}{_pct(applicable):>14}"
                f"{_pct(inflected):>15}"
                f"{score_tico:>13.2f}{score_tat:>16.2f}"
                f"{(base_speed if label == 'base' else speed):>8.1f}"
            )
            if label == "glossary":
                splits[key] = _split(mine, en, pt, base_tico, out, args.start, chrf)
                causes_table[key] = Counter(c for c in causes if c)
                rows_out += [
                    (h, o, c, outs[int(h["line"]) - args.start])
                    for h, o, c in zip(mine, ok, causes, strict=True)
                ]
    print("\nTICO chrF++ by what the reference does with the glossary's terms (base -> term-aware):")
    for key, groups in splits.items():
        for label, n, before, after in groups:
            print(
                f"  {key:<9} {label:<44} {n:>5} lines  {before:6.2f} -> {after:6.2f} ({after - before:+.2f})"
            )
    print("\nWhy the term-aware translations miss a row (number of term_hits rows):")
    for key, counts in causes_table.items():
        print(f"  {key}: " + "; ".join(f"{CAUSES[c]}: {n}" for c, n in counts.most_common()))
    if args.hits_out:
        with args.hits_out.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(
                [
                    "line",
                    "glossary",
                    "en_term",
                    "pt_term",
                    "pt_term_in_reference",
                    "ok",
                    "cause",
                    "translation",
                ]
            )
            for h, ok_, cause, text in rows_out:
                w.writerow(
                    [
                        h["line"],
                        h["glossary"],
                        h["en_term"],
                        h["pt_term"],
                        h["pt_term_in_reference"],
                        int(ok_),
                        cause,
                        text,
                    ]
                )
    return 0


def _split(
    hits: list[dict[str, str]],
    en: list[str],
    pt: list[str],
    base: list[str],
    out: list[str],
    start: int,
    chrf: Any,
) -> list[tuple[str, int, float, float]]:
    """chrF++ of the base and term-aware translations on three groups of lines: no term hit; every hit's term in
    the reference; at least one hit whose term the reference does not use (there, adherence costs chrF++)."""
    verdict: dict[int, list[bool]] = {}
    for h in hits:
        verdict.setdefault(int(h["line"]) - start, []).append(h["pt_term_in_reference"] == "yes")
    groups: dict[str, list[int]] = {
        "no term of the glossary": [],
        "every term in the reference": [],
        "a term the reference does not use": [],
    }
    for i in range(len(en)):
        if i not in verdict:
            groups["no term of the glossary"].append(i)
        elif all(verdict[i]):
            groups["every term in the reference"].append(i)
        else:
            groups["a term the reference does not use"].append(i)
    rows = []
    for label, idx in groups.items():
        if idx:
            refs = [[pt[i] for i in idx]]
            before = chrf.corpus_score([base[i] for i in idx], refs).score
            after = chrf.corpus_score([out[i] for i in idx], refs).score
            rows.append((label, len(idx), before, after))
    return rows


#: Why a row of term_hits.tsv is not met, in the order they are checked.
CAUSES = {
    "pronoun": "lower-case 'who' (the pronoun) counted as the acronym WHO",
    "name": "the acronym only occurs inside a hyphenated name (SARS in SARS-CoV-2, MERS in MERS-CoV)",
    "longer": "the term only occurs inside a longer glossary term, which was used",
    "other_target": "the entry's other target was used (the file gives two for one source)",
    "inflected": "an inflected form of the term (respiratória for respiratório)",
    "other": "other",
}
#: Rows where the glossary asks for exactly this target (the other causes are how term_hits.tsv counts).
APPLICABLE = {"", "inflected", "other"}


def miss_cause(hit: dict[str, str], source: str, translation: str, matcher: object) -> str:
    """Why the translation of ``source`` does not contain ``hit["pt_term"]``."""
    from engine.glossary.terms import TermMatcher, is_acronym, uses_term

    assert isinstance(matcher, TermMatcher)
    term = hit["en_term"]
    found = [m for m in matcher.find(source) if m.entry.source.casefold() == term.casefold()]
    if not found:
        occurrences = list(re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", source, re.IGNORECASE))
        if is_acronym(term) and not any(m.group() == term for m in occurrences):
            return "pronoun"
        if is_acronym(term) and all(re.match(r"-\w", source[o.end() :]) for o in occurrences):
            return "name"
        covering = [m for m in matcher.find(source) if any(m.start <= o.start() < m.end for o in occurrences)]
        if covering and all(m.entry.source.casefold() != term.casefold() for m in covering):
            return "longer"
        return "other"
    entry = found[0].entry
    if any(uses_term(translation, t) for t in entry.targets if t.casefold() != hit["pt_term"].casefold()):
        return "other_target"
    words = hit["pt_term"].casefold().split()
    folded = translation.casefold()
    if all(re.search(rf"(?<!\w){re.escape(w[: max(4, len(w) - 2)])}\w*", folded) for w in words):
        return "inflected"
    return "other"


def _pct(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):.1f}" if values else "-"


if __name__ == "__main__":
    sys.exit(main())
