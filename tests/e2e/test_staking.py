"""Staking through the dTAO pools with the client the SDK uses: two subnets, stake added,
moved between hotkeys and subnets, partially and fully removed, and a price limit that
refuses a trade. Every amount is recomputed with the pool math (poolmath.py) from the
reserves read before each call."""

from __future__ import annotations

from bittensor_wallet import Keypair

from chain import TAO, event_attrs, failing, fields, new_netuid, query, submit, subnet_account, tx_fee
from conftest import free_balance as free
from poolmath import Pool


def pool(substrate, netuid, block):
    balancer = substrate.query("Swap", "SwapBalancer", [netuid], block_hash=block).value
    return Pool(query(substrate, "SubnetTAO", [netuid], block), query(substrate, "SubnetAlphaIn", [netuid], block),
                balancer["quote"])


def hotkey_alpha(substrate, hotkey, netuid, block):
    return query(substrate, "TotalHotkeyAlpha", [hotkey.ss58_address, netuid], block)


def assert_accounts_balance(substrate, block):
    """Issuance mirrors the balances pallet; TotalStake is exactly the TAO in subnet accounts."""
    assert query(substrate, "TotalIssuance", [], block) == \
        substrate.query("Balances", "TotalIssuance", [], block_hash=block).value
    netuids = [int(getattr(k, "value", k))
               for k, v in substrate.query_map("SubtensorModule", "NetworksAdded", block_hash=block)
               if getattr(v, "value", v)]
    held = sum(free(substrate, "0x" + subnet_account(n).hex(), block) for n in netuids)
    assert query(substrate, "TotalStake", [], block) == held


def test_stake_add_move_remove_with_limits(dev_node, substrate, alice):
    url = dev_node.url
    keys = {n: Keypair.create_from_mnemonic(Keypair.generate_mnemonic())
            for n in ("owner1", "owner2", "hk1", "hk2", "staker")}
    staker = keys["staker"]
    for who in ("owner1", "owner2", "staker"):
        submit(substrate, url, alice, "Balances", "transfer_keep_alive",
               {"dest": keys[who].ss58_address, "value": 20_000 * TAO})

    # With a tempo of 10 every block is in the default 10-block freeze window: open it, as
    # the clients' e2e suites do, so that root may change the tempo.
    inner = substrate.compose_call("AdminUtils", "sudo_set_admin_freeze_window", {"window": 0})
    submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})
    netuids = []
    for owner, hk in (("owner1", "hk1"), ("owner2", "hk2")):
        _, events = submit(substrate, url, keys[owner], "SubtensorModule", "register_network",
                           {"hotkey": keys[hk].ss58_address})
        netuid = new_netuid(events)
        # No epoch during the test (the dev chain's tempo is 10 blocks): every amount below
        # is then the pool math alone.
        inner = substrate.compose_call("AdminUtils", "sudo_set_tempo", {"netuid": netuid, "tempo": 10_000})
        submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})
        assert query(substrate, "Tempo", [netuid]) == 10_000
        submit(substrate, url, keys[owner], "SubtensorModule", "start_call", {"netuid": netuid})
        netuids.append(netuid)
    n1, n2 = netuids
    hk1, hk2 = keys["hk1"], keys["hk2"]

    # Add 50 TAO of stake to hk1 on subnet 1: the staker pays exactly 50 TAO (plus the
    # transaction fee) and the hotkey's alpha grows by the pool's output.
    head = substrate.get_chain_finalised_head()
    p1 = pool(substrate, n1, head)
    fee, alpha_out, _ = p1.swap(True, 50 * TAO)
    before = free(substrate, staker.ss58_address, head)
    block, events = submit(substrate, url, staker, "SubtensorModule", "add_stake",
                           {"hotkey": hk1.ss58_address, "netuid": n1, "amount_staked": 50 * TAO})
    assert free(substrate, staker.ss58_address, block) == before - 50 * TAO - tx_fee(events)
    assert hotkey_alpha(substrate, hk1, n1, block) == alpha_out
    added = event_attrs(events, "SubtensorModule", "StakeAdded")[0]
    assert fields(added)[2:] == [50 * TAO, alpha_out, n1, fee]
    assert query(substrate, "SubnetTAO", [n1], block) == p1.tao + 50 * TAO - fee
    assert_accounts_balance(substrate, block)

    # Move half of it to hk2 on subnet 2: sold on subnet 1 with its fee, bought on subnet 2
    # without one.
    half = alpha_out // 2
    p1, p2 = pool(substrate, n1, block), pool(substrate, n2, block)
    _, tao_mid, _ = p1.swap(False, half)
    _, bought, _ = p2.swap(True, tao_mid, rate=0)
    block, events = submit(substrate, url, staker, "SubtensorModule", "move_stake", {
        "origin_hotkey": hk1.ss58_address, "destination_hotkey": hk2.ss58_address,
        "origin_netuid": n1, "destination_netuid": n2, "alpha_amount": half})
    assert hotkey_alpha(substrate, hk1, n1, block) == alpha_out - half
    assert hotkey_alpha(substrate, hk2, n2, block) == bought
    moved = event_attrs(events, "SubtensorModule", "StakeMoved")[0]
    assert fields(moved)[-1] == tao_mid
    assert_accounts_balance(substrate, block)

    # Partially remove on subnet 1: the TAO received is the pool's output.
    part = (alpha_out - half) // 3
    p1 = pool(substrate, n1, block)
    tao_back, fee_tao, _ = p1.sell_with_author_fee(part)
    before = free(substrate, staker.ss58_address, block)
    block, events = submit(substrate, url, staker, "SubtensorModule", "remove_stake",
                           {"hotkey": hk1.ss58_address, "netuid": n1, "amount_unstaked": part})
    assert free(substrate, staker.ss58_address, block) == before + tao_back - tx_fee(events)
    removed = event_attrs(events, "SubtensorModule", "StakeRemoved")[0]
    assert fields(removed)[2:] == [tao_back, part, n1, fee_tao]
    assert_accounts_balance(substrate, block)

    # A limit below the current price refuses the trade and changes nothing.
    p2 = pool(substrate, n2, block)
    below = int(p2.price() * 10**9) // 2
    name, refused = failing(substrate, staker, "SubtensorModule", "add_stake_limit", {
        "hotkey": hk2.ss58_address, "netuid": n2, "amount_staked": 10 * TAO,
        "limit_price": below, "allow_partial": False})
    assert name == "PriceLimitExceeded"
    assert hotkey_alpha(substrate, hk2, n2, refused) == bought
    # Just above it, all or nothing is too much.
    name, _ = failing(substrate, staker, "SubtensorModule", "add_stake_limit", {
        "hotkey": hk2.ss58_address, "netuid": n2, "amount_staked": 10_000 * TAO,
        "limit_price": int(p2.price() * 10**9) + 10**6, "allow_partial": False})
    assert name == "SlippageTooHigh"

    # Fully remove on subnet 2.
    head = substrate.get_chain_finalised_head()
    p2 = pool(substrate, n2, head)
    tao_back, _, _ = p2.sell_with_author_fee(bought)
    before = free(substrate, staker.ss58_address, head)
    block, events = submit(substrate, url, staker, "SubtensorModule", "remove_stake_full_limit",
                           {"hotkey": hk2.ss58_address, "netuid": n2, "limit_price": None})
    assert hotkey_alpha(substrate, hk2, n2, block) == 0
    assert free(substrate, staker.ss58_address, block) == before + tao_back - tx_fee(events)
    assert_accounts_balance(substrate, block)
