"""SubtensorModule through the client the Bittensor SDK and btcli use: create a subnet, start
it, register neurons by burn, serve an axon, and read back what the clients read."""

from __future__ import annotations

import pytest
from bittensor_wallet import Keypair

from chain import TAO, failing, new_netuid, query, submit
from conftest import free_balance as free


@pytest.fixture
def fresh_keys():
    return {name: Keypair.create_from_mnemonic(Keypair.generate_mnemonic()) for name in
            ("owner", "owner_hk", "miner", "miner_hk", "validator_hk")}


def test_subnet_lifecycle_through_the_client(dev_node, substrate, alice, fresh_keys):
    url = dev_node.url
    owner, owner_hk = fresh_keys["owner"], fresh_keys["owner_hk"]
    miner_hk, validator_hk = fresh_keys["miner_hk"], fresh_keys["validator_hk"]

    # Fund the owner coldkey only: hotkeys are unfunded, as with real clients.
    submit(substrate, url, alice, "Balances", "transfer_keep_alive",
           {"dest": owner.ss58_address, "value": 50_000 * TAO})

    assert query(substrate, "NetworksAdded", [0]) is True
    networks = query(substrate, "TotalNetworks", [])

    # Create the subnet.
    head = substrate.get_chain_finalised_head()
    before = free(substrate, owner.ss58_address, head)
    block, events = submit(substrate, url, owner, "SubtensorModule", "register_network",
                           {"hotkey": owner_hk.ss58_address})
    netuid = new_netuid(events)
    assert netuid == networks  # the netuid is TotalNetworks − 1 after registration
    assert query(substrate, "TotalNetworks", [], block) == networks + 1
    assert query(substrate, "NetworksAdded", [netuid], block) is True
    assert query(substrate, "SubnetOwner", [netuid], block) == owner.ss58_address
    assert query(substrate, "SubnetOwnerHotkey", [netuid], block) == owner_hk.ss58_address
    assert query(substrate, "Uids", [netuid, owner_hk.ss58_address], block) == 0
    assert query(substrate, "Owner", [owner_hk.ss58_address], block) == owner.ss58_address
    assert query(substrate, "OwnedHotkeys", [owner.ss58_address], block) == [owner_hk.ss58_address]
    assert query(substrate, "IsNetworkMember", [owner_hk.ss58_address, netuid], block) is True
    # New subnets take the chain spec's tempo: the dev chain's is upstream's fast-runtime 10.
    assert query(substrate, "NewSubnetTempo", [], block) == 10
    assert query(substrate, "Tempo", [netuid], block) == 10
    assert query(substrate, "Burn", [netuid], block) == TAO
    # The lock is at least NetworkMinLockCost (1000 TAO) and doubles with each subnet.
    lock = query(substrate, "SubnetLocked", [netuid], block)
    assert lock >= 1_000 * TAO
    assert query(substrate, "NetworkLastLockCost", [], block) == lock
    assert query(substrate, "SubnetTAO", [netuid], block) == lock
    assert query(substrate, "FirstEmissionBlockNumber", [netuid], block) is None
    fee = [a for (p, e, a) in events if (p, e) == ("TransactionPayment", "TransactionFeePaid")][0]["actual_fee"]
    assert free(substrate, owner.ss58_address, block) == before - lock - fee
    registered_at = query(substrate, "NetworkRegisteredAt", [netuid], block)
    assert registered_at > 0

    # Start it.
    block, events = submit(substrate, url, owner, "SubtensorModule", "start_call", {"netuid": netuid})
    number = int(substrate.get_block_header(block)["header"]["number"])
    assert query(substrate, "FirstEmissionBlockNumber", [netuid], block) == number + 1
    assert query(substrate, "SubtokenEnabled", [netuid], block) is True

    # Register two hotkeys by burn. The price decays every block, so what was paid is read
    # from the chain: the pool gains it less the swap fee, and the next price is 1.26× it.
    mult_bits = ((126 << 64) + 99) // 100  # BurnIncreaseMult's default, U64F64
    for i, hotkey in enumerate((miner_hk, validator_hk), start=1):
        head = substrate.get_chain_finalised_head()
        recycled = query(substrate, "RAORecycledForRegistration", [netuid], head)
        pool_tao = query(substrate, "SubnetTAO", [netuid], head)
        owner_before = free(substrate, owner.ss58_address, head)
        block, events = submit(substrate, url, owner, "SubtensorModule", "burned_register",
                               {"netuid": netuid, "hotkey": hotkey.ss58_address})
        assert ("SubtensorModule", "NeuronRegistered") in [(p, e) for (p, e, _) in events]
        paid = query(substrate, "RAORecycledForRegistration", [netuid], block) - recycled
        assert 0.9 * TAO < paid < 2 * TAO
        fee = [a for (p, e, a) in events if (p, e) == ("TransactionPayment", "TransactionFeePaid")][0]["actual_fee"]
        assert free(substrate, owner.ss58_address, block) == owner_before - paid - fee
        assert query(substrate, "Uids", [netuid, hotkey.ss58_address], block) == i
        assert query(substrate, "Keys", [netuid, i], block) == hotkey.ss58_address
        assert query(substrate, "SubnetTAO", [netuid], block) == pool_tao + paid - paid * 33 // 65535
        assert query(substrate, "Burn", [netuid], block) == (paid * mult_bits) >> 64
    assert query(substrate, "SubnetworkN", [netuid], block) == 3
    assert len(query(substrate, "LastUpdate", [netuid], block)) == 3

    # Serve an axon, signed by the unfunded hotkey: a free call, so no balance is needed.
    assert free(substrate, miner_hk.ss58_address, substrate.get_chain_finalised_head()) == 0
    block, _ = submit(substrate, url, miner_hk, "SubtensorModule", "serve_axon", {
        "netuid": netuid, "version": 1, "ip": 0x0A000001, "port": 8091, "ip_type": 4,
        "protocol": 4, "placeholder1": 0, "placeholder2": 0,
    })
    axon = query(substrate, "Axons", [netuid, miner_hk.ss58_address], block)
    assert (axon["ip"], axon["port"], axon["ip_type"], axon["protocol"]) == (0x0A000001, 8091, 4, 4)
    assert axon["block"] == int(substrate.get_block_header(block)["header"]["number"])

    # Issuance: registration and locking move TAO, they do not destroy it.
    assert query(substrate, "TotalIssuance", []) == \
        substrate.query("Balances", "TotalIssuance", []).value


