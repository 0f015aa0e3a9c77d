"""Performance figures for kashmirref: import, load, queries, memory, at growing sizes.

Run: python benchmarks/run.py  (not part of the test suite; a few minutes). It prints a
table and writes it, with the day, the machine and the targets met, to
``docs/_generated/performance.md``, which the documentation's performance page
includes: commit that file, and no figure on the page is ever copied by hand.

Each figure is a median over repeated runs. Generated catalogues hold N statements
spread over 100 actors and the shipped topics, each coded with a stance on its topic
(so that positions are derived from them); they are written as JSON files of at most
10,000 statements each.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs

import kashmirref as kr
from kashmirref.io import unstructure

SIZES = (1_000, 10_000, 100_000)
PER_FILE = 10_000
RESULTS = Path(__file__).resolve().parent.parent / "docs" / "_generated" / "performance.md"


def median_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def subprocess_seconds(code: str, runs: int = 15) -> float:
    return median_of(runs, lambda: subprocess.run([sys.executable, "-c", code], check=True))


def measured_in_subprocess(code: str, runs: int = 7) -> float:
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        values.append(float(out.stdout))
    return statistics.median(values)


def synthetic(n: int) -> list[dict[str, object]]:
    """JSON documents holding ``n`` statements (and related records), split by file."""
    # the shipped scales, without their anchors (shipped statements) and opening dates
    topics = [
        attrs.evolve(t, opens=None, scale=tuple(attrs.evolve(s, anchors=()) for s in t.scale))
        for t in kr.load().topics()
    ]
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "state"} for i in range(100)]
    sources = [
        {
            "id": f"source-{i}",
            "title": f"Source {i}",
            "publisher": "Bench",
            "published": "2030-01-01",
            "kind": "secondary",
        }
        for i in range(100)
    ]
    documents: list[dict[str, object]] = [
        {"actor": actors, "source": sources, "topic": unstructure(topics)}
    ]
    start = dt.date(1950, 1, 1)
    statements: list[dict[str, object]] = []
    for i in range(n):
        actor = f"actor-{i % 100}"
        topic = topics[(i // 100) % len(topics)]
        day = start + dt.timedelta(days=i // 10)
        statements.append(
            {
                "id": f"s-{i}",
                "date": day.isoformat(),
                "speaker": actor,
                "on_behalf_of": actor,
                "form": "direct",
                "codes": [
                    {"topic": topic.id, "stance": topic.scale[(i // 7) % len(topic.scale)].label}
                ],
                "citations": [{"source": f"source-{i % 100}", "quote": f"Words number {i}."}],
            }
        )
    for offset in range(0, n, PER_FILE):
        documents.append({"statement": statements[offset : offset + PER_FILE]})
    return documents


def at_size(n: int, folder: Path) -> tuple[list[tuple[str, str]], float]:
    """Load, query and memory figures for a generated catalogue of ``n`` statements, and
    how many times the ``json.loads`` floor its load takes."""
    paths = []
    for i, document in enumerate(synthetic(n)):
        path = folder / f"n{n}-{i}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    runs = 3 if n >= 100_000 else 5
    floor = median_of(runs, lambda: [json.loads(p.read_text(encoding="utf-8")) for p in paths])
    load_time = median_of(runs, lambda: kr.load(paths, include_shipped=False))
    tracemalloc.start()
    catalog = kr.load(paths, include_shipped=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    day = dt.date(1960, 6, 1)
    topic = catalog.topics()[0].id
    query = median_of(2000, lambda: catalog.positions("actor-7", topic, as_of=day))
    compare = median_of(200, lambda: kr.compare(catalog, "actor-1", "actor-2", as_of=day))
    label = f"{n:>7,} statements:"
    rows = [
        (f"{label} load from JSON", f"{load_time:.3f} s"),
        (f"{label} json.loads floor", f"{floor:.3f} s (load is {load_time / floor:.1f}x)"),
        (f"{label} peak memory while loading", f"{peak / 2**20:.0f} MiB"),
        (f"{label} positions(actor, topic, as_of)", f"{query * 1e6:.1f} us"),
        (f"{label} compare(a, b, as_of) all topics", f"{compare * 1e3:.2f} ms"),
    ]
    return rows, load_time / floor


def machine() -> str:
    """The processor, its cores and the Python that ran the figures."""
    info = Path("/proc/cpuinfo")
    names = re.findall(r"^model name\s*:\s*(.+)$", info.read_text() if info.exists() else "", re.M)
    model = names[0] if names else platform.processor() or platform.machine()
    system = f"{platform.system()}, Python {platform.python_version()}"
    return f"{model}, {os.cpu_count()} cores, {system}"


def page(rows: list[tuple[str, str]], targets: list[tuple[str, bool]], seconds: float) -> str:
    """The Markdown the performance page includes: when and where, the table, the targets."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    lines = [
        f"Measured on {dt.date.today():%-d %B %Y} by `python benchmarks/run.py` "
        f"({seconds:.0f} s) on {machine()}"
        + (f"; load average {load:.2f} when it ended." if load is not None else "."),
        "",
        "| measure | median |",
        "| --- | --- |",
    ]
    lines += [f"| {name.strip()} | {value} |" for name, value in rows]
    lines += ["", "Targets:", ""]
    lines += [f"- {target}: {'met' if met else '**not met**'}" for target, met in targets]
    return "\n".join(lines) + "\n"


def main() -> None:
    started = time.perf_counter()
    rows: list[tuple[str, str]] = []
    bare = subprocess_seconds("pass")
    with_import = subprocess_seconds("import kashmirref")
    rows.append(("python -c pass", f"{bare * 1000:.1f} ms"))
    rows.append(("import kashmirref (added)", f"{(with_import - bare) * 1000:.1f} ms"))
    first = measured_in_subprocess(
        "import time; t=time.perf_counter(); import kashmirref as kr; kr.load(); "
        "print(time.perf_counter()-t)"
    )
    rows.append(("first kr.load() of shipped data (incl. import)", f"{first * 1000:.1f} ms"))
    from_toml = measured_in_subprocess(
        "import time; t=time.perf_counter(); import kashmirref.io as io; io.parse_shipped(); "
        "print(time.perf_counter()-t)"
    )
    rows.append(("  the same, parsing the TOML (no snapshot)", f"{from_toml * 1000:.1f} ms"))
    toml_only = measured_in_subprocess(
        "import time, tomllib; from kashmirref.io import shipped_files; "
        "texts=[f.read_text() for f in shipped_files()]; t=time.perf_counter(); "
        "[tomllib.loads(x) for x in texts]; print(time.perf_counter()-t)"
    )
    rows.append(("  of which tomllib parsing alone", f"{toml_only * 1000:.1f} ms"))
    kr.load()
    cached = median_of(1000, kr.load)
    rows.append(("cached kr.load()", f"{cached * 1e6:.2f} us"))

    ratios = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            sized, ratios[n] = at_size(n, Path(folder))
            rows.extend(sized)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    targets = [
        ("import kashmirref under 30 ms", with_import - bare < 0.030),
        ("first kr.load() of the shipped data under 100 ms", first < 0.100),
        (f"{SIZES[-1]:,} statements loaded within 4x of json.loads", ratios[SIZES[-1]] <= 4),
    ]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(page(rows, targets, time.perf_counter() - started), encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
