#!/usr/bin/env bash
# Generates the runtime's weights from the FRAME benchmarks.
#
#   ./scripts/benchmark-weights.sh [pallet ...]     (default: every Tensorchain pallet)
#
# Builds `tensorchain` with the `runtime-benchmarks` feature in its own target directory
# (`~/.cache/tensorchain/target-bench`, so the normal binary is untouched; a separate, long
# build: it pulls in frame-benchmarking-cli), runs `tensorchain benchmark pallet` for each pallet on the dev chain
# with 50 steps and 20 repeats (STEPS and REPEAT override them), and writes runtime/src/weights/<pallet>.rs, which the runtime
# implements that pallet's WeightInfo: point the pallet's `type WeightInfo` in
# runtime/src/configs.rs at `weights::<pallet>::WeightInfo<Runtime>`. Run it on a quiet
# machine: the numbers are timings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${BENCH_TARGET_DIR:-$HOME/.cache/tensorchain/target-bench}"
PALLETS=("$@")
[ ${#PALLETS[@]} -eq 0 ] && PALLETS=(pallet_subtensor pallet_admin_utils pallet_subtensor_swap)

./scripts/setup.sh
# frame-benchmarking-cli carries a test runtime for storage benchmarks whose wasm build looks
# for itself in this workspace (our WASM_BUILD_WORKSPACE_HINT) and fails; `benchmark pallet`
# does not need it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --release --locked -p tensorchain-node --features runtime-benchmarks
mkdir -p runtime/src/weights
for pallet in "${PALLETS[@]}"; do
    echo "[weights] $pallet"
    "$CARGO_TARGET_DIR/release/tensorchain" benchmark pallet \
        --chain dev --pallet "$pallet" --extrinsic '*' \
        --steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --wasm-execution compiled \
        --output "runtime/src/weights/$pallet.rs"
done
