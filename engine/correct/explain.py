"""Categories and learner-facing explanations for the checkers' raw matches.

The rule engines' messages are written for native speakers and sometimes contain markup (``<suggestion>``);
each edit gets an explanation that says what to write instead and why, in plain words, in English (the app's
learners read English explanations for both languages; the Portuguese rule's own message is kept after it).
"""

from __future__ import annotations

import re

_TAG = re.compile(r"</?suggestion>")
_SPACES = re.compile(r"\s+")

# Rule-specific explanations; ``{o}`` is the original, ``{r}`` the replacement, ``{m}`` the rule's message.
_RULE_TEMPLATES: dict[str, str] = {
    "MD_BASEFORM": "After a modal verb (can, could, will, must, should...), use the base form of the verb: "
    "write '{r}', not '{o}'.",
    "HE_VERB_AGR": "With he, she or it, the present-tense verb takes -s (or use the past tense): "
    "write '{r}', not '{o}'.",
    "HE_NEED": "With he, she or it, the present-tense verb takes -s: write '{r}', not '{o}'.",
    "IT_VBZ": "After 'it', use the third-person verb form: write '{r}', not '{o}'.",
    "NON3PRS_VERB": "With I, you, we or they, the present-tense verb has no -s: write '{r}', not '{o}'.",
    "PEOPLE_VBZ": "'People' is plural, so the verb has no -s: write '{r}', not '{o}'.",
    "EN_A_VS_AN": "Use 'an' before a vowel sound and 'a' before a consonant sound: write '{r}', not '{o}'.",
    "THIS_NNS": "'This' and 'that' go with singular nouns, 'these' and 'those' with plural nouns: "
    "write '{r}'.",
    "UPPERCASE_SENTENCE_START": "A sentence starts with a capital letter: write '{r}', not '{o}'.",
    "I_LOWERCASE": "The pronoun 'I' is always written with a capital letter.",
    "COMMA_PARENTHESIS_WHITESPACE": "No space goes before a full stop, comma or closing bracket.",
    "ENGLISH_WORD_REPEAT_RULE": "The word '{o}' is repeated; remove one of them.",
    "COMP_THAN": "A comparison uses 'than' (bigger than, more than), not '{o}'.",
    "MOST_COMPARATIVE": "Short adjectives form the comparative with -er, without 'more': write '{r}'.",
    "A_NNS": "'A' and 'an' go only with singular nouns: write '{r}'.",
    "HAVE_PART_AGREEMENT": "After 'have', 'has' or 'had', use the past participle: write '{r}', not '{o}'.",
    "BEEN_PART_AGREEMENT": "After 'been', use a past participle or an -ing form: write '{r}', not '{o}'.",
    "CHOOSED": "'Choose' is irregular: the past is 'chose' and the past participle 'chosen'.",
    "CAN_NOT": "'Cannot' is written as one word.",
    "ARTICLE_MISSING": "A singular countable noun needs an article (a, an, the) before it: write '{r}'.",
    "COMMA_WHICH": "A 'which' clause that adds extra information is set off with a comma (or use 'that' for "
    "essential information): write '{r}'.",
    "DELETE_SPACE": "This contraction is written without a space: '{r}'.",
    "APOS_SPACE_CONTRACTION": "A contraction is written without a space before the apostrophe: '{r}'.",
    "EN_CONTRACTION_SPELLING": "Contractions need an apostrophe: write '{r}', not '{o}'.",
    # Portuguese
    "CRASE_CONFUSION": "Here 'a' joins the preposition 'a' and the article 'a', "
    "which is written 'à' (crase): write '{r}'.",
    "A_GENTE-SINGULAR_PLURAL-VERB": "'A gente' means 'we' but takes a singular verb (like 'ele'): "
    "write '{r}'.",
}

_CATEGORY_LEADS: dict[str, str] = {
    "spelling": "Spelling",
    "grammar": "Grammar",
    "agreement": "Agreement: the words must agree in number (singular/plural) and gender",
    "verb form": "Verb form",
    "word choice": "Word choice",
    "capitalization": "Capital letters",
    "punctuation": "Punctuation",
    "typography": "Spacing and typography",
    "style": "Style",
}

