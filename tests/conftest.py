"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs), ``ci`` (more examples, derandomized),
``fuzz`` (long) and ``mutation`` (few examples, the same ones every run: each mutant of
``scripts/mutation.sh`` runs its tests in seconds and gets the same verdict twice),
chosen with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

import json
import os
from pathlib import Path

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


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under mutation testing (``scripts/mutation.sh``), start each run with empty caches.

    mutmut runs each mutant in a process forked from one that already ran the suite: the
    shipped catalogue, its indexes and the slugs found valid would otherwise come from
    the unmutated code, and a mutant of the loader would never be run.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    from kashmirref import io, model

    io._shipped.cache_clear()
    io._shipped_catalog.cache_clear()
    model._GOOD_SLUGS.clear()
    model._CHECKERS.clear()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutation testing, run the quickest tests first.

    A mutant is killed by its first failing test (mutmut runs pytest with ``-x``), so
    most mutants then cost a fraction of a second. mutmut runs the tests in ``mutants/``
    and records each test's time there.
    """
    stats = Path("mutmut-stats.json")
    if "MUTANT_UNDER_TEST" not in os.environ or not stats.is_file():
        return
    took: dict[str, float] = json.loads(stats.read_text(encoding="utf-8"))["duration_by_test"]
    items.sort(key=lambda item: took.get(item.nodeid, 0.0))


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
