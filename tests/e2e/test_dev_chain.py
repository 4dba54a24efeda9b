"""A `--dev` node driven through async-substrate-interface, the client of the Bittensor SDK
and btcli: block production and finality, signed transfers and their fees, rejections,
restarts, and what the clients read on connecting."""

from __future__ import annotations

import time

import pytest
from bittensor_wallet import Keypair

from chain import block_events
from conftest import SubmitError, free_balance, submit_and_watch
from harness import Node

TAO = 10**9


def total_issuance(substrate, block_hash: str) -> int:
    return substrate.query("Balances", "TotalIssuance", [], block_hash=block_hash).value


def transfer(substrate, signer: Keypair, dest: str, value: int, **kwargs):
    call = substrate.compose_call(
        "Balances", "transfer_keep_alive", {"dest": dest, "value": value}
    )
    return substrate.create_signed_extrinsic(call=call, keypair=signer, **kwargs)


def test_blocks_are_produced_and_finalized(dev_node):
    start = dev_node.finalized_number()
    finalized = dev_node.wait_for_finalized(start + 5, timeout=30)
    assert finalized >= start + 5
    assert dev_node.best_number() >= finalized
    # Finality is instant on a sealed dev chain: the finalized head keeps up with the best.
    assert dev_node.best_number() - dev_node.finalized_number() <= 2


def test_connect_reads_what_clients_need(dev_node, substrate):
    methods = dev_node.call("rpc_methods")["methods"]
    for method in ("account_nextIndex", "payment_queryInfo", "state_getStorageAt",
                   "author_submitAndWatchExtrinsic", "chain_subscribeFinalizedHeads",
                   "state_call", "state_getKeysPaged", "system_chainType"):
        assert method in methods, method

    # V15 metadata through the runtime API, as the clients request it.
    raw = dev_node.call("state_call", ["Metadata_metadata_at_version", "0x0f000000"])
    body = bytes.fromhex(raw[2:])
    assert body[0] == 1  # Some(...)
    magic = body.index(b"meta")
    assert body[magic + 4] == 15

    props = dev_node.call("system_properties")
    assert props == {"ss58Format": 42, "tokenDecimals": 9, "tokenSymbol": "TAO"}

    # The extensions as the client sees them in the metadata it signs with: identifiers and
    # order must be the ones it hard-codes.
    substrate.init_runtime()
    extensions = list(substrate.runtime.metadata.get_signed_extensions().keys())
    assert extensions == [
        "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis",
        "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPayment",
        "CheckShieldedTxValidity", "SubtensorTransactionExtension", "CheckMetadataHash",
    ]

    assert substrate.get_constant("Balances", "ExistentialDeposit").value == 500
    # The dev fixture seals every 100 ms: the slot the clients read is the real block time,
    # and block timestamps follow the wall clock.
    assert substrate.get_constant("Aura", "SlotDuration").value == 100
    now_ms = substrate.query("Timestamp", "Now").value
    assert abs(now_ms - time.time() * 1000) < 5_000
    assert substrate.query("Sudo", "Key").value == Keypair.create_from_uri("//Alice").ss58_address


def test_signed_transfer_goes_ready_in_block_finalized_and_adds_up(dev_node, substrate, alice, bob):
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    value = 10 * TAO
    before = substrate.get_chain_finalised_head()
    bob_before = free_balance(substrate, bob.ss58_address, before)
    alice_before = free_balance(substrate, alice.ss58_address, before)
    author = Keypair.create_from_uri("//One")
    author_before = free_balance(substrate, author.ss58_address, before)
    issuance_before = total_issuance(substrate, before)

    xt = transfer(substrate, bob, dest.ss58_address, value, era={"period": 64})
    statuses = submit_and_watch(dev_node.url, "0x" + bytes(xt.data.data).hex())
    keys = [s if isinstance(s, str) else next(iter(s)) for s in statuses]
    assert keys[0] == "ready"
    assert keys[-1] == "finalized"
    assert "inBlock" in keys
    in_block = statuses[keys.index("inBlock")]["inBlock"]
    assert statuses[-1]["finalized"] == in_block

    # The extrinsic is in the block the status named, and its events are there.
    block = substrate.get_block(in_block)
    assert any(e.value.get("call", {}).get("call_function") == "transfer_keep_alive"
               for e in block["extrinsics"])
    events = block_events(substrate, in_block)
    fee_events = [a for (p, e, a) in events if (p, e) == ("TransactionPayment", "TransactionFeePaid")]
    assert len(fee_events) == 1
    fee = fee_events[0]["actual_fee"]
    assert fee > 0 and fee_events[0]["tip"] == 0
    # Upstream's fee formula: the clients' own tests expect a transfer to cost under 0.0002 TAO.
    assert fee < 200_000, fee
    assert ("System", "NewAccount") in [(p, e) for (p, e, _) in events]

    # Every rao is accounted for: Bob paid value + fee, the author (//One, as on upstream's
    # localnet: not the sudo key) got the fee, the new account got the value, and no TAO was
    # created or destroyed.
    assert free_balance(substrate, dest.ss58_address, in_block) == value
    assert free_balance(substrate, bob.ss58_address, in_block) == bob_before - value - fee
    assert free_balance(substrate, author.ss58_address, in_block) == author_before + fee
    assert free_balance(substrate, alice.ss58_address, in_block) == alice_before
    assert total_issuance(substrate, in_block) == issuance_before

    # The fee charged is the one the node quotes through payment_queryInfo.
    quote = dev_node.call("payment_queryInfo", ["0x" + bytes(xt.data.data).hex(), in_block])
    assert int(quote["partialFee"]) == fee


