"""Tokens and word classes shared by Palavra's Portuguese learner rules (:mod:`.pt_grammar`, :mod:`.pt_usage`).

A sentence is cut into tokens (words, numbers, punctuation) that keep their offsets and carry their readings from
the morphological lexicon (:mod:`.lexicon`). The tables here are closed word classes (articles, pronouns,
prepositions and their contractions) and small semantic classes the rules need (professions, events, places).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from engine.correct.lexicon import Lexicon, Reading
from engine.correct.model import Edit

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,:h]\d+)?h?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark of the sentence, with its lexicon readings."""

    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]

    @property
    def low(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """A word (letters)."""
        return self.text[:1].isalpha()

    def has(self, prefix: str, lemma: str | None = None) -> bool:
        """Whether a reading's tag starts with ``prefix`` (and has ``lemma``)."""
        return any(r.tag.startswith(prefix) and (lemma is None or r.lemma == lemma) for r in self.readings)

    def lemmas(self, prefix: str = "V") -> set[str]:
        """The lemmas of the readings whose tag starts with ``prefix``."""
        return {r.lemma for r in self.readings if r.tag.startswith(prefix)}

    def finite(self) -> list[Reading]:
        """The finite verb readings (indicative or subjunctive)."""
        return [r for r in self.readings if r.is_finite]

    @property
    def is_infinitive(self) -> bool:
        """Has an infinitive reading."""
        return any(
            r.tag.startswith("VMN") or r.tag.startswith("VAN") or r.tag.startswith("VSN")
            for r in self.readings
        )


def _likely(readings: tuple[Reading, ...], frequency: Callable[[str], int] | None) -> tuple[Reading, ...]:
    """Drop the verb readings of rare verbs: "chove" is "chover", not the subjunctive of the rare "chovar"."""
    if frequency is None:
        return readings
    verbs = {r.lemma for r in readings if r.pos == "V"}
    if not verbs:
        return readings
    counts = {lemma: frequency(lemma) for lemma in verbs}
    top = max(counts.values())
    keep = {lemma for lemma, n in counts.items() if n * 20 >= top and (n > 0 or len(readings) == len(verbs))}
    return tuple(r for r in readings if r.pos != "V" or r.lemma in keep)


def tokenize(text: str, lexicon: Lexicon, frequency: Callable[[str], int] | None = None) -> list[Token]:
    """The tokens of ``text`` with their readings.

    Args:
        text: a sentence.
        lexicon: the morphological lexicon.
        frequency: word frequencies; when given, readings as forms of rare verbs are dropped.
    """
    return [
        Token(
            m.start(),
            m.end(),
            m.group(),
            _likely(lexicon.analyze(m.group()), frequency) if m.group()[:1].isalpha() else (),
        )
        for m in _TOKEN.finditer(text)
    ]


def match_case(model: str, word: str) -> str:
    """``word`` capitalised like ``model``."""
    if model[:1].isupper() and not model[1:2].isupper():
        return word[:1].upper() + word[1:]
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word


def make_edit(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    words: Sequence[str],
    rule_id: str,
    category: str,
) -> Edit:
    """An edit replacing tokens ``first..last`` (inclusive) by ``words`` joined by spaces.

    The first word takes the capitalisation of the first token. The explanation is filled in by the checker
    (:mod:`.teacher`).
    """
    start, end = tokens[first].start, tokens[last].end
    original = text[start:end]
    joined = " ".join(w for w in words if w)
    replacement = match_case(original, joined) if joined else ""
    return Edit(start, end, original, replacement, category, rule_id, "", (replacement,), "learner")


#: Articles, demonstratives, possessives, contractions and quantifiers: masc sing, fem sing, masc pl, fem pl.
DETERMINER_SERIES: tuple[tuple[str, str, str, str], ...] = (
    ("o", "a", "os", "as"),
    ("um", "uma", "uns", "umas"),
    ("este", "esta", "estes", "estas"),
    ("esse", "essa", "esses", "essas"),
    ("aquele", "aquela", "aqueles", "aquelas"),
    ("meu", "minha", "meus", "minhas"),
    ("teu", "tua", "teus", "tuas"),
    ("seu", "sua", "seus", "suas"),
    ("nosso", "nossa", "nossos", "nossas"),
    ("do", "da", "dos", "das"),
    ("no", "na", "nos", "nas"),
    ("ao", "à", "aos", "às"),
    ("pelo", "pela", "pelos", "pelas"),
    ("num", "numa", "nuns", "numas"),
    ("deste", "desta", "destes", "destas"),
    ("desse", "dessa", "desses", "dessas"),
    ("daquele", "daquela", "daqueles", "daquelas"),
    ("neste", "nesta", "nestes", "nestas"),
    ("nesse", "nessa", "nesses", "nessas"),
    ("naquele", "naquela", "naqueles", "naquelas"),
    ("outro", "outra", "outros", "outras"),
    ("algum", "alguma", "alguns", "algumas"),
    ("nenhum", "nenhuma", "nenhuns", "nenhumas"),
    ("todo", "toda", "todos", "todas"),
    ("muito", "muita", "muitos", "muitas"),
    ("pouco", "pouca", "poucos", "poucas"),
    ("mesmo", "mesma", "mesmos", "mesmas"),
    ("próprio", "própria", "próprios", "próprias"),
    ("quanto", "quanta", "quantos", "quantas"),
    ("dois", "duas", "dois", "duas"),
)
_FEATURES = (("M", "S"), ("F", "S"), ("M", "P"), ("F", "P"))
#: form -> (series, gender, number); "dois"/"duas" are plural.
DETERMINERS: dict[str, tuple[int, str, str]] = {}
for _index, _series in enumerate(DETERMINER_SERIES):
    for _form, (_gender, _number) in zip(_series, _FEATURES, strict=True):
        DETERMINERS.setdefault(_form, (_index, _gender, "P" if _series[0] == "dois" else _number))
#: Words that are determiners only before a noun; as adverbs or pronouns they agree with nothing.
WEAK_DETERMINERS = frozenset({"muito", "pouco", "todo", "mesmo", "próprio", "quanto", "outro"})


def determiner_form(form: str, gender: str, number: str) -> str | None:
    """The determiner of ``form``'s series with ``gender`` and ``number`` (``("o", "F", "S")`` -> ``"a"``)."""
    entry = DETERMINERS.get(form.lower())
    if entry is None:
        return None
    series = DETERMINER_SERIES[entry[0]]
    index = (0 if gender == "M" else 1) + (2 if number == "P" else 0)
    return series[index]


#: Subject pronouns: person, number, gender ("" when it can be either). "tu" with a third-person verb is
#: colloquial Brazilian usage and is left alone.
SUBJECTS: dict[str, tuple[str, str, str]] = {
    "eu": ("1", "S", ""),
    "você": ("3", "S", ""),
    "ele": ("3", "S", "M"),
    "ela": ("3", "S", "F"),
    "nós": ("1", "P", ""),
    "vocês": ("3", "P", ""),
    "eles": ("3", "P", "M"),
    "elas": ("3", "P", "F"),
}
#: Words that may stand between a subject and its verb.
BETWEEN_SUBJECT_VERB = frozenset(
    {"não", "já", "também", "sempre", "nunca", "ainda", "só", "me", "te", "se", "nos", "lhe", "lhes", "vos"}
)
#: Clause boundaries: a new subject may start after them.
BOUNDARY_WORDS = frozenset({"e", "mas", "porque", "que", "quando", "se", "ou", "pois", "embora", "como"})
#: Adverbs of degree between a copula and its adjective.
INTENSIFIERS = frozenset(
    {
        "muito",
        "tão",
        "bem",
        "mais",
        "menos",
        "bastante",
        "super",
        "meio",
        "completamente",
        "totalmente",
    }
    | {"sempre", "também", "já", "ainda", "realmente", "extremamente", "um", "pouco", "demasiado", "nada"}
)
COPULAS = frozenset({"ser", "estar", "ficar", "parecer", "continuar", "permanecer", "andar"})

#: Professions and roles, said with "ser" (masculine singular lemmas).
PROFESSIONS = frozenset(
    {
        "professor",
        "médico",
        "engenheiro",
        "advogado",
        "enfermeiro",
        "estudante",
        "aluno",
        "dentista",
        "arquiteto",
    }
    | {"jornalista", "policial", "cozinheiro", "motorista", "músico", "ator", "atriz", "cantor", "escritor"}
    | {
        "pintor",
        "garçom",
        "vendedor",
        "secretário",
        "piloto",
        "bombeiro",
        "programador",
        "cientista",
        "economista",
    }
    | {
        "psicólogo",
        "fotógrafo",
        "agricultor",
        "carpinteiro",
        "eletricista",
        "mecânico",
        "farmacêutico",
        "juiz",
    }
    | {"veterinário", "contador", "gerente", "diretor", "funcionário", "empresário", "bancário", "artista"}
    | {
        "atleta",
        "jogador",
        "treinador",
        "taxista",
        "padeiro",
        "cabeleireiro",
        "tradutor",
        "biólogo",
        "químico",
    }
    | {
        "físico",
        "matemático",
        "filósofo",
        "professora",
        "estagiário",
        "dono",
        "chefe",
        "presidente",
        "ministro",
    }
)
#: Nationalities (masculine singular lemmas); the lexicon's adjectives ending in these are the usual ones.
NATIONALITIES = frozenset(
    {"brasileiro", "português", "americano", "inglês", "francês", "alemão", "italiano", "espanhol", "japonês"}
    | {"chinês", "argentino", "mexicano", "canadense", "australiano", "russo", "angolano", "moçambicano"}
    | {"chileno", "colombiano", "peruano", "uruguaio", "paraguaio", "venezuelano", "boliviano", "cubano"}
    | {
        "holandês",
        "belga",
        "suíço",
        "sueco",
        "norueguês",
        "dinamarquês",
        "polonês",
        "grego",
        "turco",
        "indiano",
    }
    | {
        "coreano",
        "africano",
        "europeu",
        "asiático",
        "irlandês",
        "escocês",
        "cabo-verdiano",
        "paulista",
        "carioca",
    }
    | {
        "mineiro",
        "baiano",
        "gaúcho",
        "nordestino",
        "europeia",
        "britânico",
        "egípcio",
        "israelense",
        "iraniano",
    }
)
#: Events: "ser" gives where and when they take place ("A festa é na casa da Ana").
EVENTS = frozenset(
    {
        "festa",
        "reunião",
        "aula",
        "jogo",
        "show",
        "casamento",
        "prova",
        "concerto",
        "encontro",
        "evento",
        "exame",
    }
    | {
        "palestra",
        "apresentação",
        "conferência",
        "feira",
        "missa",
        "almoço",
        "jantar",
        "cerimônia",
        "entrevista",
    }
    | {
        "consulta",
        "partida",
        "espetáculo",
        "peça",
        "curso",
        "treino",
        "viagem",
        "batizado",
        "formatura",
        "filme",
    }
)
#: Persons, for "para"/"por" and crase.
PERSONS = frozenset(
    {
        "mãe",
        "pai",
        "filho",
        "filha",
        "irmão",
        "irmã",
        "amigo",
        "amiga",
        "namorado",
        "namorada",
        "esposa",
        "marido",
    }
    | {"avó", "avô", "tio", "tia", "primo", "prima", "professor", "professora", "chefe", "mulher", "homem"}
    | {"família", "pais", "filhos", "criança", "crianças", "vizinho", "vizinha", "colega", "menino", "menina"}
    | {"namorados", "amigos", "amigas", "avós", "sobrinho", "sobrinha", "diretora", "médica", "secretária"}
)
PERSON_PRONOUNS = frozenset({"você", "vocês", "ele", "ela", "eles", "elas", "mim", "ti", "nós"})

#: Contractions of a preposition with the next word.
_CONTRACTIONS: dict[str, dict[str, str]] = {
    "de": {
        "o": "do", "a": "da", "os": "dos", "as": "das", "ele": "dele", "ela": "dela", "eles": "deles",
        "elas": "delas", "este": "deste", "esta": "desta", "estes": "destes", "estas": "destas", "esse": "desse",
        "essa": "dessa", "esses": "desses", "essas": "dessas", "aquele": "daquele", "aquela": "daquela",
        "aqueles": "daqueles", "aquelas": "daquelas", "isso": "disso", "isto": "disto", "aquilo": "daquilo",
        "aqui": "daqui", "ali": "dali", "outro": "doutro",
    },
    "em": {
        "o": "no", "a": "na", "os": "nos", "as": "nas", "ele": "nele", "ela": "nela", "eles": "neles",
        "elas": "nelas", "este": "neste", "esta": "nesta", "estes": "nestes", "estas": "nestas", "esse": "nesse",
        "essa": "nessa", "esses": "nesses", "essas": "nessas", "aquele": "naquele", "aquela": "naquela",
        "aqueles": "naqueles", "aquelas": "naquelas", "isso": "nisso", "isto": "nisto", "aquilo": "naquilo",
    },
    "por": {"o": "pelo", "a": "pela", "os": "pelos", "as": "pelas"},
    "a": {"o": "ao", "a": "à", "os": "aos", "as": "às", "aquele": "àquele", "aquela": "àquela", "aquilo": "àquilo"},
    "com": {"mim": "comigo", "ti": "contigo", "nós": "conosco"},
}  # fmt: skip
#: Contracted forms back to (preposition, word).
SPLIT: dict[str, tuple[str, str]] = {
    form: (prep, word)
    for prep, table in _CONTRACTIONS.items()
    for word, form in table.items()
    if prep != "com"
}
#: "outro" contracts only in European writing.
SPLIT.pop("doutro", None)


def join(preposition: str, word: str) -> list[str]:
    """``preposition`` before ``word``, contracted where Portuguese contracts (``de`` + ``o`` -> ``do``)."""
    low = word.lower()
    if low in SPLIT:  # "do" after "gostar": the word already holds a preposition; swap it
        low = SPLIT[low][1]
        word = low
    form = _CONTRACTIONS.get(preposition, {}).get(low)
    if form is not None:
        return [match_case(word, form)]
    return [preposition, word]


def lemmas_of(tokens: Iterable[Token], prefix: str = "V") -> set[str]:
    """Every lemma with a tag starting with ``prefix`` among ``tokens``."""
    out: set[str] = set()
    for t in tokens:
        out |= t.lemmas(prefix)
    return out


def clause_start(tokens: Sequence[Token], index: int, subject: bool = False) -> bool:
    """Whether ``tokens[index]`` begins a clause (sentence start, after punctuation or a conjunction).

    With ``subject``, not after "e"/"ou" or a comma that may join it to another subject ("Tom e eu somos").
    """
    if index == 0:
        return True
    before = tokens[index - 1]
    if subject and (before.low in ("e", "ou", "nem") or before.text == ","):
        return False
    return not before.is_word or before.low in BOUNDARY_WORDS


#: Determiners that can start a subject (not the contractions, which start a prepositional phrase).
SUBJECT_DETERMINERS = frozenset(
    form
    for series in DETERMINER_SERIES
    if series[0]
    not in (
        "do",
        "no",
        "ao",
        "pelo",
        "num",
        "deste",
        "desse",
        "daquele",
        "neste",
        "nesse",
        "naquele",
        "quanto",
    )
    for form in series
)
#: Number words (they look like nouns and adjectives to the lexicon).
NUMBER_WORDS = frozenset(
    {
        "um",
        "uma",
        "dois",
        "duas",
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
    }
    | {
        "treze",
        "catorze",
        "quinze",
        "vinte",
        "trinta",
        "quarenta",
        "cinquenta",
        "sessenta",
        "setenta",
        "oitenta",
    }
    | {"noventa", "cem", "cento", "mil", "milhão", "milhões", "dezesseis", "dezessete", "dezoito", "dezenove"}
)
