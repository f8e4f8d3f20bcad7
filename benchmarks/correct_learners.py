"""The Brazilian Portuguese learner sets (benchmarks/data/pt_learner_*.tsv): fully fixed, correct kept, made worse.

A sentence is fully fixed when the checked output equals the teacher's correction; a correct sentence is kept when
the output is unchanged; made worse: a sentence whose output differs from the correction by more characters than
the input does. Runs through ``CorrectionService.check(text, LANG)``, as the app does.

    .venv/bin/python benchmarks/correct_learners.py [--lang auto] [--set heldout] [--show]

``--set heldout`` reads ``pt_learner_heldout.tsv``, written before Palavra's Portuguese rules and never used to
tune them (run it without ``--show`` while working on the rules). ``--native`` counts instead how many sentences
written by native speakers (Tatoeba and TICO-19 Portuguese, read from ``PALAVRA_SHARED`` or ``../shared``, evaluation
only) Palavra's own rules change: each is a false alarm unless the sentence has an error.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = {
    "dev": ROOT / "benchmarks" / "data" / "pt_learner_set.tsv",
    "heldout": ROOT / "benchmarks" / "data" / "pt_learner_heldout.tsv",
}


def distance(a: str, b: str) -> int:
    return sum(
        max(i2 - i1, j2 - j1)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes()
        if op != "equal"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which sentence set (default dev)")
    parser.add_argument("--show", action="store_true", help="print every sentence not fixed")
    parser.add_argument(
        "--native", action="store_true", help="false alarms of Palavra's rules on native text"
    )
    args = parser.parse_args()
    from engine.config import EngineConfig
    from engine.correct.service import CorrectionService

    if args.native:
        return native(args.show)

    rows = [
        line.split("\t")
        for line in SETS[args.set].read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    service = CorrectionService(EngineConfig())
    start = time.perf_counter()
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for wrong, right, category in rows:
        out = service.check(wrong, args.lang).corrected
        s = stats[category]
        s[0] += 1
        s[1] += out == right
        worse = distance(out, right) > distance(wrong, right)
        s[2] += worse
        if args.show and out != right:
            print(
                f"  [{category}] {wrong!r} -> {out!r} (want {right!r}){' WORSE' if worse else ''}",
                file=sys.stderr,
            )
    print("| category | sentences | fully fixed (kept, for correct) | made worse |\n|---|---|---|---|")
    errors = [0, 0, 0]
    for category in sorted(stats):
        n, ok, worse = stats[category]
        print(f"| {category} | {n} | {ok} ({ok / n:.0%}) | {worse} |")
        if category != "correct":
            errors = [errors[0] + n, errors[1] + ok, errors[2] + worse]
    correct = stats.get("correct", [0, 0, 0])
    print(
        f"| all with errors | {errors[0]} | {errors[1]} ({errors[1] / max(errors[0], 1):.1%}) | {errors[2]} |"
    )
    print(
        f"| correct left alone | {correct[0]} | {correct[1]} ({correct[1] / max(correct[0], 1):.1%}) | {correct[2]} |"
    )
    print(
        f"\n{len(rows)} sentences in {time.perf_counter() - start:.1f} s (--lang {args.lang}, set {args.set})"
    )
    return 0


def native(show: bool) -> int:
    """Sentences of native Portuguese that Palavra's own rules (not LanguageTool's) would change."""
    import os
    from collections import Counter

    from engine.correct.rules import PortugueseLearnerChecker
    from engine.correct.spelling import SpellingModel

    shared = Path(os.environ.get("PALAVRA_SHARED", str(ROOT.parent / "shared"))) / "data"
    sources = {
        "Tatoeba eng-por test (Portuguese side)": (shared / "tatoeba-eng-por" / "test.tsv", 3),
        "TICO-19 dev (Portuguese)": (shared / "tico19-eng-por" / "dev.por", None),
    }
    checker = PortugueseLearnerChecker(SpellingModel("pt").frequency)
    print("| native text | sentences | changed by Palavra's rules | rules |\n|---|---|---|---|")
    for name, (path, column) in sources.items():
        if not path.exists():
            print(f"| {name} | missing ({path}) | | |")
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        texts = [line.split("\t")[column] for line in lines if line.count("\t") >= 3] if column else lines
        rules: Counter[str] = Counter()
        changed = 0
        for text in texts:
            edits = checker.check(text)
            changed += bool(edits)
            rules.update(e.rule_id for e in edits)
            if show and edits:
                print(
                    f"  {text!r}: " + ", ".join(f"{e.original}->{e.replacement}" for e in edits),
                    file=sys.stderr,
                )
        top = ", ".join(f"{rule} {n}" for rule, n in rules.most_common(4))
        print(f"| {name} | {len(texts)} | {changed} ({changed / max(len(texts), 1):.2%}) | {top} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
