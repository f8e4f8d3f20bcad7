"""Term matching, attention-aligned substitution, and term-aware translation through the facade."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine.api import Engine
from engine.errors import InputError
from engine.glossary.align import Constraint, TermAligner, keep_source_case, substitute_terms
from engine.glossary.finetune.chrf import corpus_chrf
from engine.glossary.model import GlossaryEntry
from engine.glossary.store import GlossaryNotFoundError
from engine.glossary.terms import TermMatcher, is_acronym, uses_term
from engine.translate.model_folder import find_source_model, shipped_model_folders

E = GlossaryEntry


def test_matcher_whole_words_longest_first_and_acronyms() -> None:
    matcher = TermMatcher(
        [
            E("blood pressure", "tensão arterial"),
            E("high blood pressure", "hipertensão"),
            E("WHO", "OMS"),
            E("SARS", "SARS (síndrome respiratória aguda grave)"),
            E("cough", "tosse"),
        ]
    )
    text = "Who said the WHO checks high  blood pressure, coughs and SARS-CoV-2 but not SARS? Cough!"
    found = [(text[m.start : m.end], m.entry.target) for m in matcher.find(text)]
    assert found == [
        ("WHO", "OMS"),
        ("high  blood pressure", "hipertensão"),
        ("coughs", "tosse"),  # the plural of a term matches it
        ("SARS", "SARS (síndrome respiratória aguda grave)"),
        ("Cough", "tosse"),
    ]
    assert is_acronym("WHO") and is_acronym("COVID-19") and not is_acronym("Who")


def test_matcher_hyphenated_compounds() -> None:
    matcher = TermMatcher([E("isolation", "isolamento"), E("virus", "vírus"), E("SARS", "SARS")])
    text = "Self-isolation limits virus-like SARS-CoV-2 spread; isolation helps."
    found = [(text[m.start : m.end], m.in_compound) for m in matcher.find(text)]
    assert found == [("isolation", True), ("isolation", False)]


def test_keep_source_case_and_uses_term() -> None:
    assert keep_source_case("casos de covid-19", "COVID-19 cases") == "casos de COVID-19"
    assert keep_source_case("febre", "Fever") == "febre"
    assert uses_term("A Tensão  Arterial subiu.", "tensão arterial")
    assert not uses_term("A pressão arterial subiu.", "tensão arterial")


def test_chrf_matches_sacrebleu() -> None:
    sacrebleu = pytest.importorskip("sacrebleu")
    hyps = ["o gato está no tapete.", "Onde fica a farmácia?", ""]
    refs = ["O gato sentou no tapete.", "Onde está a farmácia?", "Olá"]
    expected = sacrebleu.metrics.CHRF(word_order=2).corpus_score(hyps, [refs]).score
    assert corpus_chrf(hyps, refs) == pytest.approx(expected, abs=1e-9)


@pytest.fixture(scope="module")
def aligner() -> TermAligner:
    folder = next(f for f in shipped_model_folders() if find_source_model(f).pair == "en-pt")
    return TermAligner(find_source_model(folder).source_vocab, [E("blood pressure", "tensão arterial")])


def test_substitution_keeps_articles_and_punctuation(aligner: TermAligner) -> None:
    ids, constraints, _ = aligner.prepare("How is your blood pressure?")
    assert len(constraints) == 1 and constraints[0].end - constraints[0].start == 2
    out = aligner.tsp.EncodeAsIds("Como está a sua pressão arterial?")
    pieces = [aligner.tsp.IdToPiece(i) for i in out]
    attention = np.zeros((len(out), len(ids)), dtype=np.float32)
    attention[:, 0] = 1.0  # every word attends to "How" ...
    for i, piece in enumerate(pieces):  # ... except the rendering of the term
        if piece.strip("▁") in ("pressão", "arterial"):
            attention[i] = 0.0
            attention[i, constraints[0].start] = 1.0
    new = aligner.decode(aligner.finish(out, attention, constraints))
    assert new == "Como está a sua tensão arterial?"


def test_term_nobody_attended_to_is_inserted_not_appended(aligner: TermAligner) -> None:
    out = list(aligner.tsp.EncodeAsIds("Ele mediu hoje."))
    attention = np.zeros((len(out), 6), dtype=np.float32)
    attention[:, 0] = 1.0
    attention[1, 3] = 0.3  # "mediu" looked at the term a little: the term goes before it
    attention[1, 0] = 0.7
    term = Constraint(3, 5, tuple(aligner.tsp.EncodeAsIds("tensão arterial")))
    new = aligner.decode(
        substitute_terms(out, attention, [term], aligner.word_start, aligner.content_word, aligner.alnum)
    )
    assert new == "Ele tensão arterial mediu hoje."


@pytest.mark.parametrize(
    ("written", "chosen"),
    [
        ("a disseminação", "propagação"),  # a noun: the noun
        ("espalhar", "propagar"),  # an infinitive: the verb
        ("se espalha", "propagar"),  # nothing closer: the first target
        ("transmissão", "propagação"),
    ],
)
def test_alternative_target_follows_the_models_form(aligner: TermAligner, written: str, chosen: str) -> None:
    entry = E("spread", "propagar", alternatives=("propagação",))
    spread = TermAligner(aligner_vocab(aligner), [entry])
    ids, constraints, _ = spread.prepare("How does the virus spread?")
    assert len(constraints[0].options) == 2
    prefix = spread.tsp.EncodeAsIds("O vírus")
    term = spread.tsp.EncodeAsIds(written)
    out = [*prefix, *term, *spread.tsp.EncodeAsIds("?")]
    attention = np.zeros((len(out), len(ids)), dtype=np.float32)
    attention[:, 0] = 1.0
    for i in range(len(prefix), len(prefix) + len(term)):
        attention[i] = 0.0
        attention[i, constraints[0].start] = 1.0
    new = spread.decode(spread.finish(out, attention, constraints))
    assert chosen in new.split() and new.startswith("O vírus") and new.endswith("?")


def test_an_alternative_already_written_is_left_alone(aligner: TermAligner) -> None:
    spread = TermAligner(aligner_vocab(aligner), [E("spread", "propagar", alternatives=("propagação",))])
    ids, constraints, _ = spread.prepare("The spread is fast.")
    out = spread.tsp.EncodeAsIds("A propagação é rápida.")
    attention = np.full((len(out), len(ids)), 1.0 / len(ids), dtype=np.float32)
    assert spread.finish(out, attention, constraints) == list(out)


def test_compound_source_keeps_the_first_part_of_the_models_compound(aligner: TermAligner) -> None:
    isolation = TermAligner(aligner_vocab(aligner), [E("isolation", "isolamento")])
    ids, constraints, _ = isolation.prepare("Self-isolation at home is advised.")
    assert constraints[0].joined
    out = isolation.tsp.EncodeAsIds("A auto-isolação em casa é aconselhada.")
    pieces = [isolation.tsp.IdToPiece(i) for i in out]
    word = range(pieces.index("▁auto"), pieces.index("▁em"))  # "auto-isolação"
    attention = np.zeros((len(out), len(ids)), dtype=np.float32)
    attention[:, -1] = 1.0
    for i in word:
        attention[i] = 0.0
        attention[i, constraints[0].start] = 1.0
    assert (
        isolation.decode(isolation.finish(out, attention, constraints))
        == "A auto-isolamento em casa é aconselhada."
    )


def aligner_vocab(aligner: TermAligner) -> Path:
    folder = next(f for f in shipped_model_folders() if find_source_model(f).pair == "en-pt")
    return find_source_model(folder).source_vocab


@pytest.mark.model
def test_translate_with_glossary(translation_models: Path, tmp_path: Path) -> None:
    engine = Engine()
    glossary = tmp_path / "med.csv"
    glossary.write_text(
        "source,target\nblood pressure,tensão arterial\nshortness of breath,dificuldade em respirar\nWHO,OMS\n",
        encoding="utf-8",
    )
    engine.glossaries.import_file(glossary, "med", "en", "pt")
    texts = [
        "Do you have high blood pressure?",
        "Are you having any shortness of breath?",
        "The WHO published new advice. Who wrote it?",
        "Where is the nearest hospital?",
    ]
    base = [t.text for t in engine.translate(texts, "en", "pt")]
    with_terms = [t.text for t in engine.translate(texts, "en", "pt", glossary="med")]
    assert "tensão arterial" not in base[0]
    assert "tensão arterial" in with_terms[0] and with_terms[0].rstrip().endswith("?")
    assert "dificuldade em respirar" in with_terms[1]
    assert with_terms[2].count("OMS") == 1  # "Who" the pronoun is not the organisation
    assert with_terms[3] == base[3]  # no term: the base translation, untouched
    assert with_terms[1].endswith("?")  # written in the sentence, before its punctuation, not appended
    engine.close()


@pytest.mark.model
def test_glossary_errors(translation_models: Path, tmp_path: Path) -> None:
    engine = Engine()
    with pytest.raises(GlossaryNotFoundError):
        engine.translate(["Hello."], "en", "pt", glossary="nope")
    engine.glossaries.create("back", "pt", "en", [E("febre", "fever")])
    with pytest.raises(InputError) as err:
        engine.translate(["Hello."], "en", "pt", glossary="back")
    assert "pt->en" in err.value.user_message
    engine.close()
