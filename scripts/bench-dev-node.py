#!/usr/bin/env python3
"""Measures a dev node: the block interval of the default sealing mode, and the node's
resident memory after N blocks (default 1000). Prints numbers; asserts nothing.

    ~/.cache/tensorchain/venv/bin/python scripts/bench-dev-node.py [--blocks 1000] [--sealing 50]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from harness import Node  # noqa: E402


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--blocks", type=int, default=1000)
    parser.add_argument("--sealing", default="50", help="sealing mode for the memory run")
    parser.add_argument("--interval-samples", type=int, default=20)
    args = parser.parse_args()

    node = Node(["--dev"], name="interval").start()
    try:
        node.wait_for_best(2, timeout=60)
        times = []
        last = node.best_number()
        while len(times) < args.interval_samples + 1:
            n = node.best_number()
            if n != last:
                times.append(time.monotonic())
                last = n
            time.sleep(0.01)
        gaps = [b - a for a, b in zip(times, times[1:])]
        print(f"default --dev block interval: median {statistics.median(gaps) * 1000:.0f} ms, "
              f"min {min(gaps) * 1000:.0f} ms, max {max(gaps) * 1000:.0f} ms over {len(gaps)} blocks; "
              f"finalized lag {node.best_number() - node.finalized_number()} blocks")
    finally:
        node.cleanup()

    node = Node(["--dev", "--sealing", args.sealing], name="memory").start()
    try:
        start = time.monotonic()
        node.wait_for_finalized(args.blocks, timeout=args.blocks * 5)
        elapsed = time.monotonic() - start
        print(f"{args.blocks} blocks sealed every {args.sealing} ms in {elapsed:.1f} s; "
              f"resident memory {rss_mib(node.proc.pid):.1f} MiB")
    finally:
        node.cleanup()


if __name__ == "__main__":
    main()
