"""Do the strategies pass Hypothesis's health checks under load, as a downstream suite runs them?

Run: python benchmarks/health_checks.py [ROUNDS]  (prints counts; not part of the test suite)

Each round starts three pytest processes at once on this machine: the shipped downstream
example (``kashmirref.examples.downstream``) and a suite that draws
``st.from_type(kr.Catalog)``, each with Hypothesis's default settings (no profile, no
database), so that the three compete for the cores as suites do on a CI machine. It
prints how many runs failed a health check, and how many failed for another reason.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

FROM_TYPE_SUITE = '''
from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr


@given(st.from_type(kr.Catalog))
def test_every_generated_catalogue_compares(catalog: kr.Catalog) -> None:
    first, second = (a.id for a in catalog.actors()[:2])
    assert kr.compare(catalog, first, second).mirror() == kr.compare(catalog, second, first)
'''

SUITES = (
    ["--pyargs", "kashmirref.examples.downstream"],
    ["FROM_TYPE"],
    ["--pyargs", "kashmirref.examples.downstream"],
)


def one_round(folder: Path) -> list[tuple[int, str]]:
    runs = []
    for suite in SUITES:
        targets = [str(folder / "test_from_type.py")] if suite == ["FROM_TYPE"] else suite
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets]
        runs.append(
            subprocess.Popen(
                command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
        )
    return [(run.wait(), run.stdout.read() if run.stdout else "") for run in runs]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    health, other, total = 0, 0, 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "test_from_type.py").write_text(FROM_TYPE_SUITE, encoding="utf-8")
        for _ in range(rounds):
            for status, output in one_round(folder):
                total += 1
                if "FailedHealthCheck" in output:
                    health += 1
                elif status != 0:
                    other += 1
                    print(output[-2000:])
    print(f"{total} runs ({rounds} rounds of 3 at once): {health} failed a health check, "
          f"{other} failed otherwise")


if __name__ == "__main__":
    main()
