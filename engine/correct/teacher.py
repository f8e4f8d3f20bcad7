"""Explanations written like a teacher's, in the interface language (English and Portuguese).

Every explanation says what is wrong (with the learner's words), the rule in one sentence and a short correct
example. :data:`EXPLANATIONS` holds one per rule of Palavra's own and for the rule engines' rules learners meet
most; any other rule gets its category's explanation (:data:`CATEGORY_EXPLANATIONS`), also in both languages.
``{o}`` is the learner's text, ``{r}`` the correction.
"""

from __future__ import annotations

#: The interface languages explanations are written in.
LANGUAGES = ("en", "pt")

#: rule id -> (English, Portuguese)
EXPLANATIONS: dict[str, tuple[str, str]] = {
    # Palavra's Portuguese rules
    "PT_DET_NOUN_AGREEMENT": (
        "'{o}': the article or determiner must have the noun's gender and number. Write '{r}'. "
        "Example: a casa, o problema, uma mulher.",
        "'{o}': o artigo ou determinante concorda com o substantivo em gênero e número. Escreva '{r}'. "
        "Exemplo: a casa, o problema, uma mulher.",
    ),
    "PT_NOUN_ADJ_AGREEMENT": (
        "'{o}': an adjective takes the gender and number of its noun. Write '{r}'. "
        "Example: uma casa nova, dois livros novos.",
        "'{o}': o adjetivo concorda com o substantivo em gênero e número. Escreva '{r}'. "
        "Exemplo: uma casa nova, dois livros novos.",
    ),
    "PT_PREDICATIVE_AGREEMENT": (
        "'{o}': after ser, estar or ficar the adjective agrees with the subject in gender and number. "
        "Write '{r}'. Example: A casa é bonita. Os carros são caros.",
        "'{o}': depois de ser, estar ou ficar, o adjetivo concorda com o sujeito em gênero e número. "
        "Escreva '{r}'. Exemplo: A casa é bonita. Os carros são caros.",
    ),
    "PT_SER_ESTAR": (
        "'{o}' -> '{r}': use estar for states, feelings and where something is now; use ser for what someone or "
        "something is (profession, nationality, character). Example: Estou cansado. Sou professor.",
        "'{o}' -> '{r}': use estar para estados, sentimentos e onde algo está agora; use ser para o que alguém ou "
        "algo é (profissão, nacionalidade, característica). Exemplo: Estou cansado. Sou professor.",
    ),
    "PT_VERB_PERSON": (
        "'{o}': the verb agrees with its subject in person and number. Write '{r}'. "
        "Example: nós vamos, eles falam, a gente vai.",
        "'{o}': o verbo concorda com o sujeito em pessoa e número. Escreva '{r}'. "
        "Exemplo: nós vamos, eles falam, a gente vai.",
    ),
    "PT_VERB_TENSE": (
        "'{o}': the sentence is about the past (ontem, na semana passada), so the verb goes in the preterite. "
        "Write '{r}'. Example: Ontem eu fui ao mercado.",
        "'{o}': a frase fala do passado (ontem, na semana passada), por isso o verbo vai para o pretérito "
        "perfeito. Escreva '{r}'. Exemplo: Ontem eu fui ao mercado.",
    ),
    "PT_SUBJUNCTIVE": (
        "'{o}': after a wish, a doubt or a possibility (espero que, quero que, talvez, embora, é importante "
        "que) the verb goes in the subjunctive. Write '{r}'. Example: Espero que você venha.",
        "'{o}': depois de desejo, dúvida ou possibilidade (espero que, quero que, talvez, embora, é importante "
        "que) o verbo vai para o subjuntivo. Escreva '{r}'. Exemplo: Espero que você venha.",
    ),
    "PT_FUTURE_SUBJUNCTIVE": (
        "'{o}': after se or quando talking about the future, use the future subjunctive, not the infinitive. "
        "Write '{r}'. Example: Se eu puder, vou. Quando você tiver tempo, me liga.",
        "'{o}': depois de se ou quando, falando do futuro, use o futuro do subjuntivo, não o infinitivo. "
        "Escreva '{r}'. Exemplo: Se eu puder, vou. Quando você tiver tempo, me liga.",
    ),
    "PT_IRREGULAR_PAST": (
        "'{o}': this verb is irregular in the past; it does not take the regular ending. Write '{r}'. "
        "Example: eu fiz, eles fizeram, ele quis.",
        "'{o}': este verbo é irregular no pretérito; não leva a terminação regular. Escreva '{r}'. "
        "Exemplo: eu fiz, eles fizeram, ele quis.",
    ),
    "PT_IRREGULAR_VERB": (
        "'{o}': this verb is irregular; write '{r}'. Example: eu fiz, eu sei, eu trouxe.",
        "'{o}': este verbo é irregular; escreva '{r}'. Exemplo: eu fiz, eu sei, eu trouxe.",
    ),
    "PT_CONTRACTION": (
        "'{o}': a preposition joins the article or pronoun after it into one word. Write '{r}'. "
        "Example: de + o = do, em + a = na, de + ele = dele.",
        "'{o}': a preposição se junta ao artigo ou pronome seguinte numa só palavra. Escreva '{r}'. "
        "Exemplo: de + o = do, em + a = na, de + ele = dele.",
    ),
    "PT_CRASE": (
        "'{o}' -> '{r}': 'à' is the preposition a + the article a, so it goes only before a feminine word that "
        "takes 'a' (going to a place, giving to someone, the time); never before a masculine word, a pronoun or a "
        "verb. Example: Vou à praia às oito. Vou a pé.",
        "'{o}' -> '{r}': 'à' é a preposição a + o artigo a, por isso só vem antes de palavra feminina que aceita "
        "'a' (ir a um lugar, dar a alguém, as horas); nunca antes de palavra masculina, pronome ou verbo. "
        "Exemplo: Vou à praia às oito. Vou a pé.",
    ),
    "PT_VERB_PREPOSITION": (
        "'{o}': this verb or adjective takes a fixed preposition. Write '{r}'. "
        "Example: gostar de, precisar de, pensar em, sonhar com, concordar com.",
        "'{o}': este verbo ou adjetivo pede uma preposição fixa. Escreva '{r}'. "
        "Exemplo: gostar de, precisar de, pensar em, sonhar com, concordar com.",
    ),
    "PT_POR_PARA": (
        "'{o}' -> '{r}': 'para' gives a purpose or a recipient (para passar, para você); 'por' gives a cause, an "
        "exchange, a price or a duration (obrigado por, por dez anos). Example: Obrigado pela ajuda.",
        "'{o}' -> '{r}': 'para' indica finalidade ou destinatário (para passar, para você); 'por' indica causa, "
        "troca, preço ou duração (obrigado por, por dez anos). Exemplo: Obrigado pela ajuda.",
    ),
    "PT_FALSE_FRIEND": (
        "'{o}' looks like an English word but means something else in Portuguese. Write '{r}'. "
        "Example: animado (excited), perceber (realize), apresentar alguém (introduce), ter 20 anos (be 20).",
        "'{o}' parece uma palavra inglesa, mas em português quer dizer outra coisa. Escreva '{r}'. "
        "Exemplo: animado (excited), perceber (realize), apresentar alguém (introduce), ter 20 anos (be 20).",
    ),
    "PT_E_ACCENT": (
        "'e' means 'and'; the verb 'is' is written 'é', with an accent. Example: Ela é minha amiga.",
        "'e' é a conjunção; o verbo ser é 'é', com acento. Exemplo: Ela é minha amiga.",
    ),
    "PT_MISSING_ACCENT": (
        "'{o}' needs its accent: write '{r}'. Accents are part of the spelling. Example: você, não, café.",
        "'{o}' leva acento: escreva '{r}'. O acento faz parte da grafia. Exemplo: você, não, café.",
    ),
    "PT_UNKNOWN_WORD": (
        "'{o}' is not a Portuguese word we know; did you mean '{r}'?",
        "'{o}' não é uma palavra portuguesa que conhecemos; você quis dizer '{r}'?",
    ),
    "SENTENCE_END_PUNCTUATION": (
        "A sentence ends with a full stop, a question mark or an exclamation mark. Write '{r}'.",
        "Uma frase termina com ponto final, ponto de interrogação ou ponto de exclamação. Escreva '{r}'.",
    ),
    # Palavra's English rules
    "EN_AGE_HAVE": (
        "In English you *are* an age, you do not *have* it: write '{r}'. Example: I am 20 years old.",
        "Em inglês a idade se diz com 'be' (ser/estar), não com 'have' (ter): escreva '{r}'. "
        "Exemplo: I am 20 years old.",
    ),
    "EN_THERE_ARE": (
        "With a plural noun it is 'there are' (or 'there were'): write '{r}'. Example: There are many people here.",
        "Com substantivo no plural usa-se 'there are' (ou 'there were'): escreva '{r}'. "
        "Exemplo: There are many people here.",
    ),
    "EN_SINCE_PERFECT": (
        "For something that started in the past and goes on now (since 2010, for two years), English uses the "
        "present perfect: write '{r}'. Example: I have been living here since 2010.",
        "Para algo que começou no passado e continua (since 2010, for two years), o inglês usa o present perfect: "
        "escreva '{r}'. Exemplo: I have been living here since 2010.",
    ),
    "EN_PAST_TIME": (
        "The sentence says when in the past (yesterday, last week, ago), so the verb goes in the past: write "
        "'{r}'. Example: He went to school yesterday.",
        "A frase diz quando no passado (yesterday, last week, ago), por isso o verbo vai para o passado: escreva "
        "'{r}'. Exemplo: He went to school yesterday.",
    ),
    # LanguageTool's Portuguese rules learners meet most
    "CRASE_CONFUSION": (
        "'{o}' -> '{r}': here 'a' is the preposition a + the article a, written 'à' (crase). "
        "Example: Vou à escola.",
        "'{o}' -> '{r}': aqui 'a' é a preposição a + o artigo a, que se escreve 'à' (crase). "
        "Exemplo: Vou à escola.",
    ),
    "A_GENTE-SINGULAR_PLURAL-VERB": (
        "'A gente' means 'we' but takes a singular verb, like 'ele'. Write '{r}'. Example: A gente vai.",
        "'A gente' quer dizer 'nós', mas o verbo fica no singular, como com 'ele'. Escreva '{r}'. "
        "Exemplo: A gente vai.",
    ),
    "HUNSPELL_RULE": (
        "'{o}' is not spelled correctly; write '{r}'.",
        "'{o}' não está escrito corretamente; escreva '{r}'.",
    ),
    "MORFOLOGIK_RULE_EN_US": (
        "'{o}' is not spelled correctly; write '{r}'.",
        "'{o}' não está escrito corretamente; escreva '{r}'.",
    ),
    "UPPERCASE_SENTENCE_START": (
        "A sentence starts with a capital letter: write '{r}', not '{o}'.",
        "A frase começa com letra maiúscula: escreva '{r}', não '{o}'.",
    ),
    "COMMA_PARENTHESIS_WHITESPACE": (
        "No space goes before a full stop, comma or closing bracket, and one goes after it.",
        "Não se põe espaço antes de ponto, vírgula ou parêntese de fecho, e põe-se um depois.",
    ),
    "PT_WORD_REPEAT_RULE": (
        "The word '{o}' is repeated; remove one of them.",
        "A palavra '{o}' está repetida; apague uma delas.",
    ),
    # English rules (LanguageTool, Harper)
    "MD_BASEFORM": (
        "After a modal verb (can, could, will, must, should...), use the base form of the verb: write '{r}', "
        "not '{o}'. Example: She can swim.",
        "Depois de um verbo modal (can, could, will, must, should...), use a forma base do verbo: escreva '{r}', "
        "não '{o}'. Exemplo: She can swim.",
    ),
    "HE_VERB_AGR": (
        "With he, she or it, the present-tense verb takes -s: write '{r}', not '{o}'. Example: She works here.",
        "Com he, she ou it, o verbo no presente leva -s: escreva '{r}', não '{o}'. Exemplo: She works here.",
    ),
    "NON3PRS_VERB": (
        "With I, you, we or they, the present-tense verb has no -s: write '{r}', not '{o}'. Example: They work.",
        "Com I, you, we ou they, o verbo no presente não leva -s: escreva '{r}', não '{o}'. Exemplo: They work.",
    ),
    "EN_A_VS_AN": (
        "Use 'an' before a vowel sound and 'a' before a consonant sound: write '{r}'. Example: an apple, a car.",
        "Use 'an' antes de som de vogal e 'a' antes de som de consoante: escreva '{r}'. Exemplo: an apple, a car.",
    ),
    "I_LOWERCASE": (
        "The pronoun 'I' is always written with a capital letter.",
        "O pronome 'I' (eu) escreve-se sempre com maiúscula.",
    ),
    "ENGLISH_WORD_REPEAT_RULE": (
        "The word '{o}' is repeated; remove one of them.",
        "A palavra '{o}' está repetida; apague uma delas.",
    ),
}

