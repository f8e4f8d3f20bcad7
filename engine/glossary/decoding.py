"""Term-aware decoding on the app's ONNX translator: the glossary's implementation of the translation hook
(:class:`engine.translate.policy.TermPolicy`).

Greedy decoding with forced terms (a cheap variant of constrained decoding, Post & Vilar 2018): at each step the
decoder's cross-attention says which source tokens the model is translating.

* When the model is about to write a determiner ("o", "um", "da", "pelos" ...) while it attends to the source word
  just before a term or to the term itself, the determiner is inflected to agree with the term's gender and number
  ("o" -> "a" before "caução") and the term's pieces follow it.
* When the model is about to start a content word while it attends to a term, the term's pieces are written
  instead; a determiner the model wrote just before it is re-inflected afterwards.
* Back-off: the model's own word for the term (the word it was about to write) is banned for a few steps, and the
  next content word that still attends to the term is replaced by the model's next choice, so its synonym is not
  left beside the term ("O queixoso autor").

The model then continues from the term, so what follows agrees with it ("A caução foi devolvida"). A term the
model never attended to at a word boundary is placed by attention alignment afterwards
(:meth:`engine.glossary.align.TermAligner.finish`).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from engine.errors import InputError
from engine.glossary.agreement import agreement_fix, contraction, frequencies, remnants, rendering_words
from engine.glossary.align import ATTENTION_THRESHOLD, Constraint, TermAligner
from engine.glossary.inflect import DETERMINER_FORMS, agree, determiner_agreement, is_infinitive
from engine.glossary.store import GlossaryStore
from engine.translate.onnx_translator import OnnxTranslator
from engine.translate.policy import TermPlan
from engine.translate.service import LoadedModel
from engine.translate.vocab import EOS_ID

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

#: Steps during which the model's own word for a term stays banned after the term is written.
BAN_STEPS = 6
#: One-word terms whose ending inflects: verbs in the infinitive and adjectives or nouns in -o/-a (stem, ending).
_INFLECTING = re.compile(r"^(\w+?)(ar|er|ir|o|a|os|as)$")
#: A target term followed by an explanation in parentheses.
_NOTE = re.compile(r"^(\S.*?)\s+(\([^()]+\))$")
#: What joins a possessor term to the term it modifies ("the plaintiff's lawyer").
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Content words after a term that are checked for still translating it.
GUARD_WORDS = 2


#: Portuguese determiners by definiteness: the model's determiner is taken as the term's article only when it
#: matches the English word before the term ("the" -> "o", "da", "pelo"; "a" -> "um"); "reached a settlement" ->
#: "chegaram a um acordo" keeps the preposition "a".
DEFINITE = frozenset(
    {"o", "a", "os", "as", "do", "da", "dos", "das", "no", "na", "nos", "nas"}
    | {"ao", "à", "aos", "às", "pelo", "pela", "pelos", "pelas"}
)
INDEFINITE = frozenset({"um", "uma", "uns", "umas", "dum", "duma", "num", "numa"})
_SOURCE_ARTICLES = {"the": DEFINITE, "a": INDEFINITE, "an": INDEFINITE}


@dataclass(frozen=True)
class Plan:
    """One sentence with terms: its source ids, the terms to write, and the English word before each term."""

    ids: Sequence[int]
    constraints: Sequence[Constraint]
    before: Sequence[str] = ()
    #: per constraint, an explanation in parentheses the glossary adds to the term ("SARS (síndrome respiratória
    #: aguda grave)"): only the term is forced, the explanation is written after it once the sentence is done, so
    #: the model does not take it for its translation of the words that follow and skip them
    notes: Sequence[str] = ()


@dataclass
class _Row:
    plan: Plan
    pending: set[int]
    queue: list[int] = field(default_factory=list)
    banned: dict[int, int] = field(default_factory=dict)  # token -> last step it is banned
    guard: tuple[int, int] | None = None  # (constraint, content words left to check)
    term_ended: bool = False  # the last token written was a forced term's last piece
    tentative: tuple[int, int] | None = (
        None  # (constraint, output index) of a word that may be the term inflected
    )
    out: list[int] = field(default_factory=list)
    attention: list[FloatArray] = field(default_factory=list)
    # (output index of the term, constraint, its number of pieces, the gender of the model's own determiner)
    placed: list[tuple[int, int, int, str | None]] = field(default_factory=list)


class ForcingHook:
    """The per-batch decoding hook (see the module docstring); one instance per :meth:`OnnxTranslator.translate_ids`."""

    def __init__(self, policy: GlossaryTermPolicy, plans: Sequence[Plan]) -> None:
        self.p = policy
        self.rows = [_Row(plan, set(range(len(plan.constraints)))) for plan in plans]

    def __call__(
        self, step: int, rows: IntArray, cand: IntArray, logits: FloatArray, attention: FloatArray
    ) -> FloatArray:
        """Choose each row's token (forcing, agreeing or banning) and return logits whose argmax is it."""
        p = self.p
        logits = logits.copy()
        for j, r in enumerate(rows.tolist()):
            row = self.rows[r]
            src_len = len(row.plan.ids)
            att = attention[j, :src_len]
            token = self._choose(row, step, cand, logits[j], att)
            col = int(np.searchsorted(cand, token))
            if col >= cand.shape[0] or cand[col] != token:  # not decodable here (never for planned pieces)
                token = int(cand[int(np.argmax(logits[j]))])
            else:
                logits[j, :] = -np.inf
                logits[j, col] = 0.0
            if token != EOS_ID:
                row.out.append(token)
                row.attention.append(np.asarray(att, dtype=np.float32).copy())
        del p
        return logits

    def _choose(self, row: _Row, step: int, cand: IntArray, scores: FloatArray, att: FloatArray) -> int:
        p = self.p
        if row.queue:
            token = row.queue.pop(0)
            row.term_ended = not row.queue
            return token
        if row.term_ended:  # a forced term is a whole word: no letters glued to it ("prova" + "s")
            row.term_ended = False
            glued = ~p.word_start[cand] & p.alnum[cand]
            scores[glued] = -np.inf
        for token, until in list(row.banned.items()):
            if step > until:
                del row.banned[token]
                continue
            col = int(np.searchsorted(cand, token))
            if col < cand.shape[0] and cand[col] == token:
                scores[col] = -np.inf
        best = int(cand[int(np.argmax(scores))])
        if best == EOS_ID:
            return best
        peak = int(att.argmax()) if att.size else -1
        cons = row.plan.constraints
        if row.guard is not None and p.word_start[best]:
            j, left = row.guard
            c = cons[j]
            tries = 0
            while p.content_word[best] and _attends(att, peak, c) and tries < 3:
                scores[int(np.searchsorted(cand, best))] = -np.inf
                best = int(cand[int(np.argmax(scores))])
                peak_ok = best != EOS_ID
                tries += 1
                if not peak_ok:
                    break
            row.guard = (j, left - 1) if left > 1 and not p.content_word[best] else None
            if best == EOS_ID:
                return best
        if row.tentative is not None and p.word_start[best]:
            j, at = row.tentative
            row.tentative = None
            if p.stem_of(cons[j]) and p.text(row.out[at:]).strip().casefold().startswith(p.stem_of(cons[j])):
                row.pending.discard(j)
        if not row.pending or not p.word_start[best]:
            return best
        det = p.determiner.get(best)
        if det is not None:
            for j in sorted(row.pending):
                c = cons[j]
                # only the determiner of an English article right before the term: after "the same", "high",
                # "his"... the model's determiner may come before other words ("dos mesmos sintomas"), and the
                # term is then written at its content word and the determiner re-inflected
                fits = _SOURCE_ARTICLES.get(row.plan.before[j] if row.plan.before else "")
                if fits is None or det.lower() not in fits:
                    continue
                if c.start - 1 <= peak < c.end:
                    j = _head(row, j, lambda a, b: p.source_text(row.plan.ids[a:b]), p.noun_term(row))
                    c = cons[j]
                    return self._start(
                        row, j, step, agreed=agree(det, c.gender, c.plural), model_token=None, model_det=det
                    )
            return best
        if not p.content_word[best]:
            return best
        chosen, best_mass = None, 0.0
        for j in sorted(row.pending):
            c = cons[j]
            mass = float(att[c.start : c.end].sum())
            if _attends(att, peak, c) and mass >= best_mass:
                chosen, best_mass = j, mass
        if chosen is None:
            return best
        if not p.renders(best, row.plan, cons[chosen]):
            return best  # the model is writing another word (its attention is often a word early): not yet
        form = p.inflects(best, cons[chosen])
        if form == "yes":  # the model writes the term itself in the form the sentence needs
            row.pending.discard(chosen)
            return best
        if form == "maybe":  # the piece could start such a form ("espa" for "espalhou"): checked once written
            row.tentative = (chosen, len(row.out))
            return best
        head = _head(row, chosen, lambda a, b: p.source_text(row.plan.ids[a:b]), p.noun_term(row))
        return self._start(row, head, step, agreed=None, model_token=best)

    def _start(
        self,
        row: _Row,
        j: int,
        step: int,
        *,
        agreed: str | None,
        model_token: int | None,
        model_det: str | None = None,
    ) -> int:
        """Write term ``j`` (after the agreeing determiner ``agreed``, which replaces the model's ``model_det``)."""
        p = self.p
        c = row.plan.constraints[j]
        row.pending.discard(j)
        at_start = not row.out
        pieces: list[int] = []
        if agreed is not None:
            det_ids = p.piece_of(agreed)
            if det_ids is not None:
                pieces.append(det_ids)
                at_start = False
        term = list(c.capitalized_ids if at_start and c.capitalized_ids else c.target_ids)
        marked = determiner_agreement(model_det) if model_det else None
        row.placed.append((len(row.out) + len(pieces), j, len(term), marked[0] if marked else None))
        pieces += term
        if model_token is not None:
            row.banned[model_token] = step + len(pieces) + BAN_STEPS
        row.guard = (j, GUARD_WORDS)
        row.queue = pieces[1:]
        row.term_ended = not row.queue
        return pieces[0]

    def finish(self, index: int, out: Sequence[int]) -> list[int]:
        """Row ``index``'s output with determiners before forced terms agreeing and unplaced terms aligned."""
        p = self.p
        row = self.rows[index]
        result = list(out)
        placed: list[tuple[int, int, int, str | None]] = []
        for pos, j, n, model_gender in row.placed:
            if pos < 0 or pos + n > len(result):
                continue
            c = row.plan.constraints[j]
            det = p.determiner.get(result[pos - 1]) if pos > 0 else None
            if det is not None:
                marked = determiner_agreement(det)
                model_gender = model_gender or (marked[0] if marked else None)
                new = p.piece_of(agree(det, c.gender, c.plural))
                if new is not None:
                    result[pos - 1] = new
            placed.append((pos, j, n, model_gender))
        src_len = len(row.plan.ids)
        rows = [a[:src_len] for a in row.attention[: len(result)]]
        if placed and len(rows) == len(result):
            result, rows = p.tidy(result, rows, row.plan.constraints, placed, row.plan)
        if (
            result
            and p.text(result[-1:]).strip() == "."
            and p.source_text(row.plan.ids).rstrip()[-1:] not in ".!?…"
        ):
            result, rows = (
                result[:-1],
                rows[:-1],
            )  # a forced term made the model close a sentence the source leaves open
        cons = row.plan.constraints
        written = p.text(result).casefold().split()
        # a term the model wrote in another form (an inflection of it) is there already
        pending = [
            j
            for j in sorted(row.pending)
            if not (stem := p.stem_of(cons[j])) or not any(w.startswith(stem) for w in written)
        ]
        if pending and rows:
            matrix = np.stack(rows).astype(np.float32)
            if matrix.shape[0] == len(result):
                result = p.aligner.finish(result, matrix, [cons[j] for j in pending])
                result = self._tidy_aligned(index, result, pending)
        return result

    def _tidy_aligned(self, index: int, result: list[int], pending: list[int]) -> list[int]:
        """The remnant clean-up for terms the aligner wrote after decoding ("infectar infetar" -> "infetar")."""
        p = self.p
        plan = self.rows[index].plan
        placed: list[tuple[int, int, int, str | None]] = []
        for j in pending:
            c = plan.constraints[j]
            for ids in (c.target_ids, c.capitalized_ids):
                n = len(ids)
                at = next(
                    (i for i in range(len(result) - n + 1) if n and tuple(result[i : i + n]) == tuple(ids)),
                    None,
                )
                if at is not None:
                    placed.append((at, j, n, None))
                    break
        if not placed:
            return result
        dummy = [np.zeros(1, dtype=np.float32)] * len(result)
        whole = replace(plan, notes=())  # the aligner wrote the whole target, explanation included
        out, _ = p.tidy(result, dummy, plan.constraints, placed, whole)
        return out