def test_bad_subtensor_calls_fail_with_named_errors(dev_node, substrate, fresh_keys):
    url = dev_node.url
    poor = fresh_keys["owner"]
    alice = Keypair.create_from_uri("//Alice")
    submit(substrate, url, alice, "Balances", "transfer_keep_alive",
           {"dest": poor.ss58_address, "value": 10 * TAO})
    head = substrate.get_chain_finalised_head()
    networks = query(substrate, "TotalNetworks", [], head)

    def subtensor_failing(function, params):
        return failing(substrate, poor, "SubtensorModule", function, params)

    name, block = subtensor_failing("register_network", {"hotkey": fresh_keys["owner_hk"].ss58_address})
    assert name == "NotEnoughBalanceToLockSubnet"
    assert query(substrate, "TotalNetworks", [], block) == networks
    assert query(substrate, "Owner", [fresh_keys["owner_hk"].ss58_address], block) == \
        "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM"  # the all-zero account: unset

    name, _ = subtensor_failing("burned_register", {"netuid": 999, "hotkey": fresh_keys["miner_hk"].ss58_address})
    assert name == "SubnetNotExists"
    name, _ = subtensor_failing("burned_register", {"netuid": 0, "hotkey": fresh_keys["miner_hk"].ss58_address})
    assert name == "RegistrationNotPermittedOnRootSubnet"
    name, _ = subtensor_failing("start_call", {"netuid": 999})
    assert name == "SubnetNotExists"


