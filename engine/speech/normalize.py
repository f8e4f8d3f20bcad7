"""Word normalisation for comparing what was said with the target: case, punctuation, numbers, contractions.

A target word may expand to several comparison units ("don't" -> "do not", "21" -> "twenty one"); each unit
keeps the index of the word it came from, so an alignment over units maps back to the words the learner sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD_RE = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_PT_ONES = [
    "zero",
    "um",
    "dois",
    "três",
    "quatro",
    "cinco",
    "seis",
    "sete",
    "oito",
    "nove",
    "dez",
    "onze",
    "doze",
    "treze",
    "catorze",
    "quinze",
    "dezesseis",
    "dezessete",
    "dezoito",
    "dezenove",
]
_PT_TENS = ["_", "_", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"]
_PT_HUNDREDS = [
    "_",
    "cento",
    "duzentos",
    "trezentos",
    "quatrocentos",
    "quinhentos",
    "seiscentos",
    "setecentos",
    "oitocentos",
    "novecentos",
]

#: English contractions expanded for comparison (the apostrophe-free forms Whisper sometimes writes included).
_EN_CONTRACTIONS = {
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "wouldn't": "would not",
    "shouldn't": "should not",
    "couldn't": "could not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "haven't": "have not",
    "hasn't": "has not",
    "hadn't": "had not",
    "i'm": "i am",
    "you're": "you are",
    "we're": "we are",
    "they're": "they are",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "what's": "what is",
    "where's": "where is",
    "he's": "he is",
    "she's": "she is",
    "let's": "let us",
    "i've": "i have",
    "you've": "you have",
    "we've": "we have",
    "they've": "they have",
    "i'll": "i will",
    "you'll": "you will",
    "we'll": "we will",
    "they'll": "they will",
    "it'll": "it will",
    "he'll": "he will",
    "she'll": "she will",
    "i'd": "i would",
    "you'd": "you would",
    "we'd": "we would",
    "they'd": "they would",
    "ok": "okay",
    "mr": "mister",
    "mrs": "missus",
    "dr": "doctor",
}
#: British spellings (as in the drill sentences) and the American ones Whisper writes; compared as equal, and the
#: forced scorer is given the American form (Whisper finds "favourite" improbable even when it hears it).
_EN_US = {
    "favourite": "favorite",
    "favourites": "favorites",
    "colour": "color",
    "colours": "colors",
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "metre": "meter",
    "metres": "meters",
    "litre": "liter",
    "litres": "liters",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbourhood": "neighborhood",
    "flavour": "flavor",
    "honour": "honor",
    "humour": "humor",
    "labour": "labor",
    "harbour": "harbor",
    "behaviour": "behavior",
    "rumour": "rumor",
    "travelling": "traveling",
    "travelled": "traveled",
    "traveller": "traveler",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "jewellery": "jewelry",
    "programme": "program",
    "grey": "gray",
    "organise": "organize",
    "organised": "organized",
    "realise": "realize",
    "realised": "realized",
    "recognise": "recognize",
    "apologise": "apologize",
    "criticised": "criticized",
    "criticise": "criticize",
    "memorise": "memorize",
    "memorising": "memorizing",
    "practise": "practice",
    "analyse": "analyze",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "defence": "defense",
    "licence": "license",
    "cheque": "check",
    "tyre": "tire",
    "pyjamas": "pajamas",
    "aluminium": "aluminum",
    "mum": "mom",
}
#: Portuguese spoken variants Whisper may write for the standard form.
_PT_VARIANTS = {"pra": "para", "pro": "para o", "tá": "está", "tô": "estou", "cê": "você", "né": "não é"}


@dataclass(frozen=True)
class Unit:
    """One comparison unit: its normalised text and the index of the original word it came from."""

    text: str
    word_index: int


def split_words(text: str) -> list[str]:
    """Split ``text`` into the words a learner sees (whitespace-separated, punctuation kept attached)."""
    return [w for w in _WORD_RE.findall(text) if _EDGE_PUNCT.sub("", w)]


def number_to_words(n: int, language: str) -> str:
    """Spell a non-negative integer below one million in English or Portuguese (``"pt"``)."""
    if language.startswith("pt"):
        return _pt_number(n)
    return _en_number(n)


def _en_number(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f" {_EN_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" {_en_number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_en_number(thousands)} thousand" + (f" {_en_number(rest)}" if rest else "")


_EN_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
}
_EN_ORDINALS["twelve"] = "twelfth"


def _en_ordinal(n: int) -> str:
    words = _en_number(n).split()
    last = words[-1]
    if last in _EN_ORDINALS:
        last = _EN_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return " ".join([*words[:-1], last])


def _pt_number(n: int) -> str:
    if n < 20:
        return _PT_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _PT_TENS[tens] + (f" e {_PT_ONES[ones]}" if ones else "")
    if n == 100:
        return "cem"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _PT_HUNDREDS[hundreds] + (f" e {_pt_number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else f"{_pt_number(thousands)} mil"
    if not rest:
        return head
    joiner = " e " if rest < 100 or rest % 100 == 0 else " "
    return head + joiner + _pt_number(rest)


def _strip_accents_safe(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_word(word: str, language: str) -> list[str]:
    """Normalise one written word into comparison units (lower case, no edge punctuation, expanded forms).

    Args:
        word: a word as written, possibly with punctuation ("Coffee," or "21," or "don't").
        language: ``"en"`` or ``"pt"``.

    Returns:
        The units, possibly several ("don't" -> ["do", "not"]) or none (a lone punctuation mark).
    """
    text = _strip_accents_safe(word.translate(_APOSTROPHES)).lower()
    text = _EDGE_PUNCT.sub("", text)
    if not text:
        return []
    text = text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", text) else text
    if text.isdigit() and len(text) <= 6:
        return number_to_words(int(text), language).split()
    ordinal = re.fullmatch(r"(\d{1,4})(st|nd|rd|th)", text)
    if ordinal and language.startswith("en"):
        return _en_ordinal(int(ordinal.group(1))).split()
    expanded = _PT_VARIANTS.get(text) if language.startswith("pt") else _EN_CONTRACTIONS.get(text)
    if expanded:
        return expanded.split()
    if language.startswith("en") and text in _EN_US:
        return [_EN_US[text]]
    if "-" in text:
        # "forty-two" and "forty two", "sextas-feiras" and "sextas feiras", "chamo-me" and "chamo me" compare
        # equal: hyphenated compounds and Portuguese clitics are split the same way on either side.
        return [p for p in text.split("-") if p]
    return [text]


def to_units(text: str, language: str) -> list[Unit]:
    """Normalise a text into comparison units, each keeping its word's index in :func:`split_words`."""
    units: list[Unit] = []
    for index, word in enumerate(split_words(text)):
        units.extend(Unit(u, index) for u in normalize_word(word, language))
    return units


def recogniser_spelling(word: str, language: str) -> str:
    """``word`` as Whisper would spell it (American English), keeping its case and punctuation."""
    if not language.startswith("en"):
        return word
    match = re.match(r"^([^\w]*)([\w']+)([^\w]*)$", word)
    if not match:
        return word
    head, core, tail = match.groups()
    american = _EN_US.get(core.lower())
    if american is None:
        return word
    if core[0].isupper():
        american = american[0].upper() + american[1:]
    return head + american + tail
