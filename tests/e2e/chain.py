"""Helpers shared by the end-to-end tests: submitting as the SDK does, reading storage, and
the accounts the chain derives."""

from __future__ import annotations

import struct

from conftest import submit_and_watch

TAO = 10**9

# Two real quicknet pulses (public data, `pallets-2.md` §2.11) and a forged signature for
# round 1000 that is not even a curve point.
PULSE_1000 = "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39"
PULSE_2000 = "b6cb8f482a0b15d45936a4c4ea08e98a087e71787caee3f4d07a8a9843b1bc5423c6b3c22f446488b3137eaca799c77e"
FORGED_1000 = "b0a8b04e009cf72534321aca0f50048da596a3feec1172a0244d9a4a623a3123d0402da79854d4c705e94bc73224c341"


def submit(substrate, url, signer, module, function, params):
    """Signs and submits a call; returns (block hash, events of the extrinsic's block)."""
    call = substrate.compose_call(module, function, params)
    xt = substrate.create_signed_extrinsic(call=call, keypair=signer, era={"period": 64})
    statuses = submit_and_watch(url, "0x" + bytes(xt.data.data).hex())
    block = statuses[-1]["finalized"]
    events = block_events(substrate, block)
    failed = [a for (p, e, a) in events if (p, e) == ("System", "ExtrinsicFailed")]
    if failed:
        raise AssertionError(f"{module}.{function} failed: {failed}")
    return block, events


def block_events(substrate, block_hash, extrinsic=None) -> list:
    """(pallet, event, attributes) for the events of a block, or of its extrinsic at index
    `extrinsic`."""
    return [(r["event"]["module_id"], r["event"]["event_id"], r["event"]["attributes"])
            for r in substrate.get_events(block_hash) if extrinsic is None or r["extrinsic_idx"] == extrinsic]


def query(substrate, name, params, block=None):
    return substrate.query("SubtensorModule", name, params, block_hash=block).value


def failing(substrate, signer, module, function, params):
    """Submits as the SDK does; returns the error name its receipt reports and the block."""
    call = substrate.compose_call(module, function, params)
    xt = substrate.create_signed_extrinsic(call=call, keypair=signer)
    receipt = substrate.submit_extrinsic(xt, wait_for_inclusion=True, wait_for_finalization=True)
    assert receipt.is_success is False
    return receipt.error_message["name"], receipt.block_hash


def new_netuid(events):
    """The netuid of a `NetworkAdded` event (positional, as clients read it)."""
    added = [a for (p, e, a) in events if (p, e) == ("SubtensorModule", "NetworkAdded")]
    assert len(added) == 1
    return added[0][0] if isinstance(added[0], (list, tuple)) else list(added[0].values())[0]


def pallet_sub_account(pallet_id: bytes, index: bytes) -> bytes:
    """A pallet's sub-account, as `into_sub_account_truncating` derives it:
    `b"modl" ++ id ++ SCALE(index)`, zero-padded to 32 bytes."""
    raw = b"modl" + pallet_id + index
    return raw + b"\0" * (32 - len(raw))


def subnet_account(netuid: int) -> bytes:
    """The account holding a subnet's pool: PalletId "subtensr" with the netuid (u16 LE)."""
    return pallet_sub_account(b"subtensr", struct.pack("<H", netuid))


def event_attrs(events, pallet, name):
    return [a for (p, e, a) in events if (p, e) == (pallet, name)]


def tx_fee(events) -> int:
    return sum(a["actual_fee"] for a in event_attrs(events, "TransactionPayment", "TransactionFeePaid"))


def fields(attributes) -> list:
    """An event's fields in order, whether the client decoded them as a tuple or a dict."""
    if isinstance(attributes, (list, tuple)):
        return list(attributes)
    return list(attributes.values())


def alpha_of(substrate, hotkey, coldkey, netuid, block=None):
    """A coldkey's alpha on a hotkey, as the chain values its shares."""
    shares = substrate.query("SubtensorModule", "Alpha", [hotkey, coldkey, netuid], block_hash=block).value
    total = query(substrate, "TotalHotkeyShares", [hotkey, netuid], block)
    value = query(substrate, "TotalHotkeyAlpha", [hotkey, netuid], block)
    shares = shares["bits"] if isinstance(shares, dict) else shares
    total = total["bits"] if isinstance(total, dict) else total
    return value * shares // total if total else 0


def block_with_event(substrate, pallet, name, back=40):
    """The newest finalized block (within `back`) with a `pallet.name` event, and its events."""
    head = substrate.get_chain_finalised_head()
    number = substrate.get_block_number(head)
    for n in range(number, max(number - back, 0), -1):
        h = substrate.get_block_hash(n)
        events = block_events(substrate, h)
        if event_attrs(events, pallet, name):
            return h, events
    raise AssertionError(f"no {pallet}.{name} in the last {back} blocks")
