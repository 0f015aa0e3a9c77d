"""Rebuild the snapshot of the shipped catalogue: ``python -m kashmirref.snapshot``."""

from __future__ import annotations

from kashmirref import snapshot
from kashmirref.io import parse_shipped, shipped_files

__all__ = ["main"]


def main() -> None:
    """Rebuild the snapshot from the shipped TOML files (parsed, never from a snapshot)."""
    files = shipped_files()
    snapshot.write(parse_shipped(), files)
    print(f"wrote {snapshot.SNAPSHOT} from {len(files)} files ({snapshot.fingerprint(files)[:12]})")


if __name__ == "__main__":
    main()
