"""OFAuth's rate limit as the official SDK meets it. scripts/test starts a
second server on the small demo with `--rate-limit 60/3` (FANOUT_LIMITED_URL,
FANOUT_LIMITED_CREDENTIALS): three requests pass, the fourth is a 429."""
import json
import os

import pytest
from onlyfans_sdk import OFAuthClient, messages
from onlyfans_sdk._client import OFAuthError


def test_the_sdk_surfaces_the_429_and_its_message():
    with open(os.environ["FANOUT_LIMITED_CREDENTIALS"]) as file:
        organization = json.load(file)["organizations"][0]
    with OFAuthClient(
        api_key=organization["apiKey"],
        base_url=os.environ["FANOUT_LIMITED_URL"],
        connection_id=organization["connections"][0]["id"],
    ) as client:
        for _ in range(3):
            messages.list_chats(client, limit=1)
        with pytest.raises(OFAuthError) as raised:
            messages.list_chats(client, limit=1)
    error = raised.value
    assert error.status == 429
    assert error.code == "RATE_LIMIT_EXCEEDED"
    assert "Rate limit exceeded" in str(error) and "retry in" in str(error)
