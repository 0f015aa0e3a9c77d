"""Export forms read exactly: JSON Lines as written, the zip's entries, nested folders,
and what a wrong request says."""

import re
import zipfile
from pathlib import Path

import pytest

import kashmirref as kr
from kashmirref.export import export, to_csv, to_jsonl


def test_json_lines_keep_non_ascii_text_as_is(catalog: kr.Catalog) -> None:
    text = to_jsonl(catalog)
    assert re.search(r"[^\x00-\x7f]", text) and "\\u" not in text
    assert export(catalog, "jsonl") == text


def test_the_zip_is_the_same_every_time(catalog: kr.Catalog, tmp_path: Path) -> None:
    export(catalog, "csv", tmp_path / "a.zip")
    export(catalog, "csv", tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        entries = archive.infolist()
        assert [e.filename for e in entries] == list(to_csv(catalog))
        assert {e.date_time for e in entries} == {(2026, 1, 1, 0, 0, 0)}
        assert {e.compress_type for e in entries} == {zipfile.ZIP_DEFLATED}
        assert archive.read("actors.csv").decode("utf-8") == to_csv(catalog)["actors.csv"]


def test_a_csv_folder_holds_every_table_and_is_never_made_in_a_missing_folder(
    catalog: kr.Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    assert export(catalog, "csv", folder) == str(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(to_csv(catalog))
    with pytest.raises(FileNotFoundError):  # as for every format: no parents are made
        export(catalog, "csv", tmp_path / "a" / "b" / "csv")
    assert not (tmp_path / "a").exists()


def test_wrong_requests_say_what_to_do(catalog: kr.Catalog) -> None:
    with pytest.raises(kr.InputError) as caught:
        export(catalog, "xml")
    assert str(caught.value) == "unknown format 'xml'; use one of json, jsonl, csv"
    with pytest.raises(kr.InputError) as caught:
        export(catalog, "csv")
    assert str(caught.value) == "CSV is written as a folder or a .zip: give an output path"
