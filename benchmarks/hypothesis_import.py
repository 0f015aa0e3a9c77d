"""What kashmirref adds to ``import hypothesis`` through its entry point.

Hypothesis runs every installed plugin's entry point when it is imported, so with
kashmirref installed each ``import hypothesis`` (in any project) pays for kashmirref's
hook. This prints two figures, in milliseconds:

- the time to load and run kashmirref's hook in a fresh interpreter that has imported
  Hypothesis (median of several), and which kashmirref modules that loads;
- the median wall time of ``import hypothesis`` with plugins on and off
  (``HYPOTHESIS_NO_PLUGINS=1``), which is noisier but includes the hook's call.

The budget is 5 ms; the hook imports only ``kashmirref`` (which is lazy) and
``kashmirref._hypothesis_hook``.

    python benchmarks/hypothesis_import.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

BUDGET_MS = 5.0


HOOK = """
import importlib.metadata, sys, time
import hypothesis  # with HYPOTHESIS_NO_PLUGINS set, so the hook has not run yet
(entry,) = [e for e in importlib.metadata.entry_points(group="hypothesis")
            if e.value.startswith("kashmirref")]
start = time.perf_counter()
hook = entry.load()
import os; del os.environ["HYPOTHESIS_NO_PLUGINS"]
hook()
elapsed = time.perf_counter() - start
print(elapsed * 1000, " ".join(sorted(m for m in sys.modules if m.startswith("kashmirref"))))
"""


def hook_import_ms() -> tuple[float, list[str]]:
    """Loading and running kashmirref's entry point in a fresh interpreter, in ms.

    Hypothesis is imported first with plugins off, then the hook is loaded and called
    as Hypothesis would: the figure is what kashmirref adds to ``import hypothesis``.
    (``python -X importtime`` cannot see it: entry points are loaded through
    ``importlib``, which it does not time.)
    """
    env = {**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", HOOK], capture_output=True, text=True, check=True, env=env
    )
    elapsed, *modules = done.stdout.split()
    return float(elapsed), modules


def wall_ms(no_plugins: bool) -> float:
    env = dict(os.environ)
    if no_plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    else:
        env.pop("HYPOTHESIS_NO_PLUGINS", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import hypothesis"], env=env, check=True)
    return (time.perf_counter() - start) * 1000


def main(runs: int = 15) -> float:
    figures = [hook_import_ms() for _ in range(runs)]
    hook = statistics.median(f[0] for f in figures)
    with_hook = statistics.median(wall_ms(False) for _ in range(runs))
    without = statistics.median(wall_ms(True) for _ in range(runs))
    print(f"kashmirref modules imported by `import hypothesis`: {', '.join(figures[0][1])}")
    print(
        f"loading and running the hook (median of {runs}): {hook:.2f} ms "
        f"(budget {BUDGET_MS:.0f} ms)"
    )
    print(
        f"`import hypothesis` wall time: {with_hook:.1f} ms with plugins, "
        f"{without:.1f} ms without ({with_hook - without:+.1f} ms, noisy)"
    )
    return hook


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
