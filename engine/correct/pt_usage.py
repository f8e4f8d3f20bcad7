"""Palavra's Portuguese usage rules for learners: the words English speakers pick wrongly.

* ``PT_CONTRACTION``: preposition + article or pronoun written apart ("em o" -> "no", "de ele" -> "dele").
* ``PT_CRASE``: "a" + "a" = "à" (going to a place, giving to someone, telling the time) and no "à" before a
  masculine word, a pronoun or a verb.
* ``PT_VERB_PREPOSITION``: the preposition a verb or adjective governs (gostar de, precisar de, pensar em,
  sonhar com, depender de, concordar com, interessado em, apaixonado por, lembrar-se de).
* ``PT_POR_PARA``: "obrigado por", "para" + purpose, "por" + duration, exchange and price, "para" + recipient.
* ``PT_FALSE_FRIEND``: English look-alikes (excitado, realizar que, introduzir alguém, fazer uma decisão,
  atender a escola, pretender que, embaraçado) and calques ("sou 20 anos", "tomar lugar").
* ``PT_E_ACCENT``: "e" written for the verb "é" ("Ela e minha amiga").
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.correct.lexicon import Lexicon
from engine.correct.model import Edit
from engine.correct.pt_words import (
    DETERMINERS,
    PERSON_PRONOUNS,
    PERSONS,
    SPLIT,
    SUBJECTS,
    Token,
    clause_start,
    join,
    lemmas_of,
    make_edit,
)

_ARTICLE_LIKE = frozenset(
    {"o", "a", "os", "as", "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas"}
    | {"aquele", "aquela", "aqueles", "aquelas", "ele", "ela", "eles", "elas", "isso", "isto", "aquilo"}
)


def contraction(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_CONTRACTION``: "de o" -> "do", "em a" -> "na", "por os" -> "pelos", "de ele" -> "dele"."""
    edits: list[Edit] = []
    for i in range(len(tokens) - 1):
        prep, word = tokens[i], tokens[i + 1]
        if prep.low not in ("de", "em", "por", "a") or word.low not in _ARTICLE_LIKE:
            continue
        if prep.low == "a" and word.low not in ("o", "os"):
            continue  # "a a" is crase, "a ele" is right
        if prep.low == "por" and word.low not in ("o", "a", "os", "as"):
            continue
        # "antes de o filme começar", "apesar de ele ser": the article belongs to the subject of an infinitive
        if prep.low == "de" and any(t.has("VMN") for t in tokens[i + 2 : i + 5]):
            continue
        if (
            i + 2 < len(tokens)
            and word.low in ("o", "a", "os", "as")
            and tokens[i + 2].finite()
            and not tokens[i + 2].has("NC")
        ):
            continue  # a pronoun: "de o ver"
        joined = join(prep.low, word.text)
        if len(joined) == 1:
            edits.append(make_edit(text, tokens, i, i + 1, joined, "PT_CONTRACTION", "grammar"))
    return edits


_MOTION = frozenset({"ir", "voltar", "chegar", "regressar", "retornar"})
_GIVING = frozenset(
    {"dar", "entregar", "mostrar", "dizer", "pedir", "perguntar", "responder", "enviar", "mandar", "explicar"}
    | {
        "emprestar",
        "oferecer",
        "escrever",
        "contar",
        "vender",
        "telefonar",
        "ensinar",
        "agradecer",
        "obedecer",
    }
)
#: Feminine places and events one goes to; with "fui"/"foi" (ser or ir) only these are taken as places.
_DESTINATIONS = frozenset(
    {
        "escola",
        "praia",
        "festa",
        "farmácia",
        "padaria",
        "cidade",
        "igreja",
        "universidade",
        "faculdade",
        "feira",
    }
    | {"biblioteca", "academia", "reunião", "aula", "loja", "piscina", "estação", "casa", "rua"}
    | {"Europa", "França", "Itália", "Espanha", "Alemanha", "Inglaterra", "Bahia", "Argentina", "China"}
)
_HOURS = frozenset({"duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze"})


def _feminine_noun(tok: Token, verb_too: bool = False) -> bool:
    """A feminine noun (that is not also a verb form, unless ``verb_too``)."""
    nouns = [r for r in tok.readings if r.is_noun]
    return bool(nouns) and all(r.gender == "F" for r in nouns) and (verb_too or not tok.finite())


