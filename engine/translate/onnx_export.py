"""Export a Bergamot transformer (a dict of float32 Marian weights) to two ONNX graphs, and quantize them to int8.

* ``encoder.onnx``: ``src_emb [B, S, dim]`` (embedded source, see :mod:`engine.translate.embeddings`),
  ``src_mask [B, S] float`` (1 real, 0 padding) ->
  ``mask_bias [B, 1, 1, S]`` and, for each decoder layer n, the cached cross-attention ``keys_n [B, H, dh, S]``
  (already transposed) and ``values_n [B, H, S, dh]``.
* ``decoder.onnx`` (one step): ``dec_in [B, dim]`` (embedded previous token), ``cells_n [B, dim]``, the encoder's
  outputs, ``out_w [dim, V']`` and ``out_b [B, V'] float`` (the shortlisted output matrix and bias, with the
  per-row shortlist mask folded into the bias) -> ``logits [B, V']`` and ``new_cells_n``. ``out_w`` is the int8
  table's rows as stored when the model has activation scales (int8 output layer), float32 otherwise.

The graphs are written directly from the weights (the same weights the PyTorch port holds, so a fine-tuned model
exports the same way), which keeps torch out of the app: conversion runs on the user's machine on first use.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from engine.translate.architecture import Architecture
from engine.translate.marian import FloatArray
from engine.translate.weights import output_matrix_name

OPSET = 17
MASK_VALUE = -99999999.0
LN_EPS = 1e-6


class _Graph:
    """A tiny builder around ``onnx.helper`` that names nodes and shares constants."""

    def __init__(self, weights: dict[str, FloatArray], alphas: dict[str, float] | None) -> None:
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.inits: dict[str, onnx.TensorProto] = {}
        self.alphas = alphas
        self._quantized: dict[str, str] = {}
        self._n = 0

    def name(self, hint: str) -> str:
        self._n += 1
        return f"{hint}_{self._n}"

    def op(self, op_type: str, inputs: list[str], hint: str = "", **attrs: Any) -> str:
        out = self.name(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out

    def const(self, name: str, value: np.ndarray) -> str:
        if name not in self.inits:
            self.inits[name] = numpy_helper.from_array(value, name)
        return name

    def weight_t(self, name: str) -> str:
        """A Marian matrix ``[out, in]`` as a MatMul right operand ``[in, out]``."""
        return self.const(name + ".T", np.ascontiguousarray(self.weights[name].T))

    def vec(self, name: str) -> str:
        return self.const(name, self.weights[name].reshape(-1))

    def linear(self, x: str, w: str, b: str | None) -> str:
        """``x @ W^T + b``: float MatMul, or int8 (static activation scale, int8 weights) when alphas are known."""
        if self.alphas is None:
            y = self.op("MatMul", [x, self.weight_t(w)], w)
            return self.op("Add", [y, self.vec(b)], b) if b else y
        alpha = self.alphas[w + "_QuantMultA"]
        a_q, a_scale, a_zero = self.quantize_activation(x, alpha)
        q_t, w_scale = self.int8_weight_t(w)
        inputs = [a_q, q_t, a_scale, w_scale, a_zero, ""]
        if b:
            inputs.append(self.vec(b))
        return self.op("MatMulIntegerToFloat", inputs if b else inputs[:5], w, domain="com.microsoft")

    def quantize_activation(self, x: str, alpha: float) -> tuple[str, str, str]:
        """Quantize an activation with Marian's static multiplier: ``round(x * alpha)`` shifted to uint8 (+127)."""
        scale = self.const(
            f"act_scale_{alpha!r}", np.asarray(np.float32(1.0) / np.float32(alpha), dtype=np.float32)
        )
        zero = self.const("act_zero_u8", np.asarray(127, dtype=np.uint8))
        key = f"{x}@{alpha!r}"
        if key not in self._quantized:
            self._quantized[key] = self.op("QuantizeLinear", [x, scale, zero], "act_q")
        return self._quantized[key], scale, zero

    def int8_weight_t(self, name: str) -> tuple[str, str]:
        """A Marian matrix as int8 ``[in, out]`` plus its scale (symmetric, per tensor)."""
        w = self.weights[name]
        multiplier = np.float32(127.0) / np.float32(np.abs(w).max())
        inv = np.float32(1.0) / multiplier
        q = np.clip(np.rint(w * multiplier), -127, 127).astype(np.int8)
        q_t = self.const(name + ".int8.T", np.ascontiguousarray(q.T))
        return q_t, self.const(name + ".scale", np.asarray(inv, dtype=np.float32))

    def layer_norm(self, x: str, prefix: str) -> str:
        return self.op(
            "LayerNormalization",
            [x, self.vec(prefix + "_ln_scale"), self.vec(prefix + "_ln_bias")],
            prefix + "_ln",
            axis=-1,
            epsilon=LN_EPS,
        )

    def ffn(self, x: str, prefix: str, arch: Architecture) -> str:
        y = x
        for i in range(1, arch.ffn_depth + 1):
            y = self.linear(y, f"{prefix}_W{i}", f"{prefix}_b{i}")
            if i < arch.ffn_depth:
                if arch.activation == "relu":
                    y = self.op("Relu", [y])
                else:
                    y = self.op("Mul", [y, self.op("Sigmoid", [y])], "swish")
        return self.layer_norm(self.op("Add", [y, x]), prefix + "_ffn")

    def model(
        self, inputs: list[onnx.ValueInfoProto], outputs: list[onnx.ValueInfoProto], name: str
    ) -> onnx.ModelProto:
        graph = helper.make_graph(self.nodes, name, inputs, outputs, list(self.inits.values()))
        opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)]
        model = helper.make_model(graph, opset_imports=opsets, producer_name="palavra")
        model.ir_version = 8
        return model


