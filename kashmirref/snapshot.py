"""A pickled snapshot of the shipped catalogue, so that the first ``load()`` is fast.

The TOML files in ``kashmirref/data/`` are the only source anyone edits. This module
writes ``kashmirref/data/catalog.pickle``, the validated :class:`~kashmirref.catalog.Catalog`
built from them, headed by a fingerprint of those files. :func:`kashmirref.load` uses
the snapshot only when its fingerprint matches the TOML files on disk, and otherwise
parses the TOML as before, so an edited file is never shadowed by a stale snapshot.
The test suite fails while the committed snapshot is stale; regenerate it with::

    python -m kashmirref.snapshot

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

SNAPSHOT = Path(__file__).with_name("data") / "catalog.pickle"
"""Where the snapshot of the shipped catalogue lives."""

_FORMAT = b"kashmirref-snapshot-1"


def fingerprint(files: Sequence[Path]) -> str:
    """A SHA-256 over the names and bytes of ``files``, in the order given."""
    digest = hashlib.sha256(_FORMAT)
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read(files: Sequence[Path], snapshot: Path = SNAPSHOT) -> Catalog | None:
    """The snapshot's catalogue if it was made from exactly ``files``, else ``None``."""
    try:
        with snapshot.open("rb") as handle:
            if pickle.load(handle) != fingerprint(files):
                return None
            found = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None  # missing, truncated, or written by an incompatible version
    return found if isinstance(found, Catalog) else None


def write(catalog: Catalog, files: Sequence[Path], snapshot: Path = SNAPSHOT) -> None:
    """Write ``catalog`` as the snapshot of ``files``."""
    with snapshot.open("wb") as handle:
        pickle.dump(fingerprint(files), handle, protocol=5)
        pickle.dump(catalog, handle, protocol=5)


def main() -> None:
    """Rebuild the snapshot from the shipped TOML files (parsed, never from a snapshot)."""
    from kashmirref.io import parse_shipped, shipped_files

    files = shipped_files()
    write(parse_shipped(), files)
    print(f"wrote {SNAPSHOT} from {len(files)} files ({fingerprint(files)[:12]})")


if __name__ == "__main__":
    main()
