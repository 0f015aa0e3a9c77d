"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs) and ``ci`` (more examples, derandomized),
chosen with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


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
