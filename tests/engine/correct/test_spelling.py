"""Spelling ranking and Portuguese accents on the real word-frequency lists (pyspellchecker data)."""

from __future__ import annotations

import pytest

from engine.correct.spelling import SpellingModel, distance, match_case


def test_distance_makes_accents_and_missing_letters_cheap() -> None:
    assert distance("voce", "você") == pytest.approx(0.3)
    assert distance("yong", "young") < distance("yong", "long")
    assert distance("recieve", "receive") < 1.0
    assert distance("abc", "abc") == 0.0


def test_match_case() -> None:
    assert match_case("Teh", "the") == "The"
    assert match_case("TEH", "the") == "THE"
    assert match_case("teh", "the") == "the"


@pytest.fixture(scope="module")
def english() -> SpellingModel:
    return SpellingModel("en")


@pytest.fixture(scope="module")
def portuguese() -> SpellingModel:
    return SpellingModel("pt")


def test_rank_puts_the_likely_word_first(english: SpellingModel) -> None:
    # The library's order for these JFLEG misspellings (LanguageTool's speller) puts a worse word first.
    assert english.rank("yong", ["long", "young", "song", "Long", "Yong"])[0] == "young"
    assert english.rank("oher", ["her", "over", "other", "HER", "Other"])[0] == "other"
    assert english.rank("critism", ["crisis", "British", "criticism", "critics"])[0] == "criticism"
    assert english.rank("probles", ["problem", "problems", "probes", "proles"])[0] == "problems"


def test_rank_keeps_every_suggestion(english: SpellingModel) -> None:
    suggestions = ["ten", "the", "tea", "tech"]
    assert sorted(english.rank("teh", suggestions)) == sorted(suggestions)


def test_portuguese_missing_accents_are_found(portuguese: SpellingModel) -> None:
    found = {
        (word, sugg[0], rule) for _s, _e, word, sugg, rule in portuguese.check_pt("Amanha eu bebo agua.")
    }
    assert ("Amanha", "Amanhã", "PT_MISSING_ACCENT") in found
    assert ("agua", "água", "PT_MISSING_ACCENT") in found


def test_portuguese_ambiguous_words_are_left_alone(portuguese: SpellingModel) -> None:
    # "esta"/"está", "e"/"é", "pais"/"país" are all words: only grammar rules may change them.
    assert portuguese.check_pt("Esta casa e o pais dela.") == []


@pytest.mark.parametrize("language", ["en", "pt"])
def test_the_cached_list_is_the_packages_list(language: str) -> None:
    from engine.correct import spelling_cache

    reference = SpellingModel(language, cached=False)
    written = SpellingModel(language)
    written.load(full=True)
    assert written.loaded_from == "package" and spelling_cache.path(language).is_file()
    read = SpellingModel(language)
    read.load(full=True)
    assert read.loaded_from == "cache"
    assert read._load() == reference._load()
    assert read._accent_table() == reference._accent_table()
    words = ["recieve", "voce", "escrevr", "familia", "tommorow", "acao", "brincan"]
    assert [read._candidates(w) for w in words] == [reference._candidates(w) for w in words]
    text = "Voce nao sabe onde fica a estacao de trem? Eu escrevr cartas."
    assert read.check_pt(text) == reference.check_pt(text)
    assert read.rank("recieve", ["relieve", "receive", "recife"]) == reference.rank(
        "recieve", ["relieve", "receive", "recife"]
    )


def test_a_damaged_or_outdated_cache_is_rebuilt_from_the_package() -> None:
    import marshal

    from engine.correct import spelling_cache

    SpellingModel("en").load()
    target = spelling_cache.path("en")
    reference = SpellingModel("en", cached=False)._load()

    target.write_bytes(b"not a marshal file")
    damaged = SpellingModel("en")
    assert damaged._load() == reference and damaged.loaded_from == "package"
    assert SpellingModel("en")._load() == reference  # written again, whole

    header, _freq, accents = marshal.loads(target.read_bytes())
    target.write_bytes(marshal.dumps(((header[0], "0.0.1", *header[2:]), {"stale": 1}, accents)))
    outdated = SpellingModel("en")
    assert outdated._load() == reference and outdated.loaded_from == "package"
    assert not list(target.parent.glob("*.tmp"))


def test_a_number_derived_from_the_list_is_cached_and_the_same() -> None:
    from engine.correct import level, spelling_cache

    expected = level._compute_threshold(SpellingModel("en", cached=False))
    model = SpellingModel("en")
    assert model.derived("common-test", lambda: level._compute_threshold(model)) == expected
    assert spelling_cache.path("en", "common-test").is_file()
    assert SpellingModel("en").derived("common-test", lambda: -1) == expected  # read back, not computed
    assert SpellingModel("en", cached=False).derived("common-test", lambda: -1) == -1
