"""Every example in the documentation runs, and the reference documents every name."""

import inspect
import re
import tomllib
from pathlib import Path

import pytest

import kashmirref as kr
from kashmirref import strategies as krst

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
TOML = re.compile(r"```toml\n(.*?)```", re.S)
EXAMPLES = [
    pytest.param(code, id=f"{page.name}-{i}")
    for page in sorted(DOCS.glob("*.md"))
    for i, code in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")))
]


@pytest.mark.parametrize("code", EXAMPLES)
def test_example_runs(code: str) -> None:
    exec(compile(code, "<docs>", "exec"), {"__name__": "docs_example"})


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"{page.name}-{i}")
        for page in sorted(DOCS.glob("*.md"))
        for i, text in enumerate(TOML.findall(page.read_text(encoding="utf-8")))
    ],
)
def test_toml_examples_load_on_the_shipped_data(text: str, tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(text, encoding="utf-8")
    assert tomllib.loads(text)
    assert len(kr.load(path)) > len(kr.load())


def test_every_public_name_is_in_the_reference() -> None:
    """Each name of ``kashmirref.__all__`` lives in a module the API page renders."""
    from kashmirref import _LAZY

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    rendered = set(re.findall(r"^::: ([\w.]+)", page, re.M))
    for name in kr.__all__:
        if name == "__version__":
            continue
        owner = _LAZY[name]
        assert owner in rendered or f"{owner}.{name}" in rendered, name


def test_the_strategies_page_lists_every_strategy_and_parameter() -> None:
    page = (DOCS / "strategies.md").read_text(encoding="utf-8")
    for name in krst.__all__:
        assert f"`{name}(" in page, name
    parameters = inspect.signature(krst._draw_catalogs).parameters
    for name in list(parameters)[1:]:
        assert f"`{name}`" in page, name


def test_readme_points_to_what_the_wheel_ships() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "tests/downstream" not in readme
    assert "kashmirref.examples.downstream" in readme
    assert "partially-agree" in readme
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert re.findall(r"```bash\n", readme) == ["```bash\n"] * 2
