"""The official SDK's `account` module (all but the two `connections/import`
functions) and `self` GET/PATCH against Fanout, every response validated
with the SDK's own Pydantic models; the README's Quick Start run as written;
the connection webhook events checked by the SDK's verifier and router.

Invalidating and deleting use connections nobody else uses: ones this test
makes with `fanout connections create` when the server's database is the
SQLite file beside FANOUT_CREDENTIALS (`serve --demo`), else the demo's
"Reconnect Lab" organization's (made for this; a second run then finds
them ended and uses what is left).
"""
import contextlib
import io
import json
import os
import pathlib
import re
import subprocess
import time
import urllib.request

import onlyfans_sdk
import pytest
from onlyfans_sdk import OFAuthClient, OFAuthError, account, messages, models
from onlyfans_sdk import self as self_api
from onlyfans_sdk.webhooks import WebhookRouter, verify_webhook_signature, extract_webhook_headers

from test_webhooks import Receiver, call

ROOT = pathlib.Path(__file__).resolve().parents[2]
URL = os.environ.get("FANOUT_URL", "")


def organization(credentials, name):
    return next(org for org in credentials["organizations"] if org["name"] == name)


def key_client(org):
    return OFAuthClient(api_key=org["apiKey"], base_url=URL)


def sqlite_database():
    """The demo database `serve --demo` serves, when it is a file beside the credentials."""
    path = os.environ["FANOUT_CREDENTIALS"]
    suffix = ".credentials.json"
    if path.endswith(suffix) and os.path.exists(path[: -len(suffix)]):
        return path[: -len(suffix)]
    return None


def create_connection(org_id, creator_id, reference):
    """A connection as an operator makes one, with the CLI; None when the database is not reachable."""
    database = sqlite_database()
    if database is None:
        return None
    out = subprocess.run(
        [str(ROOT / ".build/debug/fanout"), "connections", "create", "--database", database, "--organization", str(org_id),
         "--creator", str(creator_id), "--permissions", "messages:read,profile:read", "--client-reference-id", reference],
        check=True, capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout)["id"]


def sdk_readme():
    """The installed SDK's README (its package description)."""
    meta = pathlib.Path(onlyfans_sdk.__file__).parent.parent / "onlyfans_sdk-3.1.0.dist-info" / "METADATA"
    return meta.read_text()


def python_block_after(text, heading):
    start = text.index(heading)
    return re.search(r"```python\n(.*?)```", text[start:], re.S).group(1)


def test_the_readme_quick_start_runs_as_written(credentials):
    org = credentials["organizations"][0]
    readme = sdk_readme()
    printed = io.StringIO()
    # The two blocks as the README writes them: only the key, the server and
    # the placeholder connection id are ours.
    for heading in ["## Quick Start", "### Account Operations"]:
        code = python_block_after(readme, heading)
        code = code.replace('OFAuthClient(api_key="your-api-key")', f'OFAuthClient(api_key="your-api-key", base_url="{URL}")')
        code = code.replace('"your-api-key"', json.dumps(org["apiKey"])).replace('"conn_xxx"', json.dumps(org["connections"][0]["id"]))
        scope = {}
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"README {heading}", "exec"), scope)
        if heading == "### Account Operations":
            models.V2AccountWhoamiGetResponse.model_validate(scope["info"])
            models.V2AccountConnectionsGetResponse.model_validate(scope["connections"])
            models.V2AccountConnectionsConnectionIdSettingsGetResponse.model_validate(scope["settings"])
            assert scope["settings"]["connectionId"] == org["connections"][0]["id"]
    lines = printed.getvalue().splitlines()
    whoami = account.whoami(key_client(org))
    assert whoami["id"] in lines[1] and "messages:read" in lines[1], "print(info['id'], info['permissions'])"
    listed = [line for line in lines[2:] if line.startswith("conn_")]
    assert sorted(line.split(":")[0] for line in listed) == sorted(c["id"] for c in org["connections"])
    assert all(line.endswith("(active)") and ": " in line for line in listed)


