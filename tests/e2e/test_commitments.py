"""Commitments (`pallets-2.md` §3) through the SDK (bittensor 10.5.0, unmodified) against a dev
node: `set_commitment`/`get_commitment`/`get_all_commitments`, the metagraph's `commitments`
field, `publish_metadata(reset_bonds=True)` and `get_last_bonds_reset`, a timelocked
commitment (stored and waiting: an offline chain never stores its wall-clock round's pulse),
and dissolution."""

from __future__ import annotations

import bittensor as bt
import pytest
from async_substrate_interface.errors import SubstrateRequestException
from bittensor.core.extrinsics.serving import publish_metadata_extrinsic
from bittensor_wallet import Keypair, Wallet

from chain import TAO, new_netuid, submit


@pytest.fixture(scope="module")
def sdk(dev_node):
    client = bt.Subtensor(network=dev_node.url)
    yield client
    client.close()


def commitment_of(substrate, netuid, hotkey, block=None):
    return substrate.query("Commitments", "CommitmentOf", [netuid, hotkey], block_hash=block).value


def test_sdk_commitments(dev_node, substrate, sdk, tmp_path):
    url = dev_node.url
    alice = Keypair.create_from_uri("//Alice")
    owner_mnemonic, hotkey_mnemonic = Keypair.generate_mnemonic(), Keypair.generate_mnemonic()
    owner, hotkey = Keypair.create_from_mnemonic(owner_mnemonic), Keypair.create_from_mnemonic(hotkey_mnemonic)
    submit(substrate, url, alice, "Balances", "transfer_keep_alive", {"dest": owner.ss58_address, "value": 10_000 * TAO})
    _, events = submit(substrate, url, owner, "SubtensorModule", "register_network", {"hotkey": hotkey.ss58_address})
    netuid = new_netuid(events)
    wallet = Wallet(name="owner", hotkey="default", path=str(tmp_path))
    wallet.regenerate_coldkey(mnemonic=owner_mnemonic, use_password=False, overwrite=True)
    wallet.regenerate_hotkey(mnemonic=hotkey_mnemonic, use_password=False, overwrite=True)

    response = sdk.set_commitment(wallet=wallet, netuid=netuid, data="hello")
    assert response.success, response.message
    stored = commitment_of(substrate, netuid, hotkey.ss58_address)
    assert stored["deposit"] == 0
    assert stored["info"]["fields"] == [[{"Raw5": "0x68656c6c6f"}]] or stored["info"]["fields"] == [{"Raw5": "0x68656c6c6f"}]
    committed_at = substrate.query("Commitments", "LastCommitment", [netuid, hotkey.ss58_address]).value
    assert stored["block"] == committed_at > 0
    assert sdk.get_commitment(netuid, 0) == "hello"
    assert sdk.get_all_commitments(netuid) == {hotkey.ss58_address: "hello"}
    info = sdk.get_metagraph_info(netuid, selected_indices=[0, 73])
    assert info.commitments == ((hotkey.ss58_address, "hello"),)
    used = substrate.query("Commitments", "UsedSpaceOf", [netuid, hotkey.ss58_address]).value
    assert used["used_space"] == 100  # max(100, 5 bytes)

    # A commitment carrying the bonds-reset flag records its block.
    response = publish_metadata_extrinsic(sdk, wallet, netuid, "Raw4", b"ping", reset_bonds=True)
    assert response.success, response.message
    last = sdk.get_last_bonds_reset(netuid, hotkey.ss58_address)
    assert last.value == substrate.query("Commitments", "LastCommitment", [netuid, hotkey.ss58_address]).value
    assert sdk.get_commitment(netuid, 0) == "ping"

    # A timelocked commitment is stored and waits for its drand round.
    response = sdk.set_reveal_commitment(wallet=wallet, netuid=netuid, data="secret", blocks_until_reveal=10)
    assert response.success, response.message
    stored = commitment_of(substrate, netuid, hotkey.ss58_address)
    fields = stored["info"]["fields"]
    fields = fields[0] if fields and isinstance(fields[0], list) else fields
    assert list(fields[0]) == ["TimelockEncrypted"] and fields[0]["TimelockEncrypted"]["reveal_round"] > 0
    index = substrate.query("Commitments", "TimelockedIndex").value
    assert [netuid, hotkey.ss58_address] in [list(e) for e in index]
    assert sdk.get_revealed_commitment(netuid, 0) is None

    # Only registered hotkeys may commit: the pool refuses the free call.
    stranger = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    call = substrate.compose_call("Commitments", "set_commitment",
                                  {"netuid": netuid, "info": {"fields": [[{"Raw2": b"hi"}]]}})
    with pytest.raises(SubstrateRequestException) as refused:
        substrate.submit_extrinsic(substrate.create_signed_extrinsic(call=call, keypair=stranger),
                                   wait_for_inclusion=True)
    assert "Custom error: 10" in str(refused.value) or "'Custom': 10" in str(refused.value), refused.value

    # Dissolving the subnet removes its commitments.
    inner = substrate.compose_call("SubtensorModule", "root_dissolve_network", {"netuid": netuid})
    submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})
    assert commitment_of(substrate, netuid, hotkey.ss58_address) is None
    assert sdk.get_all_commitments(netuid) == {}
    index = substrate.query("Commitments", "TimelockedIndex").value
    assert [netuid, hotkey.ss58_address] not in [list(e) for e in index]
