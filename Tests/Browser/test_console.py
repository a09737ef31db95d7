"""The web console in a real browser: sign in with the demo key, open a
chat, send a message and see it, reply as the fan and see the unread count
move; compose a mass message to a list and watch its progress bar reach
done; advance the clock and see a scheduled message go out; simulate fans
with progress; a wrong key is refused. Each page is saved as a screenshot
and checked not to be blank; a JavaScript error in the browser log fails
the test (conftest)."""
import datetime
import json
import os
import re
import urllib.request
import uuid

from PIL import Image
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait


def wait(browser, condition, seconds=10):
    # A page replaced under a check (after a form's redirect) is checked again.
    return WebDriverWait(browser, seconds, ignored_exceptions=[StaleElementReferenceException]).until(condition)


def submit(browser, button):
    """Clicks a form's button and waits for the page the redirect leads to."""
    button.click()

    def left_the_page(_):
        try:
            button.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):  # Chromium says either once the page is gone
            return True
    wait(browser, left_the_page)


def screenshot(browser, name):
    """Saves the page and checks that it is not one flat colour."""
    folder = os.environ.get("FANOUT_SCREENSHOTS", "test-output/screenshots")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{name}.png")
    assert browser.save_screenshot(path)
    check_not_blank(path)
    return path


def check_not_blank(path):
    extrema = Image.open(path).convert("L").getextrema()
    assert extrema[0] != extrema[1], f"{path} is blank"


def sign_in(browser, base_url, api_key):
    browser.get(base_url + "/console")
    wait(browser, ready.presence_of_element_located((By.NAME, "apiKey"))).send_keys(api_key)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"))


def choose_first_creator(browser):
    wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "ul.cards button"))).click()
    wait(browser, ready.presence_of_element_located((By.ID, "chats")))


def unread_of(browser, fan):
    badges = browser.find_elements(By.CSS_SELECTOR, f'li[data-fan="{fan}"] [data-unread]')
    return int(badges[0].get_attribute("data-unread")) if badges else 0


def test_a_wrong_key_is_refused(browser, base_url):
    # By keyboard alone: type the key, press Enter.
    browser.get(base_url + "/console")
    field = wait(browser, ready.presence_of_element_located((By.NAME, "apiKey")))
    assert browser.switch_to.active_element == field, "the key field has the focus"
    field.send_keys("sk_sandbox_" + "x" * 44, Keys.ENTER)
    error = wait(browser, ready.presence_of_element_located((By.ID, "error")))
    assert "Invalid API key" in error.text
    assert browser.find_elements(By.NAME, "apiKey"), "still on the sign-in page"
    assert not browser.get_cookie("fanout_console")
    screenshot(browser, "sign-in-refused")


def test_send_as_the_creator_then_reply_as_the_fan(browser, base_url, credentials):
    sign_in(browser, base_url, credentials["organizations"][0]["apiKey"])
    cookie = browser.get_cookie("fanout_console")
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    screenshot(browser, "connections")
    choose_first_creator(browser)
    screenshot(browser, "chats")

    # A subscribed fan's chat (an unsubscribed one is badged).
    rows = browser.find_elements(By.CSS_SELECTOR, "#chats li")
    row = next(r for r in rows if "not subscribed" not in r.text)
    fan = row.get_attribute("data-fan")
    row.find_element(By.TAG_NAME, "a").click()
    wait(browser, ready.presence_of_element_located((By.ID, "messages")))

    text = f"Hello from Chromium {uuid.uuid4().hex[:8]}"
    browser.find_element(By.ID, "creatorText").send_keys(text)
    submit(browser, browser.find_element(By.CSS_SELECTOR, 'form[aria-label="Send as the creator"] button'))
    newest = wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#messages li.creator:last-child .text"))
    assert newest[0].text == text
    screenshot(browser, "chat-sent")

    browser.find_element(By.CSS_SELECTOR, 'nav a[href="/console/chats"]').click()
    wait(browser, ready.presence_of_element_located((By.ID, "chats")))
    unread_before = unread_of(browser, fan)
    browser.get(f"{base_url}/console/chats/{fan}")
    wait(browser, ready.presence_of_element_located((By.ID, "fanText")))
    reply = f"A fan answers {uuid.uuid4().hex[:8]}"
    browser.find_element(By.ID, "fanText").send_keys(reply)
    submit(browser, browser.find_element(By.CSS_SELECTOR, 'form[aria-label="Reply as the fan"] button'))
    newest = wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#messages li.fan:last-child .text"))
    assert newest[0].text == reply
    screenshot(browser, "chat-replied")

    browser.find_element(By.CSS_SELECTOR, 'nav a[href="/console/chats"]').click()
    wait(browser, ready.presence_of_element_located((By.ID, "chats")))
    assert unread_of(browser, fan) == unread_before + 1, "the fan's reply is unread"
    assert re.search(r"\bA fan answers\b", browser.find_element(By.CSS_SELECTOR, f'li[data-fan="{fan}"]').text)
    screenshot(browser, "chats-after-reply")


