"""Terms written in agreement: inflection rules, and term-aware translation on the real en-pt model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.api import Engine
from engine.config import EngineConfig
from engine.glossary.agreement import agreement_fix, contraction, remnants, rendering_words
from engine.glossary.inflect import (
    agree,
    determiner_agreement,
    english_forms,
    is_infinitive,
    portuguese_gender,
    portuguese_plural,
    target_forms,
    written_plural,
)
from engine.glossary.model import GlossaryEntry
from engine.glossary.terms import TermMatcher

E = GlossaryEntry


@pytest.mark.parametrize(
    ("term", "plural"),
    [
        ("tenant", "tenants"),
        ("property", "properties"),
        ("witness", "witnesses"),
        ("breach of contract", "breaches of contract"),
        ("power of attorney", "powers of attorney"),
        ("lease agreement", "lease agreements"),
    ],
)
def test_english_plurals(term: str, plural: str) -> None:
    assert english_forms(term) == {term: False, plural: True}


def test_uncountable_and_acronyms_match_only_as_written() -> None:
    assert english_forms("evidence") == {"evidence": False}
    assert english_forms("WHO") == {"WHO": False}
    assert english_forms("damages") == {"damages": False}


@pytest.mark.parametrize(
    ("term", "plural"),
    [
        ("inquilino", "inquilinos"),
        ("caução", "cauções"),
        ("ação judicial", "ações judiciais"),
        ("contrato de locação", "contratos de locação"),
        ("aluguel", "aluguéis"),
        ("imóvel", "imóveis"),
        ("locador", "locadores"),
        ("juiz", "juízes"),
        ("réu", "réus"),
        ("inadimplemento contratual", "inadimplementos contratuais"),
        ("liminar", "liminares"),
        ("homem", "homens"),
    ],
)
def test_portuguese_plurals(term: str, plural: str) -> None:
    assert portuguese_plural(term) == plural


def test_gender_from_the_note_or_the_ending() -> None:
    assert portuguese_gender("caução") == "f" and portuguese_gender("testemunha") == "f"
    assert portuguese_gender("contrato de locação") == "m"  # the head noun, not the last word
    assert portuguese_gender("sintoma") == "m" and portuguese_gender("sistema imunitário") == "m"
    # endings that do not say the gender: the model's determiner keeps its gender
    assert portuguese_gender("febre") == "" and portuguese_gender("dor de garganta") == ""
    assert portuguese_gender("propagações do vírus") == "f" and portuguese_gender("pulmões") == "m"
    assert is_infinitive("espalhar") and is_infinitive("proteger-se") and is_infinitive("lavar as mãos")
    assert not is_infinitive("locador") and not is_infinitive("mulher") and not is_infinitive("aluguel")
    assert written_plural("symptoms", "sintomas") and written_plural("face masks", "máscaras faciais")
    assert not written_plural("diabetes", "diabetes") and not written_plural("sepsis", "sépsis")
    assert agree("a", "", False) == "a" and agree("o", "", True) == "os" and agree("Uma", "", True) == "Umas"
    forms = target_forms(E("injunction", "liminar", note="f; pl. liminares"))
    assert (forms.gender, forms.plural) == ("f", "liminares")
    assert target_forms(E("deposit", "caução")).form(True) == "cauções"


def test_determiners_agree() -> None:
    assert agree("O", "f", False) == "A"
    assert agree("do", "f", False) == "da"
    assert agree("um", "f", False) == "uma"
    assert agree("pela", "m", True) == "pelos"
    assert agree("contra", "f", True) == "contra"
    assert determiner_agreement("às") == ("f", True)
    assert determiner_agreement("inquilino") is None


def test_matcher_finds_plurals() -> None:
    matcher = TermMatcher([E("tenant", "inquilino"), E("breach of contract", "inadimplemento contratual")])
    text = "The tenants denied the breaches of contract, the tenant said."
    found = [(text[m.start : m.end], m.plural) for m in matcher.find(text)]
    assert found == [("tenants", True), ("breaches of contract", True), ("tenant", False)]


_LEGAL = (
    "source\ttarget\tnote\n"
    "deposit\tcaução\tf; pl. cauções\n"
    "tenant\tinquilino\tm; pl. inquilinos\n"
    "landlord\tlocador\tm; pl. locadores\n"
    "plaintiff\tautor\tm; pl. autores\n"
    "property\timóvel\tm; pl. imóveis\n"
    "lawsuit\tação judicial\tf; pl. ações judiciais\n"
    "notice\tnotificação\tf; pl. notificações\n"
    "eviction\tdespejo\tm; pl. despejos\n"
    "settlement\tacordo\tm; pl. acordos\n"
    "statute of limitations\tprescrição\tf; pl. prescrições\n"
    "lawyer\tadvogado\tm; pl. advogados\n"
)


@pytest.fixture
def legal(translation_models: Path, tmp_path: Path) -> Engine:
    engine = Engine(EngineConfig(threads=2))
    path = tmp_path / "legal.tsv"
    path.write_text(_LEGAL, encoding="utf-8")
    engine.glossaries.import_file(path, "legal", "en", "pt")
    return engine


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.model
def test_article_agrees_with_the_term(legal: Engine) -> None:
    texts = [
        "The deposit was returned to the tenant.",
        "The tenant received a notice from the landlord.",
        "The property was sold last year.",
        "The lawsuit was dismissed by the judge.",
    ]
    base = [t.text for t in legal.translate(texts, "en", "pt")]
    out = [t.text for t in legal.translate(texts, "en", "pt", glossary="legal")]
    assert "caução" not in base[0]  # the model alone writes its own word
    w = _words(out[0])
    assert w[:2] == ["a", "caução"], out[0]
    assert "devolvida" in w, out[0]  # the participle agrees with the feminine term
    assert "uma notificação" in out[1].casefold(), out[1]
    assert _words(out[2])[:2] == ["o", "imóvel"], out[2]
    assert _words(out[3])[:3] == ["a", "ação", "judicial"], out[3]
    legal.close()


@pytest.mark.model
def test_plural_source_terms_take_the_plural_target(legal: Engine) -> None:
    out = [
        t.text
        for t in legal.translate(
            ["The landlords sued the tenants.", "The properties were sold."], "en", "pt", glossary="legal"
        )
    ]
    assert "os locadores" in out[0].casefold() and "os inquilinos" in out[0].casefold(), out[0]
    assert "os imóveis" in out[1].casefold(), out[1]
    legal.close()


@pytest.mark.model
def test_no_model_synonym_beside_the_term(legal: Engine) -> None:
    texts = ["The plaintiff asked the court for an injunction.", "The plaintiffs demanded a settlement."]
    base = " ".join(t.text for t in legal.translate(texts, "en", "pt")).casefold()
    out = [t.text for t in legal.translate(texts, "en", "pt", glossary="legal")]
    assert "autor" not in base  # the model's own word is a synonym ("queixoso", "demandantes")
    joined = " ".join(out).casefold()
    assert "autor" in _words(out[0]) and "autores" in _words(out[1]), out
    for synonym in ("queixoso", "queixosos", "demandante", "demandantes", "requerente", "requerentes"):
        assert synonym not in _words(joined), out
    legal.close()


@pytest.mark.model
def test_term_aware_path_uses_the_service_cache_and_pool(legal: Engine) -> None:
    from engine.translate.service import TranslationService

    service = legal.translation
    assert isinstance(service, TranslationService)
    texts = [f"The tenant number {n} paid the deposit." for n in range(40)] + ["Where is the station?"]
    first = [t.text for t in legal.translate(texts, "en", "pt", glossary="legal")]
    assert service._pool is not None  # the batches ran on the service's thread pool
    glossary_keys = [k for k in service._cache if k[1] == texts[0]]
    assert glossary_keys and "legal" in glossary_keys[0][0]  # cached under the glossary's key
    plain_key = [k for k in service._cache if k[1] == texts[-1]]
    assert (
        plain_key and plain_key[0][0] == service.model("en", "pt").info.name
    )  # no term: a plain translation
    assert [t.text for t in legal.translate(texts, "en", "pt", glossary="legal")] == first
    assert "caução" in first[0] and "inquilino" in first[0]
    legal.close()


def test_predicate_adjective_takes_the_terms_gender() -> None:
    words = ["O", "acordo", "é", "vinculativa", "para", "ambas", "as", "partes?"]
    assert agreement_fix(words, 2, "m", False) == (3, "vinculativo")
    # a noun whose other-gender form is a rare word is left alone ("prova" / "provo")
    assert agreement_fix(["O", "acordo", "é", "prova", "suficiente"], 2, "m", False) is None
    # a verb right after the term is not an adjective
    assert agreement_fix(["O", "inquilino", "paga", "o", "aluguel"], 2, "f", False) is None
    # plural participle after an auxiliary
    assert agreement_fix(["As", "cauções", "foram", "devolvidos."], 2, "f", True) == (3, "devolvidas.")


def test_remnant_of_a_multiword_term_is_found() -> None:
    words = ["antes", "do", "estatuto", "de", "prescrição", "expirar"]
    rendering = rendering_words("Estatuto de limitações")
    assert remnants(words, 4, 5, rendering, "prescrição") == {2, 3}
    # words of the term itself and unrelated words stay
    assert (
        remnants(
            ["a", "notificação", "de", "despejo", "foi", "entregue"],
            1,
            2,
            rendering_words("aviso"),
            "notificação",
        )
        == set()
    )


def test_contraction_at_the_seam() -> None:
    assert contraction("de", "esta") == "desta"
    assert contraction("em", "o") == "no"
    assert contraction("para", "a") is None


@pytest.mark.model
def test_adjacent_terms_head_first_and_possessives(legal: Engine) -> None:
    texts = [
        "The eviction notice was delivered on Monday.",
        "The plaintiff's lawyer filed the lawsuit.",
        "The tenant's deposit was returned.",
    ]
    out = [t.text.casefold() for t in legal.translate(texts, "en", "pt", glossary="legal")]
    assert "notificação de despejo" in out[0], out[0]
    assert _words(out[0])[:1] == ["a"], out[0]
    assert "advogado do autor" in out[1], out[1]
    assert "caução do inquilino" in out[2], out[2]
    assert "devolvida" in _words(out[2]), out[2]
    legal.close()


@pytest.mark.model
def test_words_around_the_term_agree_and_no_remnant(legal: Engine) -> None:
    texts = [
        "Is the settlement binding on both parties?",
        "The complaint was filed before the statute of limitations expired.",
    ]
    base = [t.text.casefold() for t in legal.translate(texts, "en", "pt")]
    out = [t.text.casefold() for t in legal.translate(texts, "en", "pt", glossary="legal")]
    assert "vinculativa" in base[0] and "estatuto" in base[1]  # the model alone: its own words
    assert "o acordo é vinculativo" in out[0], out[0]
    assert "da prescrição" in out[1] and "estatuto" not in out[1], out[1]
    legal.close()


def test_word_counts_bisection_matches_the_word_list() -> None:
    from engine.glossary.agreement import frequencies

    words = frequencies()
    assert words.get("vinculativo") > 0 and words.get("não") > words.get("vinculativo")
    assert words.get("palavrainexistente") == 0


_MED = "source\ttarget\nSARS-CoV\tSARS-CoV\nSARS-CoV-2\tSARS-CoV-2\nSARS\tSARS (síndrome respiratória aguda grave)\nsymptoms\tsintomas\nfever\tfebre\n"


@pytest.mark.model
def test_explanations_in_parentheses_do_not_swallow_the_sentence(
    translation_models: Path, tmp_path: Path
) -> None:
    engine = Engine(EngineConfig(threads=2))
    path = tmp_path / "med.tsv"
    path.write_text(_MED, encoding="utf-8")
    engine.glossaries.import_file(path, "med", "en", "pt")
    texts = [
        "SARS has higher mortality than COVID-19.",
        "Common symptoms include fever and cough.",
        "The fever increases at night.",
        "Although SARS-CoV and SARS-CoV-2 are very similar, they cluster into different branches.",
    ]
    out = [t.text for t in engine.translate(texts, "en", "pt", glossary="med")]
    assert "SARS (síndrome respiratória aguda grave)" in out[0], out[0]
    assert "mortalidade" in out[0] and "COVID-19" in out[0], out[0]  # the rest of the sentence is translated
    assert _words(out[1])[:2] == ["os", "sintomas"], out[1]  # the entry itself is plural
    assert _words(out[2])[:2] == ["a", "febre"], out[2]  # -e says no gender: the model's article stays
    # a repeated stretch the glossary forces ("SARS-CoV" twice) does not end the sentence
    assert "ramos" in out[3] and out[3].rstrip().endswith("."), out[3]
    engine.close()


_EPI = "source\ttarget\noutbreak\tsurto\nspread\tespalhar\nshortness of breath\tdificuldade em respirar\n"


@pytest.mark.model
def test_verb_terms_keep_the_form_the_sentence_needs(translation_models: Path, tmp_path: Path) -> None:
    engine = Engine(EngineConfig(threads=2))
    path = tmp_path / "epi.tsv"
    path.write_text(_EPI, encoding="utf-8")
    engine.glossaries.import_file(path, "epi", "en", "pt")
    texts = [
        "The outbreak spread rapidly.",
        "The epidemic started in Wuhan and quickly spread throughout the country.",
        "do you still feel shortness of breath",
        "The outbreak spreads quickly.",
    ]
    out = [t.text for t in engine.translate(texts, "en", "pt", glossary="epi")]
    # "spread" after a noun term is the verb, not a compound's head; the model's past tense stays
    assert "surto" in out[0] and "espalhou" in out[0] and "rapidamente" in out[0], out[0]
    assert "espalhou" in out[1] and "rapidamente" in out[1] and "-ou" not in out[1], out[1]
    assert "dificuldade em respirar" in out[2] and not out[2].endswith("."), out[2]  # no full stop added
    # "spreads" is the verb's third person, not a plural noun: "O surto se espalha", not "Os surto"
    assert _words(out[3])[:2] == ["o", "surto"] and "espalha" in out[3], out[3]
    engine.close()
