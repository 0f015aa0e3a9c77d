"""The data version, citations (text, BibTeX) and CITATION.cff name code and data versions."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

import kashmirref as kr
from kashmirref.citing import DATA_FINGERPRINT, fingerprint_of
from kashmirref.cli import main
from kashmirref.io import shipped_files

ROOT = Path(__file__).resolve().parent.parent

# CITATION.cff 1.2.0: the keys the format defines, and those it requires.
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}  # fmt: skip
CFF_REQUIRED = {"authors", "cff-version", "message", "title"}


def release_date(release: str) -> dt.date:
    """The day of a release, ``YYYY.MM.DD`` or ``YYYY.MM.DD.N`` (a further one that day)."""
    return dt.date(*map(int, release.split(".")[:3]))


def test_data_version_matches_the_shipped_files() -> None:
    found = kr.data_version()
    assert found.fingerprint == DATA_FINGERPRINT, (
        "the shipped data changed: bump DATA_VERSION in kashmirref/citing.py and set "
        f"DATA_FINGERPRINT = {found.fingerprint!r}"
    )
    assert str(found) == kr.DATA_VERSION == found.release
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}(\.[1-9]\d*)?", kr.DATA_VERSION)
    release_date(kr.DATA_VERSION)


def test_an_edited_copy_is_marked_modified() -> None:
    edited = kr.DataVersion(release=kr.DATA_VERSION, fingerprint="0" * 64)
    assert edited.modified
    assert str(edited) == f"{kr.DATA_VERSION}+modified.000000000000"
    assert edited.fingerprint != DATA_FINGERPRINT


def test_fingerprint_changes_with_any_byte_or_name_of_the_files(tmp_path: Path) -> None:
    copies = []
    for path in shipped_files():
        copies.append(tmp_path / path.name)
        copies[-1].write_bytes(path.read_bytes())
    assert fingerprint_of(copies) == DATA_FINGERPRINT
    assert fingerprint_of(copies[::-1]) == DATA_FINGERPRINT  # whatever the order given
    edited = copies[0].read_bytes()
    copies[0].write_bytes(edited[:-1] + bytes([edited[-1] ^ 1]))
    assert fingerprint_of(copies) != DATA_FINGERPRINT
    copies[0].write_bytes(edited)
    renamed = copies[0].rename(tmp_path / ("x" + copies[0].name))
    assert fingerprint_of([renamed, *copies[1:]]) != DATA_FINGERPRINT


def test_fingerprint_ignores_line_ends(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(b"x = 1\ny = 2\n")
    unix = fingerprint_of([tmp_path / "a.toml"])
    (tmp_path / "a.toml").write_bytes(b"x = 1\r\ny = 2\r\n")
    assert fingerprint_of([tmp_path / "a.toml"]) == unix


def test_cite_names_code_and_data_versions(capsys: pytest.CaptureFixture[str]) -> None:
    text = kr.cite()
    assert f"Code version {kr.__version__}" in text
    assert f"data version {kr.DATA_VERSION}" in text
    bibtex = kr.cite("bibtex")
    assert bibtex.startswith("@software{kashmirref_")
    assert bibtex.count("{") == bibtex.count("}")
    assert re.search(r"^  version = \{" + re.escape(kr.__version__) + "},$", bibtex, re.M)
    assert f"data version {kr.DATA_VERSION}" in bibtex
    with pytest.raises(kr.InputError):
        kr.cite("ris")
    assert main(["cite"]) == 0
    assert capsys.readouterr().out == text
    assert main(["cite", "--format", "bibtex"]) == 0
    assert capsys.readouterr().out == bibtex


def test_citation_cff_is_valid_and_current() -> None:
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert CFF_REQUIRED <= data.keys() <= CFF_KEYS
    assert data["cff-version"] == "1.2.0"
    assert data["type"] in {"software", "dataset"}
    assert isinstance(data["message"], str) and isinstance(data["title"], str)
    assert data["authors"] and all(
        isinstance(a, dict) and ("name" in a or "family-names" in a) for a in data["authors"]
    )
    assert data["version"] == kr.__version__
    assert dt.date.fromisoformat(data["date-released"]) == release_date(kr.DATA_VERSION)
    assert f"data version {kr.DATA_VERSION}" in data["abstract"]
    assert data["license"] == "MIT"
