"""Starts and stops real `tensorchain` processes for end-to-end tests.

Each node gets free ports and its own base path (a temporary directory unless given), logs to a
file beside it, and is stopped with SIGTERM (SIGKILL if it will not go) so that its database is
closed cleanly.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]


def binary() -> Path:
    """The node binary: $TENSORCHAIN_BIN, else the release build in the cargo target dir."""
    if os.environ.get("TENSORCHAIN_BIN"):
        return Path(os.environ["TENSORCHAIN_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache" / "tensorchain" / "target"))
    return target / "release" / "tensorchain"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RpcError(Exception):
    def __init__(self, error: dict):
        super().__init__(f"{error.get('code')}: {error.get('message')} {error.get('data', '')}")
        self.code = error.get("code")
        self.message = error.get("message")
        self.data = error.get("data")


def rpc(port: int, method: str, params: Optional[list] = None, timeout: float = 10) -> Any:
    """One JSON-RPC call over HTTP (the node serves HTTP and WebSocket on the same port)."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}", body.encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        reply = json.loads(resp.read())
    if "error" in reply:
        raise RpcError(reply["error"])
    return reply["result"]


@dataclass
class Node:
    """A `tensorchain` process. `args` are passed after the harness's own flags."""

    args: list[str]
    base_path: Optional[Path] = None
    name: str = "node"
    rpc_port: int = field(default_factory=free_port)
    p2p_port: int = field(default_factory=free_port)
    prometheus_port: int = field(default_factory=free_port)
    proc: Optional[subprocess.Popen] = None
    _tmp: Optional[tempfile.TemporaryDirectory] = None

    def __post_init__(self):
        if self.base_path is None:
            self._tmp = tempfile.TemporaryDirectory(prefix=f"tensorchain-{self.name}-")
            self.base_path = Path(self._tmp.name)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.rpc_port}"

    @property
    def log_path(self) -> Path:
        return self.base_path / f"{self.name}.log"

    def start(self, timeout: float = 120) -> "Node":
        cmd = [
            str(binary()),
            "--base-path", str(self.base_path),
            "--rpc-port", str(self.rpc_port),
            "--port", str(self.p2p_port),
            "--prometheus-port", str(self.prometheus_port),
            "--no-telemetry",
            "--no-mdns",
            *self.args,
        ]
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            self.wait_ready(timeout)
        except Exception:
            self.kill()
            raise
        return self

    def wait_ready(self, timeout: float):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                rpc(self.rpc_port, "system_health", timeout=2)
                return
            except Exception:
                time.sleep(0.2)
        raise TimeoutError(f"{self.name} did not serve RPC in {timeout}s:\n{self.tail()}")

    def stop(self, timeout: float = 30):
        """SIGTERM and wait, so that the database is closed cleanly; SIGKILL as a last resort."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def cleanup(self):
        self.stop()
        if self._tmp is not None:
            self._tmp.cleanup()

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # --- chain queries over raw JSON-RPC ---

    def call(self, method: str, params: Optional[list] = None) -> Any:
        return rpc(self.rpc_port, method, params)

    def best_number(self) -> int:
        return int(self.call("chain_getHeader")["number"], 16)

    def finalized_number(self) -> int:
        head = self.call("chain_getFinalizedHead")
        return int(self.call("chain_getHeader", [head])["number"], 16)

    def wait_for(self, predicate, timeout: float, what: str):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.25)
        raise TimeoutError(f"{self.name}: timed out after {timeout}s waiting for {what}\n{self.tail()}")

    def wait_for_finalized(self, number: int, timeout: float = 60) -> int:
        return self.wait_for(
            lambda: (n := self.finalized_number()) >= number and n,
            timeout,
            f"finalized block #{number}",
        )

    def wait_for_best(self, number: int, timeout: float = 60) -> int:
        return self.wait_for(
            lambda: (n := self.best_number()) >= number and n, timeout, f"best block #{number}"
        )

    def peer_id(self) -> str:
        return self.call("system_localPeerId")
