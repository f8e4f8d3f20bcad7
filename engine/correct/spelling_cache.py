"""A compact copy of a spelling frequency list, and of the Portuguese accent table, in the cache folder.

pyspellchecker ships its lists as gzipped JSON; decoding the Portuguese one and building its accent table takes
about a second, reading the same data back with :mod:`marshal` a quarter of that. The copy is written the first
time a list is loaded (to a temporary file, then renamed into place, so a crash never leaves half a file) and is
used only while it matches the installed list: its header names the format, pyspellchecker's version and the
list file's size and modification time, and any difference (or any unreadable file) rebuilds it from the
package. Loading from it gives the same dictionaries, entry for entry (``tests/engine/correct/test_spelling.py``).
Numbers computed from a whole list (the level estimate's common-word threshold) are kept the same way.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Bump when what is stored changes.
FORMAT = 1

Frequencies = dict[str, int]
Accents = dict[str, tuple[str, int]]


def _source(language: str) -> tuple[Any, ...] | None:
    """What identifies the installed list: (format, version, size, mtime), or None when it cannot be found."""
    try:
        import spellchecker

        version = metadata.version("pyspellchecker")
        stat = (Path(spellchecker.__file__).parent / "resources" / f"{language}.json.gz").stat()
    except (ImportError, metadata.PackageNotFoundError, OSError):
        return None
    return (FORMAT, version, stat.st_size, stat.st_mtime_ns)


def path(language: str, value: str = "") -> Path:
    """Where the copy of ``language``'s list lives (or a number derived from it, ``value``)."""
    from engine.paths import cache_dir

    return cache_dir(create=False) / f"spelling-{language}{'-' + value if value else ''}.marshal"


def load(language: str) -> tuple[Frequencies, Accents | None] | None:
    """The cached frequencies and accent table of ``language``, or None when there is no valid copy."""
    source = _source(language)
    if source is None:
        return None
    try:
        data = marshal.loads(path(language).read_bytes())
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: rebuilt from the package
        log.info("ignoring the spelling cache of %s: %s", language, exc)
        return None
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == source and isinstance(data[1], dict)):
        return None
    accents = data[2]
    return data[1], accents if isinstance(accents, dict) else None


def load_value(language: str, name: str) -> int | None:
    """A number derived from ``language``'s list (:meth:`SpellingModel.derived`), if cached for this list."""
    source = _source(language)
    if source is None:
        return None
    try:
        data = marshal.loads(path(language, name).read_bytes())
    except FileNotFoundError:
        return None
    except Exception as exc:
        log.info("ignoring the cached %s of %s: %s", name, language, exc)
        return None
    if isinstance(data, tuple) and len(data) == 2 and data[0] == source and isinstance(data[1], int):
        return int(data[1])
    return None


def store_value(language: str, name: str, value: int) -> None:
    """Keep a number derived from ``language``'s list next to it (written atomically)."""
    source = _source(language)
    if source is not None:
        _write(path(language, name), (source, value))


def store(language: str, frequencies: Frequencies, accents: Accents | None) -> None:
    """Write the copy of ``language``'s list atomically; a failure only costs the next start its speed."""
    source = _source(language)
    if source is not None:
        _write(path(language), (source, frequencies, accents))


def _write(target: Path, data: tuple[Any, ...]) -> None:
    try:
        from engine.paths import cache_dir

        cache_dir(create=True)
        handle, temporary = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(data))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as exc:
        log.info("could not write %s: %s", target, exc)
