#!/usr/bin/env bash
# A drop-in for upstream Subtensor's `scripts/localnet.sh`, as the Bittensor SDK's and btcli's
# test harnesses run it (`LOCALNET_SH_PATH=.../localnet.sh`):
#
#   scripts/localnet.sh [True|False]
#
#   True (default, also an empty argument): 250 ms blocks, the fast localnet
#   False: 12 s blocks
#
# Every start is a fresh genesis (a temporary database, removed on exit) with upstream's
# localnet layout: //Alice sudo and root owner, netuid 1 with one neuron, the first user
# subnet netuid 2, fast-runtime parameters. The same chain answers on ws://127.0.0.1:9944,
# ws://localhost:9944 (IPv4 and IPv6) and ws://127.0.0.1:9945.
#
# Once block 1 is imported, one line containing "Imported #1" goes to stdout; after that
# stdout stays quiet (harnesses stop reading it), and the node's log goes to
# $LOCALNET_LOG (default: node.log in the temporary directory). SIGTERM or SIGINT to the
# process group (what the harnesses send) stops the node and frees the ports.
#
# Environment: TENSORCHAIN_BIN (the node binary; default: the release build, built if
# missing), LOCALNET_LOG, LOCALNET_RPC_HOSTS (default "127.0.0.1 [::1]"; "0.0.0.0" in a
# container), LOCALNET_PORTS (default "9944 9945"), LOCALNET_DRAND_ENDPOINTS (when set, passed
# as --drand-endpoints; empty: no drand fetching, as tests that inject recorded pulses need).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-True}"
case "$MODE" in
    "" | True | true | 1) BLOCK_MS=250 ;;
    False | false | 0) BLOCK_MS=12000 ;;
    *) echo "usage: $0 [True|False]" >&2; exit 2 ;;
esac

TARGET="${CARGO_TARGET_DIR:-$HOME/.cache/tensorchain/target}"
BIN="${TENSORCHAIN_BIN:-$TARGET/release/tensorchain}"
if [ ! -x "$BIN" ]; then
    echo "[localnet] building tensorchain (first run only)" >&2
    "$ROOT/scripts/setup.sh" >&2
    (cd "$ROOT" && CARGO_TARGET_DIR="$TARGET" cargo build --release --locked -p tensorchain-node >&2)
fi

BASE="$(mktemp -d "${TMPDIR:-/tmp}/tensorchain-localnet.XXXXXX")"
LOG="${LOCALNET_LOG:-$BASE/node.log}"
endpoints=()
for host in ${LOCALNET_RPC_HOSTS:-127.0.0.1 [::1]}; do
    for port in ${LOCALNET_PORTS:-9944 9945}; do
        endpoints+=(--experimental-rpc-endpoint "listen-addr=$host:$port,methods=unsafe")
    done
done

node_pid=""
stop() {
    if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
        kill -TERM "$node_pid" 2>/dev/null || true
        wait "$node_pid" 2>/dev/null || true
    fi
    rm -rf "$BASE"
}
trap 'stop; exit 0' TERM INT
trap stop EXIT

# No Prometheus and an ephemeral p2p port, so that nothing but the RPC ports is taken. The
# endpoints give no `cors`, which lets any origin in (polkadot.js apps in a browser). The
# state of every block is kept, so that clients (and the tests' replays of a subnet's whole
# history) can read any past block of this short-lived chain.
drand=()
[ -n "${LOCALNET_DRAND_ENDPOINTS+set}" ] && drand=("--drand-endpoints=$LOCALNET_DRAND_ENDPOINTS")
"$BIN" --dev --sealing "$BLOCK_MS" --base-path "$BASE/db" --name localnet --state-pruning archive-canonical \
    --port 0 --no-prometheus --no-telemetry --rpc-max-connections 1000 \
    "${endpoints[@]}" "${drand[@]}" >>"$LOG" 2>&1 &
node_pid=$!

until grep -q "Imported #1 " "$LOG" 2>/dev/null; do
    if ! kill -0 "$node_pid" 2>/dev/null; then
        echo "[localnet] the node exited before block 1; its log:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    sleep 0.1
done
grep -m1 "Imported #1 " "$LOG"

# `wait` returns when a trapped signal arrives, so the trap runs at once.
wait "$node_pid"
