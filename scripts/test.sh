#!/usr/bin/env bash
# Runs every test: sets the machine up, builds the node (release, with the runtime's wasm),
# runs the Rust test suites and lints, then the end-to-end tests against the real binary.
# Ends with one line: "N passed, N failed".
#
#   ./scripts/test.sh            everything
#   ./scripts/test.sh --quick    skip the slow multi-node network test
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tensorchain/target}"
export CARGO_TERM_COLOR=never
VENV="${TENSORCHAIN_CACHE:-$HOME/.cache/tensorchain}/venv"
LOGS="$(mktemp -d)"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1

passed=0
failed=0
step_failures=()
t0=$(date +%s)

say() { printf '\n=== %s (%ss)\n' "$*" "$(( $(date +%s) - t0 ))"; }

# Adds a cargo log's "test result" counts to the totals.
count_cargo() {
    local p f
    p=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s+0 }' "$1")
    f=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s+0 }' "$1")
    passed=$(( passed + p ))
    failed=$(( failed + f ))
}

# A step that is not a test suite (build, lint) counts as one test.
run_step() {
    local name="$1"; shift
    say "$name"
    if "$@"; then
        passed=$(( passed + 1 ))
    else
        failed=$(( failed + 1 ))
        step_failures+=("$name")
    fi
}

run_step "setup" ./scripts/setup.sh

# One build of every target (the node binary, test harnesses, benches) with one feature set:
# building the node alone would unify features differently from `cargo test --workspace`
# and compile the whole node stack twice.
run_step "build everything (release, with wasm runtime)" \
    cargo build --release --locked --workspace --all-targets

# A cargo test run: its "test result" lines count; a run that fails without any counts as one
# failure (it did not build).
cargo_suite() {
    local name="$1"; shift
    local log="$LOGS/$(echo "$name" | tr -c 'a-z0-9' '_').log"
    say "$name"
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    count_cargo "$log"
    if [ "$status" -ne 0 ] && ! grep -q '^test result:' "$log"; then
        failed=$(( failed + 1 )); step_failures+=("$name (did not build)")
    fi
}

cargo_suite "rust tests" cargo test --release --locked --workspace
cargo_suite "benchmark test suites on the mock (runtime-benchmarks)" \
    cargo test --release --locked -p pallet-subtensor -p pallet-admin-utils -p pallet-subtensor-swap -p pallet-commitments -p pallet-crowdloan -p pallet-drand -p pallet-shield --features runtime-benchmarks benchmarking

run_step "clippy (pure crates: no unwrap, expect, indexing or unchecked arithmetic)" \
    cargo clippy --release --locked -p tensorchain-yuma -p yuma-sim -p tensorchain-economics -p tensorchain-swap -p tensorchain-drand-primitives -p pallet-subtensor -p pallet-admin-utils -p pallet-subtensor-swap -p pallet-commitments -p pallet-crowdloan -p pallet-drand -p pallet-shield -- -D warnings

say "end-to-end tests"
pytest_args=(-p no:cacheprovider -q)
[ "$QUICK" = 1 ] && pytest_args+=(-m "not slow")
"$VENV/bin/python" -m pytest "${pytest_args[@]}" 2>&1 | tee "$LOGS/pytest.log"
summary=$(grep -E '(passed|failed|error)' "$LOGS/pytest.log" | tail -n 1)
p=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p; s/^([0-9]+) passed.*/\1/p' <<<"$summary" | head -n1)
f=$(grep -oE '[0-9]+ (failed|error|errors)' <<<"$summary" | awk '{s+=$1} END {print s+0}')
passed=$(( passed + ${p:-0} ))
failed=$(( failed + ${f:-0} ))
if [ -z "${p:-}" ] && [ "${f:-0}" = 0 ]; then
    failed=$(( failed + 1 )); step_failures+=("end-to-end tests (no result)")
fi

say "done"
for s in "${step_failures[@]}"; do echo "failed step: $s"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
