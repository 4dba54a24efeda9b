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


def test_a_shielded_transfer_with_two_authors(network, tmp_path):
    """Two Aura authors, each with its own fixed shield key: the SDK encrypts to `NextKey`
    (the key of the author two slots ahead, i.e. the author of the current block) and that
    author opens the wrapper in its next block."""
    import bittensor as bt
    from async_substrate_interface.sync_substrate import SubstrateInterface
    from bittensor_wallet import Keypair, Wallet

    alice = network["alice"]
    alice.wait_for_best(3, timeout=120)
    chain = SubstrateInterface(alice.url, ss58_format=42)
    values = [getattr(v, "value", v) for _, v in chain.query_map("MevShield", "AuthorKeys")]
    keys = [bytes.fromhex(v[2:]) if isinstance(v, str) else bytes(v) for v in values]
    assert len(keys) == 2 and all(len(k) == 1184 for k in keys) and keys[0] != keys[1]
    chain.close()

    sdk = bt.Subtensor(network=alice.url)
    w = Wallet(name="alice", hotkey="default", path=str(tmp_path))
    w.set_coldkey(Keypair.create_from_uri("//Alice"), encrypt=False, overwrite=True)
    w.set_coldkeypub(Keypair.create_from_uri("//Alice"), overwrite=True)
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    res = sdk.transfer(wallet=w, destination_ss58=dest.ss58_address, amount=bt.Balance.from_tao(2),
                       mev_protection=True, wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res
    assert res.mev_extrinsic is not None and res.mev_extrinsic.is_success
    assert sdk.get_balance(dest.ss58_address).rao == 2 * 10**9
    sdk.close()
