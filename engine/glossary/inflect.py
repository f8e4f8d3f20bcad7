"""Inflection of glossary terms: the English forms a term appears in, and the Portuguese form that fits.

English: a noun term also matches its plural ("tenant" -> "tenants", "property" -> "properties", "breach of
contract" -> "breaches of contract"), by the regular rules (irregular plurals listed). Portuguese: the target's
gender and plural come from the entry's note when the translator wrote them (``m``/``f``, ``pl. inquilinos``),
otherwise from the regular rules of Portuguese plural and gender endings (tested in tests/engine/glossary).
Determiners are re-inflected to agree with a term (:func:`agree`): "o" before "caução" becomes "a".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.glossary.model import GlossaryEntry

_IRREGULAR_EN = {"man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet"}
_UNCOUNTABLE_EN = frozenset({"evidence", "liability", "information", "advice", "equipment", "damages"})
_LINKS = frozenset({"of", "in", "for", "to", "on", "at"})
_PT_LINKS = frozenset({"de", "da", "do", "das", "dos", "em", "por", "para", "a", "com"})


def english_plural(word: str) -> str:
    """The regular English plural of a noun ("tenant" -> "tenants", "party" -> "parties")."""
    low = word.lower()
    if low in _IRREGULAR_EN:
        plural = _IRREGULAR_EN[low]
        return plural if word.islower() else plural.capitalize()
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def english_forms(term: str) -> dict[str, bool]:
    """The forms of an English term to look for: form -> whether it is the plural.

    The head of "X of Y" is X ("breaches of contract", "powers of attorney"); otherwise the last word.
    Terms already plural, uncountable or written in capitals only match as written.
    """
    words = term.split()
    forms = {term: False}
    if not words or term.isupper():
        return forms
    head = next((i - 1 for i, w in enumerate(words) if w.lower() in _LINKS and i > 0), len(words) - 1)
    low = words[head].lower()
    if low in _UNCOUNTABLE_EN or (low.endswith("s") and not low.endswith("ss")):
        return forms
    plural = [*words[:head], english_plural(words[head]), *words[head + 1 :]]
    forms[" ".join(plural)] = True
    return forms


def _accented(word: str) -> bool:
    return bool(re.search(r"[áéíóúâêôãõ]", word))


def portuguese_plural_word(word: str) -> str:
    """The regular plural of one Portuguese noun or adjective."""
    low = word.lower()
    if low.endswith("ão"):
        return word[:-2] + "ões"
    if re.search(r"[aeiouáéíóúâêô]$", low) or low.endswith(("ãe", "ãi")):
        return word + "s"
    if low.endswith("m"):
        return word[:-1] + "ns"
    if low.endswith("el"):
        return word[:-2] + ("eis" if _accented(low[:-2]) else "éis")
    if low.endswith("ol"):
        return word[:-2] + "óis"
    if low.endswith(("al", "ul")):
        return word[:-1] + "is"
    if low.endswith("il"):
        return word[:-1] + "s" if not _accented(low) else word[:-2] + "eis"
    if low.endswith("iz") and not _accented(low):
        return word[:-2] + "ízes"
    if low.endswith(("r", "z")):
        return word + "es"
    if low.endswith("s"):
        return word if not _accented(low[-3:]) and len(low) > 3 and low[-2] in "aeiou" else word + "es"
    return word + "s"


def portuguese_plural(term: str) -> str:
    """The plural of a Portuguese noun phrase: the words before the first preposition are inflected
    ("ação judicial" -> "ações judiciais", "contrato de locação" -> "contratos de locação")."""
    words = term.split()
    out = []
    linked = False
    for w in words:
        linked = linked or w.lower() in _PT_LINKS
        out.append(w if linked else portuguese_plural_word(w))
    return " ".join(out)


#: Nouns whose ending says the other gender.
_MASCULINE_A = frozenset({"dia", "mapa", "planeta", "cometa", "sofá", "clima", "pijama"})
_FEMININE_O = frozenset({"tribo", "foto", "moto", "libido"})


def portuguese_gender(term: str) -> str:
    """``"f"``, ``"m"`` or ``""`` (not known) from the head noun's ending.

    Only endings that say the gender reliably count: -ção, -são, -dade, -tude, -gem, -ise, -ite and -a (but not
    the Greek -ma: "o sintoma", "o sistema") are feminine; -o, -dor, -ão and -ema are masculine. Words in -e, -l, -r,
    -z, -s... can be either ("a febre", "o dente"): then the model's own determiner is kept
    (:func:`agree` changes only its number).
    """
    words = term.split()
    head = words[0].lower() if words else ""
    if head.endswith(("ões", "ães")):  # a plural head: its singular's ending
        head = head[:-3] + "ão"
    elif head.endswith("s") and len(head) > 3 and head[-2] in "aoe":
        head = head[:-1]
    if head in _MASCULINE_A:
        return "m"
    if head in _FEMININE_O:
        return "f"
    if re.search(r"(ção|são|dade|tude|gem|ise|ite)$", head):
        return "f"
    if re.search(r"(ma|mas)$", head):
        return "m" if re.search(r"(ema|oma|grama)$", head) else ""
    if re.search(r"(a|ã)$", head):
        return "f"
    if (re.search(r"(o|ão|ês|ul)$", head) or re.search(r"..dor$", head)) and head != "mão":
        return "m"
    return ""


def is_infinitive(target: str) -> bool:
    """Whether a Portuguese target starts with a verb in the infinitive ("espalhar", "lavar as mãos",
    "proteger-se"); nouns in -r are told apart by their endings ("locador", "mulher" are not verbs here)."""
    words = target.split()
    if not words:
        return False
    first = words[0].casefold()
    first = first[:-3] if first.endswith(("-se", "-me")) else first
    if first in {"mulher", "colher", "talher", "lar", "mar", "ar", "par", "bar", "altar", "olhar", "prazer"}:
        return False
    return bool(re.search(r"[^o](ar|er|ir)$", first)) and not first.endswith(("dor", "tor", "ular"))


_SINGULAR_S = frozenset(
    {"diabetes", "measles", "mumps", "news", "herpes", "rabies", "species", "series", "aids"}
)


def written_plural(source: str, target: str) -> bool:
    """Whether an entry is itself written in the plural on both sides ("symptoms" -> "sintomas"), so that a
    determiner before it is plural too."""
    src = source.split()
    tgt = target.split()
    if not src or not tgt or source.isupper():
        return False
    head = next((i - 1 for i, w in enumerate(src) if w.lower() in _LINKS and i > 0), len(src) - 1)
    s_head, t_head = src[head].lower(), tgt[0].lower()
    if s_head in _SINGULAR_S or t_head in _SINGULAR_S:
        return False
    english = s_head.endswith("s") and not s_head.endswith(("ss", "is", "us"))
    portuguese = t_head.endswith("s") and not t_head.endswith(("is", "ês", "us", "ís"))
    return english and portuguese


@dataclass(frozen=True)
class TargetForms:
    """A target term's forms.

    Attributes:
        singular: the term as the glossary writes it.
        plural: its plural.
        gender: ``"m"``, ``"f"``, or ``""`` when neither the note nor the ending says it.
    """

    singular: str
    plural: str
    gender: str

    def form(self, plural: bool) -> str:
        """The singular or the plural."""
        return self.plural if plural else self.singular


_NOTE_GENDER = re.compile(r"(?<!\w)(m|f|masc|fem)\.?(?!\w)", re.IGNORECASE)
_NOTE_PLURAL = re.compile(r"(?<!\w)pl(?:ural)?\.?\s*:?\s*([^;,()]+)", re.IGNORECASE)


def target_forms(entry: GlossaryEntry, target: str | None = None) -> TargetForms:
    """The forms of one of an entry's targets (default: its main target), from its note or the rules.

    The note may say ``m`` or ``f`` and ``pl. FORM`` (e.g. ``"f; pl. cauções"``); the plural given applies to the
    main target only.
    """
    target = target or entry.target
    note = entry.note or ""
    gender_match = _NOTE_GENDER.search(note)
    gender = gender_match.group(1)[0].lower() if gender_match else portuguese_gender(target)
    plural_match = _NOTE_PLURAL.search(note)
    if plural_match and target == entry.target:
        plural = " ".join(plural_match.group(1).split())
    else:
        plural = portuguese_plural(target)
    return TargetForms(target, plural, gender)


#: Determiners and contractions by (gender, number): each row is one word in its four forms (m sg, f sg, m pl, f pl).
_DETERMINERS = [
    ("o", "a", "os", "as"),
    ("um", "uma", "uns", "umas"),
    ("do", "da", "dos", "das"),
    ("no", "na", "nos", "nas"),
    ("ao", "à", "aos", "às"),
    ("pelo", "pela", "pelos", "pelas"),
    ("dum", "duma", "duns", "dumas"),
    ("num", "numa", "nuns", "numas"),
    ("este", "esta", "estes", "estas"),
    ("esse", "essa", "esses", "essas"),
    ("aquele", "aquela", "aqueles", "aquelas"),
    ("deste", "desta", "destes", "destas"),
    ("desse", "dessa", "desses", "dessas"),
    ("neste", "nesta", "nestes", "nestas"),
    ("nesse", "nessa", "nesses", "nessas"),
    ("seu", "sua", "seus", "suas"),
    ("meu", "minha", "meus", "minhas"),
    ("nosso", "nossa", "nossos", "nossas"),
    ("outro", "outra", "outros", "outras"),
    ("todo", "toda", "todos", "todas"),
    ("novo", "nova", "novos", "novas"),
    ("primeiro", "primeira", "primeiros", "primeiras"),
]
_SLOTS = {("m", False): 0, ("f", False): 1, ("m", True): 2, ("f", True): 3}
DETERMINER_FORMS: dict[str, tuple[tuple[str, str, str, str], int]] = {
    w: (row, k) for row in _DETERMINERS for k, w in enumerate(row) if w not in {"a"} or k == 1
}


def determiner_agreement(word: str) -> tuple[str, bool] | None:
    """(gender, plural) a determiner marks ("as" -> ("f", True)), or ``None`` for other words."""
    found = DETERMINER_FORMS.get(word.lower())
    if found is None:
        return None
    slot = found[1]
    return ("m" if slot in (0, 2) else "f", slot >= 2)


def agree(word: str, gender: str, plural: bool) -> str:
    """The determiner ``word`` inflected for a term of ``gender`` and number (case kept); other words as they are.

    With ``gender`` ``""`` (not known) the determiner keeps its own gender and takes the term's number.
    """
    found = DETERMINER_FORMS.get(word.lower())
    if found is None:
        return word
    if gender not in ("m", "f"):
        gender = "m" if found[1] in (0, 2) else "f"
    new = found[0][_SLOTS[(gender, plural)]]
    if word[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new
