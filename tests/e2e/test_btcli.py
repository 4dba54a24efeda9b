"""btcli 9.23.2 and the SDK (bittensor 10.5.0), unmodified, against `scripts/localnet.sh` as
their own test harnesses start it: a fresh upstream-style localnet on ws 9944 and 9945.

The tests drive the real `btcli` command line (`--no-prompt`, `--json-output` where it has
it) and check what it prints against the chain's storage; every staked, unstaked and moved
amount is recomputed with the independent pool math (`poolmath.py`). They run in file order
and share one chain, as a user's session would.
"""

from __future__ import annotations

import hashlib
import json
import os
import selectors
import signal
import socket
import subprocess
import time

import bittensor as bt
import bittensor_drand as bd
import pytest
from async_substrate_interface.sync_substrate import SubstrateInterface
from bittensor_wallet import Keypair

import btcli
from chain import FORGED_1000, PULSE_1000, PULSE_2000, TAO, alpha_of, block_events, block_with_event, event_attrs, failing, new_netuid, query, submit
from harness import REPO
from poolmath import Pool
from replay import replay

LOCALNET = REPO / "scripts" / "localnet.sh"
URL = "ws://127.0.0.1:9944"
BTCLI_URL = "ws://127.0.0.1:9945"  # btcli's own e2e suite uses the second port
state: dict = {}


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def localnet(tmp_path_factory):
    if port_open(9944) or port_open(9945):
        pytest.fail("ports 9944/9945 are taken: stop the node using them (localnet.sh needs them)")
    log = tmp_path_factory.mktemp("localnet") / "node.log"
    # No drand fetching: the tests inject recorded pulses, also on a machine with Internet.
    env = {**os.environ, "LOCALNET_LOG": str(log), "LOCALNET_DRAND_ENDPOINTS": ""}
    # As the harnesses start it: its own process group, stdout read until "Imported #1".
    proc = subprocess.Popen([str(LOCALNET), "True"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True, env=env)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    first = b""
    deadline = time.time() + 300
    try:
        while b"Imported #1" not in first:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"localnet.sh did not report block 1: {first!r}\n{log.read_text()[-3000:]}")
            if sel.select(timeout=1):
                first += proc.stdout.readline()
        state["first_line"] = first.decode()
        yield proc
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass  # already stopped by the last test
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def chain(localnet):
    client = SubstrateInterface(URL, ss58_format=42, chain_name="Bittensor")
    yield client
    client.close()


@pytest.fixture(scope="module")
def wallets(tmp_path_factory):
    return tmp_path_factory.mktemp("wallets")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")


def run(home, args, *, wallet=None, hotkey=None, wallets=None, network=True, check=True):
    return btcli.run(home, args, url=BTCLI_URL if network else None, wallet=wallet, hotkey=hotkey, wallets=wallets,
                     check=check)


def run_json(home, args, **kw):
    network = kw.pop("network", True)
    return btcli.run_json(home, args, url=BTCLI_URL if network else None, **kw)


def head(chain):
    return chain.get_chain_finalised_head()


def free(chain, address, block=None):
    return chain.query("System", "Account", [address], block_hash=block).value["data"]["free"]


def pool(chain, netuid, block=None):
    balancer = chain.query("Swap", "SwapBalancer", [netuid], block_hash=block).value
    return Pool(query(chain, "SubnetTAO", [netuid], block), query(chain, "SubnetAlphaIn", [netuid], block),
                balancer["quote"])


def alpha(chain, hotkey, coldkey, netuid, block=None):
    return alpha_of(chain, hotkey, coldkey, netuid, block)


def sudo(chain, function, params):
    alice = Keypair.create_from_uri("//Alice")
    inner = chain.compose_call("AdminUtils", function, params)
    block, events = submit(chain, URL, alice, "Sudo", "sudo", {"call": inner})
    # A failed inner call still "succeeds" as an extrinsic: read its result.
    results = [a for (p, e, a) in events if (p, e) == ("Sudo", "Sudid")]
    assert results and "Err" not in str(results[0]), (function, results)
    return block, events


def test_localnet_starts_like_upstreams(localnet, chain):
    assert "Imported #1" in state["first_line"]
    # Both ports serve the same chain, from upstream's localnet genesis.
    other = SubstrateInterface(BTCLI_URL, ss58_format=42, chain_name="Bittensor")
    assert other.get_block_hash(0) == chain.get_block_hash(0)
    other.close()
    assert chain.get_constant("Aura", "SlotDuration").value == 250
    assert query(chain, "TotalNetworks", []) == 2
    assert query(chain, "SubnetOwner", [0]) == Keypair.create_from_uri("//Alice").ss58_address
    assert query(chain, "SubnetOwnerHotkey", [0]) == Keypair.create_from_uri("//Alice_hk").ss58_address
    assert query(chain, "SubnetworkN", [1]) == 1
    assert query(chain, "NewSubnetTempo", []) == 10
    assert chain.get_constant("SubtensorModule", "MaxEpochsPerBlock").value == 32
    for who, tao in (("//Alice", 1_000_000), ("//Bob", 1_000_000), ("//Three", 2_000)):
        assert free(chain, Keypair.create_from_uri(who).ss58_address) == tao * TAO
    # Block times follow the wall clock.
    assert abs(chain.query("Timestamp", "Now").value - time.time() * 1000) < 5_000
    # The SDK sees fast blocks.
    sdk = bt.Subtensor(network=URL)
    assert sdk.is_fast_blocks()
    sdk.close()


def test_wallets_transfer_and_balance(localnet, chain, home, wallets):
    run(home, ["wallet", "create", "--uri", "//Alice", "--no-use-password"], wallet="alice", hotkey="default",
        wallets=wallets, network=False)
    mnemonic = Keypair.generate_mnemonic()
    owner = Keypair.create_from_mnemonic(mnemonic)
    run(home, ["wallet", "regen-coldkey", "--mnemonic", mnemonic, "--no-use-password", "--overwrite"],
        wallet="owner", wallets=wallets, network=False)
    run(home, ["wallet", "new-hotkey", "--no-use-password", "--n-words", "12"], wallet="owner", hotkey="default",
        wallets=wallets, network=False)
    assert (wallets / "owner" / "coldkeypub.txt").exists()
    assert json.loads((wallets / "owner" / "coldkeypub.txt").read_text())["ss58Address"] == owner.ss58_address
    created = run_json(home, ["wallet", "create", "--no-use-password", "--n-words", "12"], wallet="staker",
                       hotkey="default", wallets=wallets, network=False)
    assert created.get("success", True) is not False, created
    staker = json.loads((wallets / "staker" / "coldkeypub.txt").read_text())["ss58Address"]
    state.update(owner=owner, staker=staker)

    alice = Keypair.create_from_uri("//Alice").ss58_address
    before = free(chain, alice)
    for dest, amount in ((owner.ss58_address, 20_000), (staker, 5_000)):
        out = run_json(home, ["wallet", "transfer", "--destination", dest, "--amount", str(amount), "--no-prompt"],
                       wallet="alice", wallets=wallets)
        assert out["success"] is True, out
        assert free(chain, dest) == amount * TAO
    spent = before - free(chain, alice)
    # The value plus two fees, each well under upstream's 0.0002 TAO order of magnitude x 5.
    assert 25_000 * TAO < spent < 25_000 * TAO + 2 * TAO // 1000

    bal = run_json(home, ["wallet", "balance"], wallet="owner", wallets=wallets)
    assert bal["balances"]["owner"]["coldkey"] == owner.ss58_address
    assert bal["balances"]["owner"]["free"] == 20_000.0
    everyone = run_json(home, ["wallet", "balance", "--all", "--wallet-path", str(wallets)])
    assert {"alice", "owner", "staker"} <= set(everyone["balances"])
    assert everyone["balances"]["staker"]["free"] == 5_000.0
    overview = run(home, ["wallet", "overview"], wallet="owner", wallets=wallets)
    assert owner.ss58_address[:8] in overview or "owner" in overview