#: category -> (English, Portuguese): the rule of the category and what to write.
CATEGORY_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "spelling": (
        "Spelling: '{o}' is not spelled correctly; write '{r}'.",
        "Ortografia: '{o}' não está escrito corretamente; escreva '{r}'.",
    ),
    "grammar": (
        "Grammar: write '{r}' instead of '{o}'; the sentence is not grammatical as it is.",
        "Gramática: escreva '{r}' em vez de '{o}'; a frase não está gramatical assim.",
    ),
    "agreement": (
        "Agreement: the words must agree in number (singular/plural) and gender; write '{r}' instead of '{o}'.",
        "Concordância: as palavras concordam em número (singular/plural) e gênero; escreva '{r}' em vez de '{o}'.",
    ),
    "verb form": (
        "Verb form: this verb form does not fit here; write '{r}' instead of '{o}'.",
        "Forma verbal: esta forma do verbo não cabe aqui; escreva '{r}' em vez de '{o}'.",
    ),
    "word choice": (
        "Word choice: '{o}' is not the word that fits here; write '{r}'.",
        "Escolha de palavra: '{o}' não é a palavra que cabe aqui; escreva '{r}'.",
    ),
    "capitalization": (
        "Capital letters: write '{r}' instead of '{o}'.",
        "Maiúsculas: escreva '{r}' em vez de '{o}'.",
    ),
    "punctuation": (
        "Punctuation: write '{r}' instead of '{o}'.",
        "Pontuação: escreva '{r}' em vez de '{o}'.",
    ),
    "typography": (
        "Spacing and typography: write '{r}' instead of '{o}'.",
        "Espaços e tipografia: escreva '{r}' em vez de '{o}'.",
    ),
    "style": (
        "Style: '{r}' reads better than '{o}' here.",
        "Estilo: '{r}' fica melhor do que '{o}' aqui.",
    ),
}
_REMOVE = ("Remove '{o}'.", "Apague '{o}'.")
_ADD = ("Add '{r}'.", "Acrescente '{r}'.")