def _f(name: str, shape: list[Any]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def _i8(name: str, shape: list[Any]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.INT8, shape)


def build_encoder(
    arch: Architecture, weights: dict[str, FloatArray], alphas: dict[str, float] | None = None
) -> onnx.ModelProto:
    """The encoder graph (see the module docstring); int8 (static activation scales ``alphas``) when given."""
    g = _Graph(weights, alphas)
    h, dh, d = arch.heads, arch.head_dim, arch.dim
    split = g.const("shape_heads", np.asarray([0, 0, h, dh], dtype=np.int64))
    merge = g.const("shape_merge", np.asarray([0, 0, d], dtype=np.int64))
    one = g.const("one", np.asarray(1.0, dtype=np.float32))
    x = "src_emb"
    keep = g.op("Sub", [one, "src_mask"])
    bias = g.op("Mul", [keep, g.const("mask_value", np.asarray(MASK_VALUE, dtype=np.float32))])
    mask_bias = g.op("Unsqueeze", [bias, g.const("axes12", np.asarray([1, 2], dtype=np.int64))])
    g.nodes.append(helper.make_node("Identity", [mask_bias], ["mask_bias"], name="mask_bias_out"))
    inv_sqrt = g.const("inv_sqrt_dh", np.asarray(1.0 / math.sqrt(dh), dtype=np.float32))
    for n in range(1, arch.enc_depth + 1):
        p = f"encoder_l{n}_self"
        q = g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, p + "_Wq", p + "_bq"), split])], perm=[0, 2, 1, 3]
        )
        k = g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, p + "_Wk", p + "_bk"), split])], perm=[0, 2, 3, 1]
        )
        v = g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, p + "_Wv", p + "_bv"), split])], perm=[0, 2, 1, 3]
        )
        z = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), inv_sqrt]), "mask_bias"])
        o = g.op("MatMul", [g.op("Softmax", [z], axis=-1), v])
        o = g.op("Reshape", [g.op("Transpose", [o], perm=[0, 2, 1, 3]), merge])
        x = g.layer_norm(g.op("Add", [g.linear(o, p + "_Wo", p + "_bo"), x]), p + "_Wo")
        x = g.ffn(x, f"encoder_l{n}_ffn", arch)
    outputs = [_f("mask_bias", ["B", 1, 1, "S"])]
    for n in range(1, arch.dec_depth + 1):
        p = f"decoder_l{n}_context"
        k = g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, p + "_Wk", p + "_bk"), split])], perm=[0, 2, 3, 1]
        )
        v = g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, p + "_Wv", p + "_bv"), split])], perm=[0, 2, 1, 3]
        )
        g.nodes.append(helper.make_node("Identity", [k], [f"keys_{n}"], name=f"keys_{n}_out"))
        g.nodes.append(helper.make_node("Identity", [v], [f"values_{n}"], name=f"values_{n}_out"))
        outputs += [_f(f"keys_{n}", ["B", h, dh, "S"]), _f(f"values_{n}", ["B", h, "S", dh])]
    inputs = [_f("src_emb", ["B", "S", d]), _f("src_mask", ["B", "S"])]
    return g.model(inputs, outputs, "palavra_encoder")


