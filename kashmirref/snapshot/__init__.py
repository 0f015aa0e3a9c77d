"""A pickled snapshot of the shipped catalogue, so that the first ``load()`` is fast.

The TOML files in ``kashmirref/data/`` are the only source anyone edits. This module
writes ``kashmirref/data/catalog.pickle``, the validated :class:`~kashmirref.catalog.Catalog`
built from them, headed by a fingerprint of those files and of the code of every module
the pickled classes come from (:func:`code_modules`, found by module name).
:func:`kashmirref.load` uses the snapshot only when its fingerprint matches the TOML
files on disk and the code, and otherwise
parses the TOML as before, so an edited file is never shadowed by a stale snapshot.
The test suite fails while the committed snapshot is stale; regenerate it with::

    python -m kashmirref.snapshot

(that command is :mod:`kashmirref.snapshot.__main__`, which parses the TOML with
:mod:`kashmirref.io`; this module itself imports only the catalogue, so the loader's
modules import in one direction: ``io`` uses ``snapshot``, never the reverse).

Loading the snapshot skips parsing TOML, importing cattrs and structuring the
records: the first load drops from about 125 ms to under 80 ms (see
``docs/performance.md``). Only this file, shipped inside the package, is unpickled;
files given to ``load(paths=...)`` are only ever read as TOML or JSON.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import pickle
import re
from collections.abc import Sequence
from pathlib import Path

from kashmirref.catalog import Catalog

__all__ = ["SNAPSHOT", "code_modules", "fingerprint", "read", "write"]

_PACKAGE = Path(__file__).resolve().parent.parent

SNAPSHOT = _PACKAGE / "data" / "catalog.pickle"
"""Where the snapshot of the shipped catalogue lives."""

_FORMAT = b"kashmirref-snapshot-3"
_ROOT = "kashmirref.catalog"
"""The module of the pickled object; its classes and those it holds come from its imports."""


def _source(name: str) -> Path | None:
    """The source file of module ``name``, or ``None`` when it is not a module."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


@functools.cache
def code_modules() -> tuple[str, ...]:
    """Every kashmirref module the pickled catalogue's classes come from, by name, sorted.

    That is :data:`_ROOT` and, recursively, every kashmirref module it imports at module
    level (imports inside functions are not needed to unpickle). Named by module, not
    by path, so a module that moves is still found; a change to any of them makes the
    snapshot stale.
    """
    found: set[str] = set()
    todo = [_ROOT]
    while todo:
        name = todo.pop()
        source = _source(name)
        if name in found or source is None:
            continue
        found.add(name)
        text = source.read_text(encoding="utf-8")
        for module, names in _FROM_IMPORT.findall(text):
            parts = names.strip("()").replace("\n", " ").split(",")
            todo += [module, *(f"{module}.{p.split()[0]}" for p in parts if p.strip())]
        todo += _IMPORT.findall(text)
    return tuple(sorted(found))


_FROM_IMPORT = re.compile(r"^from (kashmirref[\w.]*) import (\([^)]*\)|[^\n]*)", re.M)
_IMPORT = re.compile(r"^import (kashmirref[\w.]*)", re.M)
"""Module-level imports of kashmirref modules (lines that start at the first column)."""


def fingerprint(files: Sequence[Path]) -> str:
    """A SHA-256 over the names and bytes of ``files`` and of the pickled classes' code."""
    digest = hashlib.sha256(_FORMAT)
    for name in code_modules():
        source = _source(name)
        assert source is not None  # code_modules keeps modules with a source only
        digest.update(name.encode() + b"\0" + source.read_bytes() + b"\0")
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read(files: Sequence[Path], snapshot: Path | None = None) -> Catalog | None:
    """The snapshot's catalogue if it was made from exactly ``files``, else ``None``.

    The snapshot is three lines (format, fingerprint of the files, SHA-256 of the
    payload) and the pickled payload. The payload is unpickled only when both digests
    match, so a stale, truncated or altered snapshot is never served: any mismatch or
    failure returns ``None`` and the caller parses the TOML files instead. ``snapshot``
    defaults to :data:`SNAPSHOT`.
    """
    try:
        data = (SNAPSHOT if snapshot is None else snapshot).read_bytes()
        magic, recorded, payload_digest, payload = data.split(b"\n", 3)
        if magic != _FORMAT or recorded.decode("ascii") != fingerprint(files):
            return None
        if hashlib.sha256(payload).hexdigest() != payload_digest.decode("ascii"):
            return None
        found = pickle.loads(payload)
    except Exception:
        return None
    return found if isinstance(found, Catalog) else None


def write(catalog: Catalog, files: Sequence[Path], snapshot: Path | None = None) -> None:
    """Write ``catalog`` as the snapshot of ``files`` (to :data:`SNAPSHOT`), atomically."""
    snapshot = SNAPSHOT if snapshot is None else snapshot
    catalog.complete_indexes()  # so that no first query after loading pays for them
    payload = pickle.dumps(catalog, protocol=5)
    header = b"\n".join(
        [_FORMAT, fingerprint(files).encode(), hashlib.sha256(payload).hexdigest().encode()]
    )
    partial = snapshot.with_suffix(".partial")
    partial.write_bytes(header + b"\n" + payload)
    partial.replace(snapshot)
