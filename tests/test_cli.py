"""The command line: every command, formats, exit statuses."""

import json
import re
import subprocess
import sys

import pytest

from kashmirref.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "pakistan", "india")
    assert status == 0
    assert re.search(r"Third-party mediation\s+welcomes\s+rejects\s+diverge", out)


def test_compare_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "pakistan", "india", "--format", "json")
    assert status == 0 and json.loads(out)["a"] == "pakistan"
    status, out, _ = run(capsys, "compare", "pakistan", "india", "--format", "markdown")
    assert out.startswith("## Pakistan vs India")


def test_compare_as_of_and_topic(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "compare",
        "pakistan",
        "india",
        "--as-of",
        "2008-01-01",
        "--topic",
        "third-party-mediation",
    )
    assert status == 0 and "one-side-silent" in out


def test_unknown_id_exits_2_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "compare", "pakistan", "indai")
    assert status == 2 and out == ""
    assert err == (
        "kashmirref: unknown actor 'indai'; did you mean 'india' or 'india-pm' or 'china'?\n"
    )
    status, _, err = run(capsys, "show", "simla-1927")
    assert status == 2 and "did you mean 'simla-1972'" in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["compare", "pakistan", "india", "--as-of", "2025-02-30"])
    assert caught.value.code == 2


def test_show_lists_citations(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "unsc-47")
    assert status == 0
    assert out.startswith("Instrument unsc-47")
    assert "unsc-res-47-text" in out
    status, out, _ = run(capsys, "show", "india", "--format", "json")
    assert json.loads(out)["name"] == "India"


def test_timeline_and_positions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", "--from", "2019-01-01", "--to", "2019-12-31")
    assert status == 0 and "Raveesh Kumar" in out and "2014" not in out
    status, out, _ = run(capsys, "positions", "india")
    assert status == 0 and "india-third-party-mediation-2014" in out


def test_check_reports_every_problem(capsys: pytest.CaptureFixture[str], write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.toml", '[[actor]]\nid = "Bad"\nname = ""\nkind = "state"\n')
    status, out, err = run(capsys, "check", str(bad))
    assert status == 1
    assert out.splitlines() == [
        f"{bad}:2: Bad: id: must be a lowercase slug such as 'simla-1972', got 'Bad'",
        f"{bad}:2: Bad: name: must not be empty",
    ]
    assert err == "2 problem(s) found\n"
    good = write("good.toml", '[[actor]]\nid = "me"\nname = "Me"\nkind = "person"\n')
    status, out, _ = run(capsys, "check", str(good))
    assert status == 0 and out.startswith("ok:")


def test_export_round_trips(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "all.json"
    assert run(capsys, "export", "-o", str(target))[0] == 0
    status, out, _ = run(capsys, "check", "--alone", str(target))
    assert status == 0, out


def test_python_m_and_help() -> None:
    for command in ([], ["compare"], ["show"], ["timeline"], ["positions"], ["check"], ["export"]):
        done = subprocess.run(
            [sys.executable, "-m", "kashmirref", *command, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0 and "usage: kashmirref" in done.stdout
