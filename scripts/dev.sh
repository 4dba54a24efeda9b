#!/usr/bin/env bash
# Sets the machine up, builds the node, and runs a development chain on ws://127.0.0.1:9944.
# Extra arguments go to the node, e.g. `./scripts/dev.sh --sealing instant`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tensorchain/target}"
./scripts/setup.sh
echo "[dev] building tensorchain (release)"
# All targets, with the same features as scripts/test.sh, so that the two share one build.
cargo build --release --locked --workspace --all-targets
echo "[dev] starting: $CARGO_TARGET_DIR/release/tensorchain --dev $*"
exec "$CARGO_TARGET_DIR/release/tensorchain" --dev --rpc-cors all "$@"
