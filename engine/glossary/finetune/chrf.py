"""chrF++ (character 6-grams + word 2-grams, beta 2), corpus level, as sacrebleu computes it.

Kept here so that the evaluation built into fine-tuning needs no evaluation package at run time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

CHAR_ORDER = 6
WORD_ORDER = 2
BETA = 2.0
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _words(text: str) -> list[str]:
    out: list[str] = []
    for token in text.split():
        if len(token) > 1 and token[-1] in _PUNCT:
            out.extend((token[:-1], token[-1]))
        elif len(token) > 1 and token[0] in _PUNCT:
            out.extend((token[0], token[1:]))
        else:
            out.append(token)
    return out


def _ngrams(items: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(items[i : i + n]) for i in range(len(items) - n + 1))


def _stats(hyp: str, ref: str) -> list[float]:
    stats: list[float] = []
    hyp_chars, ref_chars = list(hyp.replace(" ", "")), list(ref.replace(" ", ""))
    for n in range(1, CHAR_ORDER + 1):
        h, r = _ngrams(hyp_chars, n), _ngrams(ref_chars, n)
        stats += [float(sum(h.values())), float(sum(r.values())), float(sum((h & r).values()))]
    hyp_words, ref_words = _words(hyp), _words(ref)
    for n in range(1, WORD_ORDER + 1):
        h, r = _ngrams(hyp_words, n), _ngrams(ref_words, n)
        stats += [float(sum(h.values())), float(sum(r.values())), float(sum((h & r).values()))]
    return stats


def corpus_chrf(hypotheses: Sequence[str], references: Sequence[str]) -> float:
    """Corpus chrF++ in 0..100 (statistics summed over the corpus, then averaged over n-gram orders)."""
    total = [0.0] * (3 * (CHAR_ORDER + WORD_ORDER))
    for hyp, ref in zip(hypotheses, references, strict=True):
        for i, value in enumerate(_stats(hyp, ref)):
            total[i] += value
    precision = recall = 0.0
    orders = CHAR_ORDER + WORD_ORDER
    for n in range(orders):
        hyp_count, ref_count, match = total[3 * n : 3 * n + 3]
        precision += match / hyp_count if hyp_count > 0 else 0.0
        recall += match / ref_count if ref_count > 0 else 0.0
    precision, recall = precision / orders, recall / orders
    if precision + recall == 0:
        return 0.0
    b2 = BETA**2
    return 100.0 * (1 + b2) * precision * recall / (b2 * precision + recall)
