"""The drand offchain worker end to end: a dev node told with `--drand-endpoints` to fetch
from a local HTTP server that answers as drand's API does (recorded quicknet pulses, public
data). What it serves reaches the chain only through the worker's unsigned `write_pulse`
and the runtime's BLS check: a forged pulse is never stored, the real one is."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from async_substrate_interface.sync_substrate import SubstrateInterface

from chain import FORGED_1000, PULSE_1000, block_events, event_attrs
from harness import Node, free_port

QUICKNET = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"


def body(round_: int, signature_hex: str) -> bytes:
    signature = bytes.fromhex(signature_hex)
    return json.dumps({"round": round_, "randomness": hashlib.sha256(signature).hexdigest(),
                       "signature": signature_hex}).encode()


class FakeDrand:
    """Serves `/{chain}/public/latest` and `/{chain}/public/{round}` from `pulses`."""

    def __init__(self):
        self.pulses: dict[str, bytes] = {}
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                outer.hits.append(self.path)
                reply = outer.pulses.get(self.path)
                self.send_response(200 if reply else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(reply or b'{"error":"not found"}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve(self, round_: int, signature_hex: str):
        reply = body(round_, signature_hex)
        self.pulses = {f"/{QUICKNET}/public/latest": reply, f"/{QUICKNET}/public/{round_}": reply}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def drand_server():
    server = FakeDrand()
    yield server
    server.close()


def test_the_offchain_worker_stores_verified_pulses_from_its_endpoints(drand_server):
    drand_server.serve(1000, FORGED_1000)
    node = Node(["--dev", "--sealing", "100", f"--drand-endpoints={drand_server.url}"], name="drand")
    try:
        node.start()
        client = SubstrateInterface(node.url, ss58_format=42, chain_name="Bittensor")

        def last_stored():
            return client.query("Drand", "LastStoredRound").value

        # The worker asks for quicknet's latest round; the forged answer never gets stored.
        node.wait_for(lambda: len(drand_server.hits) >= 3, 60, "three requests to the drand endpoint")
        assert drand_server.hits[0] == f"/{QUICKNET}/public/latest", drand_server.hits
        best = node.best_number()
        node.wait_for_best(best + 20, timeout=60)
        assert last_stored() == 0
        assert client.query("Drand", "Pulses", [1000]).value is None

        # Once the endpoint serves the real pulse, the worker's write_pulse lands and is verified.
        drand_server.serve(1000, PULSE_1000)
        node.wait_for(lambda: last_stored() == 1000, 60, "the pulse of round 1000 on chain")
        pulse = client.query("Drand", "Pulses", [1000]).value
        assert pulse["signature"] in ("0x" + PULSE_1000, bytes.fromhex(PULSE_1000)), pulse
        randomness = hashlib.sha256(bytes.fromhex(PULSE_1000)).hexdigest()
        assert pulse["randomness"] in ("0x" + randomness, bytes.fromhex(randomness)), pulse
        # It came in as the worker's bare `write_pulse`, with its NewPulse event.
        head = client.get_chain_head()
        number = client.get_block_number(head)
        for n in range(number, max(number - 200, 0), -1):
            block_hash = client.get_block_hash(n)
            events = block_events(client, block_hash)
            if event_attrs(events, "Drand", "NewPulse"):
                break
        else:
            raise AssertionError("no Drand.NewPulse in the last 200 blocks")
        assert event_attrs(events, "Drand", "NewPulse") == [{"rounds": [1000]}], events
        xts = [x.value for x in client.get_block(block_hash)["extrinsics"]]
        writes = [x for x in xts if x["call"]["call_function"] == "write_pulse"]
        assert len(writes) == 1 and "address" not in writes[0], writes
        client.close()
    finally:
        node.cleanup()
