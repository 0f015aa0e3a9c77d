"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs), ``ci`` (more examples, derandomized),
``fuzz`` (long) and ``mutation`` (few examples, the same ones every run: each mutant of
``scripts/mutation.sh`` runs its tests in seconds and gets the same verdict twice),
chosen with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

import json
import os
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

import kashmirref as kr

settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.register_profile(
    "mutation",
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


LOADING = {"model", "integrity", "catalog", "derive"}
"""The modules whose code runs when a catalogue is loaded, checked and indexed."""

MUTANT_TEST_BUDGET = 6.0
"""Seconds of recorded test time a mutant's run may use (its quickest tests first)."""


def _mutant_module() -> str | None:
    """The module mutmut is testing a mutant of (``"derive"``), "" for its other runs,
    None outside mutmut."""
    name = os.environ.get("MUTANT_UNDER_TEST")
    if name is None:
        return None
    return name.split(".")[1] if name.startswith("kashmirref.") else ""


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under mutation testing (``scripts/mutation.sh``), nothing computed by unmutated
    code is reused.

    mutmut runs each mutant in a process forked from one that already ran the suite. For
    a mutant of the loading code the shipped catalogue is loaded again (and the slugs
    found valid and the type checkers forgotten); for any other mutant the loaded
    catalogue stays, but the look-ups and histories it builds on first use are rebuilt.
    (A mutant of code that runs only at import, such as a record class's field
    transformer, is never switched on: docs/mutation.md lists those.)
    """
    module = _mutant_module()
    if module is None:
        return
    from kashmirref import io, model

    if module in LOADING or not module:
        io._shipped.cache_clear()
        io._shipped_catalog.cache_clear()
        model._GOOD_SLUGS.clear()
        model._CHECKERS.clear()
        model._HINTS.clear()
        for record_class in vars(model).values():  # each class compiles its checks again
            if attrs.has(record_class) and attrs.fields(record_class):
                guard = attrs.fields(record_class)[0].validator
                if isinstance(guard, model._RecordGuard):
                    guard._checks.clear()
    elif io._shipped_catalog.cache_info().currsize:
        index = io._shipped_catalog()._index
        index.names.clear()
        index.histories.clear()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under mutation testing, run a mutant's quickest tests first, within a budget.

    A mutant is killed by its first failing test (mutmut runs pytest with ``-x``), so
    most mutants cost a fraction of a second; one that survives runs its tests up to
    :data:`MUTANT_TEST_BUDGET` seconds (as mutmut recorded them), so a survivor may be
    one only a slower test would catch: the report lists it to be looked at.
    """
    stats = Path("mutmut-stats.json")
    if not _mutant_module() or not stats.is_file():
        return
    took: dict[str, float] = json.loads(stats.read_text(encoding="utf-8"))["duration_by_test"]
    items.sort(key=lambda item: took.get(item.nodeid, 0.0))
    spent, kept = 0.0, 0
    while kept < len(items) and (kept == 0 or spent < MUTANT_TEST_BUDGET):
        spent += took.get(items[kept].nodeid, 0.0)
        kept += 1
    if kept < len(items):
        config.hook.pytest_deselected(items=items[kept:])
        del items[kept:]


@pytest.fixture(scope="session")
def catalog() -> kr.Catalog:
    return kr.load()


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write text to a file in a temporary folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
