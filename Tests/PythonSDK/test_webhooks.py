"""Fanout's webhooks as the official SDK receives them: a receiver on a free
port checks each delivery with `onlyfans_sdk.webhooks.verify_webhook_payload`
and routes it with `WebhookRouter`; a wrong secret fails there."""
import json
import os
import threading
import time
import urllib.request

import pytest
from onlyfans_sdk.webhooks import WebhookRouter, WebhookVerificationError, verify_webhook_payload
from webhook_capture import Receiver

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


def test_every_event_type_verifies_and_routes_with_the_sdk(credentials, receiver, client):
    from onlyfans_sdk import messages, vault

    org = credentials["organizations"][0]
    api_key, connection = org["apiKey"], org["connections"][0]["id"]
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hooks/all"
    status, endpoint = call("POST", "/webhooks", api_key, {"url": url})
    assert status == 201
    try:
        fan = next(chat["withUser"]["id"] for chat in messages.list_chats(client, limit=20)["list"] if chat["canSendMessage"])
        sandbox = urllib.request.Request(
            f"{os.environ['FANOUT_URL']}/sandbox/fans/{fan}/messages", method="POST",
            headers={"apiKey": api_key, "x-connection-id": connection, "Content-Type": "application/json"},
            data=json.dumps({"text": "A fan writes"}).encode())
        with urllib.request.urlopen(sandbox, timeout=10) as response:
            received_message = json.loads(response.read())

        sent = messages.create_chats_chats_messages(client, user_id=str(fan), body={"text": "Sent, then unsent"})
        messages.delete_chats_chats_messages(client, user_id=str(fan), message_id=str(sent["id"]), body={"withUserId": str(fan)})

        media = next(item["id"] for item in vault.iter_media(client, page_size=10, max_items=1))
        mass = messages.create_mass_messages(client, body={"text": "Unlock me, SDK", "mediaItems": [media], "price": 6})
        deadline = time.time() + 30
        while not messages.get_mass_messages(client, mass_message_id=str(mass["id"]))["isDone"] and time.time() < deadline:
            time.sleep(0.1)
        delivery = next(
            (chat["withUser"]["id"], chat["lastMessage"]["id"]) for chat in messages.list_chats(client, limit=20)["list"]
            if chat.get("lastMessage") and chat["lastMessage"].get("queueId") == mass["id"])
        buy = urllib.request.Request(
            f"{os.environ['FANOUT_URL']}/sandbox/fans/{delivery[0]}/messages/{delivery[1]}/purchase", method="POST",
            headers={"apiKey": api_key, "x-connection-id": connection})
        with urllib.request.urlopen(buy, timeout=10) as response:
            assert response.status == 200

        routed = {}
        router = WebhookRouter(secret=endpoint["secret"])
        for name in ["realtime.chat_message.received", "realtime.chat_message.deleted",
                     "fanout.mass_message.sent", "fanout.mass_message.purchased"]:
            router.on(name, lambda event, name=name: routed.setdefault(name, []).append(event))
        deadline = time.time() + 30
        while len({json.loads(body)["type"] for _, body in receiver.received}) < 4 and time.time() < deadline:
            time.sleep(0.05)
        for headers, body in list(receiver.received):
            verify_webhook_payload(body, headers, endpoint["secret"])  # raises on a bad signature
            router.handle_payload(body, headers)

        assert any(e["data"]["eventBody"]["id"] == received_message["id"] for e in routed["realtime.chat_message.received"])
        assert any(e["data"]["eventBody"] == {"id": sent["id"], "chatId": fan, "withUserId": fan}
                   for e in routed["realtime.chat_message.deleted"])
        assert any(e["data"]["eventBody"]["id"] == mass["id"] for e in routed["fanout.mass_message.sent"])
        purchase = next(e["data"]["eventBody"] for e in routed["fanout.mass_message.purchased"])
        assert purchase["massMessageId"] == mass["id"] and purchase["messageId"] == delivery[1]
        assert purchase["fan"]["id"] == delivery[0] and purchase["amount"] == 6
        assert all(e["data"]["connection"]["id"] for events in routed.values() for e in events)
    finally:
        call("DELETE", f"/webhooks/{endpoint['id']}", api_key)
