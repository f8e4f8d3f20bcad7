"""Palavra's Portuguese learner rules on the real lexicon (lingotweaker-data-pt) and the real service."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.config import EngineConfig
from engine.correct import pt_grammar, pt_usage, rules, spelling
from engine.correct.lexicon import Reading, portuguese
from engine.correct.service import CorrectionService

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[3]
DEV_SET = ROOT / "benchmarks" / "data" / "pt_learner_set.tsv"


@pytest.fixture(scope="module")
def service() -> Iterator[CorrectionService]:
    svc = CorrectionService(EngineConfig())
    yield svc
    svc.close()


def test_lexicon_analyses_and_synthesises() -> None:
    lexicon = portuguese()
    assert Reading("casa", "NCFS000") in lexicon.analyze("casa")
    assert Reading("ser", "VMIP3S0") in lexicon.analyze("é")
    assert Reading("casa", "NCFS000") in lexicon.analyze("Casa")  # sentence-initial capital
    assert lexicon.analyze("fazeram") == ()
    assert lexicon.synthesize("bonito", "AQ0FP0") == ("bonitas",)
    assert lexicon.synthesize("poder", "VMSF1S0") == ("puder",)
    assert lexicon.synthesize("fazer", "VMIS3P0") == ("fizeram",)
    assert lexicon.known("ônibus") and lexicon.known("metrô")


@pytest.mark.parametrize(
    ("wrong", "right", "rule"),
    [
        ("A janela é bonito.", "A janela é bonita.", "PT_PREDICATIVE_AGREEMENT"),
        ("Ela comprou uma saia novo.", "Ela comprou uma saia nova.", "PT_NOUN_ADJ_AGREEMENT"),
        ("O cidade é grande.", "A cidade é grande.", "PT_DET_NOUN_AGREEMENT"),
        ("Eu sou preocupado hoje.", "Eu estou preocupado hoje.", "PT_SER_ESTAR"),
        ("Meu tio está advogado.", "Meu tio é advogado.", "PT_SER_ESTAR"),
        ("Nós trabalha aqui.", "Nós trabalhamos aqui.", "PT_VERB_PERSON"),
        ("Ontem eu compro pão.", "Ontem eu comprei pão.", "PT_VERB_TENSE"),
        ("Quero que você faz isso.", "Quero que você faça isso.", "PT_SUBJUNCTIVE"),
        ("Quando eu ter férias, viajo.", "Quando eu tiver férias, viajo.", "PT_FUTURE_SUBJUNCTIVE"),
        ("Elas trazeram o bolo.", "Elas trouxeram o bolo.", "PT_IRREGULAR_PAST"),
        ("Moro em a cidade.", "Moro na cidade.", "PT_CONTRACTION"),
        ("Eles voltaram a escola.", "Eles voltaram à escola.", "PT_CRASE"),
        ("Ela precisa um carro.", "Ela precisa de um carro.", "PT_VERB_PREPOSITION"),
        ("Obrigado para o jantar.", "Obrigado pelo jantar.", "PT_POR_PARA"),
        ("Ele ficou excitado com o jogo.", "Ele ficou animado com o jogo.", "PT_FALSE_FRIEND"),
        ("Ele é minha irmão.", "Ele é meu irmão.", "PT_DET_NOUN_AGREEMENT"),
    ],
)
def test_each_rule_fixes_its_error(service: CorrectionService, wrong: str, right: str, rule: str) -> None:
    result = service.check(wrong, "pt-BR")
    assert result.corrected == right
    assert any(rule in e.rule_id for e in result.edits)


@pytest.mark.parametrize(
    "sentence",
    [
        "A gente vai ao cinema hoje.",
        "O metrô estava cheio e peguei o ônibus.",
        "No ano que vem, vou morar em Curitiba.",
        "Vamos comer juntos.",
        "Tom e eu somos da mesma cidade.",
        "Esta deve ser a casa do meu avô.",
        "A princípio, não acreditei nele.",
        "Elas estão vindo.",
        "Essa música me lembra alguém.",
        "Ele chegou dez minutos atrasado.",
        "A quarentena e o isolamento rígidos funcionaram.",
        "Se eu puder, vou à festa.",
        "Espero que você goste do presente.",
        "Antes de o filme começar, comprei pipoca.",
        "Ela foi demitida por chegar atrasada.",
        "A festa é na casa da Ana.",
        "Eu vou a pé para o trabalho.",
        "Ela é três anos mais velha que eu.",
    ],
)
def test_correct_sentences_are_left_alone(sentence: str) -> None:
    checker = rules.PortugueseLearnerChecker()
    assert checker.check(sentence) == []


def test_dev_learner_set(service: CorrectionService) -> None:
    """Regression guard on benchmarks/data/pt_learner_set.tsv (the dev set the rules were written with)."""
    rows = [
        line.split("\t")
        for line in DEV_SET.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    fixed = kept = errors = correct = 0
    for wrong, right, category in rows:
        out = service.check(wrong, "auto").corrected
        if category == "correct":
            correct += 1
            kept += out == right
        else:
            errors += 1
            fixed += out == right
    assert kept == correct
    assert fixed >= 0.9 * errors


def test_every_rule_that_can_fire_is_explained_in_both_languages() -> None:
    from engine.correct.teacher import CATEGORY_EXPLANATIONS, CATEGORY_NAMES, EXPLANATIONS

    sources = [
        Path(m.__file__ or "").read_text(encoding="utf-8") for m in (pt_grammar, pt_usage, rules, spelling)
    ]
    ids = {rule for text in sources for rule in re.findall(r'"((?:PT|EN|SENTENCE)_[A-Z_]+)"', text)}
    assert {"PT_SER_ESTAR", "PT_CRASE", "PT_MISSING_ACCENT", "SENTENCE_END_PUNCTUATION"} <= ids
    for rule in ids:
        en, pt = EXPLANATIONS[rule]
        assert en.strip() and pt.strip() and en != pt, rule
    for category in CATEGORY_NAMES:
        en, pt = CATEGORY_EXPLANATIONS[category]
        assert en != pt and CATEGORY_NAMES[category][0] != CATEGORY_NAMES[category][1]


def test_every_edit_carries_both_explanations(service: CorrectionService) -> None:
    """Walk the edits of real checks (all checkers, both languages): each has an en and a pt explanation."""
    texts = [
        "Eu sou cansado hoje. Voce gosta a sua escola? O casa é grande.",
        "Eu fazi o bolo ontem e nós vai à pé para a escola as oito",
        "She go to school yesterday and dont like it. I can heard you.",
        "Their is a apple on teh table",
    ]
    seen = 0
    for text in texts:
        for edit in service.check(text, "auto").edits:
            notes = dict(edit.notes)
            assert set(notes) == {"en", "pt"}, edit
            assert notes["en"].strip() and notes["pt"].strip()
            assert notes["pt"] != notes["en"], edit
            assert edit.explanation_in("pt") == notes["pt"]
            seen += 1
    assert seen >= 10


def test_level_estimate(service: CorrectionService) -> None:
    beginner = service.check(
        "Eu sou cansado hoje. Eu gosta de café. A casa é bonito e eu vai na escola.", "auto"
    )
    advanced = service.check(
        "Embora a pesquisa tenha revelado resultados promissores, os especialistas advertem que a implementação "
        "dessas políticas exige investimentos consideráveis e uma coordenação cuidadosa entre as instituições.",
        "auto",
    )
    assert beginner.level is not None and advanced.level is not None
    assert beginner.level.level in ("A1", "A2") and advanced.level.level in ("C1", "C2")
    assert beginner.level.errors_per_100_words > 10 and advanced.level.errors_per_100_words == 0
    assert "agreement" in beginner.level.top_categories
    assert service.check("Olá, tudo bem?", "auto").level is None
