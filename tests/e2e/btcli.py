"""Running the real `btcli` (bittensor-cli 9.23.2) as a user would: one process per command,
its own HOME, no colours, no prompts unless a test asks for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

BTCLI = Path(sys.executable).parent / "btcli"


def run(home, args, *, url: Optional[str] = None, wallet=None, hotkey=None, wallets=None, check=True,
        answers: Optional[str] = None) -> str:
    """One btcli command against `url` (no `--network` when None); returns what it printed.
    `answers` are typed at its prompts (some ask even with `--no-prompt`). btcli exits 0 on
    most failures, so callers read the output."""
    cmd = [str(BTCLI), *args]
    if wallet:
        cmd += ["--wallet-name", wallet, "--wallet-path", str(wallets)]
    if hotkey:
        cmd += ["--hotkey", hotkey]
    if url:
        cmd += ["--network", url]
    env = {**os.environ, "HOME": str(home), "COLUMNS": "250", "NO_COLOR": "1"}
    stdin = {"input": answers} if answers is not None else {"stdin": subprocess.DEVNULL}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, **stdin)
    if check and result.returncode != 0:
        raise AssertionError(f"btcli {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def run_json(home, args, **kw):
    """A command with `--json-output`: the JSON document it printed (after any prompt text)."""
    out = run(home, [*args, "--json-output"], **kw)
    decoder = json.JSONDecoder()
    for start, char in enumerate(out):
        if char in "{[":
            try:
                return decoder.raw_decode(out, start)[0]
            except json.JSONDecodeError:
                continue
    raise AssertionError(f"btcli {' '.join(args)} printed no JSON:\n{out}")
