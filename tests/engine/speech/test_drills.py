"""The shipped drill sentences."""

from __future__ import annotations

import collections
import csv

import pytest

from engine.speech.drills import COLUMNS, LEVELS, drills_dir, languages, load_drills


def test_both_languages_have_drills() -> None:
    assert {"en", "pt"} <= set(languages())


@pytest.mark.parametrize("language", ["en", "pt"])
def test_drill_set_is_large_graded_and_translated(language: str) -> None:
    drills = load_drills(language)
    assert len(drills) >= 300
    levels = collections.Counter(d.level for d in drills)
    assert set(levels) == set(LEVELS) and min(levels.values()) >= 60
    topics = collections.Counter(d.topic for d in drills)
    assert len(topics) >= 10 and {"travel", "food", "health", "work"} <= set(topics)
    assert len({d.id for d in drills}) == len(drills)
    assert len({d.text for d in drills}) == len(drills)
    for d in drills:
        assert d.language == language
        assert d.id.startswith(f"{language}-{d.level.lower()}-{d.topic}-")
        assert d.text.strip() == d.text and d.text[-1] in ".?!", d.id
        assert d.translation and d.translation != d.text, d.id


@pytest.mark.parametrize("language", ["en", "pt"])
def test_every_translation_says_where_it_came_from(language: str) -> None:
    with open(drills_dir() / f"{language}.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0].keys()) == COLUMNS
    assert {r["translation_source"] for r in rows} <= {"engine", "fixed"}


def test_levels_get_harder() -> None:
    drills = load_drills("en")
    mean_words = {
        level: sum(len(d.text.split()) for d in drills if d.level == level)
        / sum(1 for d in drills if d.level == level)
        for level in LEVELS
    }
    assert mean_words["A1"] < mean_words["A2"] < mean_words["B1"] < mean_words["B2"]
