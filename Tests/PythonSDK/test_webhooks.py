"""Fanout's webhooks as the official SDK receives them: a receiver on a free
port checks each delivery with `onlyfans_sdk.webhooks.verify_webhook_payload`
and routes it with `WebhookRouter`; a wrong secret fails there."""
import http.server
import json
import os
import threading
import time
import urllib.request

import pytest
from onlyfans_sdk.webhooks import WebhookRouter, WebhookVerificationError, verify_webhook_payload


class Receiver(http.server.ThreadingHTTPServer):
    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), Handler)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, api_key, body=None):
    request = urllib.request.Request(
        os.environ["FANOUT_URL"] + path, method=method, headers={"apiKey": api_key, "Content-Type": "application/json"},
        data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_the_sdk_verifies_and_routes_a_fanout_webhook(credentials, receiver):
    api_key = credentials["organizations"][0]["apiKey"]
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hooks/fanout"
    status, endpoint = call("POST", "/webhooks", api_key, {"url": url})
    assert status == 201 and endpoint["secret"].startswith("whsec_")
    try:
        status, queued = call("POST", f"/webhooks/{endpoint['id']}/test", api_key)
        assert status == 202
        deadline = time.time() + 10
        while not receiver.received and time.time() < deadline:
            time.sleep(0.05)
        assert receiver.received, "the test event arrived"
        headers, body = receiver.received[0]

        event = verify_webhook_payload(body, headers, endpoint["secret"])
        assert event["type"] == event["eventType"] == "webhook.test"
        assert headers["svix-id"] == headers["webhook-id"] == queued["eventId"]
        routed = []
        router = WebhookRouter(secret=endpoint["secret"]).on("webhook.test", routed.append)
        router.handle_payload(body, headers)
        assert routed and routed[0]["data"]["environment"] == "sandbox"

        wrong = "whsec_" + "A" * 32
        with pytest.raises(WebhookVerificationError):
            verify_webhook_payload(body, headers, wrong)
        with pytest.raises(WebhookVerificationError):
            WebhookRouter(secret=wrong).handle_payload(body, headers)
    finally:
        call("DELETE", f"/webhooks/{endpoint['id']}", api_key)
