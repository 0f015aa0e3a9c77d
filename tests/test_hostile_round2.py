"""Hostile input, second round (issue 27): one section per class of the issue."""

from __future__ import annotations

import difflib
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

import kashmirref as kr
from kashmirref import nearest
from kashmirref.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def problems_of(path: Path, *, include_shipped: bool = True) -> list[str]:
    with pytest.raises(kr.DataError) as caught:
        kr.load([path], include_shipped=include_shipped)
    return [str(p).replace(str(path), path.name) for p in caught.value.problems]


# ------------------------------------------------------------------ 15. cost


def test_dangling_references_are_compared_with_few_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Suggestions compare each word with a short list, and only the first words get one:
    4,000 unknown speakers cost a bounded number of comparisons, not 4,000 x every actor."""
    compared = []
    close_matches = difflib.get_close_matches

    def counting(word: str, candidates: list[str], **options: Any) -> list[str]:
        compared.append(len(candidates))
        return close_matches(word, candidates, **options)

    monkeypatch.setattr(nearest.difflib, "get_close_matches", counting)
    statements = [
        {
            "id": f"s-{i}",
            "date": "1972-07-02",
            "speaker": f"pakistan{i}",
            "on_behalf_of": "pakistan",
            "form": "direct",
            "citations": [{"source": "simla-agreement-text", "quote": "Q", "checked": "2026-01-01"}],
        }
        for i in range(4_000)
    ]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"statement": statements}), "utf-8")
    found = problems_of(path)
    assert len(found) == 4_000
    assert len(compared) == nearest.MOST_WORDS
    assert max(compared) <= 300
    assert "did you mean" in found[0]
    assert "did you mean" not in found[-1]
