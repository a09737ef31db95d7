"""The official SDK's vault and vault-list functions against Fanout, every
response validated with the SDK's own Pydantic models."""
from onlyfans_sdk import messages, models, vault, vault_lists
from onlyfans_sdk._client import OFAuthError


def test_list_media_pages_filters_and_validates(client):
    everything = list(vault.iter_media(client, page_size=7))
    assert everything, "the demo creator has a vault"
    ids = [item["id"] for item in everything]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    page = models.V2AccessVaultMediaGetResponse.model_validate(vault.list_media(client, limit=20))
    assert [item.id for item in page.list] == ids[:len(page.list)]
    assert all(item.counters.likesCount >= 0 and item.lists == [] for item in page.list)
    oldest = models.V2AccessVaultMediaGetResponse.model_validate(vault.list_media(client, sort_direction="asc", limit=5))
    assert [item.id for item in oldest.list] == ids[::-1][:5]
    videos = models.V2AccessVaultMediaGetResponse.model_validate(vault.list_media(client, media_type="video", limit=100))
    assert all(item.type.value == "video" for item in videos.list)
    tipped = models.V2AccessVaultMediaGetResponse.model_validate(vault.list_media(client, sort_by="highest-tips", limit=100))
    earned = [item.counters.tipsSumm for item in tipped.list]
    assert earned == sorted(earned, reverse=True)


def test_the_vault_holds_the_media_messages_carry(client):
    ids = {item["id"] for item in vault.iter_media(client, page_size=50)}
    chats = messages.list_chats(client, limit=10)["list"]
    carried = set()
    for chat in chats:
        page = messages.list_chats_chats_messages(client, user_id=str(chat["withUser"]["id"]), limit=10)
        carried |= {media["id"] for message in page["list"] for media in message["media"]}
    assert carried and carried <= ids


def test_vault_lists_create_fill_rename_and_delete(client):
    media = [item["id"] for item in vault.iter_media(client, page_size=10, max_items=3)]
    created = models.V2AccessVaultListsPostResponse.model_validate(
        vault_lists.create_vault_vault_lists(client, body={"name": "SDK folder"}))
    assert created.name == "SDK folder" and not created.hasMedia and created.medias == []
    list_id = int(created.id)
    vault_lists.create_vault_vault_lists_media(client, list_id=list_id, body={"mediaIds": media})
    inside = models.V2AccessVaultMediaGetResponse.model_validate(
        vault_lists.list_vault_vault_lists_media(client, list_id=list_id, limit=10))
    assert sorted(item.id for item in inside.list) == sorted(media)
    assert all([entry.name for entry in item.lists] == ["SDK folder"] for item in inside.list)
    folders = models.V2AccessVaultListsGetResponse.model_validate(vault_lists.list_vault_vault_lists(client, limit=100))
    mine = [item for item in folders.list if int(item.id) == list_id]
    assert mine and mine[0].hasMedia and len(mine[0].medias) == 3
    assert folders.all.photosCount + folders.all.videosCount + folders.all.gifsCount + folders.all.audiosCount >= len(media)
    renamed = vault_lists.update_vault_vault_lists(client, list_id=list_id, body={"name": "SDK renamed"})
    assert renamed["name"] == "SDK renamed"
    assert vault_lists.delete_vault_vault_lists(client, list_id=list_id) == {"success": True}
    try:
        vault_lists.list_vault_vault_lists_media(client, list_id=list_id)
        raise AssertionError("a deleted vault list is a 404")
    except OFAuthError as error:
        assert error.status == 404


def test_a_connection_without_vault_read_is_refused(read_only_client):
    try:
        vault.list_media(read_only_client)
        raise AssertionError("vault:read is required")
    except OFAuthError as error:
        assert error.status == 403
