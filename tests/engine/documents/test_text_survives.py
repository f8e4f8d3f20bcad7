"""Text that survives the real model: every symbol, stdin lines, run-on paragraphs without repetition."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from engine.api import Engine
from engine.translate import text as textmod
from engine.translate.onnx_translator import NO_REPEAT_TOKENS

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[3]
SYMBOLS = "~<>{}^\\`#@|€°±µ&;%$*+=/_[]§©®™→•×÷≤≥½"
PRINTABLE = [c for c in string.printable if not c.isspace()]


@pytest.mark.parametrize(
    ("source", "target", "frame"),
    [("en", "pt", "The symbol {} is here."), ("pt", "en", "O símbolo {} está aqui.")],
)
def test_every_printable_ascii_and_common_symbol_round_trips(
    translation_models: Path, source: str, target: str, frame: str
) -> None:
    chars = list(dict.fromkeys(PRINTABLE + list(SYMBOLS)))
    if source == "pt":  # the Portuguese articles "a" and "o" alone are words, translated as words
        chars = [c for c in chars if c not in "ao"]
    # a lone letter is a word ("a", "I"): letters and digits go in a frame where they name a key
    key = "Press the {} key." if source == "en" else "Aperte a tecla {}."
    texts = [key.format(c) if c.isalnum() else frame.format(c) for c in chars]
    results = Engine().translate(texts, source, target)
    lost = []
    for c, r in zip(chars, results, strict=True):
        if c.isalnum():  # a letter or digit on its own: still a word of the translation
            kept = c in [w.strip(".,:;!?") for w in r.text.split()]
        else:
            kept = r.text.count(c) >= frame.format(c).count(c)
        if not kept:
            lost.append((c, r.text))
    assert lost == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Take ~5 mg daily.",
        "If x < 5 then stop.",
        "5 < 10 euros",
        "Open C:\\Users\\ana now.",
        "Fill in {placeholder} here.",
        "Use a | b and a ^ b.",
        "Keep it at 20 °C ± 2 µm for 5 €.",
        "Tag #health and write to @ana.",
        "Run `ls -la` now.",
        "R&D costs 5% more.",
    ],
)
def test_symbols_in_context_are_kept(translation_models: Path, sentence: str) -> None:
    got = Engine().translate([sentence], "en", "pt")[0].text
    for token in re.findall(r"[^\w\s.,]+\S*|\S*[^\w\s.,]+", sentence):
        token = token.strip(".,")
        if any(c in SYMBOLS for c in token):
            assert token in got, (sentence, got)


def test_protect_marks_ascii_the_vocabulary_lacks() -> None:
    unknown = set("~<{}^\\`#@")
    p = textmod.protect("Path C:\\Users\\ana, then ~5 mg and x < 5.", lambda c: c in unknown)
    assert p.spans == ("C:\\Users\\ana", "~5", "<")
    assert (
        p.restore("Caminho [0], depois [1] mg e x [2] 5.") == "Caminho C:\\Users\\ana, depois ~5 mg e x < 5."
    )


def test_stdin_lines_split_only_on_newline(translation_models: Path) -> None:
    stdin = "Good morning.\vThank you.\nGood night.\fSee you.\u2028Bye.\u2029Hello.\nWhere is it?\n"
    result = subprocess.run(
        [sys.executable, "-m", "engine", "translate", "--from", "en", "--to", "pt"],
        input=stdin.encode(),
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().split("\n")) == 4  # three lines and the final newline


def _repeated(text: str, n: int = 6) -> tuple[str, ...] | None:
    words = re.findall(r"\w+", text.lower())
    seen: set[tuple[str, ...]] = set()
    for i in range(len(words) - n + 1):
        gram = tuple(words[i : i + n])
        if gram in seen:
            return gram
        seen.add(gram)
    return None


def _run_on_paragraphs(lang: str, lower: bool) -> list[str]:
    rows = (ROOT / "resources" / "drills" / f"{lang}.tsv").read_text(encoding="utf-8").splitlines()[1:]
    lines = [re.sub(r"[.!?…]+$", "", row.split("\t")[3].strip()) for row in rows]
    paragraphs = []
    for k in range(0, 100, 20):
        joined = " ".join(lines[k : k + 20])
        paragraphs.append(joined.lower() if lower else joined)
    return [p for p in paragraphs if _repeated(p) is None]


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("source", "target"), [("en", "pt"), ("pt", "en")])
def test_run_on_paragraphs_never_repeat_six_words(
    translation_models: Path, source: str, target: str, lower: bool
) -> None:
    paragraphs = _run_on_paragraphs(source, lower)
    assert len(paragraphs) >= 4
    for paragraph, result in zip(paragraphs, Engine().translate(paragraphs, source, target), strict=True):
        assert _repeated(result.text) is None, result.text
        # nothing dropped wholesale: the translation is at least half as many words as the source
        assert len(result.text.split()) > 0.5 * len(paragraph.split())


def test_decoder_guard_alone_on_an_unsegmented_run_on(translation_models: Path) -> None:
    """Bypassing the segmenter: the decoder itself never repeats a stretch of NO_REPEAT_TOKENS tokens."""
    engine = Engine()
    loaded = engine.translation.model("en", "pt")
    paragraph = _run_on_paragraphs("en", True)[0]
    ids = loaded.source_vocab.encode(paragraph)
    out = loaded.translator.translate_ids([ids])[0]
    grams = [tuple(out[i : i + NO_REPEAT_TOKENS]) for i in range(len(out) - NO_REPEAT_TOKENS + 1)]
    assert len(grams) == len(set(grams))
    # a source that repeats itself may be translated with the repetition
    repeated = loaded.source_vocab.encode("the cat sleeps on the mat " * 3)
    assert loaded.translator.translate_ids([repeated])[0]


def test_run_on_is_segmented_before_decoding() -> None:
    run_on = " ".join(f"The man number {i} walks home slowly" for i in range(20))
    pieces = [p.text for p in textmod.split(run_on) if p.translate]
    assert len(pieces) > 1 and all(len(p) <= textmod.RUNON_CHARS for p in pieces)
    assert all(p.startswith("The man") for p in pieces)  # cut where a sentence began
    assert textmod.join(textmod.split(run_on), pieces) == run_on
