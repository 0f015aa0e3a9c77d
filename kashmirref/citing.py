"""The catalogue's own version, and how to cite the library and its data.

The code and the data have separate versions. The code's is :data:`kashmirref.__version__`
(``0.1.0``); the data's is :data:`DATA_VERSION`, the date of its release
(``2026.12.02.2``: the third release of 2 December 2026), together with a fingerprint
of the shipped TOML files (:data:`DATA_FINGERPRINT`), so that a citation names exactly
the records used. When the shipped files differ from the
released ones (an edited copy), :func:`data_version` says so.

>>> import kashmirref as kr
>>> str(kr.data_version()) == kr.DATA_VERSION
True
>>> f"data version {kr.DATA_VERSION}" in kr.cite()
True
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import attrs

from kashmirref.errors import InputError

__all__ = [
    "CITE_FORMATS",
    "DATA_FINGERPRINT",
    "DATA_VERSION",
    "TITLE",
    "DataVersion",
    "cite",
    "data_version",
    "fingerprint_of",
]

DATA_VERSION = "2026.12.02.2"
"""The release of the shipped catalogue (distinct from the code's version): ``YYYY.MM.DD``,
with ``.N`` after it for the N-th further release of the same day.

Bump it, and :data:`DATA_FINGERPRINT` with it, whenever a shipped data file changes; the
test suite fails until both are current.
"""

DATA_FINGERPRINT = "e73e3e5319ded086933a7f94def605fa6035b5fd6658014ab849213922ff963a"
"""The SHA-256 fingerprint (:func:`fingerprint_of`) of the TOML files of :data:`DATA_VERSION`."""

TITLE = "kashmirref: who said what, when, on which question in the Jammu and Kashmir question"
"""The title a citation gives."""

AUTHOR = "kashmirref developers"
"""Who a citation names as author."""

CITE_FORMATS = ("text", "bibtex")
"""The formats :func:`cite` writes."""


def fingerprint_of(files: list[Path]) -> str:
    """A SHA-256 over the names and bytes of ``files`` (Windows line ends read as Unix ones)."""
    digest = hashlib.sha256(b"kashmirref-data-1")
    for path in sorted(files, key=lambda p: p.name):
        data = path.read_bytes().replace(b"\r\n", b"\n")
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


@attrs.frozen(kw_only=True)
class DataVersion:
    """The version of a catalogue's data: its release and the fingerprint of its files.

    ``str()`` gives the release (``2026.12.02``) when the files are the released ones,
    and the release with ``+modified.`` and the first 12 digits of the fingerprint when
    they are not.
    """

    release: str
    fingerprint: str

    @property
    def modified(self) -> bool:
        """Whether the files differ from those of the release."""
        return self.fingerprint != DATA_FINGERPRINT

    @property
    def short(self) -> str:
        """The first 12 hexadecimal digits of the fingerprint."""
        return self.fingerprint[:12]

    def __str__(self) -> str:
        """The release, marked when the files are not the released ones."""
        return f"{self.release}+modified.{self.short}" if self.modified else self.release


@functools.cache
def data_version() -> DataVersion:
    """The version of the shipped catalogue: :data:`DATA_VERSION` and its files' fingerprint.

    Reads the shipped TOML files once (a few milliseconds); nothing is parsed.
    """
    from kashmirref.io import shipped_files

    return DataVersion(release=DATA_VERSION, fingerprint=fingerprint_of(shipped_files()))


def _bibtex_text(text: str) -> str:
    """Text for a BibTeX field: braces and TeX specials escaped."""
    for char in "\\{}%&$#_^~":
        text = text.replace(char, "\\" + char)
    return text


def cite(format: str = "text") -> str:
    """How to cite kashmirref: code version and data version, as ``text`` or ``bibtex``.

    Unknown formats raise :class:`~kashmirref.errors.InputError`.
    """
    from kashmirref import __version__

    if format not in CITE_FORMATS:
        raise InputError(f"unknown citation format {format!r}; use one of text, bibtex")
    data = data_version()
    year = data.release[:4]
    data_note = f"data version {data} (SHA-256 {data.short})"
    if format == "text":
        return (
            f"{AUTHOR} ({year}). {TITLE}. Code version {__version__}; {data_note}. "
            "Python package and dataset, MIT licence.\n"
        )
    key = f"kashmirref_{data.release.replace('.', '_')}"
    fields = {
        "author": "{" + _bibtex_text(AUTHOR) + "}",
        "title": "{" + _bibtex_text(TITLE) + "}",
        "year": year,
        "version": _bibtex_text(__version__),
        "note": _bibtex_text(f"Code version {__version__}; {data_note}"),
        "license": "MIT",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@software{{{key},\n{body}\n}}\n"