def test_hyperparameters_by_sudo_and_by_owner(dev_node, substrate, alice, fresh_keys):
    url = dev_node.url
    owner, stranger = fresh_keys["owner"], fresh_keys["miner"]
    for who in (owner, stranger):
        submit(substrate, url, alice, "Balances", "transfer_keep_alive",
               {"dest": who.ss58_address, "value": 50_000 * TAO})
    _, events = submit(substrate, url, owner, "SubtensorModule", "register_network",
                       {"hotkey": fresh_keys["owner_hk"].ss58_address})
    netuid = new_netuid(events)

    def sudo(function, params):
        inner = substrate.compose_call("AdminUtils", function, params)
        return submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})

    # Root, as the e2e suites prepare a chain: no freeze window, then a short tempo.
    block, events = sudo("sudo_set_admin_freeze_window", {"window": 0})
    assert ("Sudo", "Sudid") in [(p, e) for (p, e, _) in events]
    assert query(substrate, "AdminFreezeWindow", [], block) == 0
    block, _ = sudo("sudo_set_tempo", {"netuid": netuid, "tempo": 10})
    assert query(substrate, "Tempo", [netuid], block) == 10
    block, _ = sudo("sudo_set_weights_set_rate_limit", {"netuid": netuid, "weights_set_rate_limit": 0})
    assert query(substrate, "WeightsSetRateLimit", [netuid], block) == 0

    # The owner turns commit-reveal off, as btcli's `sudo set` does on the owner path.
    assert query(substrate, "CommitRevealWeightsEnabled", [netuid]) is True
    block, _ = submit(substrate, url, owner, "AdminUtils", "sudo_set_commit_reveal_weights_enabled",
                      {"netuid": netuid, "enabled": False})
    assert query(substrate, "CommitRevealWeightsEnabled", [netuid], block) is False

    # Someone else may not, and a value out of range is refused with a named error.
    def admin_failing(signer, function, params):
        return failing(substrate, signer, "AdminUtils", function, params)[0]

    assert admin_failing(stranger, "sudo_set_commit_reveal_weights_enabled",
                         {"netuid": netuid, "enabled": True}) == "BadOrigin"
    assert admin_failing(owner, "sudo_set_max_allowed_uids",
                         {"netuid": netuid, "max_allowed_uids": 1000}) == "MaxAllowedUidsNotAllowed"
    assert admin_failing(owner, "sudo_set_tempo", {"netuid": netuid, "tempo": 20}) == "BadOrigin"
    assert query(substrate, "CommitRevealWeightsEnabled", [netuid]) is False
    assert query(substrate, "Tempo", [netuid]) == 10

    # btcli's owner path for `tempo`: SubtensorModule.set_tempo, within 360..=50400.
    block, _ = submit(substrate, url, owner, "SubtensorModule", "set_tempo", {"netuid": netuid, "tempo": 720})
    assert query(substrate, "Tempo", [netuid], block) == 720
    block, _ = submit(substrate, url, owner, "SubtensorModule", "set_activity_cutoff_factor",
                      {"netuid": netuid, "factor_milli": 20_000})
    assert query(substrate, "ActivityCutoffFactorMilli", [netuid], block) == 20_000


def test_identities_as_btcli_sets_them(dev_node, substrate, alice, fresh_keys):
    url = dev_node.url
    owner, hotkey = fresh_keys["owner"], fresh_keys["owner_hk"]
    submit(substrate, url, alice, "Balances", "transfer_keep_alive",
           {"dest": owner.ss58_address, "value": 50_000 * TAO})
    identity = {
        "subnet_name": "tensor test", "github_repo": "https://example.invalid/repo",
        "subnet_contact": "ops@example.invalid", "subnet_url": "https://example.invalid",
        "discord": "tt#1", "description": "an end-to-end subnet", "logo_url": "", "additional": "",
    }
    block, events = submit(substrate, url, owner, "SubtensorModule", "register_network_with_identity",
                           {"hotkey": hotkey.ss58_address, "identity": identity})
    netuid = new_netuid(events)
    stored = query(substrate, "SubnetIdentitiesV3", [netuid], block)
    assert stored["subnet_name"] in ("tensor test", "0x" + b"tensor test".hex())
    assert stored["description"] in ("an end-to-end subnet", "0x" + b"an end-to-end subnet".hex())

    block, _ = submit(substrate, url, owner, "SubtensorModule", "set_identity", {
        "name": "owner", "url": "", "github_repo": "", "image": "", "discord": "",
        "description": "runs a subnet", "additional": "",
    })
    mine = query(substrate, "IdentitiesV2", [owner.ss58_address], block)
    assert mine["name"] in ("owner", "0x" + b"owner".hex())


