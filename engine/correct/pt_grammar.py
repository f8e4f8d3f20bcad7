"""Palavra's Portuguese grammar rules for learners, over the morphological lexicon (:mod:`.lexicon`).

Each rule looks at a sentence's tokens and proposes an edit only where the lexicon is sure of what it needs (a
noun's gender, a verb's person): a word it does not know, or one that can be read several ways, is left alone.

* ``PT_DET_NOUN_AGREEMENT``: article, demonstrative or possessive against the noun's gender ("o casa").
* ``PT_NOUN_ADJ_AGREEMENT``: an adjective after its noun ("uma casa novo").
* ``PT_PREDICATIVE_AGREEMENT``: an adjective or participle after ser/estar/ficar ("A casa é bonito").
* ``PT_SER_ESTAR``: "estar" for states and places, "ser" for professions and nationalities.
* ``PT_VERB_PERSON``: the verb against its subject ("nós vai", "os alunos chegou").
* ``PT_VERB_TENSE``: a present tense in a sentence about the past ("Ontem eu vou ao mercado").
* ``PT_SUBJUNCTIVE``: present/imperfect subjunctive after "espero que", "talvez", "embora"...
* ``PT_FUTURE_SUBJUNCTIVE``: future subjunctive after "se"/"quando" + subject ("se eu poder").
* ``PT_IRREGULAR_PAST``: regular endings on an irregular verb ("fazeram", "querou"), found from the lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.correct.lexicon import Lexicon, Reading
from engine.correct.model import Edit
from engine.correct.pt_words import (
    BETWEEN_SUBJECT_VERB,
    COPULAS,
    DETERMINER_SERIES,
    DETERMINERS,
    EVENTS,
    INTENSIFIERS,
    NATIONALITIES,
    NUMBER_WORDS,
    PROFESSIONS,
    SUBJECT_DETERMINERS,
    SUBJECTS,
    WEAK_DETERMINERS,
    Token,
    clause_start,
    determiner_form,
    make_edit,
)

#: Nouns of either gender that end in -a: people ("o/a colega", "o/a artista").
_COMMON_IN_A = frozenset({"colega", "guia", "camarada", "pirata", "idiota", "patriota", "atleta", "selvagem"})


def _gender_by_ending(word: str) -> str:
    """The gender of a noun the lexicon gives both genders ("camisa" NCCS): -a feminine, -o masculine, except
    words for people (-ista, -eta, "colega"); "" when it cannot tell."""
    singular = word[:-1] if word.endswith("s") else word
    if singular in _COMMON_IN_A or singular.endswith(("ista", "eta", "ita", "cida", "ata")):
        return ""
    if singular.endswith("a"):
        return "F"
    if singular.endswith("o") and not singular.endswith("ão"):
        return "M"
    return ""


def _noun_features(tok: Token, guess: bool = False) -> tuple[str, str] | None:
    """(gender, number) of a common noun when the lexicon gives one gender (number may be ``N``); None for a
    word that is not a noun, or is also a preposition, adverb, pronoun, determiner or numeral. With ``guess``, a
    noun of either gender gets one from its ending (:func:`_gender_by_ending`)."""
    nouns = [r for r in tok.readings if r.is_noun]
    if (
        not nouns
        or tok.low in DETERMINERS
        or any(r.pos in ("S", "R", "P", "D", "Z", "C") for r in tok.readings)
    ):
        return None
    genders = {r.gender for r in nouns} | {r.gender for r in tok.readings if r.tag.startswith("AQ")}
    numbers = {r.number for r in nouns}
    if genders == {"C"} and guess:
        genders = {_gender_by_ending(tok.low)}
    gender = genders.pop() if len(genders) == 1 else ""
    number = numbers.pop() if len(numbers) == 1 else ""
    return gender, number


def _agrees(reading: Reading, gender: str, number: str) -> bool:
    g, n = reading.gender, reading.number
    return (not gender or g in (gender, "C", "N", "")) and (not number or n in (number, "N", ""))


def _adjective_form(lexicon: Lexicon, tok: Token, gender: str, number: str) -> str | None:
    """``tok`` (an adjective or participle) inflected for ``gender``/``number``, or None when it already agrees,
    is not an adjective, or the lexicon has no such form."""
    adjectives = [r for r in tok.readings if r.is_adjective]
    if not adjectives or any(_agrees(r, gender, number) for r in adjectives):
        return None
    for r in adjectives:
        g = gender or r.gender
        n = number or r.number
        tags = [f"{r.tag[:5]}{n}{g}"] if r.is_participle else [f"AQ0{g}{n}0", f"AQ0C{n}0", f"AQ0{g}N0"]
        for tag in tags:
            forms = [f for f in lexicon.synthesize(r.lemma, tag) if f != tok.low]
            if forms:
                return forms[0]
    return None


def _verb_only(tok: Token) -> bool:
    """A finite verb that is not also a preposition, pronoun or determiner ("para", "entre" are not)."""
    return bool(tok.finite()) and not any(r.pos in ("S", "P", "D") for r in tok.readings)


def _after_adverb(tokens: Sequence[Token], index: int) -> bool:
    """Whether ``tokens[index]`` follows adverbs that open the sentence ("Ontem eu...", "Hoje à noite nós...")."""
    k = index - 1
    while k >= 0 and tokens[k].has("R") and not tokens[k].has("V"):
        k -= 1
    return k < index - 1 and clause_start(tokens, k + 1)


def _subject_before(tokens: Sequence[Token], index: int) -> tuple[str, str, str, int] | None:
    """The subject ending just before ``tokens[index]`` (skipping "não", clitics...): (person, number, gender,
    first token index), when it is a pronoun, "a gente", or a noun phrase that starts the clause."""
    j = index - 1
    skipped_se = False
    while j >= 0 and tokens[j].low in BETWEEN_SUBJECT_VERB:
        skipped_se = skipped_se or tokens[j].low == "se"
        j -= 1
    if j < 0:
        return None
    tok = tokens[j]
    if skipped_se and tok.low not in SUBJECTS:
        return None  # "...uma mensagem se estiveram...": "se" (if) starts a new clause
    if tok.low == "gente" and j >= 1 and tokens[j - 1].low == "a" and clause_start(tokens, j - 1, True):
        return "3", "S", "F", j - 1
    if tok.low in SUBJECTS and (clause_start(tokens, j, True) or _after_adverb(tokens, j)):
        person, number, gender = SUBJECTS[tok.low]
        return person, number, gender, j
    # [determiner...] noun [adjective] at the start of the clause
    k = j
    if k >= 1 and _noun_features(tokens[k]) is None and any(r.is_adjective for r in tokens[k].readings):
        k -= 1
    features = _noun_features(tokens[k])
    if features is None or (tokens[k].text[:1].isupper() and k > 0):
        return None
    d = k - 1
    dets: list[Token] = []
    while d >= 0 and tokens[d].low in SUBJECT_DETERMINERS and tokens[d].low not in WEAK_DETERMINERS:
        dets.append(tokens[d])
        d -= 1
    if not dets or not clause_start(tokens, d + 1, True):
        return None
    gender, number = features
    det = DETERMINERS[dets[0].low]
    if (number in ("S", "P") and det[2] != number) or (gender in ("M", "F") and det[1] != gender):
        return None  # "os menina": which one the learner meant is for the determiner rule to say
    gender = gender if gender in ("M", "F") else det[1]
    number = number if number in ("S", "P") else det[2]
    return "3", number, gender, d + 1


def det_noun(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_DET_NOUN_AGREEMENT``: the determiner takes the noun's gender ("o casa" -> "a casa")."""
    edits: list[Edit] = []
    for i in range(len(tokens) - 1):
        det, noun = tokens[i], tokens[i + 1]
        entry = DETERMINERS.get(det.low)
        if entry is None or det.low in WEAK_DETERMINERS or noun.text[:1].isupper():
            continue
        features = _noun_features(noun)
        if features is None or features[0] not in ("M", "F") or len(noun.low) < 3:
            continue
        gender, number = features
        _, det_gender, det_number = entry
        if det_gender == gender:
            continue
        if any(r.is_participle for r in noun.readings) or noun.low in NUMBER_WORDS:
            continue  # "esta coberto" (está), "as nove"
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if noun.finite() and not (
            (i > 0 and (_verb_only(tokens[i - 1]) or tokens[i - 1].has("SPS")))
            or (after is not None and _verb_only(after))
        ):
            continue  # a pronoun before a verb: "que a amo", "Esta deve ser"
        if (
            det.low == "a"
            and gender == "M"
            and not (clause_start(tokens, i) and after is not None and after.finite())
        ):
            continue  # the preposition "a": "a pé", "A princípio, ..."; "A problema é" is a subject
        noun_form = noun.text
        if number in ("S", "P") and det_number != number:
            # "os menina": the determiner (and usually the verb) carry the number the learner meant
            lemma = next(r.lemma for r in noun.readings if r.is_noun)
            forms = lexicon.synthesize(lemma, f"NC{gender}{det_number}000")
            if not forms:
                continue
            noun_form = forms[0]
        form = determiner_form(det.low, gender, det_number)
        if form is None or form == det.low:
            continue
        edits.append(
            make_edit(text, tokens, i, i + 1, [form, noun_form], "PT_DET_NOUN_AGREEMENT", "agreement")
        )
    return edits


