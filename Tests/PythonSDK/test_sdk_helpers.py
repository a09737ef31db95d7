"""The official SDK's helpers, unchanged, against Fanout: `upload_media`
(its field names and the part headers it cuts a file by), and every `iter_*`
of the messaging modules walked to its end and compared with the pages the
plain functions return; the filters it sends are honoured."""
import os
import struct

from onlyfans_sdk import analytics, messages, models, user_lists, vault, vault_lists


def png(width, height, size):
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return header + os.urandom(size - len(header))


def connection_of(credentials):
    return credentials["organizations"][0]["connections"][0]["id"]


def test_upload_media_in_parts_with_progress(client, credentials):
    data = png(1024, 768, 12 * 1024 * 1024 + 17)
    progress = []
    completed = client.upload_media(connection_of(credentials), "sdk-helper.png", data, "image/png",
                                    on_progress=lambda sent, total: progress.append((sent, total)))
    # Three 5 MiB parts as the init answer's headers said, then `complete`.
    assert progress == [(5 << 20, len(data)), (10 << 20, len(data)), (len(data), len(data))]
    media = models.V2AccessUploadsCompletePostResponse.model_validate(completed).media
    assert media.files.full.width == 1024 and media.files.full.size == len(data)
    listed = vault.list_media(client, limit=1)
    assert listed["list"][0]["id"] == media.id


def test_upload_media_of_a_small_file_is_one_whole_put(client, credentials):
    data = png(32, 32, 2048)
    completed = client.upload_media(connection_of(credentials), "small.png", data, "image/png")
    assert models.V2AccessUploadsCompletePostResponse.model_validate(completed).media.files.full.size == len(data)


def test_iter_mass_messages_buyers_ends_with_every_buyer_once(client):
    purchased = client.request("GET", "/v2/access/analytics/mass-messages/purchased", query={"limit": 100})["items"]
    top = max(purchased, key=lambda item: item["purchasedCount"])
    assert top["purchasedCount"] >= 2
    buyers = [user["id"] for user in analytics.iter_mass_messages_buyers(client, mass_message_id=str(top["id"]))]
    assert len(buyers) == top["purchasedCount"] == len(set(buyers))
    page = analytics.list_mass_messages_buyers(client, mass_message_id=str(top["id"]), limit=1)
    models.V2AccessAnalyticsMassMessagesMassMessageIdBuyersGetResponse.model_validate(page)
    assert page["hasMore"] and page["marker"] == page["nextMarker"]


def test_iter_chats_walks_every_chat_and_honours_user_list_id(client):
    every = [chat["withUser"]["id"] for chat in messages.iter_chats(client)]
    by_pages, offset = [], 0
    while True:
        page = messages.list_chats(client, limit=20, offset=offset)
        models.V2AccessChatsGetResponse.model_validate(page)
        by_pages += [chat["withUser"]["id"] for chat in page["list"]]
        if not page["hasMore"]:
            break
        offset = page["nextOffset"]
    assert every == by_pages and len(every) > 3
    chosen = {every[1], every[-1]}
    listed = user_lists.create_users_users_lists(client, body={"name": "SDK chats filter"})
    try:
        for fan in chosen:
            user_lists.create_users_lists_users(client, list_id=str(listed["id"]), user_id=str(int(fan)))
        filtered = [chat["withUser"]["id"] for chat in messages.iter_chats(client, user_list_id=listed["id"])]
        assert filtered == [fan for fan in every if fan in chosen]
    finally:
        user_lists.delete_users_users_lists(client, list_id=str(listed["id"]))