def test_whoami_and_every_connection_walked_with_iter_connections(credentials):
    org = credentials["organizations"][0]
    with key_client(org) as client:
        me = models.V2AccountWhoamiGetResponse.model_validate(account.whoami(client))
        assert me.name == org["name"] and "profile:write" in me.permissions
        walked = list(account.iter_connections(client, page_size=1))
        # Oldest first, ties (the demo makes its connections in one instant) by id: the order of one whole page.
        whole = account.list_connections(client, limit=100)["list"]
        assert [item["id"] for item in walked] == [item["id"] for item in whole]
        assert sorted(item["id"] for item in walked) == sorted(c["id"] for c in org["connections"])
        for item in walked:
            models.ListItem.model_validate(item)
        page = models.V2AccountConnectionsGetResponse.model_validate(account.list_connections(client, limit=2, offset=0))
        assert page.hasMore and len(page.list) == 2
        first = page.list[0]
        assert first.status == models.Status.ACTIVE and first.userData.username and first.userData.id == str(next(c["creatorId"] for c in org["connections"] if c["id"] == first.id))
        assert not first.imported and first.expiredAt == ""
        assert account.list_connections(client, imported="true")["list"] == []
        assert len(account.list_connections(client, status="active", imported="false")["list"]) == len(org["connections"])
        with pytest.raises(OFAuthError) as error:
            account.list_connections(client, status="gone")
        assert error.value.status == 400 and error.value.details["field"] == "status"
    other = credentials["organizations"][1]
    with key_client(other) as client:
        assert sorted(item["id"] for item in account.iter_connections(client)) == sorted(c["id"] for c in other["connections"])
        # Another organization's connection is not found.
        with pytest.raises(OFAuthError) as error:
            account.get_connection_settings(client, connection_id=org["connections"][0]["id"])
        assert error.value.status == 404 and error.value.code == "RESOURCE_NOT_FOUND"


def test_connection_and_organization_settings_are_stored(credentials):
    lab = organization(credentials, "Reconnect Lab")
    kept = lab["connections"][2]["id"]  # nobody invalidates or deletes this one
    with key_client(lab) as client:
        models.V2AccountConnectionsConnectionIdSettingsGetResponse.model_validate(
            account.get_connection_settings(client, connection_id=kept))
        patched = models.V2AccountConnectionsConnectionIdSettingsPatchResponse.model_validate(account.update_connection_settings(
            client, connection_id=kept, body={"vaultPlus": {"enabled": True, "settings": {"retentionDays": 14, "imageQualities": ["full"]}}}))
        assert patched.settings.vaultPlus.enabled and patched.settings.vaultPlus.settingsOverrides.retentionDays == 14
        read = account.get_connection_settings(client, connection_id=kept)
        assert read["vaultPlus"]["settingsOverrides"] == {"retentionDays": 14, "imageQualities": ["full"]}
        reset = account.update_connection_settings(client, connection_id=kept, body={"vaultPlus": {"settings": None}})
        assert reset["settings"]["vaultPlus"]["settingsOverrides"] == {}
        with pytest.raises(OFAuthError) as error:
            account.update_connection_settings(client, connection_id=kept, body={"vaultPlus": {"settings": {"retentionDays": "soon"}}})
        assert error.value.status == 400 and error.value.details["field"] == "vaultPlus.settings.retentionDays"

        org = models.V2AccountSettingsGetResponse.model_validate(account.get_org_settings(client))
        updated = models.V2AccountSettingsPatchResponse.model_validate(account.update_org_settings(
            client, body={"vaultPlus": {"defaultSettings": {"retentionDays": org.vaultPlus.defaultSettings.retentionDays + 1}}}))
        assert updated.settings.vaultPlus.defaultSettings.retentionDays == org.vaultPlus.defaultSettings.retentionDays + 1
        assert updated.broadcastResult is None
        assert account.get_org_settings(client)["vaultPlus"]["defaultSettings"]["retentionDays"] == org.vaultPlus.defaultSettings.retentionDays + 1
        with pytest.raises(OFAuthError) as error:
            account.update_org_settings(client, body={"vaultPlus": {"unknown": 1}})
        assert error.value.status == 400 and error.value.details["field"] == "vaultPlus.unknown"


def test_self_is_read_and_patched(credentials, client):
    me = models.V2AccessSelfGetResponse.model_validate(self_api.list_selfs(client)).root
    assert me.isAuth.value is True and me.username and me.id == credentials["organizations"][0]["connections"][0]["creatorId"]
    assert me.subscribersCount > 0 and me.photosCount + me.videosCount > 0
    try:
        patched = models.V2AccessSelfPatchResponse.model_validate(
            self_api.update_self(client, body={"name": "Renamed by the SDK", "about": "Bio from the SDK"}))
        assert patched.name == "Renamed by the SDK" and patched.about == "Bio from the SDK" and patched.username == me.username
        assert self_api.list_selfs(client)["name"] == "Renamed by the SDK"
        with pytest.raises(OFAuthError) as error:
            self_api.update_self(client, body={"name": "x" * 101})
        assert error.value.status == 400 and error.value.details["field"] == "name"
    finally:
        self_api.update_self(client, body={"name": me.name, "about": ""})
    assert self_api.list_selfs(client)["name"] == me.name


