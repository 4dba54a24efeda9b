"""Fixtures for the end-to-end tests: real nodes and the clients the Bittensor SDK uses."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import Node, binary  # noqa: E402

from async_substrate_interface.sync_substrate import SubstrateInterface  # noqa: E402
from bittensor_wallet import Keypair  # noqa: E402
from websockets.sync.client import connect  # noqa: E402


def pytest_configure(config):
    if not binary().exists():
        raise pytest.UsageError(f"node binary not found at {binary()}: build it first (see README)")


@pytest.fixture(scope="module")
def dev_node():
    """One `--dev` node for a module's tests, sealing a block every 100 ms to keep tests quick."""
    # No drand fetching: tests inject recorded pulses, also on a machine with Internet.
    node = Node(["--dev", "--sealing", "100", "--state-pruning", "archive-canonical", "--drand-endpoints="],
                name="dev")
    try:
        node.start()
        node.wait_for_finalized(1)
        yield node
    finally:
        node.cleanup()


@pytest.fixture
def substrate(dev_node):
    client = SubstrateInterface(dev_node.url, ss58_format=42, chain_name="Bittensor")
    yield client
    client.close()


@pytest.fixture(scope="module")
def sdk(dev_node):
    """The bittensor SDK's `Subtensor`, connected to the module's dev node."""
    import bittensor as bt

    client = bt.Subtensor(network=dev_node.url)
    yield client
    client.close()


@pytest.fixture
def alice():
    return Keypair.create_from_uri("//Alice")


@pytest.fixture
def bob():
    return Keypair.create_from_uri("//Bob")


def free_balance(substrate, address: str, block_hash=None) -> int:
    return substrate.query("System", "Account", [address], block_hash=block_hash).value["data"]["free"]


def submit_and_watch(url: str, extrinsic_hex: str, until: str = "finalized", timeout: float = 60):
    """Submits through `author_submitAndWatchExtrinsic` and returns every status received,
    in order, up to `until` (or an error/terminal status). Raises on an RPC error."""
    statuses = []
    with connect(url, open_timeout=10, close_timeout=5) as ws:
        ws.send(json.dumps({
            "jsonrpc": "2.0", "id": 1,
            "method": "author_submitAndWatchExtrinsic", "params": [extrinsic_hex],
        }))
        while True:
            message = json.loads(ws.recv(timeout=timeout))
            if "error" in message:
                raise SubmitError(message["error"])
            if "params" not in message:
                continue  # the subscription id
            status = message["params"]["result"]
            statuses.append(status)
            key = status if isinstance(status, str) else next(iter(status))
            if key == until or key in ("usurped", "dropped", "invalid", "finalityTimeout", "retracted"):
                return statuses


class SubmitError(Exception):
    def __init__(self, error: dict):
        super().__init__(json.dumps(error))
        self.code = error.get("code")
        self.message = error.get("message")
        self.data = error.get("data")
