"""``format=html`` for ``/translate``: the text of an HTML fragment translated, its markup kept.

Text inside ``<script>``, ``<style>``, ``<code>``, ``<pre>`` and ``<kbd>`` is left alone; tags, attributes and
link targets come back unchanged. Each run of text between tags is translated as one text.
"""

from __future__ import annotations

from collections.abc import Sequence

import lxml.html
from lxml import etree

from engine.api import Engine
from engine.cancel import CancelToken

_SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea"})


def translate_html(
    engine: Engine,
    fragments: Sequence[str],
    source: str,
    target: str,
    *,
    model: str | None,
    glossary: str | None,
    cancel: CancelToken | None,
) -> list[str]:
    """Translate each HTML fragment's text, keeping every tag and attribute."""
    out: list[str] = []
    for fragment in fragments:
        if not fragment.strip():
            out.append(fragment)
            continue
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        slots: list[tuple[etree._Element, str]] = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            inside_skip = el.tag in _SKIP or any(a.tag in _SKIP for a in el.iterancestors())
            if not inside_skip and el.text and el.text.strip():
                slots.append((el, "text"))
            if (
                el is not root
                and el.tail
                and el.tail.strip()
                and not any(a.tag in _SKIP for a in el.iterancestors())
            ):
                slots.append((el, "tail"))
        texts = [getattr(el, attr) for el, attr in slots]
        done = engine.translate(texts, source, target, model=model, glossary=glossary, cancel=cancel)
        for (el, attr), original, result in zip(slots, texts, done, strict=True):
            lead = original[: len(original) - len(original.lstrip())]
            trail = original[len(original.rstrip()) :]
            setattr(el, attr, lead + result.text.strip() + trail)
        inner = (root.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in root
        )
        out.append(inner)
    return out
