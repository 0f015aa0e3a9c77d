"""The JSON Schema of data files: generated from the model, the shipped data validates."""

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import kashmirref as kr
from kashmirref.cli import main
from kashmirref.io import shipped_files
from kashmirref.model import RECORD_TYPES


def _plain(value: Any) -> Any:
    """Parsed TOML as JSON data (dates as text), as an editor's schema check sees it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    found = kr.schema()
    jsonschema.Draft202012Validator.check_schema(found)
    return jsonschema.Draft202012Validator(found, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: p.name)
def test_shipped_data_validates(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    document = _plain(tomllib.loads(path.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(document)] == []


def test_the_export_validates_and_loads_with_its_schema_key(
    catalog: kr.Catalog, validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    document = {"$schema": "kashmirref.schema.json", **json.loads(catalog.to_json())}
    assert [e.message for e in validator.iter_errors(document)] == []
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert kr.load(path, include_shipped=False) == catalog


def test_every_kind_and_field_of_the_model_is_in_the_schema() -> None:
    import attrs

    found = kr.schema()
    for kind, cls in RECORD_TYPES.items():
        assert found["properties"][kind]["items"] == {"$ref": f"#/$defs/{cls.__name__}"}
        definition = found["$defs"][cls.__name__]
        assert list(definition["properties"]) == [f.name for f in attrs.fields(cls)]
        assert definition["additionalProperties"] is False


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ({"id": "x", "name": "X", "kind": "state", "colour": "red"}, "Additional properties"),
        ({"id": "x", "name": "X", "kind": "empire"}, "is not one of"),
        ({"id": "Not A Slug", "name": "X", "kind": "state"}, "does not match"),
        ({"id": "x", "kind": "state"}, "'name' is a required property"),
        ({"id": "x", "name": "X", "kind": "state", "aliases": "X"}, "is not of type 'array'"),
        ({"id": "x", "name": "two\nlines", "kind": "state"}, "does not match"),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(
    record: dict[str, Any],
    fragment: str,
    validator: jsonschema.Draft202012Validator,
    tmp_path: Path,
) -> None:
    errors = [e.message for e in validator.iter_errors({"actor": [record]})]
    assert any(fragment in e for e in errors), errors
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"actor": [record]}), encoding="utf-8")
    with pytest.raises(kr.DataError):
        kr.load(path, include_shipped=False)


def test_schema_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == kr.schema()
    assert main(["schema", "-o", str(tmp_path / "s.json")]) == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == kr.schema()
    assert main(["schema", "-o", str(tmp_path / "missing" / "s.json")]) == 2
    assert "cannot write" in capsys.readouterr().err