def assert_shielded(chain, who, inner_event):
    """The last command went through the MEV shield: a wrapper from `who` and, right after it
    in the same block, the inner extrinsic with its own `inner_event`."""
    block, _ = block_with_event(chain, "MevShield", "EncryptedSubmitted")
    records = chain.get_events(block)
    wrapper = [r["extrinsic_idx"] for r in records if r["event"]["event_id"] == "EncryptedSubmitted"
               and r["event"]["attributes"]["who"] == who]
    assert wrapper, records
    inner = block_events(chain, block, wrapper[-1] + 1)
    assert event_attrs(inner, "SubtensorModule", inner_event), inner


def test_subnet_create_start_list_show(localnet, chain, home, wallets):
    identity = ["--subnet-name", "demo", "--github-repo", "https://github.com/example/demo",
                "--subnet-contact", "owner@example.com", "--subnet-url", "https://example.com",
                "--discord-handle", "demo", "--description", "a demo subnet",
                "--logo-url", "https://example.com/logo.png", "--additional-info", "none"]
    # MEV protection on, btcli's default: the registration travels encrypted to the author.
    created = run_json(home, ["subnets", "create", *identity, "--no-prompt"],
                       wallet="owner", hotkey="default", wallets=wallets)
    assert created["success"] is True and created["netuid"] == 2, created
    assert_shielded(chain, state["owner"].ss58_address, "NetworkAdded")
    owner_hk = json.loads((wallets / "owner" / "hotkeys" / "default").read_text())["ss58Address"] \
        if (wallets / "owner" / "hotkeys" / "default").exists() else None
    assert query(chain, "SubnetOwner", [2]) == state["owner"].ss58_address
    state["owner_hk"] = query(chain, "SubnetOwnerHotkey", [2])
    if owner_hk:
        assert state["owner_hk"] == owner_hk
    # Epochs wait while amounts are checked (restored before the weights test).
    sudo(chain, "sudo_set_admin_freeze_window", {"window": 0})
    sudo(chain, "sudo_set_tempo", {"netuid": 2, "tempo": 10_000})

    out = run(home, ["subnets", "start", "--netuid", "2", "--no-prompt"], wallet="owner", wallets=wallets)
    assert "Successfully started" in out, out
    assert query(chain, "FirstEmissionBlockNumber", [2]) is not None

    listed = run_json(home, ["subnets", "list"])
    sn = listed["subnets"]["2"]
    price = chain.runtime_call("SwapRuntimeApi", "current_alpha_price", [2])
    price = getattr(price, "value", price)
    assert sn["netuid"] == 2 and sn["subnet_name"] == "demo"
    assert abs(sn["price"] - price / 1e9) < 1e-6
    assert sn["liquidity"]["tao_in"] == query(chain, "SubnetTAO", [2]) / 1e9
    assert sn["tempo"]["sn_tempo"] == 10_000

    shown = run_json(home, ["subnets", "show", "--netuid", "2", "--no-prompt"])
    text = json.dumps(shown)
    assert state["owner"].ss58_address in text, shown
    assert shown.get("netuid", 2) == 2
    params = run_json(home, ["subnets", "hyperparameters", "--netuid", "2"])
    text = json.dumps(params)
    assert "tempo" in text and "commit_reveal_weights_enabled" in text


def test_register_neurons_and_serve_axons(localnet, chain, home, wallets):
    hotkeys = {}
    for name in ("v1", "v2", "m1", "m2", "m3"):
        run(home, ["wallet", "new-hotkey", "--no-use-password", "--n-words", "12"], wallet="owner", hotkey=name,
            wallets=wallets, network=False)
        hotkeys[name] = json.loads((wallets / "owner" / "hotkeys" / name).read_text())["ss58Address"]
        out = run_json(home, ["subnets", "register", "--netuid", "2", "--no-prompt"], wallet="owner", hotkey=name,
                       wallets=wallets)
        assert out["success"] is True, out
        assert query(chain, "Uids", [2, hotkeys[name]]) is not None
    state["hotkeys"] = hotkeys
    for port, name in enumerate(("m1", "m2", "m3"), start=8091):
        out = run(home, ["axon", "set", "--netuid", "2", "--ip", "10.0.0.1", "--port", str(port), "--no-prompt"],
                  wallet="owner", hotkey=name, wallets=wallets)
        assert "successfully" in out.lower(), out
    sdk = bt.Subtensor(network=URL)
    meta = sdk.metagraph(2)
    assert set(hotkeys.values()) <= set(meta.hotkeys)
    for port, name in enumerate(("m1", "m2", "m3"), start=8091):
        axon = meta.axons[meta.hotkeys.index(hotkeys[name])]
        assert (axon.ip, axon.port) == ("10.0.0.1", port)
    sdk.close()


def test_sudo_set_and_get(localnet, chain, home, wallets):
    # Owner path: an owner-settable value, signed by the owner's coldkey.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "min_allowed_weights", "--value", "2", "--no-prompt"],
              wallet="owner", wallets=wallets)
    assert query(chain, "MinAllowedWeights", [2]) == 2, out
    # Root path: a root-only value set by the sudo key.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "kappa", "--value", "30000", "--no-prompt"],
              wallet="alice", wallets=wallets)
    assert query(chain, "Kappa", [2]) == 30000, out
    got = run_json(home, ["sudo", "get", "--netuid", "2"])
    text = json.dumps(got)
    assert "min_allowed_weights" in text and "kappa" in text
    # A value the pallet refuses: its error name is what the user sees, and nothing changes.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "tempo", "--value", "5", "--no-prompt"],
              wallet="owner", wallets=wallets)
    assert "InvalidTempo" in out or "TempoOutOfBounds" in out, out
    assert query(chain, "Tempo", [2]) == 10_000


