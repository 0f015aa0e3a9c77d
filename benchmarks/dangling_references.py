"""How long checking a file with many dangling references takes (issue 27, class 15).

Each statement of a generated JSON file names a speaker that does not exist, so loading
it with the shipped data reports one dangling reference per statement, each with a
"did you mean" suggestion while :data:`kashmirref.nearest.MOST_WORDS` allows. Prints the
wall time of ``kr.load`` (median of three runs) for each size; the goal is under five
seconds for 10,000 references on two cores.

    python benchmarks/dangling_references.py [count ...]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import kashmirref as kr

GOAL_SECONDS = 5.0


def _file(folder: Path, count: int) -> Path:
    statements = [
        {
            "id": f"s-{i}",
            "date": "1972-07-02",
            "speaker": f"nobody-{i}",
            "on_behalf_of": "pakistan",
            "form": "direct",
            "citations": [
                {"source": "simla-agreement-text", "quote": "Words.", "checked": "2026-01-01"}
            ],
        }
        for i in range(count)
    ]
    path = folder / f"dangling-{count}.json"
    path.write_text(json.dumps({"statement": statements}), "utf-8")
    return path


def _seconds(path: Path, count: int) -> float:
    started = time.perf_counter()
    try:
        kr.load([path])
    except kr.DataError as error:
        if len(error.problems) != count:
            raise AssertionError(f"{len(error.problems)} problems, not {count}") from None
    else:
        raise AssertionError("the references were not reported")
    return time.perf_counter() - started


def main(counts: list[int]) -> None:
    """Print the median time to check each count of dangling references."""
    kr.load()  # the shipped catalogue is read once, outside the timing
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            path = _file(Path(folder), count)
            median = statistics.median(_seconds(path, count) for _ in range(3))
            verdict = "within" if median < GOAL_SECONDS else "OVER"
            print(f"{count:>7} dangling references: {median:.2f} s ({verdict} {GOAL_SECONDS} s)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