def _head(
    row: _Row,
    j: int,
    gap: Callable[[int, int], str] | None = None,
    noun: Callable[[int], bool] | None = None,
) -> int:
    """The term that heads the noun phrase term ``j`` starts: a pending term right after it in the source.

    English puts modifiers before the head noun ("eviction notice", "the plaintiff's lawyer"), Portuguese after it
    ("notificação de despejo", "o advogado do autor"): when two terms are adjacent (or joined by a possessive
    "'s", the source text between them is ``gap(end, start)``), the second one is written first and the model then
    attends to the first one (after "de") by itself. A second term whose target is a verb (``noun(k)`` false:
    "the outbreak *spread*") is not a head.
    """
    cons = row.plan.constraints
    seen = {j}
    while True:
        nxt = next(
            (
                k
                for k in sorted(row.pending)
                if k not in seen
                and cons[k].start >= cons[j].end
                and (noun is None or noun(k))
                and (
                    cons[k].start == cons[j].end
                    or (gap is not None and gap(cons[j].end, cons[k].start).strip() in POSSESSIVE)
                )
            ),
            None,
        )
        if nxt is None:
            return j
        seen.add(nxt)
        j = nxt


def _attends(att: FloatArray, peak: int, c: Constraint) -> bool:
    return c.start <= peak < c.end or float(att[c.start : c.end].sum()) >= ATTENTION_THRESHOLD


