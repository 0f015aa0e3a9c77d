"""The command line's exit statuses and the one line it writes to stderr for each."""

import errno
from pathlib import Path

import pytest

import kashmirref as kr
import kashmirref.data_schema
import kashmirref.export
import kashmirref.io
from kashmirref.cli import main

Capture = pytest.CaptureFixture[str]

MINE = '[[actor]]\nid = "my-group"\nname = "My group"\nkind = "group"\nparent = "india"\n'


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_date_that_is_not_one_is_a_usage_error(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["timeline", "--from", "2019-13"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: argument --from: not a date: '2019-13' (month must be in 1..12)\n"
    )


def test_a_topic_option_names_a_topic(capsys: Capture) -> None:
    # "india" is an actor: as a topic it is unknown, not taken for the actor
    status, out, err = run(capsys, "positions", "india", "--topic", "india")
    assert (status, out) == (2, "")
    assert err.startswith("kashmirref: unknown topic 'india'")
    status, out, _ = run(capsys, "positions", "india", "--topic", "Third-party mediation")
    assert status == 0 and "declines" in out


def test_check_counts_records_with_and_without_the_shipped_data(
    capsys: Capture, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    status, out, err = run(capsys, "check", str(mine))
    assert (status, out, err) == (0, f"ok: {len(kr.load()) + 1} records valid\n", "")
    status, out, err = run(capsys, "check", str(mine), "--alone")  # india is not there
    assert status == 1
    assert out == f"{mine}:2: my-group: parent: refers to unknown actor 'india'\n"
    assert err == "1 problem found\n"
    mine.write_text(MINE.replace('parent = "india"\n', ""), encoding="utf-8")
    assert run(capsys, "check", str(mine), "--alone") == (0, "ok: 1 record valid\n", "")


def test_csv_needs_an_output(capsys: Capture) -> None:
    assert run(capsys, "export", "--format", "csv") == (
        2,
        "",
        "kashmirref: CSV is written as a folder or a .zip: give -o PATH\n",
    )


def test_an_export_onto_its_input_is_refused(capsys: Capture, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    status, _, err = run(capsys, "export", "-o", str(mine), "--data", str(mine))
    assert status == 2
    assert err == f"kashmirref: {mine} is an input of this command: choose another -o\n"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (OSError("the disk went away"), "the disk went away"),
    ],
)
@pytest.mark.parametrize("command", ["export", "schema"])
def test_a_failed_write_says_why(
    capsys: Capture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    error: OSError,
    reason: str,
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(kashmirref.export, "export", fail)
    monkeypatch.setattr(kashmirref.export, "write_atomically", fail)
    assert kashmirref.data_schema.schema_json()  # the schema itself is fine
    target = tmp_path / "out.json"
    assert run(capsys, command, "-o", str(target)) == (
        2,
        "",
        f"kashmirref: cannot write {target}: {reason}\n",
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file", "gone.toml"), "No such file: gone.toml"),
        (OSError("the disk went away"), "the disk went away"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_usage_error(
    capsys: Capture, monkeypatch: pytest.MonkeyPatch, error: OSError, said: str
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(kashmirref.io, "load", fail)
    assert run(capsys, "positions", "india") == (2, "", f"kashmirref: {said}\n")
