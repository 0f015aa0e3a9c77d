"""The documentation site builds strictly, and nothing in it is fetched from elsewhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL_ASSET = re.compile(r'<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?//[^"]*"')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    # no --quiet: it hides the warnings that --strict turns into a failure
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    done = subprocess.run(
        [*command, str(site)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return site


def test_no_script_style_or_image_comes_from_another_host(built: Path) -> None:
    offenders = {
        str(page.relative_to(built)): EXTERNAL_ASSET.findall(page.read_text(encoding="utf-8"))
        for page in built.rglob("*.html")
    }
    assert {page: found for page, found in offenders.items() if found} == {}


def test_search_index_covers_the_generated_pages(built: Path) -> None:
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"].partition("#")[0] for entry in index["docs"]}
    assert {"topics/indus-waters-treaty.html", "instruments/simla-1972.html"} <= locations
    assert any("abeyance" in entry["text"] for entry in index["docs"])


def test_figures_are_inline_on_their_pages(built: Path) -> None:
    for page in ("stances.html", "timeline.html"):
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in (built / page).read_text("utf-8")
    assert (built / "figures" / "stance-grid.svg").is_file()


def test_navigation_sources_are_not_pages(built: Path) -> None:
    assert sorted(str(p.relative_to(built)) for p in built.rglob("SUMMARY*")) == []
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [e["location"] for e in index["docs"] if "SUMMARY" in e["location"]] == []
    # the navigation they describe is still built
    home = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="topics/third-party-mediation.html"' in home
    assert 'href="instruments/simla-1972.html"' in home


def test_topic_and_instrument_pages_carry_their_figures(built: Path) -> None:
    for page in ("topics/loc-ceasefire.html", "instruments/indus-waters-1960.html"):
        assert 'aria-labelledby="kr-' in (built / page).read_text("utf-8")
