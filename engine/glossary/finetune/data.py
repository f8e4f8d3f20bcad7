"""Training and evaluation data for glossary fine-tuning.

* Term sentences: the user's own sentence pairs that contain glossary terms when given; otherwise each term is put
  into short English contexts (templates). Their targets are the base model's own translations with the
  glossary term written in (:mod:`engine.glossary.align`), so the model learns the term and nothing else changes.
  Two templates are kept out of training: the held-out term sentences.
* Replay: general English sentences (the app's drill sentences) with the base model's translations as targets
  (self-distillation), mixed in so that general quality holds.
* General evaluation set: held-out drill sentences with their human-checked Portuguese translations.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.glossary.model import GlossaryEntry
from engine.resources import drills_dir

#: Contexts for a noun-like term (``{t}``); the last two are held out for evaluation.
TEMPLATES: tuple[str, ...] = (
    "The doctor explained {t} to the patient.",
    "We need more information about {t}.",
    "Have you ever heard of {t}?",
    "{T} was discussed at the meeting.",
    "There is no evidence of {t} in this case.",
    "The report mentions {t} twice.",
    "She wrote an article about {t}.",
    "They studied {t} for many years.",
    "Please read the section on {t} carefully.",
    "The new guidelines describe {t} in detail.",
    "Many people do not know what {t} means.",
    "He asked a question about {t}.",
    "The nurse said that {t} is important.",
    "This book has a chapter on {t}.",
    "Our team is working on {t} this week.",
    "The results show the role of {t}.",
    "I was told about {t} yesterday.",
    "The experts talked about {t} on television.",
)
#: Templates used only for the held-out evaluation.
HELD_OUT_TEMPLATES: tuple[str, ...] = (
    "The committee published a statement on {t}.",
    "Everyone in the hospital was talking about {t}.",
)


@dataclass(frozen=True)
class Pair:
    """A source sentence and its target."""

    source: str
    target: str


def fill(template: str, term: str) -> str:
    """Put a term into a template (capitalised at the start of the sentence)."""
    return template.replace("{T}", term[:1].upper() + term[1:]).replace("{t}", term)


def term_sources(entries: Sequence[GlossaryEntry], per_term: int, seed: int = 0) -> list[str]:
    """English training contexts: ``per_term`` templates for every entry."""
    rng = random.Random(seed)
    out = []
    for entry in entries:
        for template in rng.sample(TEMPLATES, min(per_term, len(TEMPLATES))):
            out.append(fill(template, entry.source))
    return out


def held_out_sources(entries: Sequence[GlossaryEntry], limit: int, seed: int = 1) -> list[str]:
    """English held-out sentences (templates never trained on), at most ``limit``."""
    rng = random.Random(seed)
    chosen = list(entries)
    rng.shuffle(chosen)
    return [
        fill(HELD_OUT_TEMPLATES[i % len(HELD_OUT_TEMPLATES)], e.source) for i, e in enumerate(chosen[:limit])
    ]


def user_pairs(path: Path) -> list[Pair]:
    """The user's own sentence pairs: a UTF-8 TSV, source TAB target per line."""
    pairs = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 2 and row[0].strip() and row[1].strip():
                pairs.append(Pair(row[0].strip(), row[1].strip()))
    return pairs


def document_sources(paths: Sequence[Path], entries: Sequence[GlossaryEntry], limit: int) -> list[str]:
    """Sentences of the user's documents that contain a glossary term (each once, in document order).

    Raises:
        DocumentError, EncodingError: a document cannot be read (the message names it).
    """
    from engine.documents import load_document
    from engine.glossary.terms import TermMatcher
    from engine.translate.text import split

    matcher = TermMatcher(entries)
    seen: set[str] = set()
    out: list[str] = []
    for path in paths:
        for segment in load_document(Path(path)).segments:
            for piece in split(segment):
                sentence = " ".join(piece.text.split())
                if not piece.translate or sentence in seen or not 3 <= len(sentence.split()) <= 60:
                    continue
                if matcher.find(sentence):
                    seen.add(sentence)
                    out.append(sentence)
                    if len(out) >= limit:
                        return out
    return out


def drill_sentences(
    folder: Path | None = None, direction: tuple[str, str] = ("en", "pt")
) -> tuple[list[str], list[Pair]]:
    """General sentences in the source language for replay, and held-out pairs (every fifth drill of the source
    language) for chrF++; the held-out sentences are never in the replay list.

    Args:
        folder: the drills folder (default: the shipped one).
        direction: (source, target) language of the run: English sources for en->pt, Portuguese for pt->en.

    Returns:
        (replay source sentences, general evaluation pairs).
    """
    folder = folder or drills_dir()
    src_lang, _ = direction
    other = "pt" if src_lang == "en" else "en"
    replay: list[str] = []
    general: list[Pair] = []
    own = folder / f"{src_lang}.tsv"
    theirs = folder / f"{other}.tsv"
    if own.is_file():
        rows = list(csv.DictReader(own.open(encoding="utf-8"), delimiter="\t"))
        for i, row in enumerate(rows):
            if i % 5 == 4:
                general.append(Pair(row["text"], row["translation"]))
            else:
                replay.append(row["text"])
    if theirs.is_file():
        rows = list(csv.DictReader(theirs.open(encoding="utf-8"), delimiter="\t"))
        held = {p.source for p in general}
        replay.extend(row["translation"] for row in rows if row["translation"] not in held)
    return replay, general


def human_general_pairs(
    folder: Path | None = None, direction: tuple[str, str] = ("en", "pt"), every: int = 3
) -> list[Pair]:
    """General pairs whose reference a person wrote: drills written in the target language (their text is the
    original), with their translation into the source language as the source; every ``every``-th drill.

    Keep them out of the replay set (the worker does).
    """
    folder = folder or drills_dir()
    path = folder / f"{direction[1]}.tsv"
    if not path.is_file():
        return []
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    return [Pair(row["translation"], row["text"]) for i, row in enumerate(rows) if i % every == every - 1]