def test_invalidate_and_delete_end_connections_and_their_events_verify(credentials):
    lab = organization(credentials, "Reconnect Lab")
    receiver = Receiver()
    import threading
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hooks/connections"
    _, endpoint = call("POST", "/webhooks", lab["apiKey"], {"url": url, "events": ["connection.created", "connection.updated", "connection.expired"]})
    try:
        with key_client(lab) as client:
            org_id = account.whoami(client)["id"]
            made = [create_connection(org_id, lab["connections"][0]["creatorId"], f"sdk-test-{n}-{time.time_ns()}") for n in range(2)]
            if made[0] is None:  # PostgreSQL: the demo's own, still active
                active = [item["id"] for item in account.iter_connections(client, status="active")]
                made = [c["id"] for c in lab["connections"][:2] if c["id"] in active]
                if len(made) < 2:
                    pytest.skip("the Reconnect Lab's connections were ended by an earlier run on this server")
            to_expire, to_delete = made
            account.update_connection_settings(client, connection_id=to_expire, body={"vaultPlus": {"enabled": True}})

            # Works, then invalidated: 401 SESSION_EXPIRED, kept and listed as expired.
            with OFAuthClient(api_key=lab["apiKey"], base_url=URL, connection_id=to_expire) as creator:
                messages.list_chats(creator, limit=1)
                expired = account.invalidate_connections(client, connection_id=to_expire)
                assert expired["success"] and expired["connection"]["status"] == "expired"
                models.ListItem.model_validate(expired["connection"])
                with pytest.raises(OFAuthError) as error:
                    messages.list_chats(creator, limit=1)
                assert error.value.status == 401 and error.value.code == "SESSION_EXPIRED" and to_expire in str(error.value)
            assert to_expire in [item["id"] for item in account.iter_connections(client, status="expired")]

            # Deleted: gone, 401 SESSION_NOT_PROVIDED.
            with OFAuthClient(api_key=lab["apiKey"], base_url=URL, connection_id=to_delete) as creator:
                messages.list_chats(creator, limit=1)
                assert account.delete_connections(client, connection_id=to_delete)["success"]
                with pytest.raises(OFAuthError) as error:
                    messages.list_chats(creator, limit=1)
                assert error.value.status == 401 and error.value.code == "SESSION_NOT_PROVIDED"
            assert to_delete not in [item["id"] for item in account.iter_connections(client)]
            with pytest.raises(OFAuthError) as error:
                account.delete_connections(client, connection_id=to_delete)
            assert error.value.status == 404

        created = sqlite_database() is not None
        expected = (["connection.created"] * 2 if created else []) + ["connection.updated", "connection.expired", "connection.expired"]
        deadline = time.time() + 20
        while len(receiver.received) < len(expected) and time.time() < deadline:
            time.sleep(0.05)
        routed = {}
        router = WebhookRouter(secret=endpoint["secret"])
        for name in ["connection.created", "connection.updated", "connection.expired"]:
            router.on(name, lambda event, name=name: routed.setdefault(name, []).append(event))
        for headers, body in list(receiver.received):
            assert verify_webhook_signature(body.decode(), extract_webhook_headers(headers), endpoint["secret"])
            router.handle_payload(body, headers)
        assert sorted(e["eventType"] for events in routed.values() for e in events) == sorted(expected)
        expired_ids = {e["data"]["connection"]["id"] for e in routed["connection.expired"]}
        assert expired_ids == {to_expire, to_delete}
        assert all(e["data"]["connection"]["status"] == "expired" and e["live"] is False for e in routed["connection.expired"])
        assert routed["connection.updated"][0]["data"]["connection"]["id"] == to_expire
        if created:
            assert {e["data"]["connection"]["id"] for e in routed["connection.created"]} == set(made)
            # Rendered when first sent: the kept one with its reference, the deleted one (gone by then) named alone.
            kept = next(e for e in routed["connection.created"] if e["data"]["connection"]["id"] == to_expire)
            assert kept["data"]["clientReferenceId"].startswith("sdk-test-0-")
            assert all(e["data"]["connection"]["userData"]["userId"] == str(lab["connections"][0]["creatorId"])
                       for e in routed["connection.created"])
    finally:
        call("DELETE", f"/webhooks/{endpoint['id']}", lab["apiKey"])
        receiver.shutdown()
