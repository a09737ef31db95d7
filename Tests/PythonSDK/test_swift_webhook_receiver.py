"""One signing, two verifiers: a delivery Fanout signed verifies with the
official SDK's `verify_webhook_signature`, and the same bytes and headers
verify in the Swift example receiver (`fanout-webhook-receiver`, built by
`swift build`), which answers 204; a tampered copy gets 401 there.

The receiver binary is `.build/debug/fanout-webhook-receiver` (or
FANOUT_WEBHOOK_RECEIVER_BIN); a missing one fails the test, never skips it.
"""
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import pytest
from onlyfans_sdk.webhooks import verify_webhook_payload, verify_webhook_signature
from webhook_capture import Receiver

ROOT = pathlib.Path(__file__).resolve().parents[2]

def call(method, path, api_key, body=None, connection=None):
    headers = {"apiKey": api_key, "Content-Type": "application/json"}
    if connection:
        headers["x-connection-id"] = connection
    request = urllib.request.Request(
        os.environ["FANOUT_URL"] + path, method=method, headers=headers,
        data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, headers):
    """The receiver's status for a POST (an HTTP error's too)."""
    request = urllib.request.Request(url, method="POST", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def capture():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture
def receiver_binary():
    path = pathlib.Path(os.environ.get("FANOUT_WEBHOOK_RECEIVER_BIN", ROOT / ".build/debug/fanout-webhook-receiver"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is missing: run `swift build` (or set FANOUT_WEBHOOK_RECEIVER_BIN)")
    return path


def start_receiver(binary, secret, log):
    port = free_port()
    process = subprocess.Popen(
        [str(binary)], env={**os.environ, "FANOUT_WEBHOOK_SECRET": secret, "PORT": str(port)},
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        assert process.poll() is None, f"the receiver exited with {process.returncode}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}/webhooks"
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("the Swift receiver did not listen within 30 s")


def test_a_fanout_delivery_verifies_in_the_sdk_and_in_the_swift_receiver(credentials, capture, receiver_binary, client):
    from onlyfans_sdk import messages

    org = credentials["organizations"][0]
    api_key, connection = org["apiKey"], org["connections"][0]["id"]
    status, endpoint = call("POST", "/webhooks", api_key, {
        "url": f"http://127.0.0.1:{capture.server_address[1]}/hooks/swift",
        "events": ["realtime.chat_message.received"]})
    assert status == 201 and endpoint["secret"].startswith("whsec_")
    log = tempfile.TemporaryFile()
    process, receiver_url = start_receiver(receiver_binary, endpoint["secret"], log)
    try:
        # Two events: the test event, and a fan's message (a typed body the Swift side decodes).
        status, queued = call("POST", f"/webhooks/{endpoint['id']}/test", api_key)
        assert status == 202
        fan = next(chat["withUser"]["id"] for chat in messages.list_chats(client, limit=20)["list"] if chat["canSendMessage"])
        _, sent = call("POST", f"/sandbox/fans/{fan}/messages", api_key, {"text": "Verified twice"}, connection=connection)
        deadline = time.time() + 30
        def types():
            return {json.loads(body)["type"] for _, body in capture.received}
        while not {"webhook.test", "realtime.chat_message.received"} <= types() and time.time() < deadline:
            time.sleep(0.05)
        assert {"webhook.test", "realtime.chat_message.received"} <= types(), f"deliveries: {types()}"

        forwarded = []
        for headers, body in list(capture.received):
            event = json.loads(body)
            if event["type"] == "realtime.chat_message.received" and event["data"]["eventBody"]["id"] != sent["id"]:
                continue  # another fan's message, from another test
            svix = {name.lower(): value for name, value in headers.items() if name.lower().startswith("svix-")}
            assert verify_webhook_signature(body.decode("utf-8"), svix, endpoint["secret"]) is True
            assert verify_webhook_payload(body, headers, endpoint["secret"])["type"] == event["type"]

            signed = {name: value for name, value in headers.items() if name.lower().startswith(("webhook-", "svix-"))}
            signed["Content-Type"] = "application/json"
            assert post(receiver_url, body, signed) == 204, f"the Swift receiver refused {event['type']}"
            forwarded.append(headers.get("webhook-id") or headers.get("Webhook-Id"))

            tampered = body.replace(b'"type"', b'"Type"', 1)
            assert tampered != body
            assert post(receiver_url, tampered, signed) == 401
            wrong = dict(signed, **{name: "v1," + "A" * 43 + "=" for name in signed if name.lower().endswith("-signature")})
            assert post(receiver_url, body, wrong) == 401
        # The test event, and the message once per connection of the organization that may read it.
        assert queued["eventId"] in forwarded and len(forwarded) >= 2

        # The receiver routed each one by type: its log names every event id.
        time.sleep(0.2)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
        for event_id in forwarded:
            assert event_id in output, output
        assert "test event" in output and "message received" in output and "delivery refused" in output
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        call("DELETE", f"/webhooks/{endpoint['id']}", api_key)
