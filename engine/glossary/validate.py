"""Validation of a read glossary file: a report a person can act on, and the entries that would be stored."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from engine.glossary.model import (
    GlossaryEntry,
    ImportReport,
    ParsedFile,
    Problem,
    ProblemKind,
    Severity,
)

#: A glossary with more entries than this is refused (term lists are hundreds to a few thousand entries).
MAX_ENTRIES = 20_000
#: Entries longer than this (characters) are sentences, not terms, and are left out.
MAX_TERM_CHARS = 120
#: ... or longer than this many words.
MAX_TERM_WORDS = 15


@dataclass(frozen=True)
class ValidationOptions:
    """How strict the validation is.

    Attributes:
        strict: treat every warning as an error (nothing is imported while any problem remains).
        swap: the file's columns are target, source: read them the other way round.
    """

    strict: bool = False
    swap: bool = False


def validate(
    parsed: ParsedFile,
    path: str,
    source_lang: str,
    target_lang: str,
    options: ValidationOptions | None = None,
) -> ImportReport:
    """Check the rows of a glossary file and decide what would be imported.

    Args:
        parsed: rows from :func:`engine.glossary.reader.read_glossary_file`.
        path: the file's name, for the report.
        source_lang: the source language the user chose.
        target_lang: the target language the user chose.
        options: strictness and column swap.

    Returns:
        The report with the entries to store; ``report.ok`` says whether importing is allowed.
    """
    opts = options or ValidationOptions()
    rows = [(n, t, s, note) if opts.swap else (n, s, t, note) for n, s, t, note in parsed.rows]
    problems: list[Problem] = []

    declared = parsed.file_languages
    if declared is not None and opts.swap:
        declared = (declared[1], declared[0])
    if declared is not None and declared != (source_lang, target_lang):
        if declared == (target_lang, source_lang):
            problems.append(
                Problem(
                    ProblemKind.WRONG_DIRECTION,
                    Severity.ERROR,
                    f"The file says its terms go from '{declared[0]}' to '{declared[1]}', but you chose "
                    f"'{source_lang}' to '{target_lang}'. Import it as a "
                    f"{declared[0]}->{declared[1]} glossary, or swap the columns.",
                )
            )
        else:
            problems.append(
                Problem(
                    ProblemKind.LANGUAGE_MISMATCH,
                    Severity.ERROR,
                    f"The file says its terms go from '{declared[0]}' to '{declared[1]}', but you chose "
                    f"'{source_lang}' to '{target_lang}'. Choose the languages of the file.",
                )
            )

    if len(rows) > MAX_ENTRIES:
        problems.append(
            Problem(
                ProblemKind.TOO_MANY_ROWS,
                Severity.ERROR,
                f"The file has {len(rows):,} rows; a glossary may have at most {MAX_ENTRIES:,} entries. "
                "Split it into smaller glossaries by domain, or keep only the terms that must be enforced.",
            )
        )
        return _report(parsed, path, len(rows), [], problems, opts)

    empty = [n for n, s, t, _ in rows if not s or not t]
    too_long = [n for n, s, t, _ in rows if s and t and _too_long(s, t)]
    kept = [(n, s, t, note) for n, s, t, note in rows if s and t and not _too_long(s, t)]
    if empty:
        problems.append(
            Problem(
                ProblemKind.EMPTY_CELL,
                Severity.WARNING,
                f"{len(empty)} row(s) have an empty source or target term and were left out. "
                "Fill in both terms to include them.",
                tuple(empty),
            )
        )
    if too_long:
        problems.append(
            Problem(
                ProblemKind.TOO_LONG,
                Severity.WARNING,
                f"{len(too_long)} row(s) are longer than {MAX_TERM_CHARS} characters or "
                f"{MAX_TERM_WORDS} words: they look like sentences, not terms, and were left out. "
                "Shorten them to the term itself.",
                tuple(too_long),
            )
        )

    entries, duplicates, conflicts = _deduplicate(kept)
    if duplicates:
        problems.append(
            Problem(
                ProblemKind.DUPLICATE,
                Severity.WARNING,
                f"{len(duplicates)} row(s) repeat an earlier entry and were left out.",
                tuple(duplicates),
            )
        )
    for source, first_target, others in conflicts:
        alternatives = ", ".join(f"'{t}' (row {n})" for n, t in others)
        problems.append(
            Problem(
                ProblemKind.CONFLICT,
                Severity.WARNING,
                f"'{source}' has more than one translation: '{first_target}' and {alternatives}. All are kept: "
                f"the translation uses the one that fits the sentence (a noun or a verb, for example), "
                f"'{first_target}' when in doubt. Edit the entry after the import to keep only one.",
                tuple(n for n, _ in others),
            )
        )

    if not any(p.kind is ProblemKind.WRONG_DIRECTION for p in problems):
        problems.extend(_language_problems(entries, source_lang, target_lang, declared is None))

    if not entries and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(
            Problem(
                ProblemKind.NO_ENTRIES,
                Severity.ERROR,
                "No term pairs were found. A glossary needs two columns, source term and target term "
                "(CSV, TSV or semicolon-separated), or a TBX file.",
            )
        )
    return _report(parsed, path, len(rows), [(n, e) for n, e in entries], problems, opts)


def _report(
    parsed: ParsedFile,
    path: str,
    rows_read: int,
    entries: list[tuple[int, GlossaryEntry]],
    problems: list[Problem],
    opts: ValidationOptions,
) -> ImportReport:
    if opts.strict:
        problems = [Problem(p.kind, Severity.ERROR, p.message, p.rows) for p in problems]
    problems.sort(key=lambda p: p.severity is not Severity.ERROR)
    return ImportReport(
        path=path,
        format=parsed.format,
        encoding=parsed.encoding,
        rows_read=rows_read,
        entries=tuple(e for _, e in entries),
        problems=tuple(problems),
    )


def _too_long(source: str, target: str) -> bool:
    return any(len(x) > MAX_TERM_CHARS or len(x.split()) > MAX_TERM_WORDS for x in (source, target))


def _deduplicate(
    rows: list[tuple[int, str, str, str]],
) -> tuple[list[tuple[int, GlossaryEntry]], list[int], list[tuple[str, str, list[tuple[int, str]]]]]:
    first: dict[str, tuple[int, GlossaryEntry]] = {}
    duplicates: list[int] = []
    others: dict[str, list[tuple[int, str]]] = {}
    for n, source, target, note in rows:
        key = source.casefold()
        if key not in first:
            first[key] = (n, GlossaryEntry(source, target, note))
            continue
        kept = first[key][1]
        if any(t.casefold() == target.casefold() for t in kept.targets):
            duplicates.append(n)
        else:
            others.setdefault(key, []).append((n, target))
            first[key] = (first[key][0], replace(kept, alternatives=(*kept.alternatives, target)))
    conflicts = [(first[k][1].source, first[k][1].target, v) for k, v in others.items()]
    return list(first.values()), duplicates, conflicts


# -- language plausibility -----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_WORDS = {
    "en": frozenset(
        _words(
            "the of and to in for with on by is are be an or from as at this that not it its which people "
            "health disease virus cases care"
        )
    ),
    "pt": frozenset(
        _words(
            "de da do das dos em no na nos nas para com por um uma os as e que não ao à pelo pela é são "
            "saúde doença vírus casos"
        )
    ),
}
_PT_CHARS = re.compile(r"[ãõçâêôàáéíóú]")
_PT_ENDINGS = re.compile(r"(ção|ções|ão|ões|dade|mente|agem|ência|ância|oso|osa|ico|ica|ivo|iva)\b")
_EN_ENDINGS = re.compile(r"(tion|tions|ing|ness|ship|ity|ous|ic|ical|ive|ed|th)\b")
_EN_LETTERS = re.compile(r"(th|sh|w|k|y)")


def language_score(text: str, lang: str) -> float:
    """A rough score of how much ``text`` looks like ``lang`` (``"en"`` or ``"pt"``) compared with the other.

    Positive: looks like ``lang``; negative: like the other one; near 0: cannot tell (names, acronyms,
    numbers).
    """
    lowered = text.lower()
    words = re.findall(r"\w+", lowered)
    pt = sum(1.0 for w in words if w in _WORDS["pt"]) + 1.5 * len(_PT_CHARS.findall(lowered))
    pt += len(_PT_ENDINGS.findall(lowered))
    en = sum(1.0 for w in words if w in _WORDS["en"]) + len(_EN_ENDINGS.findall(lowered))
    en += 0.5 * len(_EN_LETTERS.findall(lowered))
    score = pt - en
    if lang == "en":
        return -score
    if lang == "pt":
        return score
    return 0.0


def _language_problems(
    entries: Iterable[tuple[int, GlossaryEntry]], source_lang: str, target_lang: str, check_file: bool
) -> list[Problem]:
    if {source_lang, target_lang} != {"en", "pt"}:
        return []
    swapped_rows: list[int] = []
    total_src = total_tgt = 0.0
    count = 0
    for n, entry in entries:
        if entry.source.casefold() == entry.target.casefold():
            continue
        s_ok = language_score(entry.source, source_lang)
        t_ok = language_score(entry.target, target_lang)
        total_src += s_ok
        total_tgt += t_ok
        count += 1
        if s_ok <= -1.5 and t_ok <= -1.5:
            swapped_rows.append(n)
    problems: list[Problem] = []
    if check_file and count >= 3 and total_src / count < -0.5 and total_tgt / count < -0.5:
        problems.append(
            Problem(
                ProblemKind.WRONG_DIRECTION,
                Severity.ERROR,
                f"The source column looks like '{target_lang}' and the target column like '{source_lang}': "
                "the columns seem to be the wrong way round. Swap the columns, or import the file as a "
                f"{target_lang}->{source_lang} glossary.",
            )
        )
    elif swapped_rows:
        problems.append(
            Problem(
                ProblemKind.WRONG_LANGUAGE,
                Severity.WARNING,
                f"{len(swapped_rows)} row(s) seem to have the {source_lang} and {target_lang} terms the "
                "wrong way round. Check them; they were imported as written.",
                tuple(swapped_rows),
            )
        )
    return problems
