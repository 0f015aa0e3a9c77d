"""`kr.to_frames()`: the flat tables as pandas DataFrames, one dtype per column type."""

import contextlib
import doctest
import io
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import kashmirref as kr
from kashmirref import frames as frames_module
from kashmirref.export import TABLES, rows, typed_rows

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return kr.to_frames()


def test_one_frame_per_table_with_the_export_columns_and_rows(
    catalog: kr.Catalog, frames: dict[str, pd.DataFrame]
) -> None:
    assert list(frames) == [table.name for table in TABLES]
    for table in TABLES:
        frame = frames[table.name]
        assert list(frame.columns) == [column.name for column in table.columns]
        assert len(frame) == sum(1 for _ in rows(catalog, table.name)), table.name
        assert isinstance(frame.index, pd.RangeIndex)


def test_each_column_type_has_its_dtype(frames: dict[str, pd.DataFrame]) -> None:
    for table in TABLES:
        for column in table.columns:
            series = frames[table.name][column.name]
            where = f"{table.name}.{column.name}"
            if column.type == "string":
                assert isinstance(series.dtype, pd.StringDtype), where
                assert series.dtype.na_value is pd.NA, where
            elif column.type == "date":
                assert series.dtype == "datetime64[s]", where
            elif column.type == "category":
                assert isinstance(series.dtype, pd.CategoricalDtype), where
                assert list(series.cat.categories) == list(column.values), where
            elif column.type == "integer":
                assert series.dtype == "Int64", where
            elif column.type == "boolean":
                assert series.dtype == "boolean", where
            else:
                assert column.type == "list", where
                assert series.dtype == object, where
                assert all(isinstance(cell, tuple) for cell in series), where


def test_categorical_values_are_allowed_values(frames: dict[str, pd.DataFrame]) -> None:
    for table in TABLES:
        for column in table.columns:
            if column.type != "category":
                continue
            series = frames[table.name][column.name]
            assert set(series.dropna().astype(str)) <= set(column.values)
            # nothing was lost to NaN: a missing cell was missing in the export too
            exported = [row[column.name] for row in rows(kr.load(), table.name)]
            assert series.isna().sum() == exported.count(None)


def test_cells_are_the_exported_values(
    catalog: kr.Catalog, frames: dict[str, pd.DataFrame]
) -> None:
    statements = frames["statements"]
    first = next(rows(catalog, "statements"))
    assert statements.loc[0, "id"] == first["id"]
    date, topics = statements["date"].iloc[0], statements["topics"].iloc[0]
    assert isinstance(date, pd.Timestamp)
    assert date.strftime("%Y-%m-%d") == first["date"]
    assert isinstance(topics, tuple)
    assert list(topics) == first["topics"]
    positions = frames["positions"]
    typed = list(typed_rows(catalog, "positions"))
    assert positions["valid_to"].isna().sum() == sum(r["valid_to"] is None for r in typed)
    assert positions["valid_to_precision"].isna().sum() == positions["valid_to"].isna().sum()
    assert positions["stance_rank"].tolist() == [r["stance_rank"] for r in typed]


def test_a_catalogue_of_your_own_and_empty_tables(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[actor]]\nid = "x"\nname = "X"\nkind = "state"\n', encoding="utf-8")
    frames = kr.to_frames(kr.load(path, include_shipped=False))
    assert frames["actors"]["id"].tolist() == ["x"]
    assert frames["actors"]["aliases"].tolist() == [()]
    assert len(frames["statements"]) == 0
    assert frames["statements"]["date"].dtype == "datetime64[s]"
    assert isinstance(frames["statements"]["form"].dtype, pd.CategoricalDtype)


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(kr.MissingExtraError, match=re.escape("pip install 'kashmirref[frames]'")):
        kr.to_frames()
    with pytest.raises(kr.MissingExtraError) as caught:
        kr.to_frames()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, kr.InputError)
    assert (caught.value.extra, caught.value.name) == ("frames", "pandas")


def test_the_module_docstring_example_runs() -> None:
    assert doctest.testmod(frames_module).failed == 0


def test_the_page_examples_print_what_the_page_shows() -> None:
    page = (DOCS / "frames.md").read_text(encoding="utf-8")
    codes = re.findall(r"```python\n(.*?)```", page, re.S)
    shown = re.findall(r"```text\n(.*?)```", page, re.S)
    assert len(codes) == len(shown) == 3
    for code, text in zip(codes, shown, strict=True):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "<frames>", "exec"), {"__name__": "docs_example"})
        assert printed.getvalue() == text
