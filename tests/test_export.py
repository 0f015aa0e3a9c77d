"""Flat tables: CSV (folder or zip), JSON Lines; stable columns, UTF-8, atomic files."""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

import kashmirref as kr
from kashmirref.cli import main
from kashmirref.export import TABLES, export, rows, to_csv, to_jsonl


def test_every_table_has_its_columns_in_order(catalog: kr.Catalog) -> None:
    for table in TABLES:
        names = [c.name for c in table.columns]
        assert len(set(names)) == len(names), table.name
        found = list(rows(catalog, table.name))
        for row in found:
            assert list(row) == names
        kind = {"no_positions": catalog.no_positions()}.get(table.name)
        assert found or kind == (), f"{table.name} is empty"


def test_category_columns_hold_only_their_values(catalog: kr.Catalog) -> None:
    for table in TABLES:
        for column in table.columns:
            if column.type != "category":
                continue
            seen = {row[column.name] for row in rows(catalog, table.name)} - {None}
            assert seen <= set(column.values), (table.name, column.name)


def test_statements_table_carries_what_researchers_need(catalog: kr.Catalog) -> None:
    by_id = {row["id"]: row for row in rows(catalog, "statements")}
    for statement in catalog.statements():
        row = by_id[statement.id]
        assert row["date"] == statement.date.isoformat()
        assert row["date_precision"] == statement.date_precision.value
        assert row["date_last_possible"] == statement.last_possible.isoformat()
        assert row["quote"] == statement.text
        assert row["speaker_name"] == catalog.actor(statement.speaker).name
        assert row["source_title"] == catalog.source(statement.citation.source).title


def test_csv_folder_and_zip_agree(catalog: kr.Catalog, tmp_path: Path) -> None:
    tables = to_csv(catalog)
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "all.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        zipped = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "csv").iterdir()}
    assert zipped == on_disk == tables
    positions = list(csv.DictReader(io.StringIO(tables["positions.csv"])))
    assert len(positions) == len(catalog.positions())
    assert {p["valid_from_precision"] for p in positions} <= {"day", "month", "year"}


def test_jsonl_is_one_row_per_line(catalog: kr.Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == to_jsonl(catalog).splitlines()
    parsed = [json.loads(line) for line in lines]
    assert sum(1 for row in parsed if row["table"] == "statements") == len(catalog.statements())


def test_csv_needs_a_path_and_formats_are_checked(
    catalog: kr.Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "csv"]) == 2
    assert "give -o PATH" in capsys.readouterr().err
    with pytest.raises(kr.InputError):
        export(catalog, "xlsx")
    with pytest.raises(kr.InputError):
        next(rows(catalog, "nope"))