def _fill(template: str, original: str, replacement: str) -> str:
    return template.replace("{o}", original.strip() or original).replace(
        "{r}", replacement.strip() or replacement
    )


def explain_rule(rule_id: str, original: str, replacement: str) -> tuple[tuple[str, str], ...]:
    """The explanations of a rule of :data:`EXPLANATIONS`, as ``(("en", text), ("pt", text))``; empty when the
    rule has none of its own."""
    pair = EXPLANATIONS.get(rule_id)
    if pair is None:
        return ()
    return tuple((lang, _fill(t, original, replacement)) for lang, t in zip(LANGUAGES, pair, strict=True))


def explain_edit(
    rule_id: str,
    category: str,
    original: str,
    replacement: str,
    message: str = "",
    message_language: str = "",
) -> tuple[tuple[str, str], ...]:
    """Explanations in every interface language for an edit of any rule.

    The rule's own explanation when it has one, else its category's; the rule engine's message (in
    ``message_language``) is added to the explanation in that language only.
    """
    notes = explain_rule(rule_id, original, replacement)
    if notes:
        return notes
    pair = CATEGORY_EXPLANATIONS.get(category, CATEGORY_EXPLANATIONS["grammar"])
    if not replacement.strip() and original.strip():
        pair = (f"{pair[0].split(':')[0]}: {_REMOVE[0]}", f"{pair[1].split(':')[0]}: {_REMOVE[1]}")
    elif not original.strip() and replacement.strip():
        pair = (f"{pair[0].split(':')[0]}: {_ADD[0]}", f"{pair[1].split(':')[0]}: {_ADD[1]}")
    out = []
    for lang, template in zip(LANGUAGES, pair, strict=True):
        text = _fill(template, original, replacement)
        if message and lang == message_language:
            text = f"{text} {message}"
        out.append((lang, text))
    return tuple(out)