def test_stake_add_remove_move_transfer_swap(localnet, chain, home, wallets):
    staker = state["staker"]
    v1, v2 = state["hotkeys"]["v1"], state["hotkeys"]["v2"]
    # No other block changes the pool (TAO emission is off on a new subnet, no epoch runs), so
    # the pool read now is the one the extrinsic trades against.
    p = pool(chain, 2)
    fee, out_alpha, _ = p.swap(True, 100 * TAO)
    res = run_json(home, ["stake", "add", "--netuid", "2", "--amount", "100", "--include-hotkeys", v1,
                          "--unsafe", "--no-prompt"], wallet="staker", wallets=wallets)  # shielded
    assert json.dumps(res).count("true") >= 1, res
    assert_shielded(chain, staker, "StakeAdded")
    assert alpha(chain, v1, staker, 2) == out_alpha
    assert query(chain, "SubnetTAO", [2]) == p.tao + 100 * TAO - fee

    # Safe staking: within the tolerance it goes through; a tolerance the trade would exceed
    # is refused with the pallet's error, and nothing changes.
    p = pool(chain, 2)
    fee, out2, _ = p.swap(True, 10 * TAO)
    res = run_json(home, ["stake", "add", "--netuid", "2", "--amount", "10", "--include-hotkeys", v1,
                          "--safe", "--tolerance", "0.5", "--no-mev-protection", "--no-prompt"],
                   wallet="staker", wallets=wallets)
    assert alpha(chain, v1, staker, 2) == out_alpha + out2, res
    staked = out_alpha + out2
    before = query(chain, "SubnetTAO", [2])
    res = run_json(home, ["stake", "add", "--netuid", "2", "--amount", "2000", "--include-hotkeys", v1,
                          "--safe", "--tolerance", "0.01", "--no-mev-protection", "--no-prompt"],
                   wallet="staker", wallets=wallets)
    assert "SlippageTooHigh" in json.dumps(res), res
    assert query(chain, "SubnetTAO", [2]) == before

    listed = run_json(home, ["stake", "list", "--no-prompt"], wallet="staker", wallets=wallets)
    assert listed["coldkey_address"] == staker
    rows = listed["stake_info"][v1]  # by hotkey
    assert [(r["netuid"], round(r["stake_value"] * 1e9)) for r in rows] == [(2, staked)], rows
    assert round(listed["free_balance"] * 1e9) == free(chain, staker)

    # Unstake: the pool pays the TAO the math says, with the alpha fee sold for the author.
    p = pool(chain, 2)
    part = staked // 4
    tao_back, fee_tao, after = p.sell_with_author_fee(part)
    free_before = free(chain, staker)
    run_json(home, ["stake", "remove", "--netuid", "2", "--amount", str(part / 1e9), "--include-hotkeys", v1,
                    "--unsafe", "--no-prompt"], wallet="staker", wallets=wallets)  # shielded
    removed = staked - alpha(chain, v1, staker, 2)
    # btcli passes the amount as a decimal TAO string: allow its rounding to the rao.
    assert abs(removed - part) <= 1, (removed, part)
    tao_back, fee_tao, after = p.sell_with_author_fee(removed)
    assert (query(chain, "SubnetTAO", [2]), query(chain, "SubnetAlphaIn", [2])) == (after.tao, after.alpha)
    gained = free(chain, staker) - free_before
    assert 0 < tao_back - gained < TAO // 100  # the transaction fee
    staked -= removed

    # Move to another hotkey on the same subnet: shares change hands, no swap, no fee.
    moved = staked // 2
    run_json(home, ["stake", "move", "--origin-netuid", "2", "--dest-netuid", "2", "--dest", v2,
                    "--hotkey-ss58", v1, "--amount", str(moved / 1e9), "--no-prompt"],  # shielded
             wallet="staker", wallets=wallets)
    left = alpha(chain, v1, staker, 2)
    on_v2 = alpha(chain, v2, staker, 2)
    assert abs(on_v2 - moved) <= 1 and left + on_v2 in (staked, staked - 1), (left, on_v2, staked)

    # Transfer to another coldkey on the same subnet.
    dest = state["owner"].ss58_address
    given = on_v2 // 2
    run_json(home, ["stake", "transfer", "--origin-netuid", "2", "--dest-netuid", "2", "--dest", dest,
                    "--hotkey-ss58", v2, "--amount", str(given / 1e9), "--no-mev-protection", "--no-prompt"],
             wallet="staker", wallets=wallets)
    assert abs(alpha(chain, v2, dest, 2) - given) <= 1
    assert alpha(chain, v2, staker, 2) + alpha(chain, v2, dest, 2) in (on_v2, on_v2 - 1)

    # Swap from subnet 2 to root, by the owner through its own hotkey v1 (btcli swaps the
    # wallet's hotkey): sold on subnet 2 with its fee (the fee alpha sold for the block author), bought on
    # root 1:1 without one.
    owner = state["owner"].ss58_address
    run_json(home, ["stake", "add", "--netuid", "2", "--amount", "50", "--unsafe", "--no-mev-protection",
                    "--no-prompt"], wallet="owner", hotkey="v1", wallets=wallets)
    mine = alpha(chain, v1, owner, 2)
    assert mine > 0
    p = pool(chain, 2)
    root_before = alpha(chain, v1, owner, 0)
    run(home, ["stake", "swap", "--origin-netuid", "2", "--dest-netuid", "0", "--amount", str(mine // 2 / 1e9),
               "--unsafe", "--no-mev-protection", "--no-prompt"], wallet="owner", hotkey="v1", wallets=wallets)
    taken = mine - alpha(chain, v1, owner, 2)
    assert abs(taken - mine // 2) <= 1, (taken, mine // 2)
    tao_mid, _, after = p.sell_with_author_fee(taken)
    assert query(chain, "SubnetTAO", [2]) == after.tao
    assert alpha(chain, v1, owner, 0) - root_before == tao_mid

    # Delegate take: the hotkey's coldkey changes it.
    out = run(home, ["sudo", "set-take", "--take", "0.1"], wallet="owner", hotkey="v1",
              wallets=wallets)
    assert query(chain, "Delegates", [v1]) == int(0.1 * 65535), out
    out = run(home, ["sudo", "get-take"], wallet="owner", hotkey="v1", wallets=wallets)
    assert "0.1" in out or "10.0" in out, out


def wait_for_epoch(chain, netuid, timeout=60):
    """Waits until the subnet's next epoch has run; returns its block's hash."""
    index = query(chain, "SubnetEpochIndex", [netuid])
    deadline = time.time() + timeout
    while time.time() < deadline:
        h = head(chain)
        if query(chain, "SubnetEpochIndex", [netuid], h) > index:
            return h
        time.sleep(0.25)
    raise TimeoutError(f"no epoch on {netuid} in {timeout}s")


def test_weights_through_the_sdk_and_the_metagraph_after_an_epoch(localnet, chain, home, wallets):
    hk = state["hotkeys"]
    # The owner turns commit-reveal off through btcli; root opens the rate limit and restores
    # the fast tempo, as the clients' e2e suites do.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "commit_reveal_weights_enabled", "--value", "False",
                     "--no-prompt"], wallet="owner", wallets=wallets)
    assert query(chain, "CommitRevealWeightsEnabled", [2]) is False, out
    sudo(chain, "sudo_set_weights_set_rate_limit", {"netuid": 2, "weights_set_rate_limit": 0})
    sudo(chain, "sudo_set_tempo", {"netuid": 2, "tempo": 10})
    wait_for_epoch(chain, 2)  # stake-weighted permits for v1 and v2
    sdk = bt.Subtensor(network=URL)
    uids = [query(chain, "Uids", [2, hk[m]]) for m in ("m1", "m2", "m3")]
    for name, weights in (("v1", [0.2, 0.3, 0.5]), ("v2", [0.5, 0.3, 0.2])):
        wallet = bt.Wallet(name="owner", hotkey=name, path=str(wallets))
        res = sdk.set_weights(wallet=wallet, netuid=2, uids=uids, weights=weights, block_time=0.25,
                              wait_for_inclusion=True, wait_for_finalization=True)
        assert res.success, res.message
        row = query(chain, "Weights", [2, query(chain, "Uids", [2, hk[name]])])
        assert [u for u, _ in row] == uids
    # Too few weights: the pallet's error, by name, in the SDK's response.
    wallet = bt.Wallet(name="owner", hotkey="v1", path=str(wallets))
    res = sdk.set_weights(wallet=wallet, netuid=2, uids=uids[:1], weights=[1.0], block_time=0.25,
                          wait_for_inclusion=True, wait_for_finalization=True, max_attempts=1)
    assert not res.success and "WeightVecLengthIsLow" in str(res.message), res.message
    # An unregistered hotkey: the SDK refuses before sending.
    stranger = bt.Wallet(name="staker", hotkey="default", path=str(wallets))
    res = sdk.set_weights(wallet=stranger, netuid=2, uids=uids, weights=[1, 1, 1], block_time=0.25,
                          wait_for_inclusion=True, wait_for_finalization=True, max_attempts=1)
    assert not res.success and "not registered" in str(res.message), res.message
    # Sent anyway (as its own substrate client would), the pool refuses it with upstream's code for an unregistered
    # hotkey (10): a stranger's free call never reaches a block.
    call = chain.compose_call("SubtensorModule", "set_mechanism_weights",
                              {"netuid": 2, "mecid": 0, "dests": uids, "weights": [1, 1, 1], "version_key": 0})
    xt = chain.create_signed_extrinsic(call=call, keypair=stranger.hotkey)
    with pytest.raises(Exception) as refused:
        chain.submit_extrinsic(xt, wait_for_inclusion=True)
    assert "Custom error: 10" in str(refused.value), refused.value

    at = wait_for_epoch(chain, 2)
    number = int(chain.get_block_header(at)["header"]["number"])
    meta = sdk.metagraph(2, lite=False, block=number)
    n = query(chain, "SubnetworkN", [2], at)
    assert meta.n.item() == n
    u16 = 65535
    # What consensus must give: the subnet's whole history (registrations, and the stakes and
    # weights before each epoch, read from the chain) replayed through the engine offline.
    engine = replay(chain, 2, at)
    for attr, out, storage in (("incentive", "incentive", "Incentive"), ("dividends", "dividends", "Dividends"),
                               ("consensus", "consensus", "Consensus"),
                               ("validator_trust", "validator_trust", "ValidatorTrust")):
        shown = [round(float(x) * u16) for x in getattr(meta, attr)]
        assert shown == engine[out], (attr, shown, engine[out])
        assert query(chain, storage, [2], at) == engine[out], storage
    assert [bool(x) for x in meta.validator_permit] == engine["validator_permit"]
    # The SDK keeps emission as float32 TAO: equal to the engine's rao within its precision.
    expected = engine["neuron_emission"]
    assert all(abs(float(x) * 1e9 - e) <= max(1, e) * 1e-6 for x, e in zip(meta.emission, expected, strict=True))
    assert all(meta.incentive[u] > 0 for u in uids), list(meta.incentive)
    v_uids = [query(chain, "Uids", [2, hk[v]]) for v in ("v1", "v2")]
    assert all(meta.dividends[u] > 0 for u in v_uids), list(meta.dividends)
    # The SDK's selective metagraph's validators field (index 72), as its own e2e tests read it.
    sel = sdk.query_runtime_api("SubnetInfoRuntimeApi", "get_selective_mechagraph", [2, 0, [72]])
    assert set(v_uids) <= set(sel["validators"])

    # Commit-reveal by hash: the owner turns it back on; the SDK commits v1's weights, and
    # reveals them once the commit's epoch has passed; the revealed row is what is stored.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "commit_reveal_weights_enabled", "--value", "True",
                     "--no-prompt"], wallet="owner", wallets=wallets)
    assert query(chain, "CommitRevealWeightsEnabled", [2]) is True, out
    wallet = bt.Wallet(name="owner", hotkey="v1", path=str(wallets))
    salt, weights = [7, 8, 9], [0.1, 0.1, 0.8]
    # The SDK commits the u16 values it is given and normalizes at reveal, so (as its own e2e
    # tests do) the commit gets the values the reveal will send.
    from bittensor.utils.weight_utils import convert_and_normalize_weights_and_uids
    c_uids, c_values = convert_and_normalize_weights_and_uids(uids, weights)
    res = sdk.commit_weights(wallet=wallet, netuid=2, salt=salt, uids=c_uids, weights=c_values,
                             wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    assert query(chain, "WeightCommits", [2, hk["v1"]])
    wait_for_epoch(chain, 2)
    res = sdk.reveal_weights(wallet=wallet, netuid=2, uids=uids, weights=weights, salt=salt,
                             wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    row = dict(query(chain, "Weights", [2, v_uids[0]]))
    assert sorted(row) == sorted(uids) and row[uids[2]] == 65535 and row[uids[0]] == row[uids[1]]
    assert not query(chain, "WeightCommits", [2, hk["v1"]])
    # The SDK's delegate view: v1 became a delegate when its take was set through btcli.
    delegates = {d.hotkey_ss58: d for d in sdk.get_delegates()}
    assert hk["v1"] in delegates, list(delegates)
    d = delegates[hk["v1"]]
    assert d.owner_ss58 == state["owner"].ss58_address and abs(d.take - int(0.1 * 65535) / 65535) < 1e-9
    assert d.registrations == [2] and 2 in d.validator_permits
    sdk.close()


QUICKNET_GENESIS = 1_692_803_367


def compact(n: int) -> bytes:
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return ((n << 2) | 1).to_bytes(2, "little")
    return ((n << 2) | 2).to_bytes(4, "little")


def strip_compact(data: bytes) -> bytes:
    """The bytes of a SCALE `Vec<u8>` at the start of `data`."""
    mode = data[0] & 3
    if mode == 0:
        return data[1:1 + (data[0] >> 2)]
    if mode == 1:
        return data[2:2 + (int.from_bytes(data[:2], "little") >> 2)]
    return data[4:4 + (int.from_bytes(data[:4], "little") >> 2)]


def write_pulse(chain, round_: int, signature_hex: str):
    """A pulse as the offchain worker submits it: a bare `write_pulse` whose payload is signed
    by an sr25519 key (any key: the pulse itself is what is verified)."""
    signer = Keypair.create_from_uri("//DrandRelay")
    sig = bytes.fromhex(signature_hex)
    randomness = hashlib.sha256(sig).digest()
    number = chain.get_block_number(chain.get_chain_head())
    payload = (number.to_bytes(4, "little") + compact(1) + round_.to_bytes(8, "little")
               + compact(32) + randomness + compact(48) + sig + b"\x01" + signer.public_key)
    call = chain.compose_call("Drand", "write_pulse", {
        "pulses_payload": {"block_number": number,
                           "pulses": [{"round": round_, "randomness": "0x" + randomness.hex(),
                                       "signature": "0x" + sig.hex()}],
                           "public": {"Sr25519": "0x" + signer.public_key.hex()}},
        "signature": {"Sr25519": "0x" + signer.sign(payload).hex()},
    })
    xt = chain.create_unsigned_extrinsic(call)
    for attempt in range(20):
        try:
            return chain.submit_extrinsic(xt, wait_for_inclusion=True, wait_for_finalization=True)
        except Exception as e:  # noqa: BLE001
            # A just-included pulse for the same round still holds its pool tag until the
            # pool has caught up with the new block.
            if "1014" not in str(e) or attempt == 19:
                raise
            time.sleep(0.25)


def drand(chain, name, params=(), block=None):
    return chain.query("Drand", name, list(params), block_hash=block).value


def test_timelocked_weights_revealed_with_recorded_pulses(localnet, chain, home, wallets):
    hk = state["hotkeys"]
    sdk = bt.Subtensor(network=URL)
    uids = [query(chain, "Uids", [2, hk[m]]) for m in ("m1", "m2", "m3")]
    assert query(chain, "CommitRevealWeightsEnabled", [2]) is True
    # Offline: no pulse has ever been stored.
    assert drand(chain, "LastStoredRound") == 0

    # A commit made for round 1000, as the SDK's encryption makes it; then the recorded pulse.
    v1 = bt.Wallet(name="owner", hotkey="v1", path=str(wallets))
    values = [16384, 32768, 65535]
    payload = (compact(32) + v1.hotkey.public_key + compact(3) + b"".join(u.to_bytes(2, "little") for u in uids)
               + compact(3) + b"".join(v.to_bytes(2, "little") for v in values) + (0).to_bytes(8, "little"))
    encrypted, _ = bd.encrypt_at_round(payload, 1000)
    tle = strip_compact(encrypted)
    assert len(tle) == 244 + len(payload)
    call = chain.compose_call("SubtensorModule", "commit_timelocked_mechanism_weights",
                              {"netuid": 2, "mecid": 0, "commit": "0x" + tle.hex(), "reveal_round": 1000,
                               "commit_reveal_version": 4})
    receipt = chain.submit_extrinsic(chain.create_signed_extrinsic(call=call, keypair=v1.hotkey),
                                     wait_for_inclusion=True, wait_for_finalization=True)
    assert receipt.is_success, receipt.error_message
    events = [e["event"] if "event" in e else e for e in receipt.triggered_events]
    assert [e for e in events if e["event_id"] == "TimelockedWeightsCommitted"], events

    # A forged pulse is refused and stores nothing; the real one is verified and stored.
    forged = write_pulse(chain, 1000, FORGED_1000)
    assert not forged.is_success and forged.error_message["name"] == "PulseVerificationError"
    assert drand(chain, "LastStoredRound") == 0
    stored = write_pulse(chain, 1000, PULSE_1000)
    assert stored.is_success, stored.error_message
    assert drand(chain, "LastStoredRound") == 1000
    assert drand(chain, "Pulses", [1000])["signature"] in ("0x" + PULSE_1000, bytes.fromhex(PULSE_1000))
    # A commit for a round already past is refused in the pool (upstream's code 15).
    call = chain.compose_call("SubtensorModule", "commit_timelocked_mechanism_weights",
                              {"netuid": 2, "mecid": 0, "commit": "0x" + tle.hex(), "reveal_round": 999,
                               "commit_reveal_version": 4})
    with pytest.raises(Exception) as refused:
        chain.submit_extrinsic(chain.create_signed_extrinsic(call=call, keypair=v1.hotkey), wait_for_inclusion=True)
    assert "Custom error: 15" in str(refused.value), refused.value

    # In the commit's reveal epoch the block step decrypts it with the pulse and applies it.
    v1_uid = query(chain, "Uids", [2, hk["v1"]])
    deadline = time.time() + 90
    while dict(query(chain, "Weights", [2, v1_uid])) != dict(zip(uids, values)):
        assert time.time() < deadline, query(chain, "Weights", [2, v1_uid])
        time.sleep(0.25)
    block, events = block_with_event(chain, "SubtensorModule", "TimelockedWeightsRevealed", back=200)
    assert any(hk["v1"] in json.dumps(a) for a in event_attrs(events, "SubtensorModule", "TimelockedWeightsRevealed"))

    # The next epoch's consensus is the engine's on the chain's stakes and weights, revealed
    # weights included. (Dividends are left out: they carry bonds from epochs in which
    # commit-reveal masked pending commits, which the replay does not model.)
    at = wait_for_epoch(chain, 2)
    engine = replay(chain, 2, at)
    for storage, out in (("Incentive", "incentive"), ("Consensus", "consensus")):
        assert query(chain, storage, [2], at) == engine[out], storage
    # The SDK's own path with commit-reveal on (after the comparison: the engine replay has no
    # commit-reveal mask for a commit still pending): weights encrypted to a future wall-clock
    # round (which this offline chain will never see) and queued for the next epoch.
    v2 = bt.Wallet(name="owner", hotkey="v2", path=str(wallets))
    res = sdk.set_weights(wallet=v2, netuid=2, uids=uids, weights=[0.5, 0.3, 0.2], block_time=0.25,
                          wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    epoch = query(chain, "SubnetEpochIndex", [2])
    queued = [c for e in (epoch, epoch + 1) for c in chain.query("SubtensorModule", "TimelockedWeightCommits",
                                                                 [2, e]).value]
    assert [c[0] for c in queued] == [hk["v2"]], queued
    now_round = (time.time() - QUICKNET_GENESIS) / 3
    assert now_round - 100 < queued[0][3] < now_round + 1000, (queued[0][3], now_round)

    # The second recorded pulse: rounds keep increasing.
    assert write_pulse(chain, 2000, PULSE_2000).is_success
    assert drand(chain, "LastStoredRound") == 2000
    sdk.close()


U64_MAX = 2**64 - 1


def wait_blocks(chain, n: int):
    start = int(chain.get_block_header(head(chain))["header"]["number"])
    while int(chain.get_block_header(head(chain))["header"]["number"]) < start + n:
        time.sleep(0.25)


def test_childkeys_through_btcli_and_the_sdk(localnet, chain, home, wallets):
    """`btcli stake child set/get/take/revoke` on a subnet that has not started (lists apply
    at once), then the SDK's `set_children` on the started subnet 2: the list waits in
    `PendingChildKeys` for the first epoch after the dev chain's 15-block cooldown, and the
    metagraph's stakes then count what the parent gave."""
    hk = state["hotkeys"]
    _, events = submit(chain, URL, state["owner"], "SubtensorModule", "register_network", {"hotkey": hk["m3"]})
    netuid = new_netuid(events)
    assert query(chain, "SubtokenEnabled", [netuid]) is False

    out = run_json(home, ["stake", "child", "set", "--netuid", str(netuid), "--children", hk["v2"], "--children",
                          hk["m1"], "--proportions", "0.5", "--proportions", "0.25", "--no-prompt"],
                   wallet="owner", hotkey="v1", wallets=wallets)
    assert out[str(netuid)]["success"] is True, out
    # btcli sends int(f·(2⁶⁴−1)) as a float: 2⁶³ and 2⁶² exactly.
    expected = sorted([(2**63, hk["v2"]), (2**62, hk["m1"])], key=lambda c: Keypair(ss58_address=c[1]).public_key)
    assert [tuple(c) for c in query(chain, "ChildKeys", [hk["v1"], netuid])] == expected
    assert [tuple(p) for p in query(chain, "ParentKeys", [hk["v2"], netuid])] == [(2**63, hk["v1"])]
    got = run_json(home, ["stake", "child", "get", "--netuid", str(netuid)], wallet="owner", hotkey="v1",
                   wallets=wallets)
    assert got == {str(netuid): {hk["v2"]: 2**63, hk["m1"]: 2**62}}, got

    # The child's take: set within 0..18 %, read back through btcli; above the maximum refused.
    out = run(home, ["stake", "child", "take", "--netuid", str(netuid), "--take", "0.1", "--no-prompt"],
              wallet="owner", hotkey="v2", wallets=wallets)
    assert query(chain, "ChildkeyTake", [hk["v2"], netuid]) == int(0.1 * 65535), out
    shown = run(home, ["stake", "child", "take", "--netuid", str(netuid), "--no-prompt"], wallet="owner", hotkey="v2",
                wallets=wallets)
    assert "10.00%" in shown, shown
    out = run(home, ["stake", "child", "take", "--netuid", str(netuid), "--take", "0.18", "--no-prompt"],
              wallet="owner", hotkey="v2", wallets=wallets, check=False)
    assert query(chain, "ChildkeyTake", [hk["v2"], netuid]) in (int(0.1 * 65535), int(0.18 * 65535)), out

    # A second change within 150 blocks: the pallet's error by name, nothing changes.
    out = run(home, ["stake", "child", "revoke", "--netuid", str(netuid), "--no-prompt"], wallet="owner", hotkey="v1",
              wallets=wallets, check=False)
    assert "TxRateLimitExceeded" in out, out
    assert len(query(chain, "ChildKeys", [hk["v1"], netuid])) == 2

    # The SDK on the started subnet 2: scheduled, then applied by an epoch after the cooldown.
    sdk = bt.Subtensor(network=URL)
    v1 = bt.Wallet(name="owner", hotkey="v1", path=str(wallets))
    res = sdk.set_children(wallet=v1, netuid=2, hotkey_ss58=hk["v1"], children=[(1.0, hk["m2"])],
                           wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    pending, cooldown_block = sdk.get_children_pending(hk["v1"], 2)
    assert pending == [(1.0, hk["m2"])], pending
    assert cooldown_block > 0
    assert sdk.get_children(hk["v1"], 2) == (True, [], "")
    deadline = time.time() + 60
    while not sdk.get_children(hk["v1"], 2)[1]:
        assert time.time() < deadline, "the pending list never applied"
        time.sleep(0.25)
    at = head(chain)
    number = int(chain.get_block_header(at)["header"]["number"])
    assert number > cooldown_block
    assert sdk.get_children(hk["v1"], 2) == (True, [(1.0, hk["m2"])], "")
    assert sdk.get_parents(hk["m2"], 2) == [(1.0, hk["v1"])]
    assert sdk.get_children_pending(hk["v1"], 2)[0] == []
    # Child-adjusted stakes in the metagraph: v1 gave everything to m2.
    meta = sdk.metagraph(2, lite=False, block=number)
    own = {h: query(chain, "TotalHotkeyAlpha", [h, 2], at) for h in (hk["v1"], hk["m2"])}
    uid_v1, uid_m2 = meta.hotkeys.index(hk["v1"]), meta.hotkeys.index(hk["m2"])
    assert meta.alpha_stake[uid_v1].item() == 0
    assert abs(meta.alpha_stake[uid_m2].item() - (own[hk["v1"]] + own[hk["m2"]]) / 1e9) < 1e-3

    # Revocations, after the rate limit: btcli on the young subnet (at once), the SDK on 2.
    wait_blocks(chain, 150)
    out = run_json(home, ["stake", "child", "revoke", "--netuid", str(netuid), "--no-prompt"], wallet="owner",
                   hotkey="v1", wallets=wallets)
    assert out[str(netuid)]["success"] is True, out
    assert query(chain, "ChildKeys", [hk["v1"], netuid]) == []
    assert query(chain, "ParentKeys", [hk["v2"], netuid]) == []
    res = sdk.set_children(wallet=v1, netuid=2, hotkey_ss58=hk["v1"], children=[],
                           wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    res = sdk.set_children(wallet=v1, netuid=2, hotkey_ss58=hk["v1"], children=[],
                           wait_for_inclusion=True, wait_for_finalization=True)
    assert not res.success and "TxRateLimitExceeded" in str(res.message), res.message
    deadline = time.time() + 60
    while sdk.get_children(hk["v1"], 2)[1]:
        assert time.time() < deadline, "the revocation never applied"
        time.sleep(0.25)
    assert sdk.get_parents(hk["m2"], 2) == []
    sdk.close()


def chain_lock(chain, coldkey, netuid, block=None):
    """`get_coldkey_lock` through `state_call`, as the clients call it: the lock rolled to the
    block."""
    sdk = bt.Subtensor(network=URL)
    try:
        number = None if block is None else int(chain.get_block_header(block)["header"]["number"])
        return sdk.get_coldkey_lock(coldkey, netuid, block=number)
    finally:
        sdk.close()


def test_stake_locks_through_btcli_and_the_sdk(localnet, chain, home, wallets):
    """`btcli lock add/list/show/mode/move` and the SDK's `lock_stake`, `move_lock`,
    `set_perpetual_lock`, `get_coldkey_lock`, `get_hotkey_conviction`,
    `get_most_convicted_hotkey_on_subnet` and `get_stake_availability_for_coldkeys` on subnet
    2: what btcli rolls forward client-side agrees with what the chain rolls, and locked alpha
    cannot be unstaked (the pallet's error by name)."""
    hk = state["hotkeys"]
    staker = state["staker"]
    key = bt.Wallet(name="staker", path=str(wallets)).coldkey
    submit(chain, URL, key, "SubtensorModule", "add_stake", {"hotkey": hk["v1"], "netuid": 2, "amount_staked": 50 * TAO})
    total = sum(alpha(chain, h, staker, 2) for h in query(chain, "StakingHotkeys", [staker]))
    on_v1 = alpha(chain, hk["v1"], staker, 2)
    assert total >= on_v1 > 4 * TAO

    # A new decaying lock to v1 of all but half of what the staker holds through v1 (the lock
    # is per coldkey and subnet: the staker's other hotkeys on subnet 2 count too).
    wanted = total - on_v1 // 2
    out = run_json(home, ["lock", "add", "--netuid", "2", "--hotkey", hk["v1"], "--amount", f"{wanted / 1e9:.9f}",
                          "--mode", "decaying", "--no-graph", "--no-prompt"], wallet="staker", wallets=wallets)
    locked = out["adding_rao"]
    assert abs(locked - wanted) <= 1 and (out["current_locked_rao"], out["new_locked_rao"]) == (0, locked), out
    assert out["mode"] == "decaying" and out["mode_change_needed"] is False, out
    stored = chain.query("SubtensorModule", "Lock", [staker, 2, hk["v1"]]).value
    assert stored["locked_mass"] == locked and stored["conviction"]["bits"] == 0, stored
    assert query(chain, "LockingColdkeys", [2, hk["v1"], staker]) is not None
    assert chain.query("SubtensorModule", "DecayingHotkeyLock", [2, hk["v1"]]).value["locked_mass"] == locked

    # btcli's view, rolled client-side, against the chain's roll at the same block.
    wait_blocks(chain, 5)
    listed = run_json(home, ["lock", "list"], wallet="staker", wallets=wallets)
    (row,) = listed["locks"]
    assert (row["netuid"], row["hotkey"], row["mode"], row["owner_hotkey_lock"]) == (2, hk["v1"], "decaying", False)
    at = chain.get_block_hash(listed["current_block"])
    rolled = chain_lock(chain, staker, 2, at)
    assert abs(row["locked_alpha_rao"] - rolled["locked_mass"].rao) <= 1, (row, rolled)
    assert rolled["locked_mass"].rao < locked
    assert 0 < rolled["conviction"] and abs(float(row["conviction_raw"]) - rolled["conviction"]) <= 1e-6 * rolled["conviction"]
    shown = run_json(home, ["lock", "show", "--netuid", "2"], wallet="staker", wallets=wallets)
    assert shown["locks"][0]["hotkey"] == hk["v1"], shown

    # Locked alpha stays: an unstake of everything fails with the pallet's error.
    name, _ = failing(chain, key, "SubtensorModule", "remove_stake",
                      {"hotkey": hk["v1"], "netuid": 2, "amount_unstaked": alpha(chain, hk["v1"], staker, 2)})
    assert name == "StakeUnavailable"
    sdk = bt.Subtensor(network=URL)
    view = sdk.get_stake_availability_for_coldkeys([staker], [2])
    as_map = lambda m: dict(m) if isinstance(m, (list, tuple)) else m  # noqa: E731 (a BTreeMap may decode as pairs)
    row = as_map(as_map(view)[staker])[2]
    assert row["locked"] > 0 and row["available"] == row["total"] - row["locked"], view

    # Perpetual mode: the lock moves to the perpetual aggregate.
    run(home, ["lock", "mode", "--netuid", "2", "--mode", "perpetual", "--no-prompt"], wallet="staker",
        wallets=wallets)
    assert query(chain, "DecayingLock", [staker, 2]) is False
    assert query(chain, "HotkeyLock", [2, hk["v1"]]) is not None
    assert query(chain, "DecayingHotkeyLock", [2, hk["v1"]]) is None

    # Moved to v2, of the same owner: the conviction is kept.
    before = chain_lock(chain, staker, 2)
    run(home, ["lock", "move", "--netuid", "2", "--dest", hk["v2"], "--no-prompt"], wallet="staker", wallets=wallets)
    assert query(chain, "Lock", [staker, 2, hk["v1"]]) is None
    moved = chain.query("SubtensorModule", "Lock", [staker, 2, hk["v2"]]).value
    assert moved["locked_mass"] == before["locked_mass"].rao  # perpetual: no decay since the switch
    assert moved["conviction"]["bits"] >= int(before["conviction"] * 2**64) * (1 - 1e-9)
    conviction = sdk.get_hotkey_conviction(hk["v2"], 2)
    assert conviction > 0 and sdk.get_hotkey_conviction(hk["v1"], 2) == 0
    king = sdk.get_most_convicted_hotkey_on_subnet(2)
    assert king == hk["v2"], king

    # The SDK: a top-up, back to v1, decaying again.
    v1_owner = bt.Wallet(name="staker", path=str(wallets))
    res = sdk.lock_stake(wallet=v1_owner, hotkey_ss58=hk["v2"], netuid=2, amount=bt.Balance.from_tao(1),
                         wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    assert query(chain, "Lock", [staker, 2, hk["v2"]])["locked_mass"] == moved["locked_mass"] + TAO
    res = sdk.move_lock(wallet=v1_owner, destination_hotkey_ss58=hk["v1"], netuid=2,
                        wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    res = sdk.set_perpetual_lock(wallet=v1_owner, netuid=2, enabled=False,
                                 wait_for_inclusion=True, wait_for_finalization=True)
    assert res.success, res.message
    assert query(chain, "DecayingLock", [staker, 2]) is None
    lock = sdk.get_coldkey_lock(staker, 2)
    assert lock["locked_mass"].rao <= moved["locked_mass"] + TAO and lock["conviction"] > 0
    assert sdk.get_most_convicted_hotkey_on_subnet(2) == hk["v1"]
    # A top-up to another hotkey is refused by name.
    res = sdk.lock_stake(wallet=v1_owner, hotkey_ss58=hk["v2"], netuid=2, amount=bt.Balance.from_tao(1),
                         wait_for_inclusion=True, wait_for_finalization=True)
    assert not res.success and "LockHotkeyMismatch" in str(res.message), res.message
    sdk.close()


def test_swap_hotkey_moves_the_registration(localnet, chain, home, wallets):
    """`btcli wallet swap-hotkey` on every subnet: the uid, its axon and the stake move to
    the new hotkey, which its coldkey now owns; the swap's cost (0.1 TAO) is recycled."""
    hk = state["hotkeys"]
    run(home, ["wallet", "new-hotkey", "--no-use-password", "--n-words", "12"], wallet="owner", hotkey="m1b",
        wallets=wallets, network=False)
    new = json.loads((wallets / "owner" / "hotkeys" / "m1b").read_text())["ss58Address"]
    uid = query(chain, "Uids", [2, hk["m1"]])
    stake = query(chain, "TotalHotkeyAlpha", [hk["m1"], 2])
    paid_before = free(chain, state["owner"].ss58_address)
    out = run(home, ["wallet", "swap-hotkey", "m1b", "--all-netuids", "--no-prompt"], wallet="owner", hotkey="m1",
              wallets=wallets)
    assert query(chain, "Uids", [2, new]) == uid, out
    assert query(chain, "Uids", [2, hk["m1"]]) is None
    assert query(chain, "Keys", [2, uid]) == new
    assert query(chain, "Owner", [new]) == state["owner"].ss58_address
    assert chain.query("SubtensorModule", "Axons", [2, new]).value["port"] == 8091
    assert query(chain, "TotalHotkeyAlpha", [new, 2]) >= stake
    assert query(chain, "TotalHotkeyAlpha", [hk["m1"], 2]) == 0
    assert chain.get_constant("SubtensorModule", "KeySwapCost").value == 100_000_000
    block, events = block_with_event(chain, "SubtensorModule", "HotkeySwapped", back=50)
    assert any(new in json.dumps(a) for a in event_attrs(events, "SubtensorModule", "HotkeySwapped"))
    # The owner paid the cost (recycled) and the transaction's fee, nothing else.
    fee = sum(a["actual_fee"] for a in event_attrs(events, "TransactionPayment", "TransactionFeePaid")
              if a["who"] == state["owner"].ss58_address)
    assert paid_before - free(chain, state["owner"].ss58_address) == 100_000_000 + fee
    hk["m1"] = new


def test_swap_coldkey_announce_execute_dispute_through_btcli(localnet, chain, home, wallets):
    """`btcli wallet swap-coldkey announce/check/execute/dispute`: the announcement recycles
    `KeySwapCost` and freezes the coldkey's other transactions (pool code 0), the swap after
    the dev chain's 50 blocks moves the balance, and a disputed coldkey can do nothing (21)."""
    for name in ("swapper", "swapnew", "disputer", "disputenew"):
        run(home, ["wallet", "create", "--no-use-password", "--n-words", "12"], wallet=name, hotkey="default",
            wallets=wallets, network=False)
    ss58 = {name: json.loads((wallets / name / "coldkeypub.txt").read_text())["ss58Address"]
            for name in ("swapper", "swapnew", "disputer", "disputenew")}
    alice = Keypair.create_from_uri("//Alice")
    for name in ("swapper", "disputer"):
        submit(chain, URL, alice, "Balances", "transfer_keep_alive", {"dest": ss58[name], "value": 100 * TAO})
    cost = chain.get_constant("SubtensorModule", "KeySwapCost").value

    before = free(chain, ss58["swapper"])
    out = run(home, ["wallet", "swap-coldkey", "announce", "--new-coldkey", ss58["swapnew"], "--no-prompt"],
              wallet="swapper", wallets=wallets)
    announced = query(chain, "ColdkeySwapAnnouncements", [ss58["swapper"]])
    assert announced is not None, out
    expected_hash = "0x" + hashlib.blake2b(Keypair(ss58_address=ss58["swapnew"]).public_key, digest_size=32).hexdigest()
    assert announced[1] == expected_hash, announced
    assert before - free(chain, ss58["swapper"]) >= cost
    shown = run(home, ["wallet", "swap-coldkey", "check", "--no-prompt"], wallet="swapper", wallets=wallets)
    assert ss58["swapnew"][:6] in shown or "announce" in shown.lower(), shown

    # Frozen: any other transaction is refused in the pool.
    out = run(home, ["wallet", "transfer", "--destination", alice.ss58_address, "--amount", "1", "--no-prompt"],
              wallet="swapper", wallets=wallets, check=False)
    assert "Custom error: 0" in out, out
    # Too early to execute: btcli reads the announcement and the delay, and submits nothing.
    out = run(home, ["wallet", "swap-coldkey", "execute", "--new-coldkey", ss58["swapnew"], "--no-prompt"],
              wallet="swapper", wallets=wallets, check=False)
    assert "cannot be executed yet" in out, out
    assert query(chain, "ColdkeySwapAnnouncements", [ss58["swapper"]]) == announced
    delay = query(chain, "ColdkeySwapAnnouncementDelay", [])
    number = int(chain.get_block_header(head(chain))["header"]["number"])
    wait_blocks(chain, max(0, announced[0] + delay - number) + 1)
    left = free(chain, ss58["swapper"])
    out = run(home, ["wallet", "swap-coldkey", "execute", "--new-coldkey", ss58["swapnew"], "--no-prompt"],
              wallet="swapper", wallets=wallets)
    assert free(chain, ss58["swapper"]) == 0, out
    assert query(chain, "ColdkeySwapAnnouncements", [ss58["swapper"]]) is None
    block, events = block_with_event(chain, "SubtensorModule", "ColdkeySwapped", back=50)
    assert any(ss58["swapnew"] in json.dumps(a) for a in event_attrs(events, "SubtensorModule", "ColdkeySwapped"))
    # The whole balance moved, less the fee of the execute transaction.
    fee = sum(a["actual_fee"] for a in event_attrs(events, "TransactionPayment", "TransactionFeePaid")
              if a["who"] == ss58["swapper"])
    assert free(chain, ss58["swapnew"]) == left - fee

    # A dispute freezes everything, the swap's own calls included.
    run(home, ["wallet", "swap-coldkey", "announce", "--new-coldkey", ss58["disputenew"], "--no-prompt"],
        wallet="disputer", wallets=wallets)
    run(home, ["wallet", "swap-coldkey", "dispute", "--no-prompt"], wallet="disputer", wallets=wallets)
    assert query(chain, "ColdkeySwapDisputes", [ss58["disputer"]]) is not None
    out = run(home, ["wallet", "transfer", "--destination", alice.ss58_address, "--amount", "1", "--no-prompt"],
              wallet="disputer", wallets=wallets, check=False)
    assert "Custom error: 21" in out, out


def test_failing_calls_print_the_pallet_error(localnet, chain, home, wallets):
    # A stake below the minimum: the pallet's error, by name, in btcli's output.
    out = run(home, ["stake", "add", "--netuid", "2", "--amount", "0.001", "--include-hotkeys",
                     state["hotkeys"]["v1"], "--unsafe", "--no-mev-protection", "--no-prompt"],
              wallet="staker", wallets=wallets)
    assert "AmountTooLow" in out or "minimum" in out.lower(), out
    # Slippage: a stake far larger than the pool with a 0.1 % tolerance and no partial fill
    # fails at the limit price, and btcli prints the pallet's error by name.
    before = query(chain, "SubnetTAO", [2])
    out = run(home, ["stake", "add", "--netuid", "2", "--amount", "500", "--include-hotkeys",
                     state["hotkeys"]["v1"], "--safe", "--tolerance", "0.001", "--no-partial",
                     "--no-mev-protection", "--no-prompt"], wallet="staker", wallets=wallets)
    assert "SlippageTooHigh" in out, out
    assert query(chain, "SubnetTAO", [2]) == before
    # Not the owner: btcli refuses or the chain does; the value does not change.
    out = run(home, ["sudo", "set", "--netuid", "2", "--param", "min_allowed_weights", "--value", "3",
                     "--no-prompt"], wallet="staker", wallets=wallets)
    assert query(chain, "MinAllowedWeights", [2]) == 2, out
    assert "own the specified subnet" in out or "BadOrigin" in out or "NotSubnetOwner" in out, out


def test_zz_localnet_stops_on_sigterm(localnet):
    """Last in the module: SIGTERM to the script's process group, as the harnesses stop it,
    ends the node and frees both ports at once."""
    os.killpg(localnet.pid, signal.SIGTERM)
    localnet.wait(timeout=10)
    deadline = time.time() + 5
    while (port_open(9944) or port_open(9945)) and time.time() < deadline:
        time.sleep(0.05)
    assert not port_open(9944) and not port_open(9945)
