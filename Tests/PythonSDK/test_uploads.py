"""Uploads through the official SDK: init, check and complete with its
functions (validated with its models); the parts with a plain HTTP client,
as the SDK's part functions send no body. The media then travels in a mass
message to a fan's chat, and only its creator may fetch the file."""
import hashlib
import json
import os
import struct
import time
import urllib.error
import urllib.request

from onlyfans_sdk import messages, models, upload, vault


def png(width, height, size):
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return header + os.urandom(size - len(header))


def raw(method, path, headers, data=None):
    request = urllib.request.Request(os.environ["FANOUT_URL"] + path, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def headers_of(credentials, organization=0, connection=0):
    org = credentials["organizations"][organization]
    return {"apiKey": org["apiKey"], "x-connection-id": org["connections"][connection]["id"]}


def test_a_file_in_parts_reaches_a_fans_chat(client, credentials):
    data = png(800, 600, 12 * 1024 * 1024)
    started = models.V2AccessUploadsInitPostResponse.model_validate(upload.init_uploads(client, body={
        "filename": "sdk-upload.png", "size": len(data), "contentType": "image/png", "vaultUpload": {"mode": "message"}}))
    headers = dict(headers_of(credentials), **{"Content-Type": "application/octet-stream"})
    part_size = 5 * 1024 * 1024
    chunks = [data[i:i + part_size] for i in range(0, len(data), part_size)]
    for number in reversed(range(1, len(chunks) + 1)):
        status, answer_headers, body = raw(
            "PUT", "/v2/access/uploads/%s/parts/%d" % (started.mediaUploadId, number), headers, chunks[number - 1])
        assert status == 200, body
        part = models.V2AccessUploadsMediaUploadIdPartsPartNumberPutResponse.model_validate(json.loads(body))
        assert part.partNumber == number and part.etag == hashlib.md5(chunks[number - 1]).hexdigest()
        assert answer_headers["ETag"] == '"%s"' % part.etag
    arrived = models.V2AccessUploadsCheckPostResponse.model_validate(upload.create_uploads_uploads_check(
        client, body={"etag": hashlib.md5(chunks[0]).hexdigest(), "size": len(chunks[0])}))
    assert arrived.exists and arrived.media is None

    done = models.V2AccessUploadsCompletePostResponse.model_validate(
        upload.complete_uploads(client, body={"mediaUploadId": started.mediaUploadId}))
    media = done.media
    assert media.type.value == "photo" and media.files.full.width == 800 and media.files.full.height == 600
    assert media.files.full.url.endswith("/media/%d" % int(media.id))
    whole = models.V2AccessUploadsCheckPostResponse.model_validate(upload.create_uploads_uploads_check(
        client, body={"etag": hashlib.md5(data).hexdigest(), "size": len(data)}))
    assert whole.exists and int(whole.media.id) == int(media.id)
    newest = models.V2AccessVaultMediaGetResponse.model_validate(vault.list_media(client, limit=1))
    assert int(newest.list[0].id) == int(media.id)

    status, served_headers, served = raw("GET", "/media/%d" % int(media.id), headers_of(credentials))
    assert status == 200 and served == data and served_headers["Content-Type"] == "image/png"
    assert raw("GET", "/media/%d" % int(media.id), headers_of(credentials, organization=1))[0] == 404

    fan = next(chat["withUser"]["id"] for chat in messages.list_chats(client, limit=20)["list"] if chat["canSendMessage"])
    sent = messages.create_mass_messages(client, body={"text": "Fresh from the vault", "userIds": [fan],
                                                       "mediaItems": [int(media.id)]})
    for _ in range(100):
        page = messages.list_chats_chats_messages(client, user_id=str(fan), limit=1)
        if page["list"] and page["list"][0].get("queueId") == sent["id"]:
            break
        time.sleep(0.1)
    assert [item["id"] for item in page["list"][0]["media"]] == [media.id]


def test_a_whole_file_in_one_put(client, credentials):
    data = png(4, 4, 2000)
    started = upload.init_uploads(client, body={"filename": "whole.png", "size": len(data), "contentType": "image/png"})
    status, _, body = raw("PUT", "/v2/access/uploads/%s" % started["mediaUploadId"],
                          dict(headers_of(credentials), **{"Content-Type": "application/octet-stream"}), data)
    assert status == 200, body
    answer = models.V2AccessUploadsMediaUploadIdPutResponse.model_validate(json.loads(body))
    assert answer.media.files.full.width == 4
