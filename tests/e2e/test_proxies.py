"""Proxies of upstream's types through the SDK (bittensor 10.5.0, unmodified) against a dev
node (`staking-2.md` §7): `add_proxy` of each type the SDK's own e2e suite uses, then
`proxy` calls that each type's filter lets through and calls it refuses (`CallFiltered`
inside `ProxyExecuted`, the outer transaction succeeding), and `ProxyFilterRuntimeApi`."""

from __future__ import annotations

from bittensor_wallet import Keypair, Wallet

from chain import TAO, block_with_event, event_attrs, new_netuid, query, submit


def wallet_of(tmp_path, name):
    mnemonic = Keypair.generate_mnemonic()
    wallet = Wallet(name=name, hotkey="default", path=str(tmp_path))
    wallet.regenerate_coldkey(mnemonic=mnemonic, use_password=False, overwrite=True)
    wallet.regenerate_hotkey(mnemonic=Keypair.generate_mnemonic(), use_password=False, overwrite=True)
    return wallet


def proxied(sdk, substrate, delegate, real, proxy_type, call):
    """`Subtensor.proxy` as the delegate; returns the inner call's result from the newest
    `ProxyExecuted` event."""
    before = substrate.get_block_number(substrate.get_chain_finalised_head())
    res = sdk.proxy(wallet=delegate, real_account_ss58=real, force_proxy_type=proxy_type, call=call,
                    mev_protection=False)
    assert res.success, res.message
    block, events = block_with_event(substrate, "Proxy", "ProxyExecuted", back=20)
    assert substrate.get_block_number(block) > before
    (executed,) = event_attrs(events, "Proxy", "ProxyExecuted")
    return executed["result"]


def filtered(result) -> bool:
    """The inner call was refused by the proxy type's filter: `System.CallFiltered` (pallet 0,
    error 5), as the event carries it undecoded."""
    if "CallFiltered" in str(result):
        return True
    module = result.get("Err", {}).get("Module") if isinstance(result, dict) else None
    return bool(module) and module["index"] == 0 and module["error"][:4] == "0x05"


def ok(result) -> bool:
    return "Err" not in str(result)


def test_proxies_of_each_type(dev_node, substrate, sdk, tmp_path):
    url = dev_node.url
    alice = Keypair.create_from_uri("//Alice")
    real = wallet_of(tmp_path, "real")
    real_ss58 = real.coldkeypub.ss58_address
    types = ["Any", "Transfer", "SmallTransfer", "Staking", "Registration", "ChildKeys", "NonTransfer"]
    delegates = {t: wallet_of(tmp_path, f"proxy_{t}") for t in types}
    for who in [real_ss58] + [d.coldkeypub.ss58_address for d in delegates.values()]:
        submit(substrate, url, alice, "Balances", "transfer_keep_alive", {"dest": who, "value": 2_000 * TAO})
    owner_hk = real.hotkey.ss58_address
    _, events = submit(substrate, url, real.coldkey, "SubtensorModule", "register_network", {"hotkey": owner_hk})
    netuid = new_netuid(events)
    submit(substrate, url, real.coldkey, "SubtensorModule", "start_call", {"netuid": netuid})

    for proxy_type, delegate in delegates.items():
        res = sdk.add_proxy(wallet=real, delegate_ss58=delegate.coldkeypub.ss58_address, proxy_type=proxy_type,
                            delay=0)
        assert res.success, (proxy_type, res.message)
    listed, deposit = sdk.get_proxies_for_real_account(real_ss58)
    assert sorted((p.delegate, p.proxy_type) for p in listed) == \
        sorted((d.coldkeypub.ss58_address, t) for t, d in delegates.items())
    assert deposit.rao > 0

    dest = Keypair.create_from_mnemonic(Keypair.generate_mnemonic()).ss58_address
    transfer = lambda tao: sdk.compose_call("Balances", "transfer_keep_alive",  # noqa: E731
                                            {"dest": dest, "value": int(tao * TAO)})
    add_stake = sdk.compose_call("SubtensorModule", "add_stake",
                                 {"hotkey": owner_hk, "netuid": netuid, "amount_staked": TAO})
    new_hk = Keypair.create_from_mnemonic(Keypair.generate_mnemonic()).ss58_address
    register = sdk.compose_call("SubtensorModule", "burned_register", {"netuid": netuid, "hotkey": new_hk})
    take = sdk.compose_call("SubtensorModule", "set_childkey_take", {"hotkey": owner_hk, "netuid": netuid, "take": 0})

    def run(proxy_type, call):
        return proxied(sdk, substrate, delegates[proxy_type], real_ss58, proxy_type, call)

    # Any: everything.
    assert ok(run("Any", transfer(1)))
    # Transfer: transfers only.
    assert ok(run("Transfer", transfer(1)))
    assert filtered(run("Transfer", add_stake))
    # SmallTransfer: below 0.5 TAO only.
    assert ok(run("SmallTransfer", transfer(0.1)))
    assert filtered(run("SmallTransfer", transfer(0.5)))
    # Staking: staking calls, no transfers.
    staked_before = query(substrate, "TotalHotkeyAlpha", [owner_hk, netuid])
    assert ok(run("Staking", add_stake))
    assert query(substrate, "TotalHotkeyAlpha", [owner_hk, netuid]) > staked_before
    assert filtered(run("Staking", transfer(1)))
    # Registration: registering, nothing else.
    assert ok(run("Registration", register))
    assert query(substrate, "Uids", [netuid, new_hk]) is not None
    assert filtered(run("Registration", add_stake))
    # ChildKeys: the childkey calls only.
    assert not filtered(run("ChildKeys", take))
    assert filtered(run("ChildKeys", transfer(1)))
    # NonTransfer: anything but transfers.
    assert ok(run("NonTransfer", add_stake))
    assert filtered(run("NonTransfer", transfer(1)))
    # What left the real account went to `dest`: Any, Transfer and SmallTransfer once each.
    assert substrate.query("System", "Account", [dest]).value["data"]["free"] == 2 * TAO + TAO // 10

    # The runtime describes the filters: the 18 types by index, and each type's rule.
    kinds = sdk.query_runtime_api("ProxyFilterRuntimeApi", "get_proxy_types", [])
    names = [bytes(k["name"]).decode() if isinstance(k["name"], (list, bytes)) else k["name"] for k in kinds]
    assert names[:4] == ["Any", "Owner", "NonCritical", "NonTransfer"] and len(names) == 18, names
    staking = sdk.query_runtime_api("ProxyFilterRuntimeApi", "get_proxy_filter", [8])
    assert len(staking) == 1 and str(staking[0]["filter_mode"]) in ("Allow", "{'Allow': None}"), staking

    # Removing a proxy ends its rights.
    res = sdk.remove_proxy(wallet=real, delegate_ss58=delegates["Transfer"].coldkeypub.ss58_address,
                           proxy_type="Transfer", delay=0)
    assert res.success, res.message
    res = sdk.proxy(wallet=delegates["Transfer"], real_account_ss58=real_ss58, force_proxy_type="Transfer",
                    call=transfer(1), mev_protection=False)
    assert not res.success and "NotProxy" in str(res.message), res.message
    assert substrate.query("System", "Account", [dest]).value["data"]["free"] == 2 * TAO + TAO // 10