def state_fingerprint(substrate, addresses, block_hash):
    return (
        [free_balance(substrate, a, block_hash) for a in addresses],
        [substrate.query("System", "Account", [a], block_hash=block_hash).value["nonce"] for a in addresses],
        total_issuance(substrate, block_hash),
    )


def test_bad_transfers_are_rejected_and_change_nothing(dev_node, substrate, alice, bob):
    poor = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    # Fund an account with less than a transfer's fee (but above the existential deposit).
    fund = transfer(substrate, alice, poor.ss58_address, 1_000)
    submit_and_watch(dev_node.url, "0x" + bytes(fund.data.data).hex())

    watched = [alice.ss58_address, bob.ss58_address, poor.ss58_address, dest.ss58_address]
    before_hash = substrate.get_chain_finalised_head()
    before = state_fingerprint(substrate, watched, before_hash)

    # 1. A bad signature: the signature bytes of a valid transfer, corrupted.
    good = bytes(transfer(substrate, bob, dest.ss58_address, TAO).data.data)
    sig_at = good.index(bytes(bob.public_key)) + 32 + 1  # after the signer and the sig type
    bad = bytearray(good)
    bad[sig_at + 5] ^= 0xFF
    with pytest.raises(SubmitError) as err:
        submit_and_watch(dev_node.url, "0x" + bytes(bad).hex())
    assert err.value.code == 1010 and "bad signature" in str(err.value.data).lower()

    # 2. A stale nonce: one Bob has already used.
    nonce = dev_node.call("account_nextIndex", [bob.ss58_address])
    assert nonce >= 1
    stale = transfer(substrate, bob, dest.ss58_address, TAO, nonce=nonce - 1)
    with pytest.raises(SubmitError) as err:
        submit_and_watch(dev_node.url, "0x" + bytes(stale.data.data).hex())
    assert err.value.code == 1010 and "outdated" in str(err.value.data).lower()

    # 3. More than the balance, from an account that cannot even pay the fee.
    broke = transfer(substrate, poor, dest.ss58_address, 10 * TAO)
    with pytest.raises(SubmitError) as err:
        submit_and_watch(dev_node.url, "0x" + bytes(broke.data.data).hex())
    assert err.value.code == 1010 and "inability to pay some fees" in str(err.value.data).lower()

    # Let blocks pass, then check that nothing moved.
    after_number = dev_node.finalized_number() + 3
    dev_node.wait_for_finalized(after_number)
    after = state_fingerprint(substrate, watched, substrate.get_chain_finalised_head())
    assert after == before


def test_overdraft_fails_in_the_block_with_a_named_error_and_moves_only_the_fee(dev_node, substrate, bob):
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    head = substrate.get_chain_finalised_head()
    bob_before = free_balance(substrate, bob.ss58_address, head)
    xt = transfer(substrate, bob, dest.ss58_address, bob_before * 2)
    statuses = submit_and_watch(dev_node.url, "0x" + bytes(xt.data.data).hex())
    block = statuses[-1]["finalized"]
    events = block_events(substrate, block)
    failed = [a for (p, e, a) in events if (p, e) == ("System", "ExtrinsicFailed")]
    assert len(failed) == 1
    assert "FundsUnavailable" in str(failed[0]["dispatch_error"])
    fee = [a for (p, e, a) in events if (p, e) == ("TransactionPayment", "TransactionFeePaid")][0]["actual_fee"]
    assert free_balance(substrate, bob.ss58_address, block) == bob_before - fee
    assert free_balance(substrate, dest.ss58_address, block) == 0


