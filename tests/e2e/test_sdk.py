"""The Bittensor SDK itself (`bittensor` 10.5.0, unmodified) against a dev node: its view
calls decode our runtime APIs through the metadata, and its staking extrinsics go through.
Every value it reports is compared with the chain's storage."""

from __future__ import annotations

import hashlib
import time

import bittensor as bt
from bittensor_wallet import Keypair, Wallet

from chain import TAO, alpha_of, new_netuid, query, submit


def wallet_for(tmp_path, name, coldkey_mnemonic: str, hotkey_mnemonic: str) -> Wallet:
    """An SDK wallet on disk, as a user of btcli would have one."""
    w = Wallet(name=name, hotkey="default", path=str(tmp_path))
    w.regenerate_coldkey(mnemonic=coldkey_mnemonic, use_password=False, overwrite=True)
    w.regenerate_hotkey(mnemonic=hotkey_mnemonic, use_password=False, overwrite=True)
    return w


def test_sdk_views_and_staking(dev_node, substrate, alice, sdk, tmp_path):
    url = dev_node.url
    owner = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    owner_hk = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    staker_mnemonic = Keypair.generate_mnemonic()
    staker = Keypair.create_from_mnemonic(staker_mnemonic)
    for who in (owner, staker):
        submit(substrate, url, alice, "Balances", "transfer_keep_alive",
               {"dest": who.ss58_address, "value": 10_000 * TAO})

    cost = sdk.get_subnet_burn_cost()
    assert int(cost.rao) == sdk.query_runtime_api("SubnetRegistrationRuntimeApi", "get_network_registration_cost", [])
    _, events = submit(substrate, url, owner, "SubtensorModule", "register_network", {"hotkey": owner_hk.ss58_address})
    netuid = new_netuid(events)
    submit(substrate, url, owner, "SubtensorModule", "start_call", {"netuid": netuid})

    # Views: a subnet's pool as the SDK shows it.
    info = sdk.subnet(netuid)
    head = substrate.get_chain_finalised_head()
    assert info.netuid == netuid
    assert info.owner_coldkey == owner.ss58_address and info.owner_hotkey == owner_hk.ss58_address
    assert int(info.tao_in.rao) == query(substrate, "SubnetTAO", [netuid], head)
    assert int(info.alpha_in.rao) == query(substrate, "SubnetAlphaIn", [netuid], head)
    assert netuid in [s.netuid for s in sdk.all_subnets()]
    params = sdk.get_subnet_hyperparameters(netuid)
    assert params.tempo == query(substrate, "Tempo", [netuid], head)
    assert params.commit_reveal_weights_enabled is True
    neurons = sdk.neurons_lite(netuid)
    assert [n.hotkey for n in neurons] == [owner_hk.ss58_address]

    # Staking through the SDK's own extrinsic path.
    w = wallet_for(tmp_path, "staker", staker_mnemonic, Keypair.generate_mnemonic())
    assert w.coldkeypub.ss58_address == staker.ss58_address
    ok = sdk.add_stake(wallet=w, netuid=netuid, hotkey_ss58=owner_hk.ss58_address, amount=bt.Balance.from_tao(20),
                       wait_for_inclusion=True, wait_for_finalization=True, safe_staking=False)
    assert ok if isinstance(ok, bool) else ok.success, ok
    # One pinned block: the owner's hotkey earns emission from here on, which
    # moves both the hotkey's total and the staker's share of it.
    head = substrate.get_chain_finalised_head()
    at = substrate.get_block_number(head)
    on_chain = alpha_of(substrate, owner_hk.ss58_address, staker.ss58_address, netuid, head)
    assert on_chain > 0
    stake = sdk.get_stake(coldkey_ss58=staker.ss58_address, hotkey_ss58=owner_hk.ss58_address, netuid=netuid,
                          block=at)
    assert int(stake.rao) == on_chain
    infos = sdk.get_stake_info_for_coldkey(staker.ss58_address, block=at)
    assert [(i.hotkey_ss58, i.netuid, int(i.stake.rao)) for i in infos] == [(owner_hk.ss58_address, netuid, on_chain)]
    price = sdk.query_runtime_api("SwapRuntimeApi", "current_alpha_price", [netuid])
    assert abs(float(sdk.get_subnet_price(netuid=netuid).tao) - price / 1e9) < 1e-9


