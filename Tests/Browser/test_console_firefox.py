"""The console in Firefox too: Debian's firefox-esr, headless, driven over
its built-in Marionette protocol with Mozilla's Python client (Debian has no
geckodriver for Selenium). Sign in, open a chat, send a message and see it;
the pages are saved as screenshots and checked not to be blank."""
import base64
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

import pytest
from marionette_driver import By, Wait
from marionette_driver.errors import MarionetteException
from marionette_driver.marionette import Marionette

from test_console import check_not_blank


@pytest.fixture
def firefox():
    profile = tempfile.mkdtemp(prefix="fanout-firefox-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(os.path.join(profile, "user.js"), "w") as prefs:
        prefs.write(f'user_pref("marionette.port", {port});\n')
        prefs.write('user_pref("browser.shell.checkDefaultBrowser", false);\n')
        prefs.write('user_pref("datareporting.policy.dataSubmissionEnabled", false);\n')
    process = subprocess.Popen(
        [os.environ.get("FIREFOX", "/usr/bin/firefox-esr"), "--marionette", "--headless", "--no-remote", "--profile", profile],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "MOZ_HEADLESS": "1"})
    client = Marionette(host="127.0.0.1", port=port)
    deadline = time.time() + 60
    while True:
        try:
            client.start_session()
            break
        except (MarionetteException, OSError, socket.error):
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                raise
            time.sleep(0.5)
    client.set_window_rect(width=1280, height=900)
    yield client
    try:
        client.delete_session()
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(profile, ignore_errors=True)


def shot(client, name):
    folder = os.environ.get("FANOUT_SCREENSHOTS", "test-output/screenshots")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{name}.png")
    with open(path, "wb") as file:
        file.write(base64.b64decode(client.screenshot()))
    check_not_blank(path)


def present(client, by, selector, seconds=15):
    return Wait(client, timeout=seconds).until(lambda c: c.find_elements(by, selector) or None)[0]


def test_send_a_message_in_firefox(firefox, credentials, base_url):
    firefox.navigate(base_url + "/console")
    present(firefox, By.NAME, "apiKey").send_keys(credentials["organizations"][0]["apiKey"])
    firefox.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    present(firefox, By.CSS_SELECTOR, "ul.cards button").click()
    present(firefox, By.ID, "chats")
    shot(firefox, "firefox-chats")
    rows = firefox.find_elements(By.CSS_SELECTOR, "#chats li")
    fan = next(r for r in rows if "not subscribed" not in r.text).get_attribute("data-fan")
    firefox.navigate(f"{base_url}/console/chats/{fan}")
    text = f"Hello from Firefox {uuid.uuid4().hex[:8]}"
    present(firefox, By.ID, "creatorText").send_keys(text)
    firefox.find_element(By.CSS_SELECTOR, 'form[aria-label="Send as the creator"] button').click()
    newest = Wait(firefox, timeout=15).until(
        lambda c: next((e for e in c.find_elements(By.CSS_SELECTOR, "#messages li.creator .text") if e.text == text), None))
    assert newest.text == text
    shot(firefox, "firefox-chat")
