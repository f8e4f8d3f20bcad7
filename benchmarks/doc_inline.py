"""Inline formatting on translated words: how often a formatted source word's formatting lands on its translation.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/doc_inline.py                # Tatoeba + TICO-19, both directions
    PYTHONPATH=$PWD .venv/bin/python benchmarks/doc_inline.py --limit 200    # a quick run

For each evaluation sentence (../shared/data; not copied) and each of its words found in a small bilingual lexicon
written here, the word is formatted (one span, as a bold word in a Word paragraph), the sentence is translated
through the document path's translator, and the span is projected onto the translation with the model's
alignment (engine.documents.align + engine.documents.inline, what the document path does). A sample counts when
the translation holds exactly one of the lexicon's renderings of the word (otherwise the right target word is not
known and the sample is skipped, and counted as such); a two-word span ("World Health") expects its two renderings
and the words between them ("Mundial da Saúde"). "exact": the formatting lands on exactly those words;
"covers": on that word plus at most one neighbour (an article, a contraction). Also shown: the same with the
positional fallback (no alignment), as a baseline.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mt_common import require_data, tatoeba, tico_dev

# en word -> Portuguese renderings (lower case). Nouns, verbs, adjectives common in the test sets.
LEXICON_EN_PT = {
    "cat": "gato gata gatos gatas", "dog": "cão cachorro cães cachorros cadela", "house": "casa casas",
    "book": "livro livros", "books": "livros", "car": "carro carros", "water": "água", "money": "dinheiro",
    "school": "escola escolas", "friend": "amigo amiga", "friends": "amigos amigas", "mother": "mãe",
    "father": "pai", "brother": "irmão", "sister": "irmã", "city": "cidade", "country": "país",
    "door": "porta", "window": "janela", "table": "mesa", "room": "quarto sala", "tree": "árvore",
    "river": "rio", "sea": "mar", "sun": "sol", "moon": "lua", "night": "noite", "morning": "manhã",
    "day": "dia", "week": "semana", "year": "ano", "years": "anos", "time": "tempo vez hora", "work": "trabalho trabalhar",
    "job": "emprego trabalho", "letter": "carta", "music": "música", "song": "música canção", "food": "comida",
    "bread": "pão", "milk": "leite", "coffee": "café", "tea": "chá", "wine": "vinho", "beer": "cerveja",
    "apple": "maçã", "egg": "ovo", "fish": "peixe", "bird": "pássaro ave", "horse": "cavalo",
    "king": "rei", "queen": "rainha", "doctor": "médico médica doutor", "teacher": "professor professora",
    "student": "aluno aluna estudante", "children": "crianças filhos", "child": "criança filho",
    "woman": "mulher", "man": "homem", "people": "pessoas", "family": "família", "language": "língua idioma",
    "question": "pergunta questão", "answer": "resposta", "problem": "problema", "name": "nome",
    "story": "história", "game": "jogo", "train": "trem comboio", "bus": "ônibus autocarro", "road": "estrada",
    "street": "rua", "garden": "jardim", "party": "festa", "phone": "telefone", "computer": "computador",
    "picture": "foto imagem quadro", "movie": "filme", "film": "filme", "key": "chave", "box": "caixa",
    "shoes": "sapatos", "hat": "chapéu", "dress": "vestido", "bed": "cama", "hospital": "hospital",
    "virus": "vírus", "disease": "doença", "patients": "pacientes", "health": "saúde", "symptoms": "sintomas",
    "vaccine": "vacina", "hands": "mãos", "government": "governo", "world": "mundo", "war": "guerra",
    "red": "vermelho vermelha vermelhos vermelhas", "black": "preto preta pretos pretas negro negra",
    "white": "branco branca brancos brancas", "green": "verde verdes", "blue": "azul azuis",
    "big": "grande grandes", "small": "pequeno pequena pequenos pequenas", "new": "novo nova novos novas",
    "old": "velho velha velhos velhas antigo antiga", "beautiful": "bonito bonita lindo linda belo bela",
    "happy": "feliz felizes", "sad": "triste tristes", "tired": "cansado cansada cansados cansadas",
    "hungry": "fome faminto", "cold": "frio fria", "hot": "quente", "easy": "fácil", "difficult": "difícil",
    "important": "importante", "expensive": "caro cara caros caras", "cheap": "barato barata",
    "rich": "rico rica ricos", "poor": "pobre pobres", "young": "jovem jovens novo nova",
    "eat": "comer come como", "drink": "beber bebe bebo", "sleep": "dormir dorme durmo", "read": "ler leu lê",
    "write": "escrever escreve escrevo", "speak": "falar fala falo", "buy": "comprar compra compro comprou",
    "sell": "vender vende", "open": "abrir abre aberta aberto", "close": "fechar fecha", "help": "ajuda ajudar",
    "love": "amo ama amor amar", "understand": "entendo entende entender compreender", "run": "correr corre",
    "swim": "nadar nada", "sing": "cantar canta", "dance": "dançar dança", "play": "jogar tocar brincar",
    "wash": "lavar lave lava", "wait": "esperar espere espera", "forget": "esquecer esqueça esqueci",
    "yesterday": "ontem", "tomorrow": "amanhã", "today": "hoje", "always": "sempre", "never": "nunca",
    "often": "frequentemente", "here": "aqui", "there": "lá ali", "quickly": "rapidamente depressa",
}  # fmt: skip


def lexicon(direction: str) -> dict[str, set[str]]:
    """Source word -> acceptable target words (pt-en: the English words each Portuguese form renders)."""
    en_pt = {k: set(v.split()) for k, v in LEXICON_EN_PT.items()}
    if direction == "en-pt":
        return en_pt
    pt_en: dict[str, set[str]] = {}
    for en, pts in en_pt.items():
        for pt in pts:
            pt_en.setdefault(pt, set()).add(en)
    return pt_en


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_UNIT = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]+")


def samples(sentences: list[str], lex: dict[str, set[str]]) -> list[tuple[str, int, int, list[set[str]]]]:
    """(sentence, span start, span end, acceptable target words of each word of the span): each lexicon word of
    each sentence, and each pair of adjacent lexicon words ("red car") as a two-word span."""
    out = []
    for s in sentences:
        words = list(_WORD.finditer(s))
        for k, m in enumerate(words):
            if m.group(0).lower() in lex:
                out.append((s, m.start(), m.end(), [lex[m.group(0).lower()]]))
                n = words[k + 1] if k + 1 < len(words) else None
                if n is not None and n.group(0).lower() in lex and s[m.end() : n.start()] == " ":
                    out.append((s, m.start(), n.end(), [lex[m.group(0).lower()], lex[n.group(0).lower()]]))
    return out


def measure(direction: str, sentences: list[str]) -> dict[str, float]:
    from engine.api import Engine
    from engine.documents.inline import Span, project

    source, target = direction.split("-")
    eng = Engine()
    lex = lexicon(direction)
    todo = samples(sentences, lex)
    unique = list(dict.fromkeys(s for s, *_ in todo))
    started = time.perf_counter()
    translated = dict(zip(unique, (t.text for t in eng.translate(unique, source, target)), strict=True))
    t_translate = time.perf_counter() - started
    align = eng.document_aligner(source, target)
    started = time.perf_counter()
    links = dict(zip(unique, align([(s, translated[s]) for s in unique]), strict=True))
    t_align = time.perf_counter() - started
    counted = skipped = exact = covers = exact_pos = 0
    phrases = exact_phrases = 0
    for s, a, b, word_sets in todo:
        tgt = translated[s]
        units = [(m.group(0).lower(), m.span()) for m in _UNIT.finditer(tgt)]
        found = [[k for k, (u, _) in enumerate(units) if u in words] for words in word_sets]
        if any(len(f) != 1 for f in found) or len({f[0] for f in found}) != len(found):
            skipped += 1
            continue
        # the words of the span's renderings and every word between them ("Organização Mundial da Saúde")
        expected = set(range(min(f[0] for f in found), max(f[0] for f in found) + 1))
        counted += 1
        spans = [Span(0, a, 0), Span(a, b, 1), Span(b, len(s), 0)]
        spans = [x for x in spans if x.end > x.start]
        for name, got in (("align", project(s, spans, tgt, links[s])), ("pos", project(s, spans, tgt, None))):
            marked = {
                k
                for k, (_, (us, ue)) in enumerate(units)
                if any(x.mark == 1 and x.start <= us and ue <= x.end for x in got)
            }
            if name == "align":
                exact += marked == expected
                covers += expected <= marked and len(marked) <= len(expected) + 1
                if len(expected) > 1:
                    phrases += 1
                    exact_phrases += marked == expected
            else:
                exact_pos += marked == expected
    return {
        "spans": counted,
        "phrases": phrases,
        "exact_phrases": 100 * exact_phrases / max(phrases, 1),
        "skipped": skipped,
        "exact": 100 * exact / max(counted, 1),
        "covers": 100 * covers / max(counted, 1),
        "positional": 100 * exact_pos / max(counted, 1),
        "translate_s": t_translate,
        "align_s": t_align,
        "sentences": len(unique),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=600, help="sentences per set and direction")
    args = ap.parse_args()
    require_data()
    en_t, pt_t = tatoeba(args.limit)
    en_c, pt_c = tico_dev(args.limit)
    rows = []
    for direction, name, sents in (
        ("en-pt", "Tatoeba", en_t),
        ("en-pt", "TICO-19", en_c),
        ("pt-en", "Tatoeba", pt_t),
        ("pt-en", "TICO-19", pt_c),
    ):
        r = measure(direction, sents)
        rows.append((direction, name, r))
    print(
        f"{'pair':6} {'set':8} {'spans':>6} {'skipped':>8} {'exact %':>8} {'covers %':>9} {'2-word':>7} "
        f"{'2-word exact %':>15} {'positional %':>13} {'align s':>8} {'translate s':>12}"
    )
    for direction, name, r in rows:
        print(
            f"{direction:6} {name:8} {r['spans']:>6.0f} {r['skipped']:>8.0f} {r['exact']:>8.1f} {r['covers']:>9.1f} "
            f"{r['phrases']:>7.0f} {r['exact_phrases']:>15.1f} {r['positional']:>13.1f} {r['align_s']:>8.1f} "
            f"{r['translate_s']:>12.1f}"
        )
    total = sum(r["spans"] for *_, r in rows)
    exact = sum(r["exact"] * r["spans"] for *_, r in rows) / max(total, 1)
    covers = sum(r["covers"] * r["spans"] for *_, r in rows) / max(total, 1)
    print(f"all: {total:.0f} spans, exact {exact:.1f} %, covers {covers:.1f} %")


if __name__ == "__main__":
    main()
