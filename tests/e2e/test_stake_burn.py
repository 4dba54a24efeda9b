"""`add_stake_burn` and the auto-stake destination through the SDK (bittensor 10.5.0,
unmodified) against a dev node (`staking-2.md` §4)."""

from __future__ import annotations

import bittensor as bt
from bittensor_wallet import Keypair, Wallet

from chain import TAO, alpha_of, block_with_event, event_attrs, fields, new_netuid, query, submit


def test_add_stake_burn_and_auto_stake(dev_node, substrate, sdk, tmp_path):
    url = dev_node.url
    alice = Keypair.create_from_uri("//Alice")
    owner, owner_hk = (Keypair.create_from_mnemonic(Keypair.generate_mnemonic()) for _ in range(2))
    mnemonic = Keypair.generate_mnemonic()
    buyer = Keypair.create_from_mnemonic(mnemonic)
    for who in (owner, buyer):
        submit(substrate, url, alice, "Balances", "transfer_keep_alive", {"dest": who.ss58_address, "value": 5_000 * TAO})
    _, events = submit(substrate, url, owner, "SubtensorModule", "register_network", {"hotkey": owner_hk.ss58_address})
    netuid = new_netuid(events)
    submit(substrate, url, owner, "SubtensorModule", "start_call", {"netuid": netuid})
    wallet = Wallet(name="buyer", hotkey="default", path=str(tmp_path))
    wallet.regenerate_coldkey(mnemonic=mnemonic, use_password=False, overwrite=True)
    wallet.regenerate_hotkey(mnemonic=Keypair.generate_mnemonic(), use_password=False, overwrite=True)

    # A buy-back: the TAO enters the pool, the alpha bought is burned, no stake is left.
    balance = sdk.get_balance(buyer.ss58_address)
    response = sdk.add_stake_burn(wallet=wallet, netuid=netuid, hotkey_ss58=owner_hk.ss58_address,
                                  amount=bt.Balance.from_tao(10))
    assert response.success, response.message
    block, events = block_with_event(substrate, "SubtensorModule", "AddStakeBurn")
    parent = substrate.get_block_hash(substrate.get_block_number(block) - 1)
    burn = event_attrs(events, "SubtensorModule", "AddStakeBurn")[0]
    assert burn["hotkey"] == owner_hk.ss58_address and burn["amount"] == 10 * TAO and burn["alpha"] > 0
    burned = [fields(a) for a in event_attrs(events, "SubtensorModule", "AlphaBurned")]
    assert burned == [[buyer.ss58_address, owner_hk.ss58_address, burn["alpha"], netuid]]
    staked = [fields(a) for a in event_attrs(events, "SubtensorModule", "StakeAdded")]
    assert staked[0][:2] == [buyer.ss58_address, owner_hk.ss58_address] and staked[0][3] == burn["alpha"]
    assert alpha_of(substrate, owner_hk.ss58_address, buyer.ss58_address, netuid, block) == 0
    assert query(substrate, "SubnetTAO", [netuid], block) > query(substrate, "SubnetTAO", [netuid], parent)
    assert query(substrate, "SubnetAlphaBurned", [netuid], block) >= \
        query(substrate, "SubnetAlphaBurned", [netuid], parent) + burn["alpha"]
    assert sdk.get_balance(buyer.ss58_address).rao < balance.rao - 10 * TAO

    # Auto-stake: only to a hotkey registered on the subnet, by name.
    assert sdk.get_auto_stakes(buyer.ss58_address) == {}
    stranger = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    refused = sdk.set_auto_stake(wallet=wallet, netuid=netuid, hotkey_ss58=stranger.ss58_address)
    assert not refused.success and "HotKeyNotRegisteredInSubNet" in str(refused.message)
    response = sdk.set_auto_stake(wallet=wallet, netuid=netuid, hotkey_ss58=owner_hk.ss58_address)
    assert response.success, response.message
    assert sdk.get_auto_stakes(buyer.ss58_address) == {netuid: owner_hk.ss58_address}
    assert sdk.query_runtime_api("SubnetInfoRuntimeApi", "get_coldkey_auto_stake_hotkey",
                                 [buyer.ss58_address, netuid]) == owner_hk.ss58_address
    again = sdk.set_auto_stake(wallet=wallet, netuid=netuid, hotkey_ss58=owner_hk.ss58_address)
    assert not again.success and "SameAutoStakeHotkeyAlreadySet" in str(again.message)
