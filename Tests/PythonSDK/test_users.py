"""The official SDK's `users` module against Fanout (every function but
`get_users`, in test_subscribers.py), each response validated with the SDK's
own Pydantic models, every `iter_*` walked to its end. Restrict and block
(the sandbox's, as OFAuth has no call to block) act on the demo creator's
oldest active subscriber, whom no other test uses, and are lifted again."""
import unicodedata

from onlyfans_sdk import messages, models, subscribers, users
from onlyfans_sdk._client import OFAuthError


def active_fans(client):
    return models.V2AccessSubscribersGetResponse.model_validate(
        subscribers.list_subscribers(client, type="active", limit=100)).list


def quiet_fan(client):
    """The oldest active subscriber of the first page of 100."""
    return active_fans(client)[-1]


def fold(text):
    """Case and accents dropped, as the search compares."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def refused(call, status=400):
    try:
        call()
    except OFAuthError as error:
        assert error.status == status, (error.status, str(error))
        return error
    raise AssertionError("expected a %d" % status)


def test_list_lists_by_ids_repeated_or_comma_separated_up_to_ten(client):
    fans = active_fans(client)[:3]
    ids = [str(int(fan.id)) for fan in fans]
    answer = models.V2AccessUsersListGetResponse.model_validate(users.list_lists(client, user_ids=ids))
    assert [user.id for user in answer.users] == sorted(fan.id for fan in fans)
    assert all(user.subscribedOn and user.canReceiveChatMessage for user in answer.users)
    by_name = {user.id: user.username for user in answer.users}
    assert all(by_name[fan.id] == fan.username for fan in fans)
    comma = models.V2AccessUsersListGetResponse.model_validate(users.list_lists(client, user_ids=",".join(ids)))
    assert [user.id for user in comma.users] == [user.id for user in answer.users]
    unknown = models.V2AccessUsersListGetResponse.model_validate(users.list_lists(client, user_ids=["999999999"]))
    assert unknown.users == [], "users the creator cannot see are left out"

    error = refused(lambda: users.list_lists(client, user_ids=[str(n) for n in range(1, 12)]))
    assert error.details["field"] == "userIds" and "10" in str(error)
    assert refused(lambda: users.list_lists(client, user_ids="12,abc")).details["field"] == "userIds"


def test_list_searchs_finds_the_creators_fans(client):
    fan = quiet_fan(client)
    needle = fan.username[:5].upper()
    found = models.V2AccessUsersSearchGetResponse.model_validate(users.list_searchs(client, query=needle, limit=100))
    assert isinstance(found.root, list)
    assert fan.id in [item.id for item in found.root]
    assert all(fold(needle) in fold(item.username) or fold(needle) in fold(item.name) for item in found.root)
    first = models.V2AccessUsersSearchGetResponse.model_validate(users.list_searchs(client, query=needle, limit=1, offset=0))
    assert len(first.root) == 1
    nobody = models.V2AccessUsersSearchGetResponse.model_validate(users.list_searchs(client, query="no such fan zzqx"))
    assert nobody.root == []


def test_restrict_lists_the_fan_and_unrestrict_lifts_it(client):
    fan = quiet_fan(client)
    fan_id = str(int(fan.id))
    try:
        models.V2AccessUsersUserIdRestrictPostResponse.model_validate(users.create_restrict(client, user_id=fan_id))
        page = models.V2AccessUsersRestrictGetResponse.model_validate(users.list_restricts(client, limit=10))
        assert fan.id in [item.id for item in page.list]
        walked = list(users.iter_restricts(client, page_size=1))
        assert fan.id in [item["id"] for item in walked]
        for item in walked:
            assert models.ListItem21.model_validate(item).isRestricted
        listed = models.V2AccessUsersListGetResponse.model_validate(users.list_lists(client, user_ids=[fan_id]))
        assert listed.users[0].isRestricted and listed.users[0].canReceiveChatMessage, "a restricted fan can still be messaged"
    finally:
        models.V2AccessUsersUserIdRestrictDeleteResponse.model_validate(users.delete_restrict(client, user_id=fan_id))
    assert fan.id not in [item["id"] for item in users.iter_restricts(client)]
    assert refused(lambda: users.create_restrict(client, user_id="999999999"), 404)


def test_a_blocked_fan_is_listed_and_cannot_be_messaged(client):
    fan = quiet_fan(client)
    fan_id = str(int(fan.id))
    client.request("POST", "/sandbox/users/%s/block" % fan_id)
    try:
        page = models.V2AccessUsersBlockedGetResponse.model_validate(users.list_blockeds(client, limit=10))
        assert fan.id in [item.id for item in page.list]
        walked = list(users.iter_blockeds(client, page_size=1))
        assert fan.id in [item["id"] for item in walked]
        for item in walked:
            blocked = models.ListItem22.model_validate(item)
            assert blocked.isBlocked and not blocked.canReceiveChatMessage
        error = refused(lambda: messages.create_chats_chats_messages(client, user_id=fan_id, body={"text": "Hello?"}))
        assert error.details["field"] == "userId" and "blocked" in str(error)
    finally:
        client.request("DELETE", "/sandbox/users/%s/block" % fan_id)
    assert fan.id not in [item["id"] for item in users.iter_blockeds(client)]
