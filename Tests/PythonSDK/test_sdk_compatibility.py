"""The official OFAuth Python SDK (onlyfans-sdk 3.1.0), unchanged, against Fanout.

Responses are validated with the SDK's own Pydantic models.
"""
import pytest
from onlyfans_sdk import mass_messages, messages, models
from onlyfans_sdk._client import OFAuthError


def first_chat_with_messages(client):
    chats = models.V2AccessChatsGetResponse.model_validate(messages.list_chats(client, limit=20))
    assert chats.list, "the demo has chats"
    return chats.list[0]


def test_list_chats(client):
    response = messages.list_chats(client, limit=5, order="recent")
    chats = models.V2AccessChatsGetResponse.model_validate(response)
    assert len(chats.list) == 5
    assert chats.hasMore is True
    ids = [chat.lastMessage.id for chat in chats.list]
    assert ids == sorted(ids, reverse=True)
    unread = models.V2AccessChatsGetResponse.model_validate(messages.list_chats(client, filter="unread", limit=20))
    assert all(chat.unreadMessagesCount > 0 for chat in unread.list)


def test_list_chat_messages_pages_by_offset_and_cursor(client):
    chat = first_chat_with_messages(client)
    user_id = str(int(chat.withUser.id))
    first = messages.list_chats_chats_messages(client, user_id=user_id, limit=10)
    page = models.V2AccessChatsUserIdMessagesGetResponse.model_validate(first)
    assert page.list and page.list[0].id == chat.lastMessage.id
    if page.hasMore:
        by_offset = messages.list_chats_chats_messages(client, user_id=user_id, limit=10, offset=10)
        by_cursor = messages.list_chats_chats_messages(client, user_id=user_id, limit=10, last_id=str(first["nextLastId"]))
        assert [m["id"] for m in by_offset["list"]] == [m["id"] for m in by_cursor["list"]]
        models.V2AccessChatsUserIdMessagesGetResponse.model_validate(by_cursor)


def test_get_mass_message(client):
    listed = client.request("GET", "/v2/access/mass-messages", query={"limit": 20})
    assert listed["list"], "the demo has mass messages"
    for item in listed["list"]:
        response = messages.get_mass_messages(client, mass_message_id=str(item["id"]))
        message = models.V2AccessMassMessagesMassMessageIdGetResponse.model_validate(response)
        assert message.id == item["id"]
        assert message.text == item["text"]


def test_list_scheduleds_lists_what_type_scheduled_lists(client):
    by_type = client.request("GET", "/v2/access/mass-messages", query={"type": "scheduled", "limit": 20})
    listed = mass_messages.list_scheduleds(client, limit=20, offset=0)
    assert listed["list"], "the demo has scheduled mass messages"
    assert [item["id"] for item in listed["list"]] == [item["id"] for item in by_type["list"]]
    assert all(item["isDone"] is False and item["date"] for item in listed["list"])


def test_delete_scheduled_mass_message_then_it_is_gone(client):
    scheduled = client.request("GET", "/v2/access/mass-messages", query={"type": "scheduled"})["list"]
    target = str(scheduled[0]["id"])
    response = messages.delete_mass_messages(client, mass_message_id=target)
    deleted = models.V2AccessMassMessagesMassMessageIdDeleteResponse.model_validate(response)
    assert deleted.success is True
    assert deleted.queue is not None and deleted.queue.id == int(target)
    with pytest.raises(OFAuthError) as raised:
        messages.get_mass_messages(client, mass_message_id=target)
    assert raised.value.status == 404
    assert raised.value.code == "RESOURCE_NOT_FOUND"
    assert "not found" in str(raised.value)


def test_errors_surface_the_servers_message(client, read_only_client):
    with pytest.raises(OFAuthError) as raised:
        messages.list_chats_chats_messages(client, user_id="1", limit=11)
    error = raised.value
    assert error.status == 400
    assert error.code == "BAD_REQUEST"
    assert "limit" in str(error) and not str(error).startswith("HTTP ")
    assert error.details["field"] == "limit"

    with pytest.raises(OFAuthError) as raised:
        messages.get_mass_messages(client, mass_message_id="999999999")
    assert raised.value.status == 404 and str(raised.value) != "HTTP 404"

    scheduled = client.request("GET", "/v2/access/mass-messages", query={"type": "scheduled"})["list"]
    with pytest.raises(OFAuthError) as raised:
        messages.delete_mass_messages(read_only_client, mass_message_id=str(scheduled[0]["id"]))
    assert raised.value.status == 403
    assert "messages:write" in str(raised.value)


