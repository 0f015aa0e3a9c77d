"""Every problem message the checks can produce is the expected message of some test.

The templates are read from the code itself (``kashmirref/integrity.py`` and the model's
validators in ``kashmirref/model.py``), so a new rule without a test fails here. A
template's fixed words must appear, in order, in a string a test expects; its
formatted values (ids, dates) may be anything there.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKS = [ROOT / "kashmirref" / "integrity.py", ROOT / "kashmirref" / "model.py"]
RAISES = {"FieldError", "ValueError"}  # the model's validators
HOLE = "\x00"  # where a formatted value goes


def _text(node: ast.expr) -> str | None:
    """A string expression's text, each formatted value written as :data:`HOLE`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [_text(v) if isinstance(v, ast.Constant) else HOLE for v in node.values]
        return "".join(p or "" for p in parts)
    return None


def _templates(path: Path) -> Iterator[tuple[str, str]]:
    """``(where, template)`` for every message built in ``path``.

    A message is the last string argument of ``self.add(...)`` or of a ``FieldError`` or
    ``ValueError`` raised by a validator, or a string assigned to ``message``.
    """
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        texts: list[str | None] = []
        if isinstance(node, ast.Call | ast.Assign | ast.AugAssign):
            where = f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Call):
            func = node.func
            added = isinstance(func, ast.Attribute) and func.attr == "add"
            if added or (isinstance(func, ast.Name) and func.id in RAISES):
                texts = [_text(a) for a in node.args[-1:]]
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "message" for t in targets):
                texts = [_text(node.value)]
        for text in texts:
            if text is not None and text.strip(HOLE + " "):
                yield where, text


TEMPLATES = [t for path in CHECKS for t in _templates(path)]


def _expected_strings() -> list[str]:
    """Every string literal of the test modules (f-strings with :data:`HOLE` for values)."""
    found = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant | ast.JoinedStr):
                text = _text(node)
                if text:
                    found.append(text)
    return found


EXPECTED = _expected_strings()


def _pattern(template: str) -> re.Pattern[str]:
    """The fixed words of ``template`` in order, anything between them."""
    return re.compile(".*".join(re.escape(part) for part in template.split(HOLE)), re.S)


def test_the_templates_are_found() -> None:
    """The reader finds the rules it is meant to find (an empty list would pass below)."""
    texts = {template for _, template in TEMPLATES}
    assert f"resolution number {HOLE} is used more than once" in texts
    assert "needs at least two stances" in texts
    assert f"refers to unknown {HOLE} {HOLE}" in texts
    assert len(texts) >= 35


@pytest.mark.parametrize(("where", "template"), TEMPLATES, ids=[w for w, _ in TEMPLATES])
def test_every_message_is_expected_by_a_test(where: str, template: str) -> None:
    pattern = _pattern(template)
    assert any(pattern.search(text) for text in EXPECTED), (
        f"no test expects the message of {where}: {template!r}"
    )
