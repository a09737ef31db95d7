"""Fixtures for driving a running Fanout with the official OFAuth Python SDK.

scripts/test starts the server on a fresh demo database and exports
FANOUT_URL and FANOUT_CREDENTIALS (the JSON `fanout demo` printed).
"""
import json
import os

import pytest
from onlyfans_sdk import OFAuthClient


@pytest.fixture(scope="session")
def credentials():
    with open(os.environ["FANOUT_CREDENTIALS"]) as file:
        return json.load(file)


def make_client(credentials, organization=0, connection=0):
    org = credentials["organizations"][organization]
    return OFAuthClient(
        api_key=org["apiKey"],
        base_url=os.environ["FANOUT_URL"],
        connection_id=org["connections"][connection]["id"],
    )


@pytest.fixture
def client(credentials):
    with make_client(credentials) as c:
        yield c


@pytest.fixture
def read_only_client(credentials):
    with make_client(credentials, connection=2) as c:
        yield c
