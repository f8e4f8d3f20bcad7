"""Telling English from Portuguese (and Brazilian from European Portuguese) in a few words of text.

A small, dependency-free scorer: function words and characteristic letters per language, then variant markers
(vocabulary, spelling and grammar that differ between pt-BR and pt-PT).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_EN = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "yes",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
        "my",
        "your",
        "his",
        "its",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "what",
        "which",
        "who",
        "when",
        "where",
        "why",
        "how",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "very",
        "just",
        "also",
        "than",
        "then",
        "so",
        "if",
        "about",
        "into",
        "out",
        "up",
        "down",
        "over",
        "after",
        "before",
        "because",
        "while",
        "as",
        "all",
        "any",
        "some",
        "one",
        "two",
        "three",
        "here",
        "now",
        "get",
        "go",
        "make",
        "like",
        "know",
        "think",
        "want",
        "see",
        "please",
        "thank",
        "thanks",
        "hello",
        "good",
        "new",
        "time",
        "day",
        "people",
        "year",
        "way",
    ]
)
_PT = set(
    [
        "o",
        "a",
        "os",
        "as",
        "um",
        "uma",
        "uns",
        "umas",
        "e",
        "ou",
        "mas",
        "de",
        "do",
        "da",
        "dos",
        "das",
        "em",
        "no",
        "na",
        "nos",
        "nas",
        "por",
        "pelo",
        "pela",
        "para",
        "com",
        "sem",
        "sobre",
        "entre",
        "é",
        "são",
        "era",
        "foi",
        "ser",
        "estar",
        "está",
        "estão",
        "estou",
        "tem",
        "têm",
        "ter",
        "há",
        "não",
        "sim",
        "eu",
        "tu",
        "você",
        "vocês",
        "ele",
        "ela",
        "nós",
        "eles",
        "elas",
        "me",
        "te",
        "se",
        "lhe",
        "nos",
        "vos",
        "meu",
        "minha",
        "seu",
        "sua",
        "nosso",
        "nossa",
        "este",
        "esta",
        "isso",
        "isto",
        "aquele",
        "aquela",
        "que",
        "qual",
        "quem",
        "quando",
        "onde",
        "como",
        "porque",
        "muito",
        "muita",
        "também",
        "já",
        "mais",
        "menos",
        "bem",
        "aqui",
        "agora",
        "obrigado",
        "obrigada",
        "olá",
        "bom",
        "boa",
        "dia",
        "ano",
        "vez",
        "pessoas",
        "fazer",
        "ir",
        "vai",
        "vou",
        "pode",
        "posso",
        "quero",
    ]
)
_PT_CHARS = set("ãõçáéíóúâêôà")
_BR = set(
    [
        "você",
        "vocês",
        "ônibus",
        "trem",
        "celular",
        "banheiro",
        "café-da-manhã",
        "time",
        "equipe",
        "registro",
        "fato",
        "tela",
        "suco",
        "sorvete",
        "aluguel",
        "geladeira",
        "caminhão",
        "usuário",
        "arquivo",
        "ótimo",
        "gerente",
        "moça",
        "cadê",
        "legal",
        "gente",
        "né",
        "tchau",
    ]
)
_PT_PT = set(
    [
        "tu",
        "autocarro",
        "comboio",
        "telemóvel",
        "casa-de-banho",
        "pequeno-almoço",
        "equipa",
        "registo",
        "facto",
        "ecrã",
        "sumo",
        "gelado",
        "renda",
        "frigorífico",
        "camião",
        "utilizador",
        "ficheiro",
        "óptimo",
        "rapariga",
        "fixe",
        "miúdo",
        "connosco",
        "estás",
    ]
)
_PT_PT_PATTERNS = (re.compile(r"\b(?:estou|está|estás|estamos|estão|continua|anda)\s+a\s+\w+r\b"),)
_BR_PATTERNS = (re.compile(r"\b(?:estou|está|estamos|estão|estava|continua)\s+\w+ndo\b"),)


@dataclass(frozen=True)
class LanguageGuess:
    """Result of :func:`detect`."""

    language: str  # "en" or "pt" ("" when there is nothing to go on)
    variant: str | None  # "pt-BR" / "pt-PT" when the text says, else None
    confidence: float  # 0..1


def detect(text: str) -> LanguageGuess:
    """Guess whether ``text`` is English or Portuguese."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return LanguageGuess("", None, 0.0)
    en = sum(1.0 for w in words if w in _EN)
    pt = sum(1.0 for w in words if w in _PT)
    pt += sum(0.5 for w in words if any(c in _PT_CHARS for c in w))
    en += sum(0.3 for w in words if w.endswith(("ing", "tion", "ly")) and len(w) > 4)
    pt += sum(0.3 for w in words if w.endswith(("ção", "ões", "mente", "inho", "inha")))
    total = en + pt
    if total == 0:
        return LanguageGuess("en", None, 0.0)
    language = "pt" if pt > en else "en"
    confidence = round(max(en, pt) / total * min(1.0, total / 3.0), 3)
    variant = None
    if language == "pt":
        lowered = text.lower()
        br = sum(1 for w in words if w in _BR) + sum(len(p.findall(lowered)) for p in _BR_PATTERNS)
        pp = sum(1 for w in words if w in _PT_PT) + sum(len(p.findall(lowered)) for p in _PT_PT_PATTERNS)
        if br > pp:
            variant = "pt-BR"
        elif pp > br:
            variant = "pt-PT"
    return LanguageGuess(language, variant, confidence)
