"""The chain doing its job, through the client the SDK uses: every block mints TAO and splits
it across subnets by moving price, and every tempo a subnet runs Yuma consensus on the weights
its validators set and pays miners, validators and the owner.

Two subnets start at different blocks, so their moving prices differ. On subnet A two
validators with stake and three miners register; the validators set weights after the epoch
that gives them permits; at the next epoch the chain's outputs and every stake change are
checked against the engine run offline (`yuma-sim`, the same crate, fed the chain's state)
and the dividend formula."""

from __future__ import annotations

import time

from bittensor_wallet import Keypair

from chain import TAO, event_attrs, new_netuid, query, submit
from replay import replay


def fixed_bits(value) -> int:
    """A substrate-fixed value as the client decodes it (its raw bits)."""
    if isinstance(value, dict):
        return int(value.get("bits", next(iter(value.values()))))
    return int(value)


def head_number(substrate) -> int:
    head = substrate.get_chain_finalised_head()
    return int(substrate.get_block_header(head)["header"]["number"])


def block_hash(substrate, number: int) -> str:
    return substrate.get_block_hash(number)


def wait_until(predicate, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def epoch_block(substrate, netuid, index) -> int:
    """Waits for the subnet's epoch number `index` and returns the block it ran in."""
    def reached():
        head = substrate.get_chain_finalised_head()
        if query(substrate, "SubnetEpochIndex", [netuid], head) >= index:
            return query(substrate, "LastEpochBlock", [netuid], head)
        return None
    return wait_until(reached)


def sim_dividend_paid(d: int, total: int, pool: int, take: int) -> int:
    """What a validator's stake gains from its dividend with no root stake: the U96F32
    share `(d / total) · pool`, then the delegate take `take/65535` of it and the rest, each
    floored from the fixed-point values (`staking-2.md` §1.9)."""
    if total == 0:
        return 0
    q = (d << 32) // total
    share = q * pool  # 2^-32 units
    fraction = (take << 32) // 65535
    taken = (fraction * share) >> 32
    return (taken >> 32) + ((share - taken) >> 32)


def test_emission_split_epoch_and_payouts(dev_node, substrate, alice):
    url = dev_node.url
    keys = {n: Keypair.create_from_mnemonic(Keypair.generate_mnemonic()) for n in
            ("owner", "owner_hk", "owner_hk_b", "v1c", "v1", "v2c", "v2", "mc", "m1", "m2", "m3")}
    for who in ("owner", "v1c", "v2c", "mc"):
        submit(substrate, url, alice, "Balances", "transfer_keep_alive",
               {"dest": keys[who].ss58_address, "value": 20_000 * TAO})

    def sudo(function, params):
        inner = substrate.compose_call("AdminUtils", function, params)
        return submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})

    sudo("sudo_set_admin_freeze_window", {"window": 0})
    _, events = submit(substrate, url, keys["owner"], "SubtensorModule", "register_network",
                       {"hotkey": keys["owner_hk"].ss58_address})
    a = new_netuid(events)
    # A one-block EMA halving lets the moving prices move within the test (at the default
    # 201 600 blocks a young subnet's EMA step is below I96F32's resolution).
    sudo("sudo_set_ema_price_halving_period", {"netuid": a, "ema_halving": 1})
    submit(substrate, url, keys["owner"], "SubtensorModule", "start_call", {"netuid": a})
    sudo("sudo_set_subnet_emission_enabled", {"netuid": a, "enabled": True})
    sudo("sudo_set_weights_set_rate_limit", {"netuid": a, "weights_set_rate_limit": 0})
    submit(substrate, url, keys["owner"], "AdminUtils", "sudo_set_commit_reveal_weights_enabled",
           {"netuid": a, "enabled": False})
    for cold, hot in (("v1c", "v1"), ("v2c", "v2"), ("mc", "m1"), ("mc", "m2"), ("mc", "m3")):
        submit(substrate, url, keys[cold], "SubtensorModule", "burned_register",
               {"netuid": a, "hotkey": keys[hot].ss58_address})
    submit(substrate, url, keys["v1c"], "SubtensorModule", "add_stake",
           {"hotkey": keys["v1"].ss58_address, "netuid": a, "amount_staked": 300 * TAO})
    submit(substrate, url, keys["v2c"], "SubtensorModule", "add_stake",
           {"hotkey": keys["v2"].ss58_address, "netuid": a, "amount_staked": 100 * TAO})

    # Subnet B starts later: its moving price lags A's.
    _, events = submit(substrate, url, keys["owner"], "SubtensorModule", "register_network",
                       {"hotkey": keys["owner_hk_b"].ss58_address})
    b = new_netuid(events)
    sudo("sudo_set_ema_price_halving_period", {"netuid": b, "ema_halving": 1})
    submit(substrate, url, keys["owner"], "SubtensorModule", "start_call", {"netuid": b})
    block, _ = sudo("sudo_set_subnet_emission_enabled", {"netuid": b, "enabled": True})

    # TAO emission per block follows the moving prices of the block before.
    number = int(substrate.get_block_header(block)["header"]["number"]) + 2
    wait_until(lambda: head_number(substrate) >= number)
    before, at = block_hash(substrate, number - 1), block_hash(substrate, number)
    price = {n: fixed_bits(query(substrate, "SubnetMovingPrice", [n], before)) for n in (a, b)}
    tao = {n: query(substrate, "SubnetExcessTao", [n], at) + query(substrate, "SubnetTaoInEmission", [n], at)
           for n in (a, b)}
    assert price[a] > price[b] > 0, price
    emission = query(substrate, "BlockEmission", [], at)
    for n in (a, b):
        expected = emission * price[n] / (price[a] + price[b])
        assert abs(tao[n] - expected) <= 2, (n, tao[n], expected)
    assert abs(sum(tao.values()) - emission) <= 2
    assert query(substrate, "TotalIssuance", [], at) - query(substrate, "TotalIssuance", [], before) == sum(tao.values())

    # Epochs every 30 blocks from now: the first gives the validators permits.
    block, _ = sudo("sudo_set_tempo", {"netuid": a, "tempo": 30})
    index = query(substrate, "SubnetEpochIndex", [a], block)
    e1 = epoch_block(substrate, a, index + 1)
    permits = query(substrate, "ValidatorPermit", [a], block_hash(substrate, e1))
    assert permits[1] and permits[2], permits
    for hot, values in (("v1", [10, 20, 30]), ("v2", [30, 20, 1])):
        submit(substrate, url, keys[hot], "SubtensorModule", "set_weights",
               {"netuid": a, "dests": [3, 4, 5], "weights": values, "version_key": 0})
    e2 = epoch_block(substrate, a, index + 2)
    assert query(substrate, "SubnetEpochIndex", [a], block_hash(substrate, e2 - 1)) == index + 1

    # The same epoch offline, and the payouts it implies.
    hk = [query(substrate, "Keys", [a, uid], block_hash(substrate, e2)) for uid in range(6)]
    assert hk[1] == keys["v1"].ss58_address and hk[5] == keys["m3"].ss58_address

    def stakes(at_block):
        h = block_hash(substrate, at_block)
        return ([query(substrate, "TotalHotkeyAlpha", [k, a], h) for k in hk],
                [query(substrate, "TotalHotkeyAlpha", [k, 0], h) for k in hk])

    def drained(at_block):
        ran = event_attrs([(e["event"]["module_id"], e["event"]["event_id"], e["event"]["attributes"])
                           for e in substrate.get_events(block_hash(substrate, at_block))],
                          "SubtensorModule", "EpochRan")
        ran = [r for r in ran if r["netuid"] == a]
        assert len(ran) == 1
        return ran[0]

    h2 = block_hash(substrate, e2)
    # The engine over the subnet's whole history, fed only with the chain's state.
    sim = replay(substrate, a, h2)

    for name, storage in (("incentive", "Incentive"), ("dividends", "Dividends"), ("consensus", "Consensus"),
                          ("neuron_emission", "Emission"), ("validator_trust", "ValidatorTrust"),
                          ("stake_weight", "StakeWeight"), ("validator_permit", "ValidatorPermit"),
                          ("active", "Active")):
        assert query(substrate, storage, [a], h2) == sim[name], name
    for uid in (1, 2):
        assert [tuple(x) for x in query(substrate, "Bonds", [a, uid], h2)] == [tuple(x) for x in sim["bonds"][uid]]
    assert sum(sim["incentive"]) > 0 and sim["dividends"][1] > 0 and sim["dividends"][2] > 0

    # Payouts: miners get exactly their incentive; validators their dividend share of the
    # validator pool; the owner hotkey its cut.
    before_alpha, _ = stakes(e2 - 1)
    after_alpha, _ = stakes(e2)
    gain = [after_alpha[i] - before_alpha[i] for i in range(6)]
    d = drained(e2)
    for uid in (3, 4, 5):
        assert gain[uid] == sim["server_emission"][uid], (uid, gain[uid], sim["server_emission"][uid])
    total_incentive = sum(sim["server_emission"])
    pool = d["validator"] - max(0, total_incentive - d["server"]) if total_incentive else d["validator"] + d["server"]
    total_dividend = sum(sim["validator_emission"])
    take = [substrate.query("SubtensorModule", "Delegates", [k], block_hash=h2).value for k in hk]
    for uid in (1, 2):
        assert gain[uid] == sim_dividend_paid(sim["validator_emission"][uid], total_dividend, pool, take[uid]), uid
    assert gain[0] == d["owner"] + sim_dividend_paid(sim["validator_emission"][0], total_dividend, pool, take[0])
    assert gain[1] > gain[2] > 0

    assert query(substrate, "TotalIssuance", [], h2) == substrate.query("Balances", "TotalIssuance", [], block_hash=h2).value