def test_restart_on_the_same_base_path_keeps_state_and_goes_on(tmp_path):
    node = Node(["--dev", "--sealing", "100"], base_path=tmp_path, name="restart").start()
    try:
        from async_substrate_interface.sync_substrate import SubstrateInterface

        node.wait_for_finalized(3)
        client = SubstrateInterface(node.url, ss58_format=42, chain_name="Bittensor")
        alice = Keypair.create_from_uri("//Alice")
        dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
        xt = transfer(client, alice, dest.ss58_address, 3 * TAO)
        statuses = submit_and_watch(node.url, "0x" + bytes(xt.data.data).hex())
        assert "finalized" in statuses[-1]
        client.close()
        genesis = node.call("chain_getBlockHash", [0])
        height = node.finalized_number()
        node.stop()
        assert node.proc.returncode == 0, node.tail()

        node.start()
        assert node.call("chain_getBlockHash", [0]) == genesis
        assert node.finalized_number() >= height
        node.wait_for_finalized(height + 5, timeout=30)
        client = SubstrateInterface(node.url, ss58_format=42, chain_name="Bittensor")
        head = client.get_chain_finalised_head()
        assert free_balance(client, dest.ss58_address, head) == 3 * TAO
        client.close()
    finally:
        node.cleanup()


def test_manual_sealing_makes_blocks_only_on_request():
    node = Node(["--dev", "--sealing", "manual"], name="manual").start()
    try:
        time.sleep(1.5)
        assert node.best_number() == 0
        created = node.call("engine_createBlock", [True, True, None])
        assert created["hash"].startswith("0x")
        assert node.best_number() == 1 and node.finalized_number() == 1
        node.call("engine_createBlock", [True, False, None])
        assert node.best_number() == 2 and node.finalized_number() == 1
        node.call("engine_finalizeBlock", [node.call("chain_getBlockHash", [2]), None])
        assert node.finalized_number() == 2
    finally:
        node.cleanup()


def test_instant_sealing_makes_a_block_per_transaction():
    node = Node(["--dev", "--sealing", "instant"], name="instant").start()
    try:
        from async_substrate_interface.sync_substrate import SubstrateInterface

        time.sleep(1.0)
        assert node.best_number() == 0
        client = SubstrateInterface(node.url, ss58_format=42, chain_name="Bittensor")
        xt = transfer(client, Keypair.create_from_uri("//Alice"),
                      Keypair.create_from_uri("//Dave").ss58_address, TAO)
        statuses = submit_and_watch(node.url, "0x" + bytes(xt.data.data).hex())
        assert "finalized" in statuses[-1]
        assert node.best_number() == 1
        client.close()
    finally:
        node.cleanup()


def test_an_edited_chain_spec_starts_plain_and_raw(tmp_path):
    import json
    import subprocess

    from harness import binary

    plain = json.loads(subprocess.run(
        [str(binary()), "build-spec", "--chain", "local"],
        check=True, capture_output=True, text=True,
    ).stdout)
    assert plain["properties"] == {"ss58Format": 42, "tokenDecimals": 9, "tokenSymbol": "TAO"}
    # Edit it: a new name and id, sealed blocks (a Development chain), and a new balance for
    # Eve.
    plain["name"] = "Edited"
    plain["id"] = "edited"
    plain["chainType"] = "Development"
    eve = Keypair.create_from_uri("//Eve").ss58_address
    patch = plain["genesis"]["runtimeGenesis"]["patch"]
    patch["balances"]["balances"] = [
        [who, 777 * TAO if who == eve else amount] for who, amount in patch["balances"]["balances"]
    ]
    plain_path = tmp_path / "plain.json"
    plain_path.write_text(json.dumps(plain))
    raw = subprocess.run(
        [str(binary()), "build-spec", "--chain", str(plain_path), "--raw"],
        check=True, capture_output=True, text=True,
    ).stdout
    raw_path = tmp_path / "raw.json"
    raw_path.write_text(raw)
    assert "runtimeGenesis" not in json.loads(raw)["genesis"]

    for spec in (plain_path, raw_path):
        node = Node(["--chain", str(spec), "--sealing", "100"], name=f"spec-{spec.stem}").start()
        try:
            from async_substrate_interface.sync_substrate import SubstrateInterface

            assert node.call("system_chain") == "Edited"
            node.wait_for_finalized(2)
            client = SubstrateInterface(node.url, ss58_format=42, chain_name="Bittensor")
            assert free_balance(client, eve, client.get_chain_finalised_head()) == 777 * TAO
            client.close()
        finally:
            node.cleanup()
