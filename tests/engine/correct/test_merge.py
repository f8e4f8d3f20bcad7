"""Edit merging and application: pure functions, no models."""

from __future__ import annotations

import itertools
import random

from engine.correct.merge import compose, resolve
from engine.correct.model import CheckResult, Edit, apply_edits


def _edit(start: int, end: int, text: str, replacement: str, source: str = "a", rule: str = "R") -> Edit:
    return Edit(start, end, text[start:end], replacement, "grammar", rule, "Because.", (replacement,), source)


TEXT = "She go to school and dont like it."


def test_apply_edits_any_subset_keeps_offsets_valid() -> None:
    go = _edit(4, 6, TEXT, "goes")
    dont = _edit(21, 25, TEXT, "don't")
    assert apply_edits(TEXT, [go, dont]) == "She goes to school and don't like it."
    assert apply_edits(TEXT, [dont]) == "She go to school and don't like it."
    assert apply_edits(TEXT, [go]) == "She goes to school and dont like it."
    assert apply_edits(TEXT, [dont, go]) == apply_edits(TEXT, [go, dont])
    assert apply_edits(TEXT, []) == TEXT


def test_apply_edits_skips_an_edit_overlapping_an_earlier_one() -> None:
    a = _edit(0, 6, TEXT, "He goes")
    b = _edit(4, 6, TEXT, "goes")
    assert apply_edits(TEXT, [a, b]) == "He goes to school and dont like it."


def test_check_result_corrected_applies_every_edit() -> None:
    result = CheckResult(TEXT, "en-US", (_edit(4, 6, TEXT, "goes"),))
    assert result.corrected == "She goes to school and dont like it."


def test_resolve_prefers_the_trusted_checker_and_credits_both_for_the_same_fix() -> None:
    lt = _edit(4, 6, TEXT, "goes", source="lingotweaker")
    harper_same = _edit(4, 6, TEXT, "goes", source="harper")
    harper_other = _edit(0, 6, TEXT, "She went", source="harper")
    kept = resolve([harper_other, harper_same, lt], ["lingotweaker", "harper"])
    assert len(kept) == 1
    assert kept[0].replacement == "goes"
    assert kept[0].source == "lingotweaker+harper"


def test_resolve_returns_non_overlapping_sorted_edits() -> None:
    edits = [_edit(21, 25, TEXT, "don't"), _edit(4, 6, TEXT, "goes"), _edit(20, 25, TEXT, " do not")]
    kept = resolve(edits, ["a"])
    assert [e.start for e in kept] == sorted(e.start for e in kept)
    for left, right in itertools.pairwise(kept):
        assert left.end <= right.start


def test_compose_merges_a_second_pass_edit_touching_the_first() -> None:
    first = [_edit(4, 6, TEXT, "goes", source="lingotweaker", rule="HE_VERB_AGR")]
    text1 = apply_edits(TEXT, first)
    second = [_edit(4, 8, text1, "went", source="harper", rule="TENSE")]
    combined = compose(TEXT, first, second)
    assert len(combined) == 1
    edit = combined[0]
    assert (edit.start, edit.end, edit.original, edit.replacement) == (4, 6, "go", "went")
    assert edit.rule_id == "HE_VERB_AGR+TENSE"
    assert edit.source == "lingotweaker+harper"
    # The explanation speaks of what the learner wrote and the final fix, never of the intermediate "goes".
    assert edit.explanation == "Grammar: write 'went' instead of 'go'."


def test_compose_shifts_independent_second_pass_edits() -> None:
    first = [_edit(4, 6, TEXT, "goes")]
    text1 = apply_edits(TEXT, first)
    start = text1.index("dont")
    second = [_edit(start, start + 4, text1, "don't", source="b")]
    composed = compose(TEXT, first, second)
    assert [(e.start, e.end, e.replacement) for e in composed] == [(4, 6, "goes"), (21, 25, "don't")]
    assert apply_edits(TEXT, composed) == "She goes to school and don't like it."


def _random_edits(text: str, rng: random.Random, count: int) -> list[Edit]:
    edits = []
    for _ in range(count):
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice([0, 0, 1, 2, 3]))
        edits.append(_edit(start, end, text, rng.choice(["", "X", "YY", "zzz"]), source=rng.choice("ab")))
    return resolve(edits, ["a", "b"])


def test_compose_equals_applying_both_passes_on_random_edits() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("abcde ") for _ in range(rng.randrange(0, 15)))
        first = _random_edits(text, rng, rng.randrange(4))
        text1 = apply_edits(text, first)
        second = _random_edits(text1, rng, rng.randrange(4))
        composed = compose(text, first, second)
        assert apply_edits(text, composed) == apply_edits(text1, second)
        for left, right in itertools.pairwise(composed):
            assert left.end <= right.start
        for edit in composed:
            assert text[edit.start : edit.end] == edit.original
