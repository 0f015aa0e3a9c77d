"""How many examples per second each public strategy of kashmirref.strategies generates.

Run: python benchmarks/strategies.py  (prints a table; not part of the test suite)

Each strategy is drawn from by a Hypothesis test with default settings but no example
database and no shrinking (the generate phase only), ``EXAMPLES`` examples a run; the
figure is the median over ``REPEATS`` runs. ``catalogs()`` is also timed at its
``min_positions`` default and with ``min_positions=0``.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst

EXAMPLES = 200
REPEATS = 3


def per_second(strategy: st.SearchStrategy[Any]) -> float:
    """Examples generated per second (the median of ``REPEATS`` runs)."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(_: object) -> None:
        pass

    seconds = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        draw()
        seconds.append(time.perf_counter() - start)
    return EXAMPLES / statistics.median(seconds)


def strategies() -> dict[str, st.SearchStrategy[Any]]:
    """Every public strategy, called with its defaults (a shipped topic where one is needed)."""
    topic = kr.load().topic("plebiscite")
    chosen: dict[str, st.SearchStrategy[Any]] = {}
    for name in krst.__all__:
        factory = getattr(krst, name)
        chosen[f"{name}()"] = factory(topic) if name == "stances" else factory()
    chosen["catalogs(min_positions=0)"] = krst.catalogs(min_positions=0)
    chosen["st.from_type(kr.Catalog)"] = st.from_type(kr.Catalog)
    chosen["st.from_type(kr.Statement)"] = st.from_type(kr.Statement)
    return chosen


def main() -> None:
    rows = [(name, per_second(strategy)) for name, strategy in strategies().items()]
    width = max(len(name) for name, _ in rows)
    print(f"{'strategy':<{width}}  examples/s")
    for name, rate in rows:
        print(f"{name:<{width}}  {rate:>10,.0f}")


if __name__ == "__main__":
    main()
