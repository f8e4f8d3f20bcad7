"""Zip containers (OpenDocument, PowerPoint, EPUB): XML parts read with lxml, written back into a copy of the
container with every other member byte for byte, in the same order, with the same compression (an EPUB's and an
OpenDocument's ``mimetype`` stays first and stored)."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.documents.core import DocumentError


def open_zip(path: Path, what: str) -> zipfile.ZipFile:
    """Open a container, or say that the file is not one."""
    if not zipfile.is_zipfile(path):
        raise DocumentError(f"'{path.name}' is not a valid {what} (it may be damaged or renamed).")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError(
            f"'{path.name}' is not a valid {what} (it may be damaged).", detail=repr(exc)
        ) from exc


def parse_member(z: zipfile.ZipFile, name: str, path: Path, what: str) -> Any:
    """Parse one XML member (no entity expansion, no network)."""
    from lxml import etree

    try:
        data = z.read(name)
        return etree.fromstring(
            data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        )
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as exc:
        raise DocumentError(
            f"'{path.name}' is not a valid {what} (its part {name} cannot be read).", detail=repr(exc)
        ) from exc


def serialize(root: Any) -> bytes:
    """An XML part as bytes, with its declaration."""
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def rewrite(source: Path, out: Path, replaced: Mapping[str, bytes]) -> None:
    """Copy ``source`` to ``out`` with the members in ``replaced`` given new content."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = replaced.get(info.filename)
            zout.writestr(info, data if data is not None else zin.read(info.filename))
