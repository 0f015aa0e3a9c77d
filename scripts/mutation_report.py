"""The mutation score of each core module, from the results mutmut left in ``mutants/``.

    python scripts/mutation_report.py [MODULE ...]

Prints one row per module (mutants, killed, listed as equivalent, survived, score) and
every surviving mutant that ``docs/mutation.md`` does not list (by name in backquotes, or
every mutant of a function: ``kashmirref.export.x__col__mutmut_*``), with
``mutmut show NAME`` to see it. Exits 1 when there is one. The score is the share of
mutants killed; with the equivalent ones left out of the count it is the share of
mutants that could be killed that were. A mutant stopped by mutmut's time limit (the
tests ran far longer than they do: a loop that never ends) counts as killed, and is
also counted apart.
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "docs" / "mutation.md"
KILLED = {1, 3}  # pytest failed, or stopped on an error: the mutant was caught
TIMED_OUT = {36, 24, -24, 152, 255}  # stopped by mutmut's time limit: a hang, caught too
SURVIVED = {0}
NAME = re.compile(r"`(kashmirref\.[\w.\u01c1]+__mutmut_(?:\d+|\*))`")
"""A mutant's name in the list, or every mutant of a function (``..._mutmut_*``)."""


def results(modules: list[str]) -> dict[str, dict[str, int | None]]:
    """Module → mutant name → exit code of its run (None: not run)."""
    found = {}
    for meta in sorted((ROOT / "mutants" / "kashmirref").glob("*.py.meta")):
        module = meta.name.removesuffix(".py.meta")
        if modules and module not in modules:
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        found[module] = data["exit_code_by_key"]
    return found


def main(modules: list[str]) -> int:
    """Print the table and the unexplained survivors; 1 if there is one, else 0."""
    listed = NAME.findall(EQUIVALENTS.read_text(encoding="utf-8"))
    unexplained: list[str] = []
    totals: Counter[str] = Counter()
    print(
        f"{'module':<12} {'mutants':>8} {'killed':>7} {'(hangs)':>8} {'equiv.':>7} "
        f"{'survived':>9} score"
    )
    for module, codes in results(modules).items():
        count: Counter[str] = Counter()
        for name, code in codes.items():
            if code in KILLED or code in TIMED_OUT:
                count["killed"] += 1
                count["timed out"] += code in TIMED_OUT
            elif any(fnmatch.fnmatchcase(name, pattern) for pattern in listed):
                count["equivalent"] += 1
            elif code in SURVIVED:
                count["survived"] += 1
                unexplained.append(name)
            else:  # not run, no test, timeout: not a kill, and not explained either
                count["survived"] += 1
                unexplained.append(f"{name} (exit code {code})")
        count["mutants"] = len(codes)
        totals.update(count)
        _row(module, count)
    _row("total", totals)
    if unexplained:
        print(f"\n{len(unexplained)} surviving mutants not listed in {EQUIVALENTS.name}:")
        for name in unexplained:
            print(f"  {name}    (mutmut show {name.split()[0]})")
    return 1 if unexplained else 0


def _row(module: str, count: Counter[str]) -> None:
    mutants = count["mutants"]
    killable = mutants - count["equivalent"]
    score = f"{count['killed'] / mutants:.1%}" if mutants else "-"
    of_killable = f" ({count['killed'] / killable:.1%} of the killable)" if killable else ""
    print(
        f"{module:<12} {mutants:>8} {count['killed']:>7} {count['timed out']:>8} "
        f"{count['equivalent']:>7} "
        f"{count['survived']:>9} {score}{of_killable}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
