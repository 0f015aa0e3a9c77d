"""The command line: every command, formats, exit statuses."""

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import kashmirref as kr
from kashmirref.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "pakistan", "india")
    assert status == 0
    assert (
        "Third-party mediation: diverge\n"
        "  Pakistan seeks (8 August 2025)  |  India declines (18 June 2025)\n"
    ) in out
    assert out.startswith("Pakistan vs India: stated positions (in force on 4 January 2026,")


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
        "1947-11-20",
        "--topic",
        "third-party-mediation",
    )
    assert status == 0 and "one-side-silent" in out
    flat = " ".join(out.split())
    assert "no search for one is recorded" in flat or "Not found in the sources searched" in flat


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
    status, out, _ = run(capsys, "positions", "india", "--topic", "third-party-mediation")
    assert status == 0 and out.startswith("Third-party mediation\n  India: ")
    assert "India: declines (since " in out  # the history ends with the stance still held


def test_check_reports_every_problem(capsys: pytest.CaptureFixture[str], write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.toml", '[[actor]]\nid = "Bad"\nname = ""\nkind = "state"\n')
    status, out, err = run(capsys, "check", str(bad))
    assert status == 1
    assert out.splitlines() == [
        f"{bad}:2: Bad: id: must be a lowercase slug such as 'simla-1972', got 'Bad'",
        f"{bad}:2: Bad: name: must not be empty",
    ]
    assert err == "2 problems found\n"
    good = write("good.toml", '[[actor]]\nid = "me"\nname = "Me"\nkind = "person"\n')
    status, out, _ = run(capsys, "check", str(good))
    assert status == 0 and out.startswith("ok:")


def test_export_round_trips(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "all.json"
    assert run(capsys, "export", "-o", str(target))[0] == 0
    status, out, _ = run(capsys, "check", "--alone", str(target))
    assert status == 0, out


def test_python_m_and_help() -> None:
    commands = ["compare", "show", "timeline", "positions", "list", "check", "export"]
    for command in ([], *([c] for c in commands)):
        done = subprocess.run(
            [sys.executable, "-m", "kashmirref", *command, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0 and "usage: kashmirref" in done.stdout


def test_one_problem_is_singular(capsys: pytest.CaptureFixture[str], write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.toml", '[[actor]]\nid = "me"\nname = ""\nkind = "state"\n')
    status, _, err = run(capsys, "check", str(bad))
    assert status == 1 and err == "1 problem found\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import kashmirref

    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    expected = f"kashmirref {kashmirref.__version__} (data {kashmirref.DATA_VERSION})\n"
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize("kind", ["actors", "topics", "instruments", "sources"])
def test_list(capsys: pytest.CaptureFixture[str], catalog, kind: str) -> None:  # type: ignore[no-untyped-def]
    status, out, _ = run(capsys, "list", kind)
    expected = [r.id for r in getattr(catalog, kind)()]
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == expected
    status, out, _ = run(capsys, "list", kind, "--format", "json")
    assert [row["id"] for row in json.loads(out)] == expected


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("Pakistan", "pakistan"),
        ("PAKISTAN", "pakistan"),
        ("Government of India", "india"),
        ("Islamic Republic of Pakistan", "pakistan"),
        ("OIC", "oic"),
        ("United States", "united-states"),
    ],
)
def test_actors_by_name_alias_and_case(
    capsys: pytest.CaptureFixture[str], given: str, meant: str
) -> None:
    status, out, _ = run(capsys, "compare", given, "china", "--format", "json")
    assert status == 0 and json.loads(out)["a"] == meant


def test_suggestions_use_names_and_initials(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "compare", "Untied States", "india")
    assert status == 2 and out == ""
    assert err.startswith("kashmirref: unknown actor 'Untied States'; did you mean")
    assert "'united-states'" in err
    status, _, err = run(capsys, "positions", "pakstan")
    assert status == 2 and "did you mean 'pakistan'" in err


def test_aliases_are_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("USA", "us", "United States of America"):
        status, out, _ = run(capsys, "compare", name, "india", "--topic", "third-party-mediation")
        assert status == 0 and out.startswith("United States vs India"), name


def test_topics_by_title(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "compare",
        "pakistan",
        "india",
        "--topic",
        "Third-party mediation",
        "--format",
        "json",
    )
    assert status == 0
    assert [row["topic"]["id"] for row in json.loads(out)["rows"]] == ["third-party-mediation"]


def test_show_a_resolution_by_number(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "47")
    assert status == 0 and out.startswith("Instrument unsc-47")
    status, _, err = run(capsys, "show", "4700")
    assert status == 2 and "unknown" in err


def test_global_options_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], Path]
) -> None:
    mine = write("mine.toml", '[[actor]]\nid = "my-group"\nname = "My group"\nkind = "group"\n')
    for argv in (
        ["--data", str(mine), "show", "my-group"],
        ["show", "my-group", "--data", str(mine)],
    ):
        status, out, _ = run(capsys, *argv)
        assert status == 0 and out.startswith("Actor my-group"), argv