def notes_for(
    rule_id: str,
    category: str,
    original: str,
    replacement: str,
    english: str,
    message: str = "",
    message_language: str = "",
) -> tuple[tuple[str, str], ...]:
    """The ``(language, text)`` explanations of a rule engine's edit: ``english`` (the explanation the checker
    wrote) and the Portuguese one, rule-specific when :data:`EXPLANATIONS` has the rule, else its category's with
    the rule's own message when that is in Portuguese."""
    pt = dict(explain_edit(rule_id, category, original, replacement, message, message_language))["pt"]
    return (("en", english), ("pt", pt))


#: Category names: (English, Portuguese).
CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "spelling": ("Spelling", "Ortografia"),
    "grammar": ("Grammar", "Gramática"),
    "agreement": ("Agreement", "Concordância"),
    "verb form": ("Verb form", "Forma verbal"),
    "word choice": ("Word choice", "Escolha de palavra"),
    "capitalization": ("Capital letters", "Maiúsculas"),
    "punctuation": ("Punctuation", "Pontuação"),
    "typography": ("Spacing and typography", "Espaços e tipografia"),
    "style": ("Style", "Estilo"),
}


def combined_notes(
    category: str, original: str, replacement: str, parts: list[tuple[tuple[str, str], ...]]
) -> tuple[tuple[str, str], ...]:
    """Explanations of one edit that stands for several (see :func:`engine.correct.merge.compose`): what to write,
    then each part's own explanation in the same language."""
    names = CATEGORY_NAMES.get(category, CATEGORY_NAMES["grammar"])
    heads = (
        f"{names[0]}: write '{replacement.strip()}' instead of '{original.strip()}'.",
        f"{names[1]}: escreva '{replacement.strip()}' em vez de '{original.strip()}'.",
    )
    out = []
    for index, lang in enumerate(LANGUAGES):
        texts = [heads[index]]
        for notes in parts:
            text = dict(notes).get(lang, "")
            if text and text not in texts:
                texts.append(text)
        out.append((lang, " ".join(texts)))
    return tuple(out)
