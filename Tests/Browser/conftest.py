"""A headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium) against a running Fanout: FANOUT_URL and FANOUT_CREDENTIALS as for
the SDK suite. Screenshots go to FANOUT_SCREENSHOTS (a folder)."""
import json
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


@pytest.fixture(scope="session")
def credentials():
    with open(os.environ["FANOUT_CREDENTIALS"]) as file:
        return json.load(file)


@pytest.fixture(scope="session")
def base_url():
    return os.environ["FANOUT_URL"]


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(0)
    yield driver
    # Script errors; failed loads (a 401 page, say) are the tests' own business.
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and entry.get("source") != "network"]
    driver.quit()
    assert not errors, f"JavaScript errors in the browser log: {errors}"
