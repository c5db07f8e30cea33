"""The hosted connect page in a real browser (Debian's Chromium, driven by Playwright) against the
local stack: a platform's page on another loopback origin creates nothing itself, opens the
hub's connect page with a session its backend made, and receives {integrationId, connectionId,
status} by postMessage: with an API key (after a refused one), through the sandbox's OAuth in a
popup; an expired session and a foreign opener get nothing.

Set CONNECT_PAGE_SCREENSHOTS=docs/images to refresh the screenshots docs/frontend.md shows.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from local.sandbox import DEFAULT_API_KEYS
from tests.e2e.conftest import HTTP_TIMEOUT, RunningStack, start_local_stack, stop_local_stack
from tests.support.platform_site import PlatformSite

pytestmark = pytest.mark.e2e
CHROMIUM = "/usr/bin/chromium"  # Debian's package (README, Prerequisites); never a downloaded build
# the flags that work on a machine without a display or outside network (docs/frontend.md)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STEP_TIMEOUT_MS = int(HTTP_TIMEOUT * 1000)  # a hang guard, not a speed target
TENANT = "browser"


@pytest.fixture(scope="module")
def sites() -> Iterator[dict[str, PlatformSite]]:
    """The platform's app, and a foreign page that got hold of a link meant for the app."""
    app = PlatformSite(hub_url="", admin_token="").start()
    foreign = PlatformSite(hub_url="", admin_token="").start()
    foreign.session_origin = app.origin  # its sessions name the app's origin, not its own
    yield {"app": app, "foreign": foreign}
    app.stop()
    foreign.stop()


@pytest.fixture(scope="module")
def stack(sites: dict[str, PlatformSite], tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    # only the app's origin is allowed (CORS, session origins); the foreign page's is not
    running = start_local_stack(tmp_path_factory.mktemp("browser-stack") / "stack.log",
                                {"HUB_ALLOWED_RETURN_ORIGINS": sites["app"].origin})
    for site in sites.values():
        site.hub_url, site.admin_token = running.api_url, running.token("tenant_admin", TENANT, "ada")
    yield running
    stop_local_stack(running.process)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 900, "height": 760})  # a fresh profile per test
    context.set_default_timeout(STEP_TIMEOUT_MS)
    yield context
    context.close()


def _integration(stack: RunningStack, provider: str) -> str:
    with stack.client("tenant_admin", tenant=TENANT, user="ada") as admin:
        listed = admin.get("/api/tenant/integrations", params={"providerName": provider}).json()["integrations"]
        existing = [i for i in listed if i["providerId"] == provider]
        if existing:
            return str(existing[0]["id"])
        created = admin.post("/api/tenant/integrations", json={"providerId": provider, "name": f"{provider} app"})
        assert created.status_code == 201, created.text
        return str(created.json()["id"])


def _connection_id(stack: RunningStack, integration_id: str) -> str:
    with stack.client("tenant_admin", tenant=TENANT, user="ada") as admin:
        status = admin.get(f"/api/tenant/integrations/{integration_id}/connection").json()
    assert status["status"] == "active", status
    return str(status["connectionId"])


