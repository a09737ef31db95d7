"""The official SDK's subscribers and users functions against Fanout, every
response validated with the SDK's own Pydantic models."""
from onlyfans_sdk import models, subscribers, users
from onlyfans_sdk._client import OFAuthError


def test_list_subscribers_pages_partitions_and_validates(client):
    everyone = list(subscribers.iter_subscribers(client, page_size=20, max_items=200))
    assert everyone, "the demo creator has subscribers"
    page = models.V2AccessSubscribersGetResponse.model_validate(subscribers.list_subscribers(client, limit=20))
    assert [item.id for item in page.list] == [item["id"] for item in everyone[:len(page.list)]]
    active = models.V2AccessSubscribersGetResponse.model_validate(subscribers.list_subscribers(client, type="active", limit=100))
    expired = models.V2AccessSubscribersGetResponse.model_validate(subscribers.list_subscribers(client, type="expired", limit=100))
    assert all(item.subscription.isActive for item in active.list)
    assert all(item.subscription.isExpired for item in expired.list)
    assert not {item.id for item in active.list} & {item.id for item in expired.list}
    latest = models.V2AccessSubscribersGetResponse.model_validate(
        subscribers.list_subscribers(client, type="latest", latest_type="new", limit=5))
    assert isinstance(latest.hasMore, bool)


def test_get_user_and_its_404(client):
    first = models.V2AccessSubscribersGetResponse.model_validate(subscribers.list_subscribers(client, limit=1)).list[0]
    user = users.get_users(client, user_id=str(int(first.id)))
    assert user["id"] == first.id and user["username"] == first.username
    try:
        users.get_users(client, user_id="999999999")
        raise AssertionError("a user the creator cannot see is a 404")
    except OFAuthError as error:
        assert error.status == 404 and "999999999" in str(error)


def test_add_a_subscriber_to_several_lists(client):
    from onlyfans_sdk import user_lists
    fan = models.V2AccessSubscribersGetResponse.model_validate(subscribers.list_subscribers(client, limit=1)).list[0]
    made = [user_lists.create_users_users_lists(client, body={"name": "SDK multi %s %d" % (fan.id, n)}) for n in range(2)]
    ids = [int(item["id"]) for item in made]
    answer = models.V2AccessUsersUserIdListsPostResponse.model_validate(
        user_lists.create_users_users_lists_2(client, user_id=str(int(fan.id)), body={"listIds": ids}))
    assert [int(item.listId) for item in answer.success] == ids and all(item.success for item in answer.success)
    for list_id in ids:
        user_lists.delete_users_users_lists(client, list_id=str(list_id))
