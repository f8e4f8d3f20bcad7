"""Compare term-aware decoding methods on the PyTorch port (float weights, shortlist): none, forced, aligned.

Reads ../shared/data/tico19-eng-por (CC0) or $PALAVRA_SHARED_DATA. For each TICO-19 en->pt glossary (imported with
the default validation) and each method, prints term adherence over term_hits.tsv (all rows, rows of kept entries,
`yes` rows) and chrF++ on the first N lines of the TICO dev half.

* none: plain greedy decoding;
* force: the term's pieces are forced into the decoding when the model attends to the term at a word boundary;
* align: plain decoding, then the model's rendering of the term (found by attention) is replaced by the term
  (what the app uses, on its ONNX decoder).

Usage: python benchmarks/glossary_methods.py [--limit N]   (needs torch, from the ``train`` extra)
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TICO = SHARED / "tico19-eng-por"
GLOSSARIES = {"facebook": "f_en-pt_XX.csv", "google": "g_en_pt-BR.csv"}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=200, help="first N TICO dev lines")
    args = parser.parse_args()
    if not (TICO / "term_hits.tsv").is_file():
        sys.exit(f"Evaluation data not found at {SHARED} (or set PALAVRA_SHARED_DATA). Nothing was measured.")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import torch
    from sacrebleu.metrics import CHRF

    from engine.glossary.constrained import TermAwareTranslator
    from engine.glossary.reader import read_glossary_file
    from engine.glossary.terms import uses_term
    from engine.glossary.validate import validate
    from engine.translate.architecture import Architecture
    from engine.translate.marian import read_marian
    from engine.translate.model_folder import find_source_model, shipped_model_folders
    from engine.translate.shortlist import read_shortlist
    from engine.translate.torch_model import MarianTransformer

    torch.set_num_threads(2)
    source = find_source_model(
        next(f for f in shipped_model_folders() if find_source_model(f).pair == "en-pt")
    )
    marian = read_marian(source.model)
    model = MarianTransformer(Architecture.from_config(marian.config), marian.weights).eval()
    shortlist = read_shortlist(source.shortlist) if source.shortlist else None
    en = (TICO / "dev.eng").read_text(encoding="utf-8").splitlines()[: args.limit]
    pt = (TICO / "dev.por").read_text(encoding="utf-8").splitlines()[: args.limit]
    hits = [
        h
        for h in csv.DictReader((TICO / "term_hits.tsv").open(encoding="utf-8"), delimiter="\t")
        if int(h["line"]) <= len(en)
    ]
    chrf = CHRF(word_order=2)
    print(f"PyTorch port, first {len(en)} TICO dev lines")
    print(
        f"{'glossary':<10}{'method':<8}{'hits':>6}{'all %':>8}{'kept %':>8}{'yes %':>8}{'chrF++':>9}{'sent/s':>8}"
    )
    for key, file in GLOSSARIES.items():
        path = TICO / "terminologies" / file
        entries = validate(read_glossary_file(path, "en", "pt"), file, "en", "pt").entries
        kept = {(e.source, e.target) for e in entries}
        translator = TermAwareTranslator(model, source.source_vocab, shortlist, entries)
        mine = [h for h in hits if h["glossary"] == key]
        for method in ("none", "force", "align"):
            start = time.perf_counter()
            out = translator.translate(en, method=method)
            speed = len(en) / (time.perf_counter() - start)
            ok = [uses_term(out[int(h["line"]) - 1], h["pt_term"]) for h in mine]
            in_kept = [o for o, h in zip(ok, mine, strict=True) if (h["en_term"], h["pt_term"]) in kept]
            yes = [o for o, h in zip(ok, mine, strict=True) if h["pt_term_in_reference"] == "yes"]
            print(
                f"{key:<10}{method:<8}{len(ok):>6}{_pct(ok):>8}{_pct(in_kept):>8}{_pct(yes):>8}"
                f"{chrf.corpus_score(out, [pt]).score:>9.2f}{speed:>8.1f}"
            )
    return 0


def _pct(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):.1f}" if values else "-"


if __name__ == "__main__":
    sys.exit(main())
