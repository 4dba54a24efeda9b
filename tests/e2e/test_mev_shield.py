"""The MEV shield on a dev chain, driven as the clients drive it: the SDK's own shielded
submission, and hand-made wrappers (with the clients' encryption, bittensor_drand's
`encrypt_mlkem768`) for the cases no client sends on purpose: corrupt, undecryptable,
unsigned inside, addressed to another key, immortal."""

from __future__ import annotations

import hashlib
import json
import os
import time

import bittensor as bt
import bittensor_drand as bd
import pytest
from bittensor_wallet import Keypair, Wallet

from chain import TAO, block_events, event_attrs
from conftest import SubmitError, free_balance, submit_and_watch

KEY_LEN = 1184


def next_key(substrate, block=None) -> bytes:
    value = substrate.query("MevShield", "NextKey", block_hash=block).value
    return bytes.fromhex(value[2:]) if isinstance(value, str) else bytes(value)


def signed(substrate, keypair, module, function, params, nonce, era=None):
    call = substrate.compose_call(module, function, params)
    xt = substrate.create_signed_extrinsic(call=call, keypair=keypair, nonce=nonce,
                                           era=era if era is not None else {"period": 8})
    return bytes(xt.data.data)


def wrapper(substrate, keypair, ciphertext: bytes, nonce, era=None) -> bytes:
    return signed(substrate, keypair, "MevShield", "submit_encrypted", {"ciphertext": "0x" + ciphertext.hex()},
                  nonce, era)


def nonce_of(substrate, who: str) -> int:
    return substrate.query("System", "Account", [who]).value["nonce"]


def block_extrinsics(dev_node, block_hash) -> list[str]:
    return dev_node.call("chain_getBlock", [block_hash])["block"]["extrinsics"]


def included(statuses) -> str:
    last = statuses[-1]
    assert isinstance(last, dict) and "finalized" in last, statuses
    return last["finalized"]


def funded(substrate, dev_node, alice, tao=100) -> Keypair:
    who = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    xt = signed(substrate, alice, "Balances", "transfer_keep_alive", {"dest": who.ss58_address, "value": tao * TAO},
                nonce_of(substrate, alice.ss58_address))
    included(submit_and_watch(dev_node.url, "0x" + xt.hex()))
    return who


def test_next_key_is_always_a_valid_ml_kem_key(dev_node, substrate):
    head = substrate.get_chain_finalised_head()
    key = next_key(substrate, head)
    assert len(key) == KEY_LEN
    # One author with a fixed key: every stage of the pipeline holds it.
    assert substrate.query("MevShield", "PendingKey", block_hash=head).value == \
        substrate.query("MevShield", "NextKey", block_hash=head).value
    authors = list(substrate.query_map("MevShield", "AuthorKeys", block_hash=head))
    assert len(authors) == 1
    # Blocks carry the announcing inherent, as a bare extrinsic clients can decode.
    block = substrate.get_block(head)
    calls = [(x.value["call"]["call_module"], x.value["call"]["call_function"]) for x in block["extrinsics"]]
    assert ("MevShield", "announce_next_key") in calls


def test_a_shielded_transaction_lands_right_after_its_wrapper(dev_node, substrate, alice):
    sender = funded(substrate, dev_node, alice)
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    n = nonce_of(substrate, sender.ss58_address)
    inner = signed(substrate, sender, "Balances", "transfer_keep_alive",
                   {"dest": dest.ss58_address, "value": 7 * TAO}, n + 1)
    ciphertext = bd.encrypt_mlkem768(next_key(substrate), inner, True)
    assert len(ciphertext) == 1146 + len(inner)
    outer = wrapper(substrate, sender, ciphertext, n)
    block = included(submit_and_watch(dev_node.url, "0x" + outer.hex()))

    xts = block_extrinsics(dev_node, block)
    at = xts.index("0x" + outer.hex())
    assert xts[at + 1] == "0x" + inner.hex()
    wrapper_events = block_events(substrate, block, at)
    submitted = event_attrs(wrapper_events, "MevShield", "EncryptedSubmitted")
    assert len(submitted) == 1
    inner_events = block_events(substrate, block, at + 1)
    assert event_attrs(inner_events, "Balances", "Transfer")
    assert event_attrs(inner_events, "System", "ExtrinsicSuccess")
    assert free_balance(substrate, dest.ss58_address, block) == 7 * TAO
    # The inner transaction was never in any pool: the client finds it by its hash.
    assert hashlib.blake2b(inner, digest_size=32).hexdigest() not in json.dumps(dev_node.call("author_pendingExtrinsics"))


