"""Connect sessions (hub/sessions): made by a tenant admin, used by the hosted connect page with
nothing but the session's token; expired, reused, foreign-origin and forged use refused; every
use audited."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from hub import clock
from hub.audit import AuditRepository
from hub.connections.repository import ConnectionRepository
from tests.support.api import ApiClient, ApiResponse
from tests.support.connections import API_KEY, SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]
APP = "https://app.example.com"
HUB = "http://127.0.0.1:3000"  # HUB_PUBLIC_API_URL's default: the page's own origin


def _create(world: SandboxWorld, integrations: list[str], **extra: Any) -> dict[str, Any]:
    response = world.api.post("/api/tenant/connect-sessions", {"integrations": integrations, "origin": APP, **extra})
    assert response.status == 201, response.raw_body
    return response.body  # type: ignore[no-any-return]


def _page(api: ApiClient, method: str, path: str, token: str, body: Any = None,
          origin: str | None = HUB) -> ApiResponse:
    """A call of the connect page: no JWT, the session's token, the page's Origin."""
    headers = {"authorization": f"Bearer {token}", **({"origin": origin} if origin else {})}
    return api.request(method, path, json_body=body, headers=headers, claims=False)


def _connect_key(world: SandboxWorld, integration_id: str, token: str, key: str, **kw: Any) -> ApiResponse:
    return _page(world.api, "POST", f"/api/connect/integrations/{integration_id}/credentials", token,
                 {"credentials": {"apiKey": key}}, **kw)


def _audit_actions(tenant: str = "acme") -> list[str]:
    return [r["action"] for r in AuditRepository().list_for_tenant(tenant) if r["action"].startswith("connect_")]


def test_a_session_offers_its_integrations_with_their_credential_forms(sandbox_world: SandboxWorld) -> None:
    # Given two integrations, When the admin makes a session for them
    key_id = sandbox_world.create_integration("sandbox-apikey")
    oauth_id = sandbox_world.create_integration("sandbox")
    created = _create(sandbox_world, [key_id, oauth_id])
    # Then the answer carries a token and the page's link with the token in its fragment only
    assert created["connectUrl"] == f"{HUB}/connect#token={created['token']}"
    assert created["origin"] == APP and created["integrations"] == [key_id, oauth_id]
    assert clock.parse_iso(created["expiresAt"]) == pytest.approx(clock.now() + 1800, abs=1)
    # And the page, with only the token, sees each integration and how to connect it
    view = _page(sandbox_world.api, "GET", "/api/connect/session", created["token"], origin=None)
    assert view.status == 200, view.raw_body
    by_id = {i["id"]: i for i in view.body["integrations"]}
    assert by_id[key_id]["connectWith"] == "credentials"
    assert by_id[key_id]["credentialFields"] == [{"name": "apiKey", "label": "API key", "type": "secret",
                                                  "required": True, "secret": True, "help": None,
                                                  "pattern": None, "default": None}]
    assert by_id[oauth_id]["connectWith"] == "oauth" and by_id[oauth_id]["credentialFields"] == []
    assert view.body["origin"] == APP and created["token"] not in view.raw_body
    # And the creation was audited, without the token
    records = [r for r in AuditRepository().list_for_tenant("acme") if r["action"] == "connect_session.create"]
    assert len(records) == 1 and created["token"] not in str(records[0])


def test_an_api_key_connects_once_and_a_refused_key_leaves_the_session_open(sandbox_world: SandboxWorld) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    token = _create(sandbox_world, [key_id])["token"]
    # When the person types a wrong key, Then it is refused with an actionable envelope
    refused = _connect_key(sandbox_world, key_id, token, "sbx_wrong_key_0000")
    assert refused.status == 400 and refused.error["code"] == "INVALID_CREDENTIALS"
    assert ConnectionRepository().get_connection("acme", key_id) is None
    # And the right key still connects with the same session
    connected = _connect_key(sandbox_world, key_id, token, API_KEY)
    assert connected.status == 200, connected.raw_body
    result = connected.body
    record = ConnectionRepository().get_connection("acme", key_id)
    assert record is not None and result == {"integrationId": key_id, "connectionId": record["connectionId"],
                                             "status": "active"}
    # And then the session is spent: any further use is refused
    again = _connect_key(sandbox_world, key_id, token, API_KEY)
    assert again.status == 409 and again.error["code"] == "CONNECT_SESSION_USED"
    assert _page(sandbox_world.api, "GET", "/api/connect/session", token).error["code"] == "CONNECT_SESSION_USED"
    assert _audit_actions() == ["connect_session.connect", "connect_session.connect", "connect_session.create"]


def test_an_expired_session_is_refused(sandbox_world: SandboxWorld) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    token = _create(sandbox_world, [key_id], expiresInSeconds=60)["token"]
    clock.advance(61)
    response = _connect_key(sandbox_world, key_id, token, API_KEY)
    assert response.status == 410 and response.error["code"] == "CONNECT_SESSION_EXPIRED"
    assert ConnectionRepository().get_connection("acme", key_id) is None


@pytest.mark.parametrize("origin", ["https://evil.example.net", "http://app.example.com", "null"])
def test_use_from_a_foreign_origin_is_refused_and_audited(sandbox_world: SandboxWorld, origin: str) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    token = _create(sandbox_world, [key_id])["token"]
    response = _connect_key(sandbox_world, key_id, token, API_KEY, origin=origin)
    assert response.status == 403 and response.error["code"] == "ORIGIN_NOT_ALLOWED"
    assert ConnectionRepository().get_connection("acme", key_id) is None
    assert "connect_session.refused" in _audit_actions()
    # the session's own origin may use it (a platform that calls the routes itself)
    assert _connect_key(sandbox_world, key_id, token, API_KEY, origin=APP).status == 200


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # one character changed
    lambda t: "Z2xvYmV4" + t[t.index("."):],  # another tenant's prefix (globex)
    lambda t: "",
    lambda t: "not-a-token",
])
def test_a_forged_token_is_refused(sandbox_world: SandboxWorld, mangle: Any) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    token = _create(sandbox_world, [key_id])["token"]
    response = _page(sandbox_world.api, "GET", "/api/connect/session", mangle(token))
    assert response.status == 401 and response.error["code"] == "CONNECT_SESSION_INVALID"


def test_only_the_offered_integrations_and_the_callers_own_can_be_used(sandbox_world: SandboxWorld) -> None:
    offered = sandbox_world.create_integration("sandbox-apikey")
    other = sandbox_world.create_integration("sandbox")
    foreign = sandbox_world.create_integration("sandbox-apikey", tenant="globex")
    token = _create(sandbox_world, [offered])["token"]
    assert _connect_key(sandbox_world, other, token, API_KEY).status == 404
    # a session cannot even be made for another tenant's integration
    response = sandbox_world.api.post("/api/tenant/connect-sessions", {"integrations": [foreign], "origin": APP})
    assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"


@pytest.mark.parametrize(("body", "field"), [
    ({"origin": "https://not-allowed.example.org"}, "origin"),
    ({"origin": "https://app.example.com/path"}, "origin"),
    ({"redirectUrl": "https://evil.example.net/done"}, "redirectUrl"),
    ({"expiresInSeconds": 10}, "expiresInSeconds"),
    ({"integrations": []}, "integrations"),
    ({"token": "chosen"}, "token"),
])
def test_a_bad_session_request_is_a_400_and_stores_nothing(sandbox_world: SandboxWorld, body: dict[str, Any],
                                                           field: str) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post("/api/tenant/connect-sessions",
                                      {"integrations": [key_id], "origin": APP, **body})
    assert response.status == 400, response.raw_body
    assert field in response.raw_body
    assert not [r for r in AuditRepository().list_for_tenant("acme") if r["action"] == "connect_session.create"]


def test_users_may_not_make_sessions_and_user_scoped_integrations_need_an_end_user(
        sandbox_world: SandboxWorld) -> None:
    key_id = sandbox_world.create_integration("sandbox-apikey")
    user = sandbox_world.api.as_("user", user="bob")
    assert user.post("/api/tenant/connect-sessions", {"integrations": [key_id], "origin": APP}).status == 403
    scoped = sandbox_world.create_integration("sandbox", user_scoped=True)
    response = sandbox_world.api.post("/api/tenant/connect-sessions", {"integrations": [scoped], "origin": APP})
    assert response.status == 400 and response.error["code"] == "END_USER_REQUIRED"


def _oauth_in_popup(world: SandboxWorld, integration_id: str, token: str) -> dict[str, str]:
    """The page starts OAuth; its popup goes through the hub's start page, the sandbox and the
    callback, and lands on the page again: the outcome it hands to the page."""
    started = _page(world.api, "POST", f"/api/connect/integrations/{integration_id}/oauth", token)
    assert started.status == 200, started.raw_body
    back = world.callback(world.authorize(world.provider_url(started.body)))
    assert back.status == 302
    location = back.header("Location") or ""
    assert location.startswith(f"{HUB}/connect?oauth=done&")
    return dict(parse_qsl(urlsplit(location).query))


def test_oauth_in_the_popup_connects_and_the_page_completes_with_the_stored_connection(
        sandbox_world: SandboxWorld) -> None:
    oauth_id = sandbox_world.create_integration("sandbox")
    token = _create(sandbox_world, [oauth_id])["token"]
    # Before the popup finished, there is nothing to complete
    early = _page(sandbox_world.api, "POST", f"/api/connect/integrations/{oauth_id}/complete", token)
    assert early.status == 404 and early.error["code"] == "CONNECTION_NOT_FOUND"
    outcome = _oauth_in_popup(sandbox_world, oauth_id, token)
    assert outcome["status"] == "connected"
    done = _page(sandbox_world.api, "POST", f"/api/connect/integrations/{oauth_id}/complete", token)
    assert done.status == 200, done.raw_body
    assert done.body == {"integrationId": oauth_id, "connectionId": outcome["connectionId"], "status": "active"}
    assert _page(sandbox_world.api, "POST", f"/api/connect/integrations/{oauth_id}/complete",
                 token).error["code"] == "CONNECT_SESSION_USED"
    assert _audit_actions()[:2] == ["connect_session.oauth_complete", "connect_session.oauth_start"]


def test_a_connection_made_elsewhere_does_not_complete_a_session(sandbox_world: SandboxWorld) -> None:
    oauth_id = sandbox_world.create_integration("sandbox")
    token = _create(sandbox_world, [oauth_id])["token"]
    sandbox_world.connect(oauth_id)  # the admin connected it directly, not through this session
    response = _page(sandbox_world.api, "POST", f"/api/connect/integrations/{oauth_id}/complete", token)
    assert response.status == 404


def test_a_user_scoped_integration_becomes_the_end_users_connection(sandbox_world: SandboxWorld) -> None:
    scoped = sandbox_world.create_integration("sandbox", user_scoped=True)
    token = _create(sandbox_world, [scoped], endUserId="bob")["token"]
    assert _oauth_in_popup(sandbox_world, scoped, token)["status"] == "connected"
    done = _page(sandbox_world.api, "POST", f"/api/connect/integrations/{scoped}/complete", token)
    assert done.status == 200, done.raw_body
    bobs = ConnectionRepository().get_connection("acme", scoped, "bob")
    assert bobs is not None and bobs["connectionId"] == done.body["connectionId"]


def test_the_page_is_one_document_under_a_strict_csp_with_a_fresh_nonce(sandbox_world: SandboxWorld) -> None:
    first = sandbox_world.api.request("GET", "/connect", claims=False)
    second = sandbox_world.api.request("GET", "/connect", claims=False)
    assert first.status == 200 and first.header("Content-Type") == "text/html; charset=utf-8"
    csp = first.header("Content-Security-Policy") or ""
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in first.raw_body and f'<style nonce="{nonce}">' in first.raw_body
    assert nonce not in (second.header("Content-Security-Policy") or "")
    # no external asset: nothing is loaded from anywhere
    assert "src=" not in first.raw_body and "href=" not in first.raw_body
