"""The Hypothesis entry point is cheap, and st.from_type works in any import order."""

import subprocess
import sys
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_hypothesis_loads_only_the_hook() -> None:
    code = "import sys, hypothesis; print(sorted(m for m in sys.modules if 'kashmirref' in m))"
    assert run(code) == "['kashmirref', 'kashmirref._hypothesis_hook']"


def test_from_type_works_whichever_is_imported_first() -> None:
    draw = (
        "from hypothesis import strategies as st\n"
        "import kashmirref as kr\n"
        "print(type(st.from_type(kr.Position).example()).__name__,"
        " type(st.from_type(kr.Catalog).example()).__name__)\n"
    )
    assert run("import hypothesis\n" + draw) == "Position Catalog"
    assert run("import kashmirref.catalog\nimport hypothesis\n" + draw) == "Position Catalog"
    assert run("import kashmirref.model\nimport hypothesis\n" + draw) == "Position Catalog"


def test_the_hook_imports_only_itself() -> None:
    """What the hook loads is checked here; what it costs is measured in benchmarks/."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", BENCHMARKS / "hypothesis_import.py")
    assert spec is not None and spec.loader is not None
    hypothesis_import: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hypothesis_import)
    _, modules = hypothesis_import.hook_import_ms()
    assert modules == ["kashmirref", "kashmirref._hypothesis_hook"]
