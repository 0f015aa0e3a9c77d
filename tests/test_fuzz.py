"""Fuzzing the loader: whatever the document, the only error is the DataError family."""

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from json_paths import paths_in

import kashmirref as kr
from kashmirref import strategies as krst

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
KINDS = st.sampled_from(
    [
        "actor",
        "source",
        "topic",
        "instrument",
        "event",
        "statement",
        "position",
        "no_position",
        "term",
    ]
)


def load_text(text: str | bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        try:
            kr.load([path])
        except kr.DataError as error:
            problems = error.problems
        else:
            return
    assert problems
    assert all(str(p) for p in problems)


@given(st.dictionaries(KINDS, st.lists(JSON, max_size=3), max_size=3))
def test_arbitrary_json_documents(document: dict[str, Any]) -> None:
    load_text(json.dumps(document), ".json")


@given(st.binary(max_size=200))
def test_arbitrary_bytes_as_toml(raw: bytes) -> None:
    load_text(raw, ".toml")


@given(st.text(max_size=200))
def test_arbitrary_text_as_toml_and_json(text: str) -> None:
    load_text(text, ".toml")
    load_text(text, ".json")


@given(krst.catalogs(), st.data())
def test_mutated_valid_documents(catalog: kr.Catalog, data: st.DataObject) -> None:
    document = json.loads(kr.dumps(catalog))
    path = data.draw(st.sampled_from(paths_in(document)))
    *parents, last = path
    target = document
    for step in parents:
        target = target[step]
    if data.draw(st.booleans()) and isinstance(target, dict):
        del target[last]
    else:
        target[last] = data.draw(JSON)
    load_text(json.dumps(document), ".json")
