"""Idempotency-Key against the running server over real sockets: 50 threads
send one mass message with one key at once; exactly one runs, the rest are
replays or 409s, and one mass message exists, not fifty."""
import json
import os
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def call(credentials, method, path, body=None, key=None):
    org = credentials["organizations"][0]
    headers = {"apiKey": org["apiKey"], "x-connection-id": org["connections"][0]["id"], "Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    data = None if body is None else body.encode()
    request = urllib.request.Request(os.environ["FANOUT_URL"] + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def scheduled_ids(credentials):
    ids = set()
    while True:
        status, _, body = call(credentials, "GET", "/v2/access/mass-messages?limit=20&offset=%d&type=scheduled" % len(ids))
        assert status == 200
        page = json.loads(body)
        ids |= {item["id"] for item in page["list"]}
        if not page["hasMore"] or not page["list"]:
            return ids


def test_fifty_concurrent_requests_with_one_key_write_once(credentials):
    before = scheduled_ids(credentials)
    key = "py-" + uuid.uuid4().hex
    text = "Idempotent " + key
    body = json.dumps({"text": text, "scheduledDate": "2099-06-01T12:00:00Z"})
    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(lambda _: call(credentials, "POST", "/v2/access/mass-messages", body, key), range(50)))
    ran = [a for a in answers if a[0] == 200 and a[1].get("idempotent-replayed") is None]
    replays = [a for a in answers if a[0] == 200 and a[1].get("idempotent-replayed") == "true"]
    busy = [a for a in answers if a[0] == 409]
    assert len(ran) == 1
    assert len(replays) + len(busy) == 49, [a[0] for a in answers]
    assert all(a[2] == ran[0][2] for a in replays)
    assert all(json.loads(a[2])["type"] == "IDEMPOTENCY_KEY_IN_USE" for a in busy)
    created = scheduled_ids(credentials) - before
    assert len(created) == 1

    # Once finished, a repeat is a replay; another body is a 422.
    status, headers, replay = call(credentials, "POST", "/v2/access/mass-messages", body, key)
    assert status == 200 and headers.get("idempotent-replayed") == "true" and replay == ran[0][2]
    status, _, error = call(credentials, "POST", "/v2/access/mass-messages", body.replace("Idempotent", "Other"), key)
    assert status == 422 and json.loads(error)["details"]["field"] == "Idempotency-Key"
    call(credentials, "DELETE", "/v2/access/mass-messages/%d" % created.pop())
