"""A three-node `local` network on one machine: Alice and Bob validate with Aura + GRANDPA,
a third node follows. Both validators must vote for finality (2 of 2), so killing one stalls
finality and restarting it resumes it."""

from __future__ import annotations

import pytest

from harness import Node

# Real 12-second Aura slots: these tests take a few minutes.
pytestmark = pytest.mark.slow

# Validators must be given a network key (or have one on disk); fixed keys give known peer ids.
ALICE_NODE_KEY = "0000000000000000000000000000000000000000000000000000000000000001"
BOB_NODE_KEY = "0000000000000000000000000000000000000000000000000000000000000002"


@pytest.fixture(scope="module")
def network():
    nodes = {}
    try:
        nodes["alice"] = Node(["--chain", "local", "--alice", "--validator", "--node-key", ALICE_NODE_KEY],
                              name="alice").start()
        boot = f"/ip4/127.0.0.1/tcp/{nodes['alice'].p2p_port}/p2p/{nodes['alice'].peer_id()}"
        nodes["bob"] = Node(["--chain", "local", "--bob", "--validator", "--node-key", BOB_NODE_KEY,
                             "--bootnodes", boot], name="bob").start()
        nodes["full"] = Node(["--chain", "local", "--name", "follower", "--bootnodes", boot],
                             name="full").start()
        yield nodes
    finally:
        # Also when a node fails to start: none may outlive the test.
        for node in nodes.values():
            node.cleanup()


def test_three_nodes_connect_and_finalize(network):
    for node in network.values():
        node.wait_for(lambda n=node: n.call("system_health")["peers"] >= 2, 60, "two peers")
    for node in network.values():
        node.wait_for_finalized(2, timeout=120)
    # All three agree on the finalized chain.
    number = min(n.finalized_number() for n in network.values())
    hashes = {n.call("chain_getBlockHash", [number]) for n in network.values()}
    assert len(hashes) == 1


def test_a_killed_validator_catches_up_and_finality_resumes(network):
    alice, bob, full = network["alice"], network["bob"], network["full"]
    bob.kill()
    stalled_at = alice.finalized_number()
    # Alice alone keeps authoring (her slots) but cannot finalize with half the votes.
    alice.wait_for_best(alice.best_number() + 2, timeout=60)
    assert alice.finalized_number() <= stalled_at + 1

    bob.start()
    best = alice.best_number()
    bob.wait_for_best(best, timeout=120)
    for node in (alice, bob, full):
        node.wait_for_finalized(stalled_at + 3, timeout=180)
