"""How the first load of a snapshot grows with the catalogue's size.

Run: python benchmarks/first_load.py  (prints a table; not part of the test suite)

The shipped catalogue is loaded from its pickled snapshot (see ``kashmirref.snapshot``).
To see how that first load grows as the record grows, this script writes snapshots of
the shipped catalogue at one, two and three times its size (the statements and events
copied under new ids) and times, in a fresh interpreter each run, the import of
kashmirref plus reading the snapshot, then the first ``positions`` query. Each figure is
a median of ``RUNS`` runs.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import kashmirref as kr
from kashmirref import snapshot
from kashmirref.convert import structurer
from kashmirref.model import RECORD_TYPES

RUNS = 11
FACTORS = (1, 2, 3)

_TIMED = """
import time
start, cpu = time.perf_counter(), time.process_time()
import kashmirref
from kashmirref import snapshot
catalog = snapshot.read([], snapshot=__import__("pathlib").Path({path!r}))
loaded, loaded_cpu = time.perf_counter(), time.process_time()
catalog.positions("pakistan", "plebiscite")
print(loaded - start, loaded_cpu - cpu, time.perf_counter() - loaded)
"""


def grown(factor: int) -> kr.Catalog:
    """The shipped catalogue with its statements and events ``factor`` times over.

    Each copy is read back from the catalogue's JSON, so that its texts are new
    objects (as new records' texts would be) and the snapshot grows as the record would.
    """
    shipped = kr.load()
    tables = {name: list(records) for name, records in shipped.tables()}
    document = json.loads(shipped.to_json())
    for copy in range(2, factor + 1):
        for name in ("statement", "event"):
            fresh = json.loads(json.dumps(document[name]))
            tables[name] += [
                structurer(RECORD_TYPES[name])({**row, "id": f"{row['id']}-copy-{copy}"})
                for row in fresh
            ]
    return kr.Catalog(**{f"{name}s": tuple(records) for name, records in tables.items()})


def timed(path: Path) -> tuple[float, float, float]:
    """Median seconds of import + snapshot read (wall clock, then CPU time) and of the
    first positions query, each in a fresh process. On a busy machine the CPU time is
    the better guide to what an idle one shows."""
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", _TIMED.format(path=str(path))],
            check=True,
            capture_output=True,
            text=True,
        )
        wall, cpu, query = (float(x) for x in out.stdout.split())
        runs.append((wall, cpu, query))
    wall, cpu, query = (statistics.median(r[i] for r in runs) for i in range(3))
    return wall, cpu, query


def main() -> None:
    print(
        f"{'size':<26} {'statements':>10} {'snapshot':>9} {'first load':>11} "
        f"{'(CPU)':>9} {'1st query':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for factor in FACTORS:
            catalog = grown(factor)
            path = Path(folder) / f"x{factor}.pickle"
            snapshot.write(catalog, [], snapshot=path)
            wall, cpu, query = timed(path)
            print(
                f"{f'{factor}x the shipped record':<26} {len(catalog.statements()):>10,} "
                f"{path.stat().st_size / 2**20:>7.1f}MB {wall * 1000:>9.1f}ms "
                f"{cpu * 1000:>7.1f}ms {query * 1000:>8.2f}ms"
            )


if __name__ == "__main__":
    main()
