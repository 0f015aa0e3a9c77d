#!/usr/bin/env bash
# Mutation testing of the core with mutmut; CONTRIBUTING.md ("Mutation testing") says
# what it covers and how to read it. Not run in CI: run it before a release.
#
#   scripts/mutation.sh                 every core module ([tool.mutmut] in pyproject.toml)
#   scripts/mutation.sh derive markup   only these modules (kashmirref.derive, ...)
#   KEEP=1 scripts/mutation.sh ...      keep earlier results in mutants/ (default: start clean)
#
# Each mutant runs only the tests that call the function it changes (mutmut records
# which ones in a first, full run of the suite). The score per module and every
# surviving mutant not listed as equivalent in docs/mutation.md are printed at the end;
# the exit status is 1 when there is such a mutant.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
export HYPOTHESIS_PROFILE=mutation
[[ ${KEEP:-0} == 1 ]] || rm -rf mutants
names=()
for module in "$@"; do names+=("kashmirref.$module.*"); done
mkdir -p mutants
started=$SECONDS
if ! "$BIN/mutmut" run --max-children "${JOBS:-$(nproc)}" "${names[@]}" >mutants/run.log 2>&1; then
    tr '\r' '\n' <mutants/run.log | tail -40
    exit 2
fi
echo "mutmut ran for $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s (log: mutants/run.log)"
"$BIN/python" scripts/mutation_report.py "$@"