class GlossaryTermPolicy:
    """A stored glossary's terms for one loaded model (implements :class:`engine.translate.policy.TermPolicy`).

    Args:
        aligner: the glossary's aligner on the model's vocabularies.
        key: the glossary's name and version.
    """

    def __init__(self, aligner: TermAligner, key: str) -> None:
        self.aligner = aligner
        self._key = key
        sp = aligner.tsp
        self.word_start = aligner.word_start
        self.content_word = aligner.content_word
        self.alnum = aligner.alnum
        self.determiner: dict[int, str] = {}
        self._piece: dict[str, int] = {}
        for i in range(sp.GetPieceSize()):
            piece = str(sp.IdToPiece(i))
            if piece.startswith("▁") and piece[1:].lower() in DETERMINER_FORMS:
                self.determiner[i] = piece[1:]
                self._piece[piece[1:]] = i
        self._det_ids = np.asarray(sorted(self.determiner), dtype=np.int64)
        self._renderings: dict[tuple[int, ...], frozenset[str]] = {}
        self._render_lock = threading.Lock()

    def _render_terms(self, translator: OnnxTranslator, plans: Sequence[Plan]) -> None:
        """The model's own translation of each term's source (once per term): its words are the remnants to
        remove next to the forced term."""
        todo: list[tuple[int, ...]] = []
        with self._render_lock:
            for plan in plans:
                for c in plan.constraints:
                    key = tuple(int(i) for i in plan.ids[c.start : c.end])
                    if key not in self._renderings and key not in todo:
                        todo.append(key)
        if not todo:
            return
        outs = translator.translate_ids([[*k, EOS_ID] for k in todo])
        with self._render_lock:
            for key, out in zip(todo, outs, strict=True):
                self._renderings[key] = rendering_words(self.text(out))

    def rendering(self, plan: Plan, c: Constraint) -> frozenset[str]:
        """The content words of the model's own translation of constraint ``c``'s source."""
        with self._render_lock:
            return self._renderings.get(tuple(int(i) for i in plan.ids[c.start : c.end]), frozenset())

    def tidy(
        self,
        out: list[int],
        rows: list[FloatArray],
        constraints: Sequence[Constraint],
        placed: Sequence[tuple[int, int, int, str | None]],
        plan: Plan | None = None,
    ) -> tuple[list[int], list[FloatArray]]:
        """Remove the model's remnants next to each forced term and put the adjective after it in the term's
        gender (:mod:`engine.glossary.agreement`); ``rows`` (attention per output piece) follow the edits."""
        starts = [i for i, t in enumerate(out) if self.word_start[t] or i == 0]
        bounds = [*starts, len(out)]
        words = [self.text(out[a:b]).strip() for a, b in itertools.pairwise(bounds)]
        word_of = {a: k for k, a in enumerate(starts)}
        drop: set[int] = set()
        replace_word: dict[int, str] = {}
        for pos, j, n, model_gender in placed:
            if pos not in word_of:
                continue
            c = constraints[j]
            first = word_of[pos]
            last = first + sum(1 for i in range(pos + 1, pos + n) if i in word_of)
            term = " ".join(words[first : last + 1])
            if plan is not None:
                removed = remnants(words, first, last + 1, self.rendering(plan, c), term)
                drop |= removed
                before = first - 1
                while before in drop:
                    before -= 1
                if removed and before >= 0 and words[before].casefold() in DETERMINER_FORMS:
                    agreed = agree(words[before], c.gender, c.plural)
                    if agreed != words[before]:
                        replace_word[before] = agreed
            if model_gender is not None and c.gender in ("m", "f") and model_gender != c.gender:
                fix = agreement_fix(words, last + 1, c.gender, c.plural)
                if fix is not None and fix[0] not in drop:
                    replace_word[fix[0]] = fix[1]
            note = plan.notes[j] if plan is not None and j < len(plan.notes) else ""
            if note and not (last + 1 < len(words) and words[last + 1].startswith("(")):
                word = replace_word.get(last, words[last])
                core = word.rstrip(".,;:!?")
                replace_word[last] = f"{core} {note}{word[len(core) :]}"
            k = last + 1
            while k in drop:
                k += 1
            if k + 1 < len(words) and k + 1 not in drop:
                merged = contraction(words[k], words[k + 1])
                if merged is not None:
                    replace_word[k] = merged
                    drop.add(k + 1)
        if not drop and not replace_word:
            return out, rows
        new_out: list[int] = []
        new_rows: list[FloatArray] = []
        for k, (a, b) in enumerate(itertools.pairwise(bounds)):
            if k in drop:
                continue
            if k in replace_word:
                ids = [int(i) for i in self.aligner.tsp.EncodeAsIds(replace_word[k])]
                new_out += ids
                new_rows += [rows[a]] * len(ids)
            else:
                new_out += out[a:b]
                new_rows += rows[a:b]
        return new_out, new_rows

    @property
    def key(self) -> str:
        """The glossary's name and version."""
        return self._key

    def renders(self, token: int, plan: Plan, c: Constraint) -> bool:
        """Whether the model's word starting with ``token`` can be its translation of term ``c``: the start of a
        word of its own translation of the term's source, or of the term itself (true when not known)."""
        piece = self.text([token]).strip().casefold()
        words = self.rendering(plan, c)
        if not words or not piece:
            return True
        own = self.text(c.target_ids).casefold().split()
        return any(w.startswith(piece) or piece.startswith(w) for w in (*words, *own))

    def noun_term(self, row: _Row) -> Callable[[int], bool]:
        """Whether a constraint of ``row`` is a noun phrase: its target does not start with a verb in the
        infinitive ("espalhar", "lavar as mãos")."""

        def noun(k: int) -> bool:
            return not is_infinitive(self.text(row.plan.constraints[k].target_ids).strip())

        return noun

    def stem_of(self, c: Constraint) -> str:
        """The stem of a one-word term whose ending inflects (a verb in the infinitive, an adjective or noun in
        -o/-a), at least four letters; ``""`` for other terms."""
        term = self.text(c.target_ids).strip().casefold()
        if " " in term or "-" in term:
            return ""
        found = _INFLECTING.match(term)
        return found.group(1) if found is not None and len(found.group(1)) >= 4 else ""

    def inflects(self, token: int, c: Constraint) -> str:
        """Whether the model's word starting with ``token`` is the term ``c`` in another form: a verb ("espalhou",
        "espalhar-se" for "espalhar") or the other gender or number ("respiratória" for "respiratório"):
        ``"yes"`` (the piece holds the stem), ``"maybe"`` (the piece is the start of the stem: "espa"), ``"no"``."""
        stem = self.stem_of(c)
        if not stem:
            return "no"
        piece = self.text([token]).strip().casefold()
        if piece == self.text(c.target_ids).strip().casefold():
            return "no"
        if len(piece) >= len(stem) and piece.startswith(stem):
            return "yes"
        if len(piece) >= 4 and stem.startswith(piece):
            return "maybe"
        return "no"

    def source_text(self, ids: Sequence[int]) -> str:
        """Source text of source ids."""
        return str(self.aligner.sp.DecodeIds([int(i) for i in ids]))

    def piece_of(self, word: str) -> int | None:
        """The single piece that writes ``word`` as a new word, if the vocabulary has one."""
        return self._piece.get(word)

    def plan(self, sentence: str) -> Plan | None:
        """The source ids and terms of a sentence, ``None`` when no term occurs in it."""
        ids, constraints, _ = self.aligner.prepare(sentence)
        if not constraints:
            return None
        sp = self.aligner.sp
        before = [
            str(sp.IdToPiece(ids[c.start - 1])).lstrip("▁").lower() if c.start else "" for c in constraints
        ]
        notes: list[str] = []
        split: list[Constraint] = []
        for c in constraints:
            found = _NOTE.match(self.text(c.target_ids))
            if found is None or "(" in self.source_text(ids[c.start : c.end]):
                notes.append("")
                split.append(c)
                continue
            main, capped = self.aligner.tsp.EncodeAsIds(found.group(1)), ()
            if c.capitalized_ids:
                head = self.text(c.capitalized_ids)
                capped = tuple(self.aligner.tsp.EncodeAsIds(head[: len(found.group(1))]))
            notes.append(found.group(2))
            split.append(replace(c, target_ids=tuple(int(i) for i in main), capitalized_ids=capped))
        return Plan(ids, split, before, notes)

    def decode(self, translator: OnnxTranslator, plans: Sequence[TermPlan]) -> list[list[int]]:
        """Greedy decoding of a batch with the terms forced (see the module docstring)."""
        mine = [p for p in plans if isinstance(p, Plan)]
        if len(mine) != len(plans):
            raise TypeError("plans must come from GlossaryTermPolicy.plan")
        hook = ForcingHook(self, mine)
        extra = [
            np.union1d(
                np.asarray(
                    [t for c in p.constraints for o in c.options for t in o[0] + o[1]], dtype=np.int64
                ),
                self._det_ids,
            )
            for p in mine
        ]
        self._render_terms(translator, mine)
        outs = translator.translate_ids([p.ids for p in mine], hook=hook, extra_candidates=extra)
        return [hook.finish(i, out) for i, out in enumerate(outs)]

    def text(self, ids: Sequence[int]) -> str:
        """Target text of output ids."""
        return self.aligner.decode(ids)


