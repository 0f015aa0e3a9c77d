"""A pickled snapshot of the shipped catalogue, so that the first ``load()`` is fast.

The TOML files in ``kashmirref/data/`` are the only source anyone edits. This module
writes ``kashmirref/data/catalog.pickle``, the validated :class:`~kashmirref.catalog.Catalog`
built from them, headed by a fingerprint of those files. :func:`kashmirref.load` uses
the snapshot only when its fingerprint matches the TOML files on disk, and otherwise
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

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

from kashmirref.catalog import Catalog

__all__ = ["SNAPSHOT", "fingerprint", "read", "write"]

_PACKAGE = Path(__file__).resolve().parent.parent

SNAPSHOT = _PACKAGE / "data" / "catalog.pickle"
"""Where the snapshot of the shipped catalogue lives."""

_FORMAT = b"kashmirref-snapshot-2"
_CODE = ("model.py", "catalog.py")
"""Modules whose classes are pickled: a change to either makes a snapshot stale."""


def fingerprint(files: Sequence[Path]) -> str:
    """A SHA-256 over the names and bytes of ``files`` and of the pickled classes' code."""
    digest = hashlib.sha256(_FORMAT)
    code = [_PACKAGE / name for name in _CODE]
    for path in (*code, *files):
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
    payload = pickle.dumps(catalog, protocol=5)
    header = b"\n".join(
        [_FORMAT, fingerprint(files).encode(), hashlib.sha256(payload).hexdigest().encode()]
    )
    partial = snapshot.with_suffix(".partial")
    partial.write_bytes(header + b"\n" + payload)
    partial.replace(snapshot)