def signed_in(browser, base_url, credentials):
    sign_in(browser, base_url, credentials["organizations"][0]["apiKey"])
    choose_first_creator(browser)


def call(method, path, credentials, body=None):
    """The REST API as the console's first connection (for what the console has no page for)."""
    org = credentials["organizations"][0]
    request = urllib.request.Request(
        os.environ["FANOUT_URL"] + path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"apiKey": org["apiKey"], "x-connection-id": org["connections"][0]["id"], "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def compose(browser, base_url, text, *, list_id=None, at=None):
    browser.get(base_url + "/console/mass-messages/new")
    wait(browser, ready.presence_of_element_located((By.ID, "compose")))
    browser.find_element(By.ID, "text").send_keys(text)
    screenshot(browser, "compose")
    if list_id:
        browser.find_element(By.CSS_SELECTOR, f'input[name="list"][value="{list_id}"]').click()
    if at:
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "scheduledDate"), at)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#compose button[type=submit]"))
    wait(browser, ready.presence_of_element_located((By.ID, "massMessages")))


def item_with(browser, text):
    for item in browser.find_elements(By.CSS_SELECTOR, "#massMessages li"):
        if text in item.text:
            return item
    return None


def test_a_mass_message_to_a_list_reaches_done(browser, base_url, credentials):
    # A list of two subscribers, made through the API (the console has no list pages).
    vips = call("POST", "/v2/access/users/lists", credentials, {"name": f"Browser {uuid.uuid4().hex[:6]}"})
    fans = [c["withUser"]["id"] for c in call("GET", "/v2/access/chats?limit=20", credentials)["list"] if c["canSendMessage"]][:2]
    for fan in fans:
        call("POST", f"/v2/access/users/lists/{vips['id']}/users/{fan}", credentials)
    signed_in(browser, base_url, credentials)
    text = f"To my list {uuid.uuid4().hex[:8]}"
    compose(browser, base_url, text, list_id=vips["id"])
    # It lands on the unsent tab while queued, and its bar moves by itself (no reload) until done;
    # a fan-out to two may finish before that page is drawn, and then it is on the sent tab, done.
    item = item_with(browser, text)
    if item is None:
        browser.get(base_url + "/console/mass-messages?type=sent")
        item = wait(browser, lambda b: item_with(b, text))
    wait(browser, lambda b: "done" in item.find_element(By.CSS_SELECTOR, "[data-progress-text]").text, seconds=30)
    bar = item.find_element(By.TAG_NAME, "progress")
    assert bar.get_attribute("value") == bar.get_attribute("max")
    screenshot(browser, "mass-message-done")
    browser.get(base_url + "/console/mass-messages?type=sent")
    assert item_with(browser, text), "listed as sent"


def test_advancing_the_clock_sends_a_scheduled_message(browser, base_url, credentials):
    signed_in(browser, base_url, credentials)
    browser.get(base_url + "/console/sandbox")
    now = wait(browser, ready.presence_of_element_located((By.ID, "clock"))).get_attribute("datetime")
    later = (datetime.datetime.fromisoformat(now) + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    text = f"Later {uuid.uuid4().hex[:8]}"
    compose(browser, base_url, text, at=later)
    browser.get(base_url + "/console/mass-messages?type=scheduled")
    assert item_with(browser, text), "listed as scheduled"
    screenshot(browser, "scheduled")

    browser.get(base_url + "/console/sandbox")
    minutes = browser.find_element(By.ID, "minutes")
    minutes.clear()
    minutes.send_keys("120")
    submit(browser, browser.find_element(By.CSS_SELECTOR, 'form[action="/console/sandbox/clock"] button'))
    wait(browser, ready.presence_of_element_located((By.ID, "clock")))
    screenshot(browser, "sandbox")

    def sent(b):
        b.get(base_url + "/console/mass-messages?type=sent")
        return item_with(b, text)
    wait(browser, sent, seconds=30)


def test_simulated_fans_show_progress(browser, base_url, credentials):
    signed_in(browser, base_url, credentials)
    browser.get(base_url + "/console/sandbox")
    field = wait(browser, ready.presence_of_element_located((By.ID, "simulateMinutes")))
    field.clear()
    field.send_keys("5")
    submit(browser, browser.find_element(By.CSS_SELECTOR, 'form[action="/console/sandbox/simulation"] button'))
    progress = wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "#simulation [data-progress-text]")))
    wait(browser, lambda b: "done" in progress.text, seconds=60)
    assert progress.text.startswith("5 of 5")
    screenshot(browser, "simulation")