def crase(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_CRASE``: where "a" is the preposition a + the article a, write "à"; elsewhere no "à"."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if tok.low in ("à", "às"):
            masculine = [r for r in nxt.readings if r.is_noun]
            wrong = (
                (nxt.is_infinitive and not nxt.has("NC"))
                or nxt.low in PERSON_PRONOUNS | {"isso", "isto", "você", "vocês", "partir"}
                or (masculine and all(r.gender == "M" for r in masculine) and not nxt.text[:1].isupper())
            )
            if wrong and tok.low == "à":
                edits.append(make_edit(text, tokens, i, i, ["a"], "PT_CRASE", "grammar"))
            continue
        if tok.low == "as" and (nxt.low in _HOURS or nxt.text[:1].isdigit()) and i > 0:
            if (
                tokens[i - 1].low in ("entre", "todas", "até", "das", "as", "e")
                or tokens[i - 1].low in DETERMINERS
            ):
                continue
            if after is None or not after.is_word or after.low in ("horas", "h", "e", "da", "em", "ou"):
                edits.append(make_edit(text, tokens, i, i, ["às"], "PT_CRASE", "grammar"))
            continue
        if (
            tok.low != "a"
            or i == 0
            or not _feminine_noun(nxt, True)
            or nxt.text[:1].isupper()
            or nxt.low == "casa"
            or nxt.low in DETERMINERS
        ):
            continue
        prev = tokens[i - 1]
        lemmas = {r.lemma for r in prev.finite()} | prev.lemmas("VMN")
        if (lemmas & _MOTION and (not lemmas & {"ser"} or nxt.low in _DESTINATIONS)) or (
            _feminine_noun(nxt)
            and prev.has("NC")
            and all(r.pos in ("N", "A") for r in prev.readings)
            and not nxt.has("AQ")
            and prev.low != nxt.low
            and _nearest_verb(tokens, i) & _GIVING
        ):
            edits.append(make_edit(text, tokens, i, i, ["à"], "PT_CRASE", "grammar"))
    return edits


_ADVERBS = frozenset(
    {"muito", "mais", "bastante", "tanto", "demais", "também", "sempre", "nunca", "realmente", "bem", "mal"}
    | {"mesmo"}
)
_STOP = frozenset({"que", "quando", "se", "e", "ou", "como", "mas", "porque", "muito", "também", "ainda"})


def _takes_object(tok: Token) -> bool:
    """A word that can start the noun phrase a preposition governs."""
    if (tok.has("SPS") or tok.has("R")) and tok.low not in DETERMINERS:
        return False
    if (
        not tok.is_word
        or tok.low in _STOP
        or tok.low in SPLIT
        or tok.low in ("de", "em", "com", "por", "para")
    ):
        return False
    return (
        tok.low in DETERMINERS
        or tok.low in SUBJECTS
        or tok.has("NC")
        or tok.has("NP")
        or tok.text[:1].isupper()
        or tok.has("D")
    )


#: verb or adjective lemma -> (wrong prepositions written after it, the right one, whether a missing one is added)
_GOVERNED: dict[str, tuple[frozenset[str], str, bool]] = {
    "gostar": (frozenset({"sobre", "em"}), "de", True),
    "precisar": (frozenset(), "de", True),
    "depender": (frozenset({"em", "sobre", "no", "na", "nos", "nas", "nele", "nela"}), "de", True),
    "sonhar": (
        frozenset({"de", "sobre", "em", "do", "da", "dos", "das", "dele", "dela", "no", "na"}),
        "com",
        False,
    ),
    "concordar": (frozenset({"de", "a", "ao", "à", "do", "da"}), "com", False),
    "interessado": (frozenset({"sobre", "com", "de", "para", "do", "da"}), "em", False),
    "apaixonado": (frozenset({"com", "de", "do", "da", "dele", "dela"}), "por", False),
}


_REFLEXIVE = {"me": ("1", "S"), "nos": ("1", "P"), "te": ("2", "S"), "se": ("3", "")}


def _reflexive(tokens: Sequence[Token], index: int) -> bool:
    """Whether the verb at ``index`` is used with a reflexive pronoun ("me lembrei", "lembrou-se"), not an
    object one ("me lembra alguém": it reminds me)."""
    tok = tokens[index]
    if "-" in tok.low:
        clitic = tok.low.rsplit("-", 1)[1]
    elif index > 0:
        clitic = tokens[index - 1].low
    else:
        return False
    person = _REFLEXIVE.get(clitic)
    if person is None:
        return False
    if tok.has("VMN"):
        return True
    return any(r.person == person[0] and (not person[1] or r.number == person[1]) for r in tok.finite())


def verb_preposition(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_VERB_PREPOSITION``: the preposition that a verb or adjective governs."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens[:-1]):
        if i > 0 and tokens[i - 1].low in DETERMINERS:
            continue  # "o gosto", "a ajuda": a noun
        lemmas = (
            {r.lemma for r in tok.readings if r.tag[:1] == "V" and r.tag[2:3] in ("I", "S", "N", "G", "M")}
            | tok.lemmas("AQ")
            | {r.lemma for r in tok.readings if r.is_participle}
        )
        j = i + 1
        while j < len(tokens) - 1 and tokens[j].low in _ADVERBS:
            j += 1
        nxt = tokens[j]
        if "pensar" in lemmas and nxt.low == "sobre" and j + 1 < len(tokens):
            obj = tokens[j + 1]
            if obj.low in PERSON_PRONOUNS or obj.text[:1].isupper():
                edits.append(
                    make_edit(text, tokens, j, j + 1, join("em", obj.text), "PT_VERB_PREPOSITION", "grammar")
                )
            continue
        if lemmas & {"lembrar", "esquecer"} and _reflexive(tokens, i):
            if _takes_object(nxt) and nxt.low not in ("de",) and not nxt.is_infinitive:
                edits.append(
                    make_edit(text, tokens, j, j, join("de", nxt.text), "PT_VERB_PREPOSITION", "grammar")
                )
            continue
        for lemma in lemmas & _GOVERNED.keys():
            wrong, right, add_missing = _GOVERNED[lemma]
            if nxt.low in wrong and j + 1 < len(tokens):
                inner = SPLIT[nxt.low][1] if nxt.low in SPLIT else ""
                if inner:
                    words = join(right, inner)
                    edits.append(make_edit(text, tokens, j, j, words, "PT_VERB_PREPOSITION", "grammar"))
                else:
                    obj_tok = tokens[j + 1]
                    if right == "com" and obj_tok.low in ("mim", "ti", "nós"):
                        words = join("com", obj_tok.text)
                    elif (
                        obj_tok.low in DETERMINERS
                        or obj_tok.low in SUBJECTS
                        or obj_tok.low in PERSON_PRONOUNS
                    ):
                        words = join(right, obj_tok.text)
                    else:
                        words = [right, obj_tok.text]
                    edits.append(make_edit(text, tokens, j, j + 1, words, "PT_VERB_PREPOSITION", "grammar"))
            elif add_missing and _takes_object(nxt) and tok.is_word and not nxt.has("VMN"):
                if lemma == "precisar" and (
                    nxt.is_infinitive
                    or nxt.low in SUBJECTS
                    or (i > 0 and tokens[i - 1].lemmas("V") & {"ser"})
                ):
                    continue  # "preciso estudar", "era preciso o isolamento"
                if (
                    lemma == "gostar"
                    and nxt.low in SUBJECTS
                    and nxt.low not in ("você", "vocês", "ele", "ela", "eles", "elas")
                ):
                    continue
                edits.append(
                    make_edit(text, tokens, j, j, join(right, nxt.text), "PT_VERB_PREPOSITION", "grammar")
                )
            elif add_missing and lemma == "gostar" and nxt.has("VMN") and j == i + 1:
                edits.append(
                    make_edit(text, tokens, j, j, ["de", nxt.text], "PT_VERB_PREPOSITION", "grammar")
                )
            break
    return edits


_THANKS = frozenset({"obrigado", "obrigada", "obrigados", "obrigadas"})
_PURPOSE_VERBS = frozenset(
    {"estudar", "vir", "ir", "sair", "trabalhar", "economizar", "guardar", "correr", "ligar", "telefonar"}
    | {"voltar", "viajar", "treinar", "praticar", "acordar", "levantar", "comprar", "usar", "aprender", "ler"}
)
_CAUSE_WORDS = frozenset(
    {
        "obrigado",
        "obrigada",
        "desculpa",
        "desculpe",
        "desculpas",
        "perdão",
        "culpa",
        "preso",
        "presa",
        "multado",
    }
    | {"punido", "demitido", "castigado", "elogiado", "premiado", "parabéns", "optar", "começar", "acabar"}
    | {"lutar", "esperar", "terminar", "obrigar", "agradecer", "lamentar", "desculpar"}
)
_DURATION = frozenset(
    {"anos", "meses", "semanas", "dias", "horas", "minutos", "ano", "mês", "semana", "dia", "hora"}
)
_NUMBERS = frozenset(
    {"um", "uma", "dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "vinte"}
    | {"muitos", "muitas", "vários", "várias", "alguns", "algumas", "poucos", "poucas", "trinta", "cem"}
)
_CURRENCY = frozenset({"reais", "real", "dólares", "euros", "centavos", "pesos", "libras"})
_GIFT_VERBS = frozenset({"comprar", "trazer", "dar", "mandar", "escrever", "cozinhar", "preparar", "enviar"})


def _nearest_verb(tokens: Sequence[Token], index: int) -> set[str]:
    """The lemmas of the nearest finite verb before ``index``."""
    for k in range(index - 1, -1, -1):
        tok = tokens[k]
        if tok.finite() and not any(r.pos in ("P", "D", "S") for r in tok.readings):
            following = tokens[k + 1] if k + 1 < index else None
            if following is not None and following.has("VMN"):
                return following.lemmas("VMN")  # "vai morrer": the infinitive carries the meaning
            return {r.lemma for r in tok.finite()}
    return set()


def por_para(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_POR_PARA``: "por" for cause, exchange, price and duration; "para" for purpose and recipient."""
    edits: list[Edit] = []
    words = [t.low for t in tokens]
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        prev = words[i - 1] if i else ""
        prev2 = words[i - 2] if i > 1 else ""
        if tok.low in ("para", "pra"):
            if prev in _THANKS or (prev in ("muito", "mesmo") and prev2 in _THANKS):
                edits.append(
                    make_edit(text, tokens, i, i + 1, join("por", nxt.text), "PT_POR_PARA", "grammar")
                )
            elif (
                (nxt.low in _NUMBERS or nxt.text[:1].isdigit())
                and i + 2 < len(tokens)
                and words[i + 2] in _DURATION
                and any(r.tag[2:4] in ("IS", "II") for t in tokens[:i] for r in t.finite())
            ):
                edits.append(make_edit(text, tokens, i, i, ["por"], "PT_POR_PARA", "grammar"))
            elif nxt.low in DETERMINERS and (
                prev in _CURRENCY or ("trocar" in lemmas_of(tokens[:i]) and "de" not in words)
            ):
                edits.append(
                    make_edit(text, tokens, i, i + 1, join("por", nxt.text), "PT_POR_PARA", "grammar")
                )
        elif tok.low == "por":
            main = _nearest_verb(tokens, i)
            if (
                nxt.has("VMN")
                and main & _PURPOSE_VERBS
                and not main & {"ser"}
                and not set(words) & _CAUSE_WORDS
            ):
                if not lemmas_of(tokens[:i]) & _CAUSE_WORDS:
                    edits.append(make_edit(text, tokens, i, i, ["para"], "PT_POR_PARA", "grammar"))
            elif nxt.low in PERSON_PRONOUNS or (
                nxt.low in DETERMINERS and i + 2 < len(tokens) and tokens[i + 2].low in PERSONS
            ):
                gift = prev in ("é", "são", "foi", "era") and prev2 in (
                    "presente",
                    "presentes",
                    "isto",
                    "isso",
                )
                if gift or (lemmas_of(tokens[:i]) & _GIFT_VERBS and prev not in ("feito", "feita")):
                    edits.append(make_edit(text, tokens, i, i, ["para"], "PT_POR_PARA", "grammar"))
    return edits


def _same_tag(lexicon: Lexicon, tok: Token, source: str, target: str) -> str | None:
    for r in tok.readings:
        if r.lemma == source and r.tag[:1] == "V":
            forms = lexicon.synthesize(target, r.tag)
            if forms:
                return forms[0]
    return None


def _indicative_after(tokens: Sequence[Token], index: int) -> bool:
    """Whether the first verb after ``index`` is in the indicative ("pretendeu que estava": pretended; with
    the subjunctive, "pretendia que fosse", it means intended)."""
    for tok in tokens[index + 1 :]:
        if tok.finite():
            return not any(r.tag[2:3] == "S" for r in tok.finite())
    return False


def false_friend(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_FALSE_FRIEND``: words that look like the English ones but mean something else."""
    edits: list[Edit] = []
    words = [t.low for t in tokens]
    for i, tok in enumerate(tokens):
        nxt = words[i + 1] if i + 1 < len(tokens) else ""
        form: str | None = None
        lemmas = {r.lemma for r in tok.readings}
        if tok.low.startswith("excitad"):
            form = "animad" + tok.low[len("excitad") :]
        elif (
            tok.low.startswith("embaraçad")
            and i > 0
            and (tokens[i - 1].lemmas("V") & {"ficar", "estar", "sentir"} or words[i - 1] in ("muito", "tão"))
        ):
            form = "envergonhad" + tok.low[len("embaraçad") :]
        elif "realizar" in lemmas and nxt == "que":
            form = _same_tag(lexicon, tok, "realizar", "perceber")
        elif "pretender" in lemmas and nxt == "que" and _indicative_after(tokens, i + 1):
            form = _same_tag(lexicon, tok, "pretender", "fingir")
        elif (
            "introduzir" in lemmas
            and any(w in ("a", "à", "ao", "aos", "às", "para") for w in words[i + 2 : i + 5])
            and any(
                w in PERSONS or t.text[:1].isupper()
                for w, t in zip(words[i + 1 : i + 4], tokens[i + 1 : i + 4], strict=False)
            )
        ):
            form = _same_tag(lexicon, tok, "introduzir", "apresentar")
        elif "fazer" in lemmas and i + 2 < len(tokens) and words[i + 2] in ("decisão", "decisões"):
            form = _same_tag(lexicon, tok, "fazer", "tomar")
        elif "tomar" in lemmas and nxt == "lugar":
            form = _same_tag(lexicon, tok, "tomar", "acontecer")
            if form:
                edits.append(make_edit(text, tokens, i, i + 1, [form], "PT_FALSE_FRIEND", "word choice"))
            continue
        elif (
            "atender" in lemmas
            and i + 2 < len(tokens)
            and words[i + 2] in ("escola", "universidade", "faculdade", "colégio", "curso", "aula", "aulas")
        ):
            form = _same_tag(lexicon, tok, "atender", "frequentar")
        elif (
            "ser" in lemmas
            and i + 2 < len(tokens)
            and (nxt.isdigit() or nxt in _NUMBERS)
            and words[i + 2] == "anos"
            and (i + 3 >= len(tokens) or not tokens[i + 3].is_word or words[i + 3] == "de")
            and i > 0
            and (words[i - 1] in SUBJECTS or tokens[i - 1].has("NC"))
        ):
            form = _same_tag(lexicon, tok, "ser", "ter")
        if form and form != tok.low:
            edits.append(make_edit(text, tokens, i, i, [form], "PT_FALSE_FRIEND", "word choice"))
    return edits


def e_accent(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_E_ACCENT``: "e" (and) where the verb "é" (is) is meant: a subject, "e", a predicate, and no verb."""
    if any(t.finite() and not any(r.pos in ("N", "A", "P", "D", "C") for r in t.readings) for t in tokens):
        return []
    edits: list[Edit] = []
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok.low != "e":
            continue
        left = tokens[i - 1]
        right = tokens[i + 1]
        wh = left.low in ("qual", "quem", "onde", "como", "quando", "que", "isso", "isto", "aquilo")
        pronoun = left.low in SUBJECTS and i == 1
        noun_phrase = (
            i >= 2
            and tokens[i - 2].low in DETERMINERS
            and (left.has("NC") or not left.readings)
            and clause_start(tokens, i - 2)
        )
        adjective = (
            right.has("AQ") or not right.readings or right.low in ("muito", "tão", "bem", "meu", "minha")
        )
        if wh or (pronoun and right.is_word) or (noun_phrase and adjective):
            edits.append(make_edit(text, tokens, i, i, ["é"], "PT_E_ACCENT", "spelling"))
    return edits


RULES = (contraction, crase, verb_preposition, por_para, false_friend, e_accent)
