"""README shows the headline command's answer as it is: the first lines, and its length."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from kashmirref.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_shows_the_headline_comparison_as_printed() -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        main(["compare", "pakistan", "india"])
    lines = printed.getvalue().splitlines()
    assert len(lines) <= 60  # the summary fits a screen
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"```text\n(.*?)\n\.\.\.\n```", text, re.S)
    assert shown is not None
    assert shown.group(1).splitlines() == lines[: len(shown.group(1).splitlines())]
    assert f"fits a screen ({len(lines)} lines)" in text
