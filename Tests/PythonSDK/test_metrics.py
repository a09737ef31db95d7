"""/metrics parses as Prometheus text (prometheus_client's own parser) and
counts the traffic this test makes, by route template, never by raw path."""
import urllib.request
import os

from onlyfans_sdk import messages
from prometheus_client.parser import text_string_to_metric_families


def scrape():
    with urllib.request.urlopen(os.environ["FANOUT_URL"] + "/metrics") as response:
        text = response.read().decode()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return text, samples


def requests_to(samples, route, status):
    key = ("fanout_http_requests_total", tuple(sorted({"route": route, "method": "GET", "status": status}.items())))
    return samples.get(key, 0)


def test_metrics_count_the_requests_made(client):
    _, before = scrape()
    for _ in range(3):
        messages.list_chats(client, limit=1)
    try:
        messages.get_mass_messages(client, mass_message_id="987654321")
    except Exception:
        pass
    text, after = scrape()
    assert requests_to(after, "/v2/access/chats", "200") - requests_to(before, "/v2/access/chats", "200") == 3
    assert requests_to(after, "/v2/access/mass-messages/{massMessageId}", "404") \
        - requests_to(before, "/v2/access/mass-messages/{massMessageId}", "404") == 1
    assert "987654321" not in text, "no raw ids in labels"
    assert any(name == "fanout_http_request_duration_seconds_count" for name, _ in after)


def test_database_waits_are_timed(client):
    """Storage calls report how long they waited for the database, reads and writes apart."""
    _, before = scrape()
    for _ in range(3):
        messages.list_chats(client, limit=1)
    _, after = scrape()
    count = lambda samples, access: samples.get(("fanout_database_wait_seconds_count", (("access", access),)), 0)
    assert count(after, "read") - count(before, "read") >= 3, "each chats page reads once at least"
    assert any(name == "fanout_database_wait_seconds_bucket" and ("access", "read") in labels for name, labels in after)