def test_analytics_draws_the_four_series(browser, base_url, credentials):
    signed_in(browser, base_url, credentials)
    browser.find_element(By.CSS_SELECTOR, 'nav a[href="/console/analytics"]').click()
    chart = wait(browser, ready.presence_of_element_located((By.ID, "chart")))
    kinds = {line.get_attribute("data-kind") for line in chart.find_elements(By.CSS_SELECTOR, "polyline")}
    assert kinds == {"group_messages", "group_messages_purchases", "direct_messages", "direct_messages_purchases"}
    bought = browser.find_elements(By.CSS_SELECTOR, "#purchased li a")
    screenshot(browser, "analytics")
    if bought:
        submit(browser, bought[0])
        wait(browser, ready.presence_of_element_located((By.ID, "buyers")))
        screenshot(browser, "buyers")


def test_pages_fit_a_phone(browser, base_url, credentials):
    # Long unbroken text (a webhook URL of 1,900 characters) must wrap, not widen the page.
    api_key = credentials["organizations"][0]["apiKey"]
    # An organization holds at most 20 endpoints, and the fuzzing stage before
    # this one may have registered that many: make room for this one.
    listed = urllib.request.Request(os.environ["FANOUT_URL"] + "/webhooks", headers={"apiKey": api_key})
    with urllib.request.urlopen(listed, timeout=10) as response:
        existing = json.loads(response.read())["list"]
    for old in existing[: max(0, len(existing) - 19)]:
        gone = urllib.request.Request(os.environ["FANOUT_URL"] + f"/webhooks/{old['id']}", method="DELETE", headers={"apiKey": api_key})
        urllib.request.urlopen(gone, timeout=10).close()
    hook = urllib.request.Request(
        os.environ["FANOUT_URL"] + "/webhooks", method="POST", headers={"apiKey": api_key, "Content-Type": "application/json"},
        data=json.dumps({"url": "https://example.com/" + "a" * 1900}).encode())
    with urllib.request.urlopen(hook, timeout=10) as response:
        endpoint = json.loads(response.read())
    browser.set_window_size(390, 844)
    signed_in(browser, base_url, credentials)
    for path, name in [("/console/chats", "phone-chats"), ("/console/mass-messages", "phone-mass-messages"),
                       ("/console/analytics", "phone-analytics"), ("/console/sandbox", "phone-sandbox")]:
        browser.get(base_url + path)
        wait(browser, ready.presence_of_element_located((By.TAG_NAME, "main")))
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
        screenshot(browser, name)
    remove = urllib.request.Request(os.environ["FANOUT_URL"] + f"/webhooks/{endpoint['id']}", method="DELETE", headers={"apiKey": api_key})
    urllib.request.urlopen(remove, timeout=10).close()


def test_the_fans_note_and_nickname_beside_the_chat(browser, base_url, credentials):
    sign_in(browser, base_url, credentials["organizations"][0]["apiKey"])
    choose_first_creator(browser)
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#chats li") if "not subscribed" not in r.text)
    row.find_element(By.TAG_NAME, "a").click()
    wait(browser, ready.presence_of_element_located((By.ID, "fanSpent")))
    assert browser.find_element(By.ID, "fanSpent").text.startswith("$")
    browser.find_element(By.CSS_SELECTOR, ".fan-panel summary").click()
    nickname = f"Nick {uuid.uuid4().hex[:6]}"
    field = browser.find_element(By.ID, "nicknameInput")
    field.clear()
    field.send_keys(nickname)
    submit(browser, browser.find_element(By.CSS_SELECTOR, 'form[aria-label="Note and nickname"] button'))
    shown = wait(browser, lambda b: b.find_elements(By.ID, "fanNickname"))
    assert shown[0].text == nickname
