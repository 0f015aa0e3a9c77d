"""Writing a file in one step: the mode a new file gets, where the temporary file is
made, and what a failure says."""

import errno
import os
import tempfile
from pathlib import Path

import pytest

from kashmirref.export import write_atomically


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_a_plain_open_would(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_atomically(tmp_path / "new.json", "{}")
        with open(tmp_path / "plain.json", "w", encoding="utf-8") as stream:
            stream.write("{}")
    finally:
        assert os.umask(old) == umask  # the umask is left as it was
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == mode
    assert (tmp_path / "plain.json").stat().st_mode & 0o777 == mode


def test_the_temporary_file_is_made_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the system's temporary folder may be on another file system, or gone
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    write_atomically(tmp_path / "out.json", "{}")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_folder_that_is_not_there_is_named_in_the_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomically(target, "{}")
    assert (caught.value.errno, caught.value.filename) == (errno.ENOENT, str(target))
    assert caught.value.strerror == os.strerror(errno.ENOENT)