def test_the_sdk_shields_a_transfer(dev_node, substrate, alice, sdk, tmp_path):
    sender = funded(substrate, dev_node, alice)
    w = Wallet(name="mev", hotkey="default", path=str(tmp_path))
    w.set_coldkey(sender, encrypt=False, overwrite=True)
    w.set_coldkeypub(sender, overwrite=True)
    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    res = sdk.transfer(wallet=w, destination_ss58=dest.ss58_address, amount=bt.Balance.from_tao(3),
                       mev_protection=True, wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res
    assert res.extrinsic_function == "submit_encrypted_extrinsic"
    assert res.mev_extrinsic is not None and res.mev_extrinsic.is_success
    assert sdk.get_balance(dest.ss58_address).rao == 3 * TAO


def pool_error(dev_node, xt: bytes) -> SubmitError:
    with pytest.raises(SubmitError) as err:
        submit_and_watch(dev_node.url, "0x" + xt.hex())
    return err.value


def test_malformed_and_immortal_wrappers_are_refused_by_the_pool(dev_node, substrate, alice):
    sender = funded(substrate, dev_node, alice)
    n = nonce_of(substrate, sender.ss58_address)
    # Too short to hold the framing: upstream's FailedShieldedTxParsing.
    err = pool_error(dev_node, wrapper(substrate, sender, bytes(5), n))
    assert err.code == 1010 and "Custom error: 23" in json.dumps(err.data), err
    # A wrapper must be mortal with an era of at most 8 blocks.
    good = bd.encrypt_mlkem768(next_key(substrate), b"\x00" * 10, True)
    err = pool_error(dev_node, wrapper(substrate, sender, good, n, era="00"))
    assert err.code == 1010 and "outdated" in json.dumps(err.data).lower(), err
    err = pool_error(dev_node, wrapper(substrate, sender, good, n, era={"period": 64}))
    assert err.code == 1010 and "outdated" in json.dumps(err.data).lower(), err
    assert nonce_of(substrate, sender.ss58_address) == n


def test_undecryptable_or_unsigned_payloads_cost_the_fee_and_do_nothing(dev_node, substrate, alice):
    sender = funded(substrate, dev_node, alice)
    key = next_key(substrate)
    n = nonce_of(substrate, sender.ss58_address)
    inner = signed(substrate, sender, "System", "remark_with_event", {"remark": "0x01"}, n + 1)
    corrupt = bytearray(bd.encrypt_mlkem768(key, inner, True))
    corrupt[-3] ^= 0xFF  # the AEAD tag no longer matches
    bare = substrate.create_unsigned_extrinsic(substrate.compose_call("System", "remark_with_event", {"remark": "0x02"}))
    unsigned = bd.encrypt_mlkem768(key, bytes(bare.data.data), True)
    for i, payload in enumerate([bytes(corrupt), unsigned]):
        before = free_balance(substrate, sender.ss58_address)
        outer = wrapper(substrate, sender, payload, n + i)
        block = included(submit_and_watch(dev_node.url, "0x" + outer.hex()))
        xts = block_extrinsics(dev_node, block)
        at = xts.index("0x" + outer.hex())
        assert event_attrs(block_events(substrate, block, at), "MevShield", "EncryptedSubmitted")
        assert not any(event_attrs(block_events(substrate, block, j), "System", "Remarked") for j in range(len(xts)))
        assert free_balance(substrate, sender.ss58_address, block) < before  # the wrapper's fee
    assert nonce_of(substrate, sender.ss58_address) == n + 2


def test_a_wrapper_for_another_key_waits_in_the_pool(dev_node, substrate, alice):
    sender = funded(substrate, dev_node, alice)
    n = nonce_of(substrate, sender.ss58_address)
    stranger = os.urandom(KEY_LEN)
    payload = bytearray(bd.encrypt_mlkem768(next_key(substrate), b"\x04\x00", True))
    payload[:16] = hashlib.blake2b(stranger, digest_size=16).digest()  # not this author's key hash
    outer = wrapper(substrate, sender, bytes(payload), n)
    start = dev_node.best_number()
    dev_node.call("author_submitExtrinsic", ["0x" + outer.hex()])
    # Blocks pass (100 ms each) without it; it is kept for its author, within its 8-block era.
    dev_node.wait_for_best(start + 2, timeout=30)
    pending = dev_node.call("author_pendingExtrinsics")
    if dev_node.best_number() < start + 7:
        assert "0x" + outer.hex() in pending
    assert nonce_of(substrate, sender.ss58_address) == n
    # Its era ends and the pool lets it go, never included.
    deadline = time.time() + 60
    while "0x" + outer.hex() in dev_node.call("author_pendingExtrinsics"):
        assert time.time() < deadline, "the stale wrapper stayed in the pool"
        time.sleep(0.5)
    assert nonce_of(substrate, sender.ss58_address) == n
