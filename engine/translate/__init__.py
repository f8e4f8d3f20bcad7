"""Translation: Firefox Translations (Bergamot) Marian models, ported to PyTorch, run as ONNX int8."""
