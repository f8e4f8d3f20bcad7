"""Document translation speed and memory, end to end: a long .docx (and a .txt of the same paragraphs), and a web
page of about 1 MB, through the document path (read, translate, align the formatted sentences, write) against the
same paragraphs sent as plain text; each run in a fresh process (same cache state), peak RSS reported.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/doc_speed.py --pages 200 --html-mb 1 --repeat 1   # the issue's case
    PYTHONPATH=$PWD .venv/bin/python benchmarks/doc_speed.py --pages 10 --html-mb 0.1             # a quick run

Paragraphs are Tatoeba test sentences (../shared/data; not copied), three per paragraph, 25 paragraphs a page; when
more are needed than the set holds, later rounds number their sentences ("... (2).") so that nothing is served from
the translation cache. One paragraph in three carries inline formatting: a bold word in the .docx; a bold word and a
link in the web page (which also has headings and lists), so the alignment of formatted sentences is counted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mt_common import require_data, tatoeba

PARAGRAPHS_PER_PAGE = 25


def sentences(n: int) -> list[str]:
    """``n`` distinct English sentences (numbered after the first round through the test set)."""
    en, _ = tatoeba()
    out: list[str] = []
    rounds = 0
    while len(out) < n:
        for s in en:
            if len(out) >= n:
                break
            if rounds and s[-1:] in ".!?":
                s = f"{s[:-1]} ({rounds + 1}){s[-1]}"
            elif rounds:
                s = f"{s} ({rounds + 1})"
            out.append(s)
        rounds += 1
    return out


def paragraphs(count: int) -> list[str]:
    en = sentences(3 * count)
    return [" ".join(en[k : k + 3]) for k in range(0, 3 * count, 3)]


def html_paragraphs(megabytes: float) -> list[str]:
    """Enough paragraphs for a page of about ``megabytes`` MB."""
    n = max(1, int(megabytes * 1_000_000 / 125))
    return paragraphs(n)


def bold_second_word(p: str) -> tuple[str, str, str]:
    words = p.split(" ")
    return " ".join(words[:1]) + " ", words[1] if len(words) > 1 else "", " " + " ".join(words[2:])


def write_html(paras: list[str], path: Path) -> None:
    from html import escape

    parts = [
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Sentences</title></head><body>\n"
    ]
    for k, p in enumerate(paras):
        if k % 50 == 0:
            parts.append(f"<h2>Part {k // 50 + 1}</h2>\n")
        if k % 3 == 0:
            a, b, c = bold_second_word(p)
            parts.append(f"<p>{escape(a)}<b>{escape(b)}</b>{escape(c)} <a href='/n/{k}'>More</a></p>\n")
        elif k % 10 == 1:
            parts.append(f"<ul><li>{escape(p)}</li></ul>\n")
        else:
            parts.append(f"<p>{escape(p)}</p>\n")
    parts.append("</body></html>\n")
    path.write_text("".join(parts), encoding="utf-8")


def child(kind: str, pages: int, megabytes: float, folder: Path) -> dict[str, float]:
    from engine.api import Engine
    from engine.translate import text as textmod

    paras = (
        html_paragraphs(megabytes)
        if kind in ("html", "plain-html")
        else paragraphs(PARAGRAPHS_PER_PAGE * pages)
    )
    eng = Engine()
    eng.translate(["Warm up."], "en", "pt")
    size = 0
    started = time.perf_counter()
    if kind.startswith("plain"):
        count = sum(1 for p in paras for piece in textmod.split(p) if piece.translate)
        eng.translate(paras, "en", "pt")
    else:
        src = folder / f"long.{kind}"
        if kind == "docx":
            import docx

            d = docx.Document()
            for k, p in enumerate(paras):
                if k % 3 == 0:
                    a, b, c = bold_second_word(p)
                    para = d.add_paragraph(a)
                    para.add_run(b).bold = True
                    para.add_run(c)
                else:
                    d.add_paragraph(p)
            d.save(str(src))
        elif kind == "html":
            write_html(paras, src)
        else:
            src.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        size = src.stat().st_size
        started = time.perf_counter()  # the input is built; from here on it is the user's request
        doc = eng.load_document(src)
        count = sum(1 for seg in doc.segments for piece in textmod.split(seg) if piece.translate)

        def translate(texts, _p, cancel):  # type: ignore[no-untyped-def]
            return [t.text for t in eng.translate(texts, "en", "pt", cancel=cancel)]

        align = eng.document_aligner("en", "pt") if doc.marks else None
        for _ in eng.translate_document(
            doc, translate, folder / f"long.pt.{kind}", overwrite=True, align=align
        ):
            pass
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"sentences": count, "seconds": seconds, "peak_mb": peak, "bytes": size}


NAMES = {
    "plain": "plain text (engine.translate), the pages' paragraphs",
    "txt": ".txt document",
    "docx": ".docx document (bold word in 1 paragraph of 3)",
    "plain-html": "plain text, the web page's paragraphs",
    "html": ".html page (bold word and link in 1 paragraph of 3)",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--html-mb", type=float, default=1.0, help="size of the web page, MB (0: none)")
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs of each input, interleaved; the best is shown"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args()
    require_data()
    if args.child:
        print(json.dumps(child(args.child, args.pages, args.html_mb, Path(args.folder))))
        return
    kinds = ["plain", "txt", "docx"] + (["plain-html", "html"] if args.html_mb > 0 else [])
    best: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):  # interleaved, best of N: the machine is shared
            for kind in kinds:
                out = subprocess.run(
                    [
                        sys.executable, __file__, "--pages", str(args.pages), "--html-mb", str(args.html_mb),
                        "--child", kind, "--folder", tmp,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )  # fmt: skip
                r = json.loads(out.stdout.strip().splitlines()[-1])
                if kind not in best or r["seconds"] < best[kind]["seconds"]:
                    best[kind] = r
    print(f"{args.pages} pages ({best['plain']['sentences']:.0f} sentences); web page {args.html_mb} MB")
    print("| input | file MB | sentences | seconds | sentences/s | vs plain text | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for kind in kinds:
        r = best[kind]
        base = best["plain-html" if kind in ("html", "plain-html") else "plain"]
        rate = r["sentences"] / r["seconds"]
        ref = base["sentences"] / base["seconds"]
        size = f"{r['bytes'] / 1e6:.2f}" if r["bytes"] else "-"
        print(
            f"| {NAMES[kind]} | {size} | {r['sentences']:.0f} | {r['seconds']:.1f} | {rate:.1f} | "
            f"{100 * rate / ref:.0f}% | {r['peak_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