_AGREEMENT = re.compile(r"AGR|CONCORD|AGREEMENT|_NNS|NNS_|_NN$|PLURAL|SINGULAR|GENDER|GENERO|NUMERO", re.I)
_GRAMMAR_RULES = frozenset({"EN_A_VS_AN", "ARTICLE_MISSING", "ARTICLE_UNNECESSARY"})
_AGREE_MSG = re.compile(r"concord|agree", re.I)
_VERB = re.compile(r"BASEFORM|VERB|VB|_PART|TENSE|INFINITIVE|MD_|PARTICIPLE|GERUND|CHOOSED", re.I)


def clean_message(message: str) -> str:
    """The rule's message without markup and with single spaces."""
    return _SPACES.sub(" ", _TAG.sub("'", message)).strip().replace("''", "'")


def categorize(rule_id: str, category_id: str, issue_type: str, message: str = "") -> str:
    """Map a rule engine's category to one of the learner-facing categories.

    Args:
        rule_id: the rule's identifier (``"MD_BASEFORM"``).
        category_id: LanguageTool-style category (``"GRAMMAR"``, ``"TYPOS"``...) or Harper's lint kind.
        issue_type: LanguageTool-style issue type (``"misspelling"``, ``"grammar"``...), may be empty.
        message: the rule's message, used to tell agreement errors apart.

    Returns:
        A category from :data:`engine.correct.model.CATEGORIES`.
    """
    if rule_id in _GRAMMAR_RULES:
        return "grammar"
    cat = category_id.upper()
    issue = issue_type.lower()
    if rule_id.startswith("MORFOLOGIK") or rule_id.startswith("HUNSPELL") or cat in {"SPELLING"}:
        return "spelling"
    if cat in {"CASING", "CAPITALIZATION"} or rule_id in {"I_LOWERCASE", "UPPERCASE_SENTENCE_START"}:
        return "capitalization"
    if cat in {"PUNCTUATION"}:
        return "punctuation"
    if cat in {"TYPOGRAPHY", "FORMATTING"} or issue == "whitespace":
        return "typography"
    if cat in {
        "STYLE",
        "REDUNDANCY",
        "REPETITIONS_STYLE",
        "PLAIN_ENGLISH",
        "WORDINESS",
        "REPETITION",
        "READABILITY",
    }:
        return "style"
    if cat in {"CONFUSED_WORDS", "WORDCHOICE", "SEMANTICS", "EAGERNESS"}:
        return "word choice"
    if cat in {"AGREEMENT"} or _AGREEMENT.search(rule_id) or _AGREE_MSG.search(message):
        return "agreement"
    if _VERB.search(rule_id):
        return "verb form"
    if cat in {"TYPOS", "TYPO"} or issue == "misspelling":
        return "spelling"
    return "grammar"


def explain(rule_id: str, category: str, original: str, replacement: str, message: str, language: str) -> str:
    """Write the learner-facing explanation of one edit.

    Args:
        rule_id: the rule's identifier.
        category: the learner-facing category.
        original: the text being replaced.
        replacement: the suggested text ("" for a deletion).
        message: the rule engine's own message.
        language: ``"en"`` or ``"pt"`` (the language of the checked text).

    Returns:
        One or two sentences, never empty.
    """
    msg = clean_message(message)
    template = _RULE_TEMPLATES.get(rule_id)
    o, r = original.strip() or original, replacement.strip() or replacement
    if template:
        text = template.format(o=o, r=r, m=msg)
    else:
        lead = _CATEGORY_LEADS.get(category, "Grammar")
        if category == "spelling":
            action = f"'{o}' is not spelled correctly; write '{r}'." if r else f"'{o}' looks misspelled."
            return action if language != "pt" or not msg else f"{action} ({msg})"
        if not r and o.strip() == "":
            action = "remove the extra space."
        elif not replacement:
            action = f"remove '{o}'."
        elif not o.strip():
            action = f"add '{r}'."
        else:
            action = f"write '{r}' instead of '{o}'."
        text = f"{lead}: {action}"
        if msg:
            text = f"{text} {msg}" if language != "pt" else f"{text} (Regra: {msg})"
    if not text.endswith((".", ")", "?", "!")):
        text += "."
    return text