def build_decoder(
    arch: Architecture, weights: dict[str, FloatArray], alphas: dict[str, float] | None = None
) -> onnx.ModelProto:
    """The one-step decoder graph (see the module docstring); int8 (static activation scales) when given."""
    g = _Graph(weights, alphas)
    h, dh, d = arch.heads, arch.head_dim, arch.dim
    one = g.const("one", np.asarray(1.0, dtype=np.float32))
    x = "dec_in"
    q_shape = g.const("shape_q", np.asarray([-1, h, 1, dh], dtype=np.int64))
    merge = g.const("shape_merge", np.asarray([-1, d], dtype=np.int64))
    inv_sqrt = g.const("inv_sqrt_dh", np.asarray(1.0 / math.sqrt(dh), dtype=np.float32))
    inputs = [_f("dec_in", ["B", d])]
    outputs = [_f("logits", ["B", "V"])]
    for n in range(1, arch.dec_depth + 1):
        p = f"decoder_l{n}_rnn"
        u = g.linear(x, p + "_W", None)
        f = g.op("Sigmoid", [g.linear(x, p + "_Wf", p + "_bf")])
        c = g.op("Add", [g.op("Mul", [f, f"cells_{n}"]), g.op("Mul", [g.op("Sub", [one, f]), u])])
        g.nodes.append(helper.make_node("Identity", [c], [f"new_cells_{n}"], name=f"new_cells_{n}_out"))
        x = g.layer_norm(g.op("Add", [g.op("Relu", [c]), x]), p + "_ffn")
        p = f"decoder_l{n}_context"
        q = g.op("Reshape", [g.linear(x, p + "_Wq", p + "_bq"), q_shape])  # [B, H, 1, dh]
        z = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, f"keys_{n}"]), inv_sqrt]), "mask_bias"])
        probs = g.op("Softmax", [z], axis=-1)  # [B, H, 1, S]
        o = g.op("Reshape", [g.op("MatMul", [probs, f"values_{n}"]), merge])
        if n == arch.dec_depth:  # head-averaged attention of the last layer, for term-constrained decoding
            attn = g.op("ReduceMean", [probs], axes=[1, 2], keepdims=0)
            g.nodes.append(helper.make_node("Identity", [attn], ["attention"], name="attention_out"))
        x = g.layer_norm(g.op("Add", [g.linear(o, p + "_Wo", p + "_bo"), x]), p + "_Wo")
        x = g.ffn(x, f"decoder_l{n}_ffn", arch)
        inputs += [_f(f"cells_{n}", ["B", d])]
        outputs += [_f(f"new_cells_{n}", ["B", d])]
    inputs.append(_f("mask_bias", ["B", 1, 1, "S"]))
    for n in range(1, arch.dec_depth + 1):
        inputs += [_f(f"keys_{n}", ["B", h, dh, "S"]), _f(f"values_{n}", ["B", h, "S", dh])]
    if alphas is not None and "Wemb_QuantMultA" in alphas:
        # The int8 output layer, as Marian computes it: the activation quantized with the model's own scale, the
        # shortlisted rows of the int8 output table (``out_w`` int8, straight from the embeddings file), integer
        # products scaled once. The same values as the float product of the dequantized operands up to float
        # rounding, in a quarter of the time (the output layer was 60 % of a decoder step).
        inputs += [_i8("out_w", [d, "V"]), _f("out_b", ["B", "V"])]
        a_q, a_scale, a_zero = g.quantize_activation(x, alphas["Wemb_QuantMultA"])
        table = weights[output_matrix_name(weights)]
        multiplier = np.float32(127.0) / np.float32(np.abs(table).max())  # as Embeddings' Table.from_float
        w_scale = g.const("out_w.scale", np.asarray(np.float32(1.0) / multiplier, dtype=np.float32))
        y = g.op(
            "MatMulIntegerToFloat", [a_q, "out_w", a_scale, w_scale, a_zero], "out", domain="com.microsoft"
        )
        logits = g.op("Add", [y, "out_b"])
    else:
        inputs += [_f("out_w", [d, "V"]), _f("out_b", ["B", "V"])]
        logits = g.op("Add", [g.op("MatMul", [x, "out_w"]), "out_b"])
    g.nodes.append(helper.make_node("Identity", [logits], ["logits"], name="logits_out"))
    outputs.append(_f("attention", ["B", "S"]))
    return g.model(inputs, outputs, "palavra_decoder")


def quantize(src: Path, dst: Path) -> None:
    """Dynamic int8 quantization of every weight MatMul (symmetric per-tensor int8 weights, uint8 activations).

    Bergamot weights are int8 with one scale per matrix, so symmetric per-tensor quantization gives back exactly the
    shipped int8 values; only activations are quantized at run time.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        src,
        dst,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        per_channel=False,
        extra_options={"MatMulConstBOnly": True},
    )


def save(model: onnx.ModelProto, path: Path) -> None:
    """Check and write a model."""
    onnx.checker.check_model(model)
    onnx.save(model, path)