_CONTRACTED = frozenset(
    index for index, series in enumerate(DETERMINER_SERIES) if series[0] in ("do", "no", "ao", "pelo", "num")
)
_SUBJECT_ORIENTED = frozenset(
    {"sozinho", "junto", "descalço", "calado", "acordado", "contente", "próprio", "justo", "direto", "rápido"}
    | {"adiantado", "atrasado"}
)
#: Time units: "chegou dez minutos atrasado" describes the subject.
_TIME_UNITS = frozenset({"minuto", "hora", "dia", "semana", "mês", "ano", "segundo"})


def noun_adjective(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_NOUN_ADJ_AGREEMENT``: an adjective right after its noun takes the noun's gender and number."""
    edits: list[Edit] = []
    for i in range(1, len(tokens) - 1):
        noun, adj = tokens[i], tokens[i + 1]
        features = _noun_features(noun, guess=True)
        if (
            features is None
            or adj.text[:1].isupper()
            or any(r.pos in ("D", "S", "P", "Z") for r in adj.readings)
        ):
            continue
        before = tokens[i - 1]
        det = DETERMINERS.get(before.low)
        if noun.low in ("vez", "vezes") or noun.has("VMN") or noun.lemmas("NC") & _TIME_UNITS:
            continue  # "uma vez crianças": once; "a ser usadas": a verb
        if det is None and before.low not in NUMBER_WORDS:
            continue  # only "det + noun + adjective": a bare word may be a verb ("comer juntos", "joga dados")
        if adj.low in NUMBER_WORDS or adj.has("VMG") or adj.has("R") or adj.lemmas("AQ") & _SUBJECT_ORIENTED:
            continue  # "criar os filhos sozinho": the adjective describes the subject
        if adj.low.startswith("devid"):
            continue  # "devido a": due to
        if i >= 3 and ((det is not None and det[0] in _CONTRACTED) or tokens[i - 2].has("SPS")):
            head = tokens[i - 2] if det is not None and det[0] in _CONTRACTED else tokens[i - 3]
            if head.has("NC") or head.has("AQ"):
                continue  # "a máscara para o rosto feita de pano": the adjective may go with the first noun
        if i + 2 < len(tokens) and tokens[i + 2].text == ",":
            continue  # "os hospedeiros reservatório, intermediário e amplificador"
        gender, number = features
        if gender not in ("M", "F"):
            gender = ""  # "o/a colega": only the number can be checked
        guessed = _noun_features(noun) != features
        if guessed and (det is None or det[1] != gender):
            continue  # a gender guessed from the ending must be confirmed by the determiner
        if det is not None:
            number = number if number in ("S", "P") else det[2]
        elif number not in ("S", "P"):
            continue
        if number == "S" and any(r.number == "P" for r in adj.readings if r.is_adjective):
            continue  # "a quarentena e o isolamento rígidos": a plural adjective for two nouns
        if any(r.is_noun and _agrees(r, gender, number) for r in adj.readings) or adj.finite():
            continue  # two nouns side by side ("o carro chefe"), or a verb ("as meninas são")
        form = _adjective_form(lexicon, adj, gender if gender in ("M", "F") else "", number)
        if form is None:
            continue
        edits.append(
            make_edit(text, tokens, i, i + 1, [noun.text, form], "PT_NOUN_ADJ_AGREEMENT", "agreement")
        )
    return edits


def predicative(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_PREDICATIVE_AGREEMENT``: after ser/estar/ficar..., the adjective agrees with the subject."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if not (tok.lemmas("VMI") | tok.lemmas("VSI") | tok.lemmas("VAI")) & COPULAS:
            continue
        subject = _subject_before(tokens, i)
        if subject is None:
            continue
        _, number, gender, _ = subject
        j = i + 1
        while j < len(tokens) - 1 and tokens[j].low in INTENSIFIERS:
            j += 1
        if j >= len(tokens) or not tokens[j].is_word or tokens[j].text[:1].isupper():
            continue
        adj = tokens[j]
        if adj.has("VMG") or adj.low in NUMBER_WORDS:
            continue  # "estão vindo": a gerund
        if any(r.is_noun and _agrees(r, gender, number) for r in adj.readings) and not any(
            r.tag.startswith("AQ") for r in adj.readings
        ):
            continue
        form = _adjective_form(lexicon, adj, gender, number)
        if form is None:
            continue
        edits.append(make_edit(text, tokens, j, j, [form], "PT_PREDICATIVE_AGREEMENT", "agreement"))
    return edits


#: States said with "estar" whatever the context (a lemma as the lexicon gives it).
_STATES = frozenset(
    {"cansado", "doente", "ocupado", "preocupado", "sentado", "deitado", "pronto", "zangado", "chateado"}
    | {"irritado", "grávido", "acordado", "resfriado", "gripado", "machucado", "bêbado", "molhado", "sozinho"}
)
#: States said with "estar" when the sentence says "now", "today"...; with "ser" they describe a trait.
_STATES_NOW = frozenset(
    {"aberto", "fechado", "cheio", "vazio", "sujo", "limpo", "quebrado", "atrasado", "nervoso", "triste"}
    | {"contente", "animado", "bravo", "calmo", "quente", "frio", "gelado", "morno", "feliz", "estressado"}
)
_TEMPERATURE = frozenset({"quente", "frio", "gelado", "morno"})
_NOW = frozenset(
    {"agora", "hoje", "ainda", "ontem", "desde", "momento", "semana", "ultimamente", "antes", "depois"}
)
_WITH_STATES = frozenset(
    {
        "fome",
        "sede",
        "sono",
        "medo",
        "pressa",
        "frio",
        "calor",
        "raiva",
        "dor",
        "febre",
        "saudade",
        "saudades",
    }
    | {"vergonha", "ciúme", "ciúmes", "gripe", "tosse", "dúvida", "sorte", "azar"}
)
_LOCATIVE = frozenset(
    {"em", "no", "na", "nos", "nas", "num", "numa", "aqui", "ali", "lá", "aí", "dentro", "embaixo"}
)


def _swap_copula(lexicon: Lexicon, tok: Token, source: str, target: str) -> str | None:
    for r in tok.finite():
        if r.lemma == source:
            forms = lexicon.synthesize(target, r.tag.replace("VS", "VM", 1).replace("VA", "VM", 1))
            forms = forms or lexicon.synthesize(target, r.tag)
            if forms:
                return forms[0]
    return None


def ser_estar(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_SER_ESTAR``: estar for states, feelings and where things are; ser for what someone is."""
    edits: list[Edit] = []
    words = {t.low for t in tokens}
    for i, tok in enumerate(tokens[:-1]):
        lemmas = {r.lemma for r in tok.finite()}
        if not lemmas & {"ser", "estar"} or lemmas - {"ser", "estar", "ir"}:
            continue
        j = i + 1
        while j < len(tokens) - 1 and tokens[j].low in INTENSIFIERS:
            j += 1
        nxt = tokens[j]
        after = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if "ser" in lemmas and "ir" not in lemmas:
            target = None
            adjective_lemmas = {r.lemma for r in nxt.readings if r.is_adjective} | {
                r.lemma for r in nxt.readings if r.is_participle and r.lemma
            }
            masc = {_masculine(lexicon, nxt)}
            preterite = any(r.tag[3:4] == "S" for r in tok.finite())
            passive = after in ("por", "pelo", "pela", "pelos", "pelas")
            states = masc & _STATES or (
                masc & _STATES_NOW and (words & _NOW or (masc & _TEMPERATURE and "demais" in words))
            )
            if (
                states and not passive and not (preterite and any(r.is_participle for r in nxt.readings))
            ) or (nxt.low == "com" and after in _WITH_STATES):
                target = "estar"
            elif nxt.low in _LOCATIVE and j == i + 1 and "onde" not in words:
                subject = _subject_before(tokens, i)
                head = tokens[i - 1].low if i else ""
                if subject is not None and head not in EVENTS and not adjective_lemmas:
                    target = "estar"
            if target:
                form = _swap_copula(lexicon, tok, "ser", "estar")
                if form:
                    edits.append(make_edit(text, tokens, i, i, [form], "PT_SER_ESTAR", "word choice"))
        elif "estar" in lemmas and j == i + 1:
            noun_lemma = _masculine(lexicon, nxt)
            if noun_lemma in PROFESSIONS or noun_lemma in NATIONALITIES:
                form = _swap_copula(lexicon, tok, "estar", "ser")
                if form:
                    edits.append(make_edit(text, tokens, i, i, [form], "PT_SER_ESTAR", "word choice"))
    return edits


def _masculine(lexicon: Lexicon, tok: Token) -> str:
    """The masculine singular lemma of an adjective, participle or person noun (``cansadas`` -> ``cansado``)."""
    for r in tok.readings:
        if r.is_participle:
            forms = lexicon.synthesize(r.lemma, "VMP00SM")
            if forms:
                return forms[0]
    for r in tok.readings:
        if r.tag.startswith("AQ") or r.is_noun:
            return r.lemma
    return ""


#: Words that put a sentence in the past ("passado"/"passada" too: "na semana passada").
_PAST_MARKERS = frozenset({"ontem", "anteontem", "antigamente", "outrora"})


def verb_person(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_VERB_PERSON``: a finite verb right after its subject takes the subject's person and number;
    ``PT_VERB_TENSE``: after a subject pronoun, a present-tense verb in a sentence about yesterday or last week
    goes in the preterite ("Ontem eu vou" -> "Ontem eu fui")."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        finite = tok.finite()
        if not finite or i == 0 or tok.text[:1].isupper() or tok.has("VMN"):
            continue
        if any(r.pos in ("S", "P", "D", "C") for r in tok.readings):
            continue  # "deles", "nos": function words first
        subject = _subject_before(tokens, i)
        if subject is None:
            continue
        person, number, _, first = subject
        opening = {t.low for t in tokens[:first]}
        past = bool(opening & _PAST_MARKERS) or bool(opening & {"passado", "passada"})
        present = [r for r in finite if r.tag[2:4] == "IP"]
        tense_wrong = (
            past
            and bool(present)
            and len(present) == len(finite)
            and tokens[first].low in SUBJECTS
            and not any(t.finite() for t in tokens[:first])
        )
        if any(r.person == person and r.number == number for r in finite) and not tense_wrong:
            continue
        if any(r.is_noun or r.is_adjective for r in tok.readings) and tokens[first].low not in SUBJECTS:
            continue
        if not any(r.tag[2:3] == "I" for r in finite):
            continue  # a subjunctive-only form is not a main verb ("contem" for "contém")
        reading = next((r for r in finite if r.tag[2:4] == "IP"), finite[0])
        tag = f"{reading.tag[:4]}{person}{number}{reading.tag[6:]}"
        rule = "PT_VERB_PERSON"
        if tense_wrong:
            tag, rule = f"{reading.tag[:2]}IS{person}{number}{reading.tag[6:]}", "PT_VERB_TENSE"
        forms = lexicon.synthesize(reading.lemma, tag)
        if not forms:
            continue
        edits.append(make_edit(text, tokens, i, i, [forms[0]], rule, "verb form"))
    return edits


_SUBJ_VERBS = frozenset(
    {
        "querer",
        "precisar",
        "esperar",
        "desejar",
        "preferir",
        "pedir",
        "mandar",
        "exigir",
        "recomendar",
        "duvidar",
    }
    | {"aconselhar", "proibir", "permitir", "implorar", "insistir", "torcer"}
)
_SUBJ_ADJECTIVES = frozenset(
    {
        "importante",
        "preciso",
        "necessário",
        "possível",
        "provável",
        "impossível",
        "improvável",
        "bom",
        "melhor",
    }
    | {"fundamental", "essencial", "urgente", "pena", "difícil", "fácil", "natural", "ótimo", "estranho"}
)
_SUBJ_CONJUNCTIONS = frozenset({"talvez", "embora", "tomara", "caso"})
_SUBJ_BEFORE_QUE = frozenset({"para", "sem", "antes", "mesmo", "ainda", "contanto", "tomara", "talvez"})
_FUTURE_CONJUNCTIONS = frozenset({"se", "quando", "enquanto", "assim", "logo", "sempre", "depois"})


def _verb_after(tokens: Sequence[Token], index: int) -> tuple[int, tuple[str, str] | None] | None:
    """The first verb after ``index`` past an optional subject: (its index, the subject's person/number)."""
    j = index
    subject: tuple[str, str] | None = None
    if j < len(tokens) and tokens[j].low in SUBJECTS:
        subject = SUBJECTS[tokens[j].low][:2]
        j += 1
    elif j + 1 < len(tokens) and tokens[j].low == "a" and tokens[j + 1].low == "gente":
        subject = ("3", "S")
        j += 2
    elif j < len(tokens) and tokens[j].low in DETERMINERS:
        k = j + 1
        while k < len(tokens) and tokens[k].low in DETERMINERS:
            k += 1
        if k < len(tokens) and _noun_features(tokens[k]) is not None:
            number = _noun_features(tokens[k])[1] or DETERMINERS[tokens[j].low][2]  # type: ignore[index]
            subject = ("3", number if number in ("S", "P") else DETERMINERS[tokens[j].low][2])
            j = k + 1
    elif j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].is_word and j > 0:
        subject = ("3", "S")
        j += 1
    while j < len(tokens) and tokens[j].low in BETWEEN_SUBJECT_VERB:
        j += 1
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    return j, subject


def subjunctive(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_SUBJUNCTIVE``: wishes, doubts, "talvez", "embora", "é importante que"... take the subjunctive."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        tense = "P"
        if tok.low == "que" and i > 0:
            prev = tokens[i - 1]
            prev_readings = [r for r in prev.finite() if r.lemma in _SUBJ_VERBS]
            if prev_readings:
                tense = "I" if prev_readings[0].tag[3:4] in ("I", "S", "C") else "P"
            elif prev.lemmas("AQ") & _SUBJ_ADJECTIVES or prev.lemmas("NC") & _SUBJ_ADJECTIVES:
                if not (i >= 2 and tokens[i - 2].lemmas("V") & {"ser"}):
                    continue
                tense = "I" if any(r.tag[3:4] in ("I", "S") for r in tokens[i - 2].finite()) else "P"
            elif prev.low == "para" and i == 1 and tokens[-1].text == "?":
                continue  # "Para que serve?": what for
            elif prev.low in ("mesmo", "ainda") and not clause_start(tokens, i - 1):
                continue  # "acho mesmo que": really
            elif (
                prev.low in _SUBJ_BEFORE_QUE
                or (i >= 2 and prev.low == "ser" and tokens[i - 2].low in ("a", "não"))
                or (prev.low in ("acho", "creio", "penso") and i >= 2 and tokens[i - 2].low == "não")
            ):
                pass
            else:
                continue
        elif tok.low in _SUBJ_CONJUNCTIONS and clause_start(tokens, i) and tok.low != "tomara":
            if tok.low == "caso" and i > 0 and tokens[i - 1].low in DETERMINERS:
                continue
        else:
            continue
        found = _verb_after(tokens, i + 1)
        if found is None:
            continue
        j, subject = found
        verb = tokens[j]
        indicative = [r for r in verb.finite() if r.tag[2:4] == "IP"]
        lemmas = {r.lemma for r in indicative}
        if any(r.tag[2:3] == "S" and r.lemma in lemmas for r in verb.readings) or not indicative:
            continue
        if subject is not None:
            indicative = [r for r in indicative if (r.person, r.number) == subject] or indicative
        if not indicative or (any(r.is_noun and not r.is_finite for r in verb.readings) and subject is None):
            continue
        r = indicative[0]
        forms = lexicon.synthesize(r.lemma, f"{r.tag[:2]}S{tense}{r.person}{r.number}0")
        if forms:
            edits.append(make_edit(text, tokens, j, j, [forms[0]], "PT_SUBJUNCTIVE", "verb form"))
    return edits


def future_subjunctive(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_FUTURE_SUBJUNCTIVE``: "se"/"quando" + subject + infinitive -> future subjunctive ("se eu puder")."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if tok.low not in _FUTURE_CONJUNCTIONS or not clause_start(tokens, i):
            continue
        start = i + 1
        if tok.low in ("assim", "logo", "sempre", "depois"):
            if start >= len(tokens) or tokens[start].low != "que":
                continue
            start += 1
        found = _verb_after(tokens, start)
        if found is None:
            continue
        j, subject = found
        verb = tokens[j]
        if subject is None or not verb.is_infinitive or verb.finite():
            continue
        lemma = next(r.lemma for r in verb.readings if r.tag[2:3] == "N")
        person, number = subject
        forms = lexicon.synthesize(lemma, f"VMSF{person}{number}0")
        if forms and forms[0] != verb.low:
            edits.append(make_edit(text, tokens, j, j, [forms[0]], "PT_FUTURE_SUBJUNCTIVE", "verb form"))
    return edits


#: Regular preterite endings: (ending, person, number, infinitive endings to try, in order).
_PRETERITE_ENDINGS = (
    ("eram", "3", "P", ("er",)),
    ("iram", "3", "P", ("ir",)),
    ("aram", "3", "P", ("ar",)),
    ("emos", "1", "P", ("er",)),
    ("eu", "3", "S", ("er",)),
    ("iu", "3", "S", ("ir",)),
    ("ou", "3", "S", ("ar",)),
    ("ei", "1", "S", ("ar",)),
    ("i", "1", "S", ("er", "ir")),
)
_SPECIAL_STEMS = {"ponh": "pôr", "pon": "pôr"}


def irregular_past(lexicon: Lexicon, text: str, tokens: Sequence[Token]) -> list[Edit]:
    """``PT_IRREGULAR_PAST``: a word the lexicon does not know that is a regular preterite of an irregular verb."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if not tok.is_word or tok.readings or len(tok.low) < 2 or tok.text[:1].isupper():
            continue
        for ending, person, number, infinitives in _PRETERITE_ENDINGS:
            if not tok.low.endswith(ending):
                continue
            stem = tok.low[: len(tok.low) - len(ending)]
            candidates = [_SPECIAL_STEMS[stem]] if stem in _SPECIAL_STEMS else [stem + e for e in infinitives]
            form = None
            for lemma in candidates:
                if stem and any(r.tag.startswith("VMN") for r in lexicon.analyze(lemma)):
                    forms = lexicon.synthesize(lemma, f"VMIS{person}{number}0")
                    if forms:
                        form = forms[0]
                        break
            if form:
                edits.append(make_edit(text, tokens, i, i, [form], "PT_IRREGULAR_PAST", "verb form"))
            break
    return edits


RULES = (
    det_noun,
    noun_adjective,
    predicative,
    ser_estar,
    verb_person,
    subjunctive,
    future_subjunctive,
    irregular_past,
)