class GlossaryTerms:
    """Builds term policies of stored glossaries; owns its store connection and its aligner cache.

    Args:
        store: the glossary database (default: the user's, opened on first use).
    """

    def __init__(self, store: GlossaryStore | None = None) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._policies: dict[tuple[str, str, str, int], GlossaryTermPolicy] = {}

    def _open(self) -> GlossaryStore:
        with self._lock:
            if self._store is None:
                self._store = GlossaryStore()
            return self._store

    def __call__(self, loaded: LoadedModel, glossary: str) -> GlossaryTermPolicy:
        """The (cached) policy of ``glossary`` for a loaded model.

        Raises:
            GlossaryNotFoundError: no such glossary.
            InputError: the glossary's direction is not the model's.
        """
        store = self._open()
        info = store.get(glossary)
        if (info.source_lang, info.target_lang) != (loaded.info.source, loaded.info.target):
            raise InputError(
                f"The glossary '{info.name}' is for {info.source_lang}->{info.target_lang}, but the translation "
                f"goes from {loaded.info.source} to {loaded.info.target}."
            )
        key = (str(loaded.info.folder), info.name, info.updated_at, info.entry_count)
        with self._lock:
            cached = self._policies.get(key)
        if cached is not None:
            return cached
        entries = [e.entry for e in store.entries(info.name)]
        folder = loaded.info.folder
        target_vocab = folder / "target.spm"
        aligner = TermAligner(
            folder / "source.spm", entries, target_vocab if target_vocab.is_file() else None
        )
        policy = GlossaryTermPolicy(aligner, f"{info.name}\0{info.updated_at}\0{info.entry_count}")
        # the word list the agreement check needs (about 0.8 s to load) comes in while the first batch decodes
        threading.Thread(target=frequencies, name="palavra-pt-words", daemon=True).start()
        with self._lock:
            self._policies = {k: v for k, v in self._policies.items() if k[1] != info.name}
            self._policies[key] = policy
        return policy

    def close(self) -> None:
        """Close the store and forget the policies."""
        with self._lock:
            store, self._store = self._store, None
            self._policies.clear()
        if store is not None:
            store.close()