def test_symbol_trigger_epoch_and_dissolve(dev_node, substrate, alice, fresh_keys):
    url = dev_node.url
    owner, owner_hk = fresh_keys["owner"], fresh_keys["owner_hk"]
    submit(substrate, url, alice, "Balances", "transfer_keep_alive",
           {"dest": owner.ss58_address, "value": 50_000 * TAO})
    block, events = submit(substrate, url, owner, "SubtensorModule", "register_network",
                           {"hotkey": owner_hk.ss58_address})
    netuid = new_netuid(events)

    # A new subnet gets its own symbol, not root's tau; the owner picks another listed one.
    symbol = query(substrate, "TokenSymbol", [netuid], block)
    symbol = bytes.fromhex(symbol[2:]).decode() if symbol.startswith("0x") else symbol
    assert len(symbol) == 1 and symbol != "\U0001D70F"
    runic = "\u16E5"  # the last symbol of the list
    block, events = submit(substrate, url, owner, "SubtensorModule", "update_symbol",
                           {"netuid": netuid, "symbol": "0x" + runic.encode().hex()})
    stored = query(substrate, "TokenSymbol", [netuid], block)
    assert stored in (runic, "0x" + runic.encode().hex())
    name, _ = failing(substrate, owner, "SubtensorModule", "update_symbol",
                      {"netuid": netuid, "symbol": "0x" + b"Z".hex()})
    assert name == "SymbolDoesNotExist"

    # trigger_epoch needs commit-reveal off; the epoch is then due a freeze window from now.
    name, _ = failing(substrate, owner, "SubtensorModule", "trigger_epoch", {"netuid": netuid})
    assert name == "CommitRevealEnabled"
    submit(substrate, url, owner, "AdminUtils", "sudo_set_commit_reveal_weights_enabled",
           {"netuid": netuid, "enabled": False})
    block, events = submit(substrate, url, owner, "SubtensorModule", "trigger_epoch", {"netuid": netuid})
    number = int(substrate.get_block_header(block)["header"]["number"])
    window = query(substrate, "AdminFreezeWindow", [], block)
    assert query(substrate, "PendingEpochAt", [netuid], block) == number + window
    assert ("SubtensorModule", "EpochTriggered") in [(p, e) for (p, e, _) in events]

    # Root dissolves it: with no stakers the whole pool is recycled, and the subnet is gone.
    head = substrate.get_chain_finalised_head()
    pool_account_tao = query(substrate, "SubnetTAO", [netuid], head)
    issuance = query(substrate, "TotalIssuance", [], head)
    inner = substrate.compose_call("SubtensorModule", "root_dissolve_network", {"netuid": netuid})
    block, events = submit(substrate, url, alice, "Sudo", "sudo", {"call": inner})
    sudid = [a for (p, e, a) in events if (p, e) == ("Sudo", "Sudid")][0]
    assert "Ok" in str(sudid), sudid
    assert ("SubtensorModule", "NetworkRemoved") in [(p, e) for (p, e, _) in events]
    assert query(substrate, "NetworksAdded", [netuid], block) is False
    assert query(substrate, "SubnetOwner", [netuid], block) == "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM"
    assert query(substrate, "Uids", [netuid, owner_hk.ss58_address], block) is None
    # The subnet account held the pool plus the registration fee it kept.
    recycled = issuance - query(substrate, "TotalIssuance", [], block)
    fees = sum(a["actual_fee"] for (p, e, a) in events if (p, e) == ("TransactionPayment", "TransactionFeePaid"))
    assert recycled >= pool_account_tao and fees >= 0
    assert query(substrate, "TotalIssuance", [], block) == \
        substrate.query("Balances", "TotalIssuance", [], block_hash=block).value