def test_sdk_coldkey_swap_announce_execute_dispute_reset(dev_node, substrate, alice, sdk, tmp_path):
    """`staking-2.md` §2: the SDK announces a swap, the announced coldkey's other transactions
    are refused in the pool (upstream's code 0), and after the dev chain's 50-block delay the
    swap moves its stake and balance; a disputed coldkey is refused with code 21 until root
    resets it."""
    url = dev_node.url
    old_mnemonic = Keypair.generate_mnemonic()
    old = Keypair.create_from_mnemonic(old_mnemonic)
    new = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    submit(substrate, url, alice, "Balances", "transfer_keep_alive", {"dest": old.ss58_address, "value": 100 * TAO})
    root_hotkey = query(substrate, "Keys", [1, 0])  # the genesis subnet's neuron, an existing hotkey
    submit(substrate, url, old, "SubtensorModule", "add_stake",
           {"hotkey": root_hotkey, "netuid": 0, "amount_staked": 10 * TAO})
    staked = alpha_of(substrate, root_hotkey, old.ss58_address, 0)
    assert staked > 0

    w = wallet_for(tmp_path, "swapper", old_mnemonic, Keypair.generate_mnemonic())
    before = substrate.query("System", "Account", [old.ss58_address]).value["data"]["free"]
    res = sdk.announce_coldkey_swap(wallet=w, new_coldkey_ss58=new.ss58_address,
                                    wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    when, new_hash = substrate.query("SubtensorModule", "ColdkeySwapAnnouncements", [old.ss58_address]).value
    assert str(new_hash) == "0x" + hashlib.blake2b(new.public_key, digest_size=32).hexdigest()
    after = substrate.query("System", "Account", [old.ss58_address]).value["data"]["free"]
    assert before - after >= substrate.get_constant("SubtensorModule", "KeySwapCost").value == 100_000_000

    # Anything else from the announced coldkey never reaches a block.
    call = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": alice.ss58_address, "value": TAO})
    try:
        substrate.submit_extrinsic(substrate.create_signed_extrinsic(call=call, keypair=old), wait_for_inclusion=True)
        raise AssertionError("an announced coldkey's transfer was accepted")
    except Exception as refused:  # noqa: BLE001 — the pool's refusal, as the SDK reports it
        assert "Custom error: 0" in str(refused), refused

    while substrate.get_block_number(substrate.get_chain_finalised_head()) < when:
        time.sleep(0.25)
    res = sdk.swap_coldkey_announced(wallet=w, new_coldkey_ss58=new.ss58_address,
                                     wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    head = substrate.get_chain_finalised_head()
    assert alpha_of(substrate, root_hotkey, new.ss58_address, 0, head) == staked
    assert alpha_of(substrate, root_hotkey, old.ss58_address, 0, head) == 0
    assert substrate.query("System", "Account", [old.ss58_address], block_hash=head).value["data"]["free"] == 0
    assert substrate.query("System", "Account", [new.ss58_address], block_hash=head).value["data"]["free"] > 80 * TAO
    assert substrate.query("SubtensorModule", "ColdkeySwapAnnouncements", [old.ss58_address], block_hash=head).value is None

    # A dispute freezes the coldkey (code 21) until root resets it.
    dave = Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
    submit(substrate, url, alice, "Balances", "transfer_keep_alive", {"dest": dave.ss58_address, "value": 10 * TAO})
    submit(substrate, url, dave, "SubtensorModule", "announce_coldkey_swap", {"new_coldkey_hash": "0x" + "11" * 32})
    submit(substrate, url, dave, "SubtensorModule", "dispute_coldkey_swap", {})
    assert substrate.query("SubtensorModule", "ColdkeySwapDisputes", [dave.ss58_address]).value is not None
    try:
        substrate.submit_extrinsic(substrate.create_signed_extrinsic(call=call, keypair=dave), wait_for_inclusion=True)
        raise AssertionError("a disputed coldkey's transfer was accepted")
    except Exception as refused:  # noqa: BLE001
        assert "Custom error: 21" in str(refused), refused
    reset = substrate.compose_call("SubtensorModule", "reset_coldkey_swap", {"coldkey": dave.ss58_address})
    submit(substrate, url, alice, "Sudo", "sudo", {"call": reset})
    assert substrate.query("SubtensorModule", "ColdkeySwapDisputes", [dave.ss58_address]).value is None
    submit(substrate, url, dave, "Balances", "transfer_keep_alive", {"dest": alice.ss58_address, "value": TAO})