def test_dates_at_their_precision(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", "--from", "2019-08", "--to", "2019-08")
    assert status == 0 and out
    # every entry is dated to a day of August 2019, or to the month itself: never a day
    # outside it, and never a bare year
    assert all(re.match(r"\s*(?:\d{1,2} )?August 2019  ", line) for line in out.splitlines())
    status, year, _ = run(capsys, "timeline", "--from", "2019", "--to", "2019")
    assert status == 0 and set(out.splitlines()) <= set(year.splitlines())
    status, out, _ = run(capsys, "compare", "pakistan", "india", "--as-of", "2019")
    assert status == 0 and "in force on 31 December 2019" in out


def test_an_impossible_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["timeline", "--from", "2025-12-31", "--to", "2025-01-01"])
    assert caught.value.code == 2
    assert "after --to" in capsys.readouterr().err


def test_positions_as_of_show_what_compare_shows(
    capsys: pytest.CaptureFixture[str], catalog: kr.Catalog
) -> None:
    status, out, _ = run(
        capsys, "positions", "india", "--topic", "territorial-status", "--as-of", "2019-08-06"
    )
    assert status == 0
    row = kr.compare(catalog, "india", "pakistan", topics="territorial-status", as_of="2019-08-06")
    shown = [s.text[:40] for s in row.rows[0].a.evidence]
    assert shown and all(text in out.replace("\n    ", " ") for text in shown)
    assert "2021" not in out  # the 5 August 2021 statement is not on record in 2019


def test_evidence_in_date_order(capsys: pytest.CaptureFixture[str], catalog) -> None:  # type: ignore[no-untyped-def]
    status, out, _ = run(capsys, "positions", "india", "--topic", "territorial-status")
    assert status == 0
    years = [int(y) for y in re.findall(r"\u2014 [^,]+, (?:\d+ )?(?:[A-Z][a-z]+ )?(\d{4})", out)]
    assert years and years == sorted(years)


def test_a_closed_pipe_ends_quietly() -> None:
    for command in ("timeline", "export", "positions oic"):
        done = subprocess.run(
            f"{sys.executable} -m kashmirref {command} | head -c 10",
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.stderr == "", (command, done.stderr)


def test_file_errors_are_messages(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, _, err = run(capsys, "export", "-o", str(tmp_path / "missing" / "x.json"))
    assert status == 2
    target = tmp_path / "missing" / "x.json"
    assert err == f"kashmirref: cannot write {target}: No such file or directory\n"
    status, _, err = run(capsys, "positions", "india", "--data", str(tmp_path / "nope.toml"))
    assert status == 2 and "no such file" in err


def test_output_is_written_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "all.json"
    target.write_text("previous\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    status, _, err = run(capsys, "export", "-o", str(target))
    assert status == 2 and "No space left" in err
    assert target.read_text(encoding="utf-8") == "previous\n"  # untouched, not half-written
    assert os.listdir(tmp_path) == ["all.json"]  # no temporary file left behind
    monkeypatch.undo()
    assert run(capsys, "export", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("{")


def test_actors_can_be_listed_by_kind(capsys: pytest.CaptureFixture[str], catalog) -> None:  # type: ignore[no-untyped-def]
    status, out, _ = run(capsys, "list", "actors", "--kind", "state")
    listed = [line.split()[0] for line in out.splitlines()]
    assert status == 0 and "india" in listed and "pakistan" in listed and "china" in listed
    assert listed == [a.id for a in catalog.actors("state")]
    assert all(a.kind is kr.ActorKind.STATE for a in catalog.actors(kr.ActorKind.STATE))
    with pytest.raises(kr.InputError, match="unknown actor kind 'empire'"):
        catalog.actors("empire")


def test_the_headline_comparison_fits_a_screen(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", "pakistan", "india")
    assert status == 0 and len(out.splitlines()) <= 60
    assert "\u201c" not in out  # no quoted evidence in the summary
    status, detailed, _ = run(capsys, "compare", "pakistan", "india", "--detail")
    assert status == 0 and detailed.startswith(out.split("\nEach side's evidence")[0])
    assert "\u201c" in detailed
    status, one, _ = run(capsys, "compare", "pakistan", "india", "--topic", "plebiscite")
    assert status == 0 and "\u201c" in one  # one topic: its evidence too


def test_show_gives_dates_as_precisely_as_known(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "hashmi-2025-welcome-trump-mediation")
    assert status == 0 and "\n  date: May 2025\n" in out and "2025-05-01" not in out
    status, out, _ = run(capsys, "show", "simla-1972")
    assert status == 0 and "\n  date: 2 July 1972\n" in out


def test_show_lists_who_invoked_which_clause_when(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "47")
    assert status == 0
    listing = out[out.index("\n  invoked by (8), clause by clause:") :]
    part_a = listing.index("    Part A, paragraph 1 (a) (a-1-a):\n")
    whole = listing.index("    the instrument as a whole:\n")
    harish = listing.index("  24 March 2025: India [harish-2025-03-24-resolution-47-withdraw]\n")
    zafrulla = listing.index("  25 November 1948: Pakistan [zafrulla-khan-1948-11-25-did-not")
    assert part_a < harish < whole < zafrulla  # each under its clause, clauses in order
    assert "        reading: " in listing


def test_matrix_lists_every_holder_of_a_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "matrix", "Plebiscite", "--kind", "party", "--kind", "state")
    assert status == 0
    assert out.startswith("Plebiscite: Should the future")
    assert "All Parties Hurriyat Conference" in out and "India" in out
    assert "Organisation of Islamic Cooperation" not in out  # an organisation, not asked for
    status, out, _ = run(capsys, "matrix", "plebiscite", "india", "OIC", "--format", "json")
    assert [side["actor"] for side in json.loads(out)["sides"]] == ["india", "oic"]
