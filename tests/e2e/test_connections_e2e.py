"""Issue 5, done when: the whole OAuth connect flow over HTTP against the local stack, with the
sandbox provider it seeds: start → the hub's start URL (binds the browser) → the sandbox → callback →
302 to the return URL → status active → refresh → test → disconnect (the sandbox saw the
revocation) → secret gone."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import boto3
import httpx
import pytest

from tests.e2e.conftest import HTTP_TIMEOUT, RunningStack
from tests.e2e.start_page import continue_url

pytestmark = pytest.mark.e2e


def _moto_url(stack: RunningStack) -> str:
    return stack.moto_url


def _secret_names(stack: RunningStack, tenant: str) -> list[str]:
    """The secrets of a tenant in the stack's Secrets Manager."""
    client = boto3.client("secretsmanager", region_name="us-east-1", endpoint_url=_moto_url(stack),
                          aws_access_key_id="local", aws_secret_access_key="local")
    names = [s["Name"] for s in client.list_secrets()["SecretList"]]
    return [name for name in names if name.startswith(f"integration-hub/{tenant}/")]


def test_connect_the_sandbox_end_to_end_over_http(local_stack: RunningStack) -> None:
    tenant = "e2e-oauth"
    admin = local_stack.client("tenant_admin", tenant=tenant, user="erin")
    sandbox = httpx.Client(base_url=local_stack.sandbox_url, timeout=HTTP_TIMEOUT)
    revocations_before = sandbox.get("/_sandbox/stats").json()["revocation_count"]
    # Given an integration of the seeded sandbox provider
    created = admin.post("/api/tenant/integrations", json={"providerId": "sandbox", "name": "Sandbox e2e"})
    assert created.status_code == 201, created.text
    integration_id = created.json()["id"]
    base = f"/api/tenant/integrations/{integration_id}"

    # When the admin starts the flow
    return_url = f"{local_stack.api_url}/connected"
    started = admin.post(f"{base}/connect/oauth", json={"returnUrl": return_url})
    assert started.status_code == 200, started.text
    authorization_url = started.json()["authorizationUrl"]
    assert authorization_url.startswith(f"{local_stack.api_url}/api/integrations/oauth/start?flow=")

    # And the admin's browser (one cookie jar) opens it: the hub binds the flow to this browser
    # and sends it to the sandbox, which approves and sends it back
    browser = httpx.Client(timeout=HTTP_TIMEOUT, follow_redirects=False)
    page = browser.get(authorization_url)  # the page naming whose flow this is
    assert page.status_code == 200 and "Continue" in page.text, page.text
    to_provider = browser.get(continue_url(authorization_url, page.text))
    assert to_provider.status_code == 302, to_provider.text
    assert "HttpOnly" in to_provider.headers["set-cookie"]
    assert to_provider.headers["location"].startswith(local_stack.sandbox_url + "/oauth/authorize?")
    # (another browser cannot open the same flow)
    assert httpx.get(authorization_url, follow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 400
    at_provider = browser.get(to_provider.headers["location"])
    assert at_provider.status_code == 302
    callback_url = at_provider.headers["location"]
    assert callback_url.startswith(f"{local_stack.api_url}/api/integrations/oauth/callback?")
    # And the hub's public callback (with the browser's cookie) sends it on to the return URL
    back = browser.get(callback_url)
    assert back.status_code == 302, back.text
    location = back.headers["location"]
    assert location.startswith(return_url + "?")
    outcome = dict(parse_qsl(urlsplit(location).query))
    assert outcome["status"] == "connected" and outcome["integrationId"] == integration_id

    # Then the connection is active, and its secret exists
    status = admin.get(f"{base}/connection").json()
    assert status["status"] == "active" and status["connectionId"] == outcome["connectionId"]
    assert "accessToken" not in json.dumps(status)
    assert _secret_names(local_stack, tenant) == [f"integration-hub/{tenant}/{outcome['connectionId']}"]

    # And it refreshes, and tests fine
    refreshed = admin.post(f"{base}/connection/refresh", json={"force": True})
    assert refreshed.status_code == 200 and refreshed.json()["refreshed"] is True
    tested = admin.post(f"{base}/connection/test")
    assert tested.status_code == 200 and tested.json()["success"] is True

    # When the admin disconnects
    disconnected = admin.post(f"{base}/disconnect")
    assert disconnected.status_code == 200 and disconnected.json()["revokedAtProvider"] is True
    # Then the sandbox saw the RFC 7009 revocation, and the secret is gone
    stats = sandbox.get("/_sandbox/stats").json()
    assert stats["revocation_count"] == revocations_before + 1
    assert stats["last_revocation_hint"] == "refresh_token"
    assert _secret_names(local_stack, tenant) == []
    assert admin.get(f"{base}/connection").json()["status"] == "disconnected"


def test_connect_the_sandbox_with_an_api_key_over_http(local_stack: RunningStack) -> None:
    admin = local_stack.client("tenant_admin", tenant="e2e-apikey", user="erin")
    created = admin.post("/api/tenant/integrations", json={"providerId": "sandbox-apikey", "name": "Sandbox key"})
    assert created.status_code == 201, created.text
    base = f"/api/tenant/integrations/{created.json()['id']}"
    rejected = admin.post(f"{base}/connect/api-key", json={"apiKey": "sbx_wrong_key"})
    assert rejected.status_code == 400 and rejected.json()["error"]["code"] == "INVALID_CREDENTIALS"
    accepted = admin.post(f"{base}/connect/api-key", json={"apiKey": "sbx_test_key_valid_0001"})
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    assert admin.post(f"{base}/connection/test").json()["success"] is True
    assert admin.post(f"{base}/disconnect").status_code == 200
