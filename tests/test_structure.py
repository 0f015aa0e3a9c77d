"""The loader's direct structurer and the cattrs converter give the same answers.

The loader builds records with :func:`kashmirref.convert.structurer` and turns to the
converter only to explain a refusal; if the two ever disagreed, a row would be loaded
that ``check`` refuses, or refused with no explanation. The property below feeds both
every kind of shipped record, unchanged and with one value replaced, removed or added
anywhere in it.
"""

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st
from json_paths import paths_in

import kashmirref as kr
from kashmirref.convert import converter, structurer, unstructure
from kashmirref.model import RECORD_TYPES

_SHIPPED = kr.load()
_ROWS = {
    RECORD_TYPES[table]: [unstructure(record) for record in records]
    for table, records in _SHIPPED.tables()
}

_CONFUSIONS = [None, True, False, 0, 1, 47.0, "", "ab", "1947-10-26", [], ["a"], [1], {}, {"id": 1}]
"""Values of every JSON type, each the wrong type for most fields."""

_VALUES = st.sampled_from(_CONFUSIONS) | st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["1947-10-26", "2025-05", "india", "state", "direct", "day", "47"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


def _changed(row: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    """A copy of ``row`` with the value at ``path`` replaced, removed, or given a sibling."""
    if not path:
        return value if how == "replace" else row
    head, *rest = path
    copy = dict(row) if isinstance(row, dict) else list(row)
    if rest:
        copy[head] = _changed(row[head], tuple(rest), how, value)
    elif how == "replace":
        copy[head] = value
    elif how == "remove":
        del copy[head]
    elif isinstance(copy, dict):
        copy[f"{head}_extra"] = value
    else:
        copy.append(value)
    return copy


def _outcome(action: Any) -> tuple[bool, Any]:
    try:
        return True, action()
    except Exception:
        return False, None


def _agree(kind: type, row: Any) -> None:
    direct = _outcome(lambda: structurer(kind)(row))
    converted = _outcome(lambda: converter(detailed=False).structure(row, kind))
    assert direct == converted, (kind.__name__, row)


def test_every_field_given_a_value_of_every_type() -> None:
    for kind, rows in _ROWS.items():
        for field in attrs.fields(kind):
            for value in _CONFUSIONS:
                _agree(kind, {**rows[0], field.name: value})


@given(st.data())
def test_structurer_and_converter_agree(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(_ROWS, key=lambda k: k.__name__)), label="kind")
    row = data.draw(st.sampled_from(_ROWS[kind]), label="shipped record")
    how = data.draw(st.sampled_from(["keep", "replace", "remove", "add"]), label="how")
    value = data.draw(_VALUES, label="value")
    path = data.draw(st.sampled_from([*paths_in(row), ()]), label="path")
    changed = row if how == "keep" else _changed(row, path, how, value)
    _agree(kind, changed)


def test_unchanged_rows_build_the_shipped_records() -> None:
    for kind, rows in _ROWS.items():
        for row in rows:
            assert unstructure(structurer(kind)(row)) == row
