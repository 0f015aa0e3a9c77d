"""How long Hypothesis takes to generate catalogues with kashmirref.strategies.

Run: python benchmarks/strategies.py  (prints a table; not part of the test suite)
"""

import statistics
import time

from hypothesis import HealthCheck, given, settings

from kashmirref import strategies as krst

EXAMPLES = 200
REPEATS = 3


def one_run() -> float:
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(krst.catalogs())
    def draw(catalog: object) -> None:
        pass

    start = time.perf_counter()
    draw()
    return time.perf_counter() - start


def main() -> None:
    runs = [one_run() for _ in range(REPEATS)]
    print(f"{'what':<44} {'median s':>9} {'min s':>7}")
    print(
        f"{f'{EXAMPLES} examples of catalogs() (default size)':<44} "
        f"{statistics.median(runs):>9.2f} {min(runs):>7.2f}"
    )


if __name__ == "__main__":
    main()
