"""Replays a subnet's epochs through the Yuma engine offline (`yuma-sim`, the same crate the
runtime links), fed only with the chain's own state before each epoch, so that tests can
compare what the clients show with what consensus must give for that state."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from chain import query

SIM = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache" / "tensorchain" / "target")) / "release" / "yuma-sim"


def epoch_blocks(substrate, netuid: int, at: str) -> list[int]:
    """Every block an epoch of the subnet ran in, oldest first, up to block hash `at`.
    `LastEpochBlock` is also moved by a tempo change, so only blocks where the epoch index
    rose count."""
    registered = query(substrate, "NetworkRegisteredAt", [netuid], at)
    blocks = []
    last = query(substrate, "LastEpochBlock", [netuid], at)
    while last and last > registered:
        before = substrate.get_block_hash(last - 1)
        if query(substrate, "SubnetEpochIndex", [netuid], substrate.get_block_hash(last)) > \
                query(substrate, "SubnetEpochIndex", [netuid], before):
            blocks.append(last)
        last = query(substrate, "LastEpochBlock", [netuid], before)
    return blocks[::-1]


def _drained(substrate, netuid: int, block: int) -> dict:
    ran = [e["event"]["attributes"] for e in substrate.get_events(substrate.get_block_hash(block))
           if (e["event"]["module_id"], e["event"]["event_id"]) == ("SubtensorModule", "EpochRan")
           and e["event"]["attributes"]["netuid"] == netuid]
    assert len(ran) == 1, ran
    return ran[0]


def replay(substrate, netuid: int, at: str) -> dict:
    """The engine's outputs for the subnet's latest epoch at `at`, from its whole history:
    registrations, and before each epoch the stakes (alpha and root) and stored weights."""
    blocks = epoch_blocks(substrate, netuid, at)
    final = substrate.get_block_hash(blocks[-1])
    tempo = query(substrate, "Tempo", [netuid], final)
    alpha_low, alpha_high = query(substrate, "AlphaValues", [netuid], final)
    params = {
        "kappa": query(substrate, "Kappa", [netuid], final),
        "bonds_penalty": query(substrate, "BondsPenalty", [netuid], final),
        "bonds_moving_average": query(substrate, "BondsMovingAverage", [netuid], final),
        "yuma3": query(substrate, "Yuma3On", [netuid], final),
        "liquid_alpha": query(substrate, "LiquidAlphaOn", [netuid], final),
        "alpha_low": alpha_low, "alpha_high": alpha_high,
        "alpha_sigmoid_steepness": query(substrate, "AlphaSigmoidSteepness", [netuid], final),
        "max_allowed_validators": query(substrate, "MaxAllowedValidators", [netuid], final),
        "activity_cutoff": max(1, query(substrate, "ActivityCutoffFactorMilli", [netuid], final) * tempo // 1000),
        "stake_threshold": query(substrate, "StakeThreshold", [], final),
        "tao_weight": query(substrate, "TaoWeight", [], final),
    }
    n = query(substrate, "SubnetworkN", [netuid], final)
    hotkeys = [query(substrate, "Keys", [netuid, uid], final) for uid in range(n)]
    registered_at = [query(substrate, "BlockAtRegistration", [netuid, uid], final) for uid in range(n)]
    owner = query(substrate, "Uids", [netuid, query(substrate, "SubnetOwnerHotkey", [netuid], final)], final)
    steps, present = [], 0
    for block in blocks:
        before = substrate.get_block_hash(block - 1)
        while present < n and registered_at[present] < block:
            steps.append({"register": {"block": registered_at[present]}})
            present += 1
        for uid in range(present):
            steps.append({"stake": {"uid": uid,
                                    "stake": query(substrate, "TotalHotkeyAlpha", [hotkeys[uid], netuid], before),
                                    "tao_stake": query(substrate, "TotalHotkeyAlpha", [hotkeys[uid], 0], before)}})
        last_update = query(substrate, "LastUpdate", [netuid], before)
        for uid in range(present):
            row = query(substrate, "Weights", [netuid, uid], before)
            if row:
                steps.append({"weights": {"uid": uid, "block": last_update[uid],
                                          "uids": [j for j, _ in row], "values": [w for _, w in row]}})
        d = _drained(substrate, netuid, block)
        steps.append({"epoch": {"block": block, "emission": d["server"] + d["validator"] + d["root"]}})
    scenario = {"hyperparameters": params, "tempo": tempo, "owner_uid": owner, "steps": steps}
    out = subprocess.run([str(SIM), "-"], input=json.dumps(scenario), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)[-1]