def subscribed_fan(client):
    chats = messages.list_chats(client, limit=20)["list"]
    return next(chat["withUser"]["id"] for chat in chats if chat["canSendMessage"])


def test_create_and_replace_mass_messages(client):
    scheduled_for = "2099-01-01T20:00:00Z"
    body = models.V2AccessMassMessagesPostRequest(text="From the SDK", scheduledDate=scheduled_for)
    created = models.V2AccessMassMessagesPostResponse.model_validate(
        messages.create_mass_messages(client, body=body.model_dump(exclude_none=True)))
    assert created.total > 0 and created.isDone is False
    replaced = models.V2AccessMassMessagesMassMessageIdPutResponse.model_validate(
        messages.replace_mass_messages(client, mass_message_id=str(int(created.id)),
                                       body={"text": "Edited from the SDK", "scheduledDate": scheduled_for}))
    assert replaced.id == created.id
    fetched = messages.get_mass_messages(client, mass_message_id=str(int(created.id)))
    assert fetched["text"] == "Edited from the SDK"


def test_send_and_unsend_chat_messages(client):
    fan = subscribed_fan(client)
    sent = models.V2AccessChatsUserIdMessagesPostResponse.model_validate(
        messages.create_chats_chats_messages(client, user_id=str(int(fan)), body={"text": "Hello from the SDK"}))
    assert sent.text == "Hello from the SDK"
    unsent = models.V2AccessChatsUserIdMessagesMessageIdDeleteResponse.model_validate(
        messages.delete_chats_chats_messages(client, user_id=str(int(fan)), message_id=str(int(sent.id)),
                                             body={"withUserId": str(int(fan))}))
    assert unsent.success is True
    media = models.V2AccessChatsUserIdMediaGetResponse.model_validate(
        messages.list_chats_chats_media(client, user_id=str(int(fan)), limit=5))
    assert all(item.media for item in media.list)


def test_user_lists(client):
    from onlyfans_sdk import user_lists

    created = models.V2AccessUsersListsPostResponse.model_validate(
        user_lists.create_users_users_lists(client, body={"name": "SDK list"}))
    list_id = str(int(created.id))
    fan = str(int(subscribed_fan(client)))
    user_lists.create_users_lists_users(client, list_id=list_id, user_id=fan)
    members = models.V2AccessUsersListsListIdUsersGetResponse.model_validate(
        user_lists.list_users_lists_users(client, list_id=list_id))
    assert [int(m.id) for m in members.list] == [int(fan)]
    fetched = models.V2AccessUsersListsListIdGetResponse.model_validate(user_lists.get_users_users_lists(client, list_id=list_id))
    assert fetched.usersCount == 1
    renamed = models.V2AccessUsersListsListIdPatchResponse.model_validate(
        user_lists.update_users_users_lists(client, list_id=list_id, body={"name": "SDK list, renamed"}))
    assert renamed.name == "SDK list, renamed"
    listed = models.V2AccessUsersListsGetResponse.model_validate(user_lists.list_users_users_lists(client, query="renamed"))
    assert [item.name for item in listed.list] == ["SDK list, renamed"]
    user_lists.delete_users_lists_users(client, list_id=list_id, user_id=fan)
    user_lists.delete_users_users_lists(client, list_id=list_id)
    with pytest.raises(OFAuthError) as raised:
        user_lists.get_users_users_lists(client, list_id=list_id)
    assert raised.value.status == 404


def test_mass_message_analytics(client):
    from onlyfans_sdk import analytics

    chart = models.V2AccessAnalyticsMassMessagesChartGetResponse.model_validate(analytics.list_mass_messages_charts(client))
    assert len(chart.direct_messages.chart) == 30
    assert chart.direct_messages.total == sum(point.count for point in chart.direct_messages.chart)
    sent = models.V2AccessAnalyticsMassMessagesSentGetResponse.model_validate(analytics.list_mass_messages_sents(client, limit=5))
    assert len(sent.items) <= 5
    purchased = client.request("GET", "/v2/access/analytics/mass-messages/purchased", query={"limit": 1})["items"]
    buyers = models.V2AccessAnalyticsMassMessagesMassMessageIdBuyersGetResponse.model_validate(
        analytics.list_mass_messages_buyers(client, mass_message_id=str(purchased[0]["id"]), limit=20))
    assert len(buyers.list) == min(20, purchased[0]["purchasedCount"])
