"""The official SDK's earnings functions and the subscribers module's three
setters against Fanout, every response validated with the SDK's own Pydantic
models, every marker-paged iterator walked to its end. Writes go to the
demo's second creator (connection 1), whose money no other test counts."""
import pytest
from onlyfans_sdk import earnings, models, subscribers
from onlyfans_sdk._client import OFAuthError

from conftest import make_client


@pytest.fixture
def second(credentials):
    with make_client(credentials, connection=1) as c:
        yield c


def cents(dollars):
    return round(dollars * 100)


def walk_transactions(client, **filters):
    items = list(earnings.iter_transactions(client, **filters))
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "no transaction twice"
    return items


def test_transactions_walk_to_their_end_and_match_the_subscribers_spend(client):
    first = models.V2AccessEarningsTransactionsGetResponse.model_validate(earnings.list_transactions(client))
    assert first.list, "the demo has tips and paid messages"
    everything = walk_transactions(client)
    assert len(everything) > len(first.list), "more than one page: the walk followed the markers"
    for item in everything:
        models.ListItem4.model_validate(item)
    assert [int(item["id"]) for item in everything] == sorted((int(item["id"]) for item in everything), reverse=True)
    spent = {}
    for item in everything:
        if item["status"] != "chargeback":
            spent[item["user"]["id"]] = spent.get(item["user"]["id"], 0) + cents(item["amounts"]["gross"])
    for fan in subscribers.iter_subscribers(client, page_size=100):
        assert spent.get(fan["id"], 0) == cents(fan["spending"]["total"]), fan["id"]

    tips = walk_transactions(client, type="tips")
    messages = walk_transactions(client, type="chat_messages")
    assert {item["type"] for item in tips} <= {"tips"} and {item["type"] for item in messages} <= {"chat_messages"}
    assert len(tips) + len(messages) == len(everything)
    assert [item["id"] for item in walk_transactions(client, tips_source="chat")] == [item["id"] for item in tips]
    assert walk_transactions(client, type="subscribes") == []
    assert len(list(earnings.iter_transactions(client, max_items=3))) == 3


def test_chart_series_and_totals(client):
    chart = models.V2AccessEarningsChartGetResponse.model_validate(earnings.list_charts(client))
    assert len(chart.chart) == 30
    assert cents(sum(point.count for point in chart.chart)) == cents(chart.total)
    whole = models.V2AccessEarningsChartGetResponse.model_validate(
        earnings.list_charts(client, start_date="2026-01-01", end_date="2026-12-31", by="total", with_total=True))
    tips = models.V2AccessEarningsChartGetResponse.model_validate(
        earnings.list_charts(client, start_date="2026-01-01", end_date="2026-12-31", by="tips"))
    paid = models.V2AccessEarningsChartGetResponse.model_validate(
        earnings.list_charts(client, start_date="2026-01-01", end_date="2026-12-31", by="messages"))
    assert cents(whole.total) == cents(tips.total) + cents(paid.total)
    monthly = models.V2AccessEarningsChartGetResponse.model_validate(
        earnings.list_charts(client, start_date="2026-01-01", end_date="2026-12-31", monthly_total=True))
    assert len(monthly.chart) == 12 and cents(monthly.total) == cents(whole.total)
    with pytest.raises(OFAuthError) as refused:
        earnings.list_charts(client, start_date="2026-12-01", end_date="2026-11-01")
    assert refused.value.status == 400 and "startDate" in str(refused.value)


def test_a_chargeback_is_listed_and_the_transaction_marked(second):
    fan = next(subscribers.iter_subscribers(second, type="active", max_items=1))
    second.request("POST", "/sandbox/fans/%d/tips" % int(fan["id"]), body={"amount": 7.77})
    newest = earnings.list_transactions(second)["list"][0]
    assert newest["type"] == "tips" and cents(newest["amounts"]["gross"]) == 777
    charged = second.request("POST", "/sandbox/transactions/%s/chargeback" % newest["id"])
    assert models.ListItem5.model_validate(charged).payment.id == newest["id"]
    listed = list(earnings.iter_chargebacks(second))
    for item in listed:
        models.ListItem5.model_validate(item)
    assert charged["id"] in [item["id"] for item in listed]
    models.V2AccessEarningsChargebacksGetResponse.model_validate(earnings.list_chargebacks(second))
    assert list(earnings.iter_chargebacks(second, start_date="2020-01-01", end_date="2020-01-31")) == []
    marked = next(item for item in earnings.iter_transactions(second) if item["id"] == newest["id"])
    assert marked["status"] == "chargeback"
    with pytest.raises(OFAuthError) as again:
        second.request("POST", "/sandbox/transactions/%s/chargeback" % newest["id"])
    assert again.value.status == 400 and "transactionId" in str(again.value)


def test_note_custom_name_and_discount(second):
    fan = next(subscribers.iter_subscribers(second, max_items=1))
    user_id = str(int(fan["id"]))
    models.V2AccessSubscribersUserIdNotePutRequest.model_validate({"notice": "SDK note"})
    models.V2AccessSubscribersUserIdNotePutResponse.model_validate(subscribers.set_note(second, user_id, {"notice": "SDK note"}))
    models.V2AccessSubscribersUserIdCustomNamePutResponse.model_validate(
        subscribers.set_custom_name(second, user_id, {"displayName": "SDK nickname"}))
    models.V2AccessSubscribersUserIdDiscountPutResponse.model_validate(
        subscribers.set_discount(second, user_id, {"discount": 20, "period": 2}))
    shown = next(item for item in subscribers.iter_subscribers(second, page_size=100) if item["id"] == fan["id"])
    listed = models.ListItem13.model_validate(shown)
    assert listed.displayName == "SDK nickname"
    assert listed.subscription.discountPercent == 20 and listed.subscription.discountPeriod == 2
    for setter, body, field in [
        (subscribers.set_note, {"notice": "n" * 1001}, "notice"),
        (subscribers.set_custom_name, {"displayName": ""}, "displayName"),
        (subscribers.set_discount, {"discount": 61, "period": 1}, "discount"),
        (subscribers.set_discount, {"discount": 10, "period": 13}, "period"),
    ]:
        with pytest.raises(OFAuthError) as refused:
            setter(second, user_id, body)
        assert refused.value.status == 400 and field in str(refused.value)
    with pytest.raises(OFAuthError) as stranger:
        subscribers.set_note(second, "999999999", {"notice": "hi"})
    assert stranger.value.status == 404
    # The nickname back as it was (the demo gives some), so a rerun starts alike.
    if fan["displayName"]:
        subscribers.set_custom_name(second, user_id, {"displayName": fan["displayName"]})