def test_iter_chat_messages_and_media_walk_to_the_end(client):
    fan = str(int(messages.list_chats(client, limit=1)["list"][0]["withUser"]["id"]))
    # The seed page allows 1-10 messages a page: the iterator's default of 20 is refused with a 400.
    walked = [m["id"] for m in messages.iter_chats_chats_messages(client, user_id=fan, page_size=10)]
    assert walked and walked == sorted(walked, reverse=True) and len(set(walked)) == len(walked)
    media = list(messages.iter_chats_chats_media(client, user_id=fan, page_size=10))
    assert [m["id"] for m in media] == [m for m in walked if m in {x["id"] for x in media}]
    bare = messages.list_chats_chats_media(client, user_id=fan, limit=100, skip_users="all")
    assert all("name" not in m["fromUser"] for m in bare["list"])
    models.V2AccessChatsUserIdMediaGetResponse.model_validate(bare)


def test_iter_user_lists_and_members_walk_to_the_end(client):
    fans = [int(chat["withUser"]["id"]) for chat in messages.list_chats(client, limit=5)["list"]]
    created = [user_lists.create_users_users_lists(client, body={"name": f"SDK walk {n}"})["id"] for n in range(3)]
    try:
        for n, list_id in enumerate(created):
            for fan in fans[:n + 1]:
                user_lists.create_users_lists_users(client, list_id=str(list_id), user_id=str(fan))
        lists = list(user_lists.iter_users_users_lists(client, page_size=2))
        assert set(created) <= {item["id"] for item in lists} and len({item["id"] for item in lists}) == len(lists)
        for n, list_id in enumerate(created):
            members = [int(user["id"]) for user in user_lists.iter_users_lists_users(client, list_id=str(list_id), page_size=1)]
            assert sorted(members) == sorted(fans[:n + 1])
    finally:
        for list_id in created:
            user_lists.delete_users_users_lists(client, list_id=str(list_id))


def test_iter_vault_lists_and_their_media_walk_to_the_end(client):
    media = [item["id"] for item in vault.iter_media(client, page_size=10, max_items=7)]
    created = [vault_lists.create_vault_vault_lists(client, body={"name": f"SDK walk {n}"})["id"] for n in range(3)]
    try:
        for n, list_id in enumerate(created):
            vault_lists.create_vault_vault_lists_media(client, list_id=list_id, body={"mediaIds": media[:2 * n + 1]})
        lists = list(vault_lists.iter_vault_vault_lists(client, page_size=2))
        assert set(created) <= {item["id"] for item in lists} and len({item["id"] for item in lists}) == len(lists)
        for n, list_id in enumerate(created):
            walked = [item["id"] for item in vault_lists.iter_vault_vault_lists_media(client, list_id=list_id, page_size=2)]
            assert sorted(walked) == sorted(media[:2 * n + 1])
    finally:
        for list_id in created:
            vault_lists.delete_vault_vault_lists(client, list_id=list_id)


def test_list_subscribers_honours_the_sdks_filter_dictionary(client):
    from onlyfans_sdk import subscribers
    from onlyfans_sdk._client import OFAuthError
    everyone = list(subscribers.iter_subscribers(client, page_size=50))
    tippers = [s["id"] for s in everyone if s["spending"]["tips"] > 0]
    assert tippers and len(tippers) < len(everyone)
    tipped = list(subscribers.iter_subscribers(client, filter={"tips": "0.01"}, page_size=50))
    assert [s["id"] for s in tipped] == tippers
    page = subscribers.list_subscribers(client, filter={"online": "1"}, limit=10)
    models.V2AccessSubscribersGetResponse.model_validate(page)
    assert page["list"] == []
    try:
        subscribers.list_subscribers(client, filter={"duration": "30"})
        assert False, "duration is refused"
    except OFAuthError as error:
        assert error.status == 400 and error.details["field"] == "filter.duration"


def test_a_search_with_a_space_finds_what_the_name_says(client):
    # httpx writes the space as `+`, as HTML forms do.
    fan = messages.list_chats(client, limit=1)["list"][0]["withUser"]["id"]
    name = client.request("GET", f"/v2/access/users/{int(fan)}")["name"]
    assert " " in name
    found = [chat["withUser"]["id"] for chat in messages.iter_chats(client, query=name)]
    assert fan in found
