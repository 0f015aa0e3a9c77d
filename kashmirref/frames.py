"""The flat tables as pandas DataFrames, with a dtype for each column type.

:func:`to_frames` makes one :class:`pandas.DataFrame` per table of
:data:`kashmirref.export.TABLES`, from the same rows the CSV and JSON Lines exports are
written from (:func:`kashmirref.export.typed_rows`): the same tables, the same columns
in the same order, the same rows. Each column type of the codebook has one dtype:

| codebook type | dtype | missing value |
|---|---|---|
| `string` | `string` (pandas' `StringDtype`) | `<NA>` |
| `date` | `datetime64[s]`, at midnight (the `..._precision` column beside it) | `NaT` |
| `category` | `category`: the column's allowed values, in the codebook's order | `NaN` |
| `integer` | `Int64` (nullable) | `<NA>` |
| `boolean` | `boolean` (nullable) | `<NA>` |
| `list` | `object`: each cell a **tuple** of text, `()` when it lists none | never |

pandas is imported only when :func:`to_frames` is called; it comes with the ``frames``
extra (``pip install 'kashmirref[frames]'``, which also installs DuckDB). Without it
:func:`to_frames` raises :class:`~kashmirref.errors.MissingExtraError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kashmirref.catalog import Catalog
from kashmirref.errors import MissingExtraError
from kashmirref.export import TABLES, Column, typed_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATE_DTYPE", "DTYPES", "to_frames"]

DATE_DTYPE = "datetime64[s]"
"""The dtype of ``date`` columns: seconds, so that any year of a date fits."""

DTYPES: dict[str, str] = {
    "string": "string",
    "date": DATE_DTYPE,
    "category": "category",
    "integer": "Int64",
    "boolean": "boolean",
    "list": "object",
}
"""The dtype of each column type of :data:`kashmirref.export.TABLES`, by its name."""


def _series(column: Column, values: Sequence[object]) -> pd.Series:
    import numpy as np
    import pandas

    if column.type == "date":
        days = np.array(
            [v if isinstance(v, dt.date) else "NaT" for v in values], dtype="datetime64[D]"
        )
        return pandas.Series(days.astype(DATE_DTYPE), name=column.name)
    if column.type == "category":
        unknown = {v for v in values if v is not None} - set(column.values)
        if unknown:  # the export's own definition and its records disagree: a bug here
            raise AssertionError(f"{column.name}: values {sorted(map(str, unknown))} not allowed")
        kind = pandas.CategoricalDtype(categories=list(column.values))
        return pandas.Series(values, dtype=kind, name=column.name)
    if column.type == "list":
        cells = np.empty(len(values), dtype=object)
        for i, value in enumerate(values):
            cells[i] = tuple(value) if isinstance(value, tuple | list) else ()
        return pandas.Series(cells, dtype=object, name=column.name)
    return pandas.Series(values, dtype=DTYPES[column.type], name=column.name)


def to_frames(catalog: Catalog | None = None) -> dict[str, pd.DataFrame]:
    """Every flat table as a pandas DataFrame, by table name, in export order.

    ``catalog`` defaults to the shipped catalogue (:func:`kashmirref.load`). The tables,
    columns and rows are those of :data:`kashmirref.export.TABLES`, each column with the
    dtype of its type (see the module's table); the index is a plain range, and ids are
    ordinary columns, so that frames join on them as the CSV files do.

    >>> import kashmirref as kr
    >>> statements = kr.to_frames().get("statements")
    >>> str(statements.date.dtype), str(statements.form.dtype)
    ('datetime64[s]', 'category')

    Raises :class:`~kashmirref.errors.MissingExtraError` (an ``ImportError``) when
    pandas is not installed.
    """
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "frames", "kashmirref.to_frames()") from None
    if catalog is None:
        from kashmirref.io import load

        catalog = load()
    frames: dict[str, pandas.DataFrame] = {}
    for spec in TABLES:
        found = list(typed_rows(catalog, spec.name))
        frames[spec.name] = pandas.DataFrame(
            {
                column.name: _series(column, [row[column.name] for row in found])
                for column in spec.columns
            }
        )
    return frames