def _screenshot(page: Any, name: str) -> None:
    folder = os.environ.get("CONNECT_PAGE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))


def _open_connect_page(context: Any, site: PlatformSite, integration_id: str) -> tuple[Any, Any]:
    """The platform's page, and the connect page it opened with its backend's session."""
    page = context.new_page()
    page.goto(f"{site.origin}/?integration={integration_id}")
    with page.expect_popup() as popup_info:
        page.get_by_role("button", name="Connect an integration").click()
    popup = popup_info.value
    popup.wait_for_url("**/connect")  # the token was read from the fragment and dropped from the address
    return page, popup


def _received(page: Any) -> list[Any]:
    return page.evaluate("window.received")  # type: ignore[no-any-return]


def test_an_api_key_connects_after_a_refused_one_and_the_app_receives_the_result(
        stack: RunningStack, sites: dict[str, PlatformSite], context: Any) -> None:
    integration_id = _integration(stack, "sandbox-apikey")
    page, popup = _open_connect_page(context, sites["app"], integration_id)
    # Given the form the template describes, with a label for its field
    key_field = popup.get_by_label("API key")
    key_field.wait_for()
    _screenshot(popup, "connect-page-api-key.png")
    # When a wrong key is submitted with the keyboard, Then the page says what to do, and focuses it
    key_field.fill("sbx_wrong_key_0000")
    key_field.press("Enter")
    alert = popup.get_by_role("alert")
    alert.filter(has_text="did not accept these credentials").wait_for()
    assert key_field.get_attribute("aria-invalid") == "true"
    _screenshot(popup, "connect-page-refused.png")
    # When the right key is submitted
    key_field.fill(DEFAULT_API_KEYS[0])
    popup.get_by_role("button", name="Connect").click()
    # Then the app's page receives the result, from the hub's origin only
    page.wait_for_function("window.received.length > 0")
    assert _received(page) == [{"source": "integration-hub", "integrationId": integration_id,
                                "connectionId": _connection_id(stack, integration_id), "status": "active"}]
    assert "is connected" in popup.get_by_role("status").inner_text()
    _screenshot(popup, "connect-page-connected.png")


def test_the_sandbox_connects_through_the_oauth_popup(
        stack: RunningStack, sites: dict[str, PlatformSite], context: Any) -> None:
    integration_id = _integration(stack, "sandbox")
    page, popup = _open_connect_page(context, sites["app"], integration_id)
    sign_in = popup.get_by_role("button", name="Sign in with")
    sign_in.wait_for()
    _screenshot(popup, "connect-page-oauth.png")
    # When the person signs in: the hub's start page says whose connection it is, then the sandbox
    with popup.expect_popup() as oauth_info:
        sign_in.click()
    oauth = oauth_info.value
    oauth.get_by_role("link", name="Continue").click()
    # Then the OAuth window closes itself and the app receives the stored connection
    page.wait_for_function("window.received.length > 0")
    assert _received(page) == [{"source": "integration-hub", "integrationId": integration_id,
                                "connectionId": _connection_id(stack, integration_id), "status": "active"}]


def test_an_expired_session_says_so_and_offers_nothing(
        stack: RunningStack, sites: dict[str, PlatformSite], context: Any) -> None:
    integration_id = _integration(stack, "sandbox-apikey")
    session = sites["app"].make_session([integration_id])
    # Given the session's expiry passed (set in the stack's table: no test waits for a clock)
    token = session["token"]
    dynamodb = boto3.client("dynamodb", region_name="us-east-1", endpoint_url=stack.moto_url,
                            aws_access_key_id="local", aws_secret_access_key="local")
    dynamodb.update_item(
        TableName="integration-hub",
        Key={"pk": {"S": f"TENANT#{TENANT}"},
             "sk": {"S": "CONNECTSESSION#" + hashlib.sha256(token.encode()).hexdigest()}},
        UpdateExpression="SET expiresAt = :past", ExpressionAttributeValues={":past": {"N": "1"}},
        ConditionExpression="attribute_exists(pk)",
    )
    # When the link is opened (full page)
    page = context.new_page()
    page.goto(session["connectUrl"])
    # Then the page says so, and shows no form
    page.get_by_role("status").filter(has_text="expired").wait_for()
    assert page.get_by_label("API key").count() == 0
    _screenshot(page, "connect-page-expired.png")


def test_a_page_on_another_origin_never_receives_the_result(
        stack: RunningStack, sites: dict[str, PlatformSite], context: Any) -> None:
    integration_id = _integration(stack, "sandbox-apikey")
    # Given a foreign page that opens a session meant for the app's origin
    page, popup = _open_connect_page(context, sites["foreign"], integration_id)
    key_field = popup.get_by_label("API key")
    key_field.fill(DEFAULT_API_KEYS[0])
    key_field.press("Enter")
    popup.get_by_role("status").filter(has_text="is connected").wait_for()
    # When anything the connect page sent its opener has been delivered (a later message from
    # the same window arrives after it)
    popup.evaluate("window.opener.postMessage('marker', '*')")
    page.wait_for_function("window.received.includes('marker')")
    # Then the foreign page got only the probe: the result went to the app's origin alone
    assert _received(page) == ["marker"]
