"""OAuth connections against the sandbox provider: start → authorize → callback → stored, and
every way the flow must fail safely (state replayed, expired, tampered, another tenant's;
a return URL off the allow-list; the provider's error; invalid_grant; a wrong issuer)."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from hub import clock
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.repository import Repository
from hub.table import tenant_pk
from hub.vault import get_vault
from local.sandbox import s256_challenge
from tests.support.connections import (
    RETURN_URL,
    EventTap,
    SandboxWorld,
    event_tap,
    location_query,
    sandbox_server,
    sandbox_world,
)

__all__ = ["event_tap", "sandbox_server", "sandbox_world"]

# every test runs once per vault backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("vault_backend")


def _items(tenant: str = "acme", prefix: str | None = None) -> list[dict[str, Any]]:
    return Repository().query_all(tenant_pk(tenant), sk_prefix=prefix)


def _connection(integration_id: str, tenant: str = "acme", user: str | None = None) -> dict[str, Any] | None:
    return ConnectionRepository().get_connection(tenant, integration_id, user)


def _secrets_of(tenant: str) -> list[str]:
    import boto3

    client = boto3.client("secretsmanager", region_name="us-east-1")
    names = [s["Name"] for s in client.list_secrets()["SecretList"]]
    return [name for name in names if name.startswith(f"integration-hub/{tenant}/")]


# ---- the happy path ------------------------------------------------------------------------


def test_tenant_oauth_flow_connects_and_redirects_to_the_return_url(sandbox_world: SandboxWorld,
                                                                    event_tap: EventTap) -> None:
    # Given a tenant integration of the sandbox provider
    integration_id = sandbox_world.create_integration()
    # When the admin starts the flow, the browser authorizes at the sandbox and comes back
    started = sandbox_world.start(integration_id)
    provider_answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    response = sandbox_world.callback(provider_answer)
    # Then the browser is sent to the return URL with the outcome, and nothing is cached
    assert response.status == 302
    assert (response.header("Location") or "").startswith(RETURN_URL + "?")
    assert response.header("Cache-Control") == "no-store"
    outcome = location_query(response)
    assert outcome["status"] == "connected"
    assert outcome["integrationId"] == integration_id
    # And the connection is active, with the sandbox's scopes and expiry, and no token in sight
    status = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/connection")
    assert status.status == 200, status.raw_body
    assert status.body["status"] == "active" and status.body["connected"] is True
    assert status.body["connectionId"] == outcome["connectionId"]
    assert status.body["scopes"] == ["profile", "items:read", "items:write"]
    assert status.body["hasRefreshToken"] is True
    assert "expiresAt" in status.body
    # And the tokens are in the vault, not in the table
    record = _connection(integration_id)
    assert record is not None
    payload = get_vault().read(secret_ref_of(record))
    assert payload["accessToken"] and payload["refreshToken"]
    table_text = str(_items())
    assert payload["accessToken"] not in table_text and payload["refreshToken"] not in table_text
    # And the jobs can find it in the due index, before expiry minus the buffer
    raw = ConnectionRepository().get_connection("acme", integration_id, raw=True)
    assert raw is not None and raw["gsi2pk"].startswith("DUE#refresh#")
    assert raw["refreshDueAt"] == pytest.approx(raw["expiresAt"] - 300, abs=1)
    # And the integration shows connected, and the world heard about it
    integration = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}").body
    assert integration["status"] == "connected" and integration["connectionStatus"] == "active"
    assert "integration.connected" in event_tap.types()


def test_the_authorization_url_uses_pkce_s256_and_the_state_is_stored_hashed(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id, scopes=["email"])
    query = dict(parse_qsl(urlsplit(sandbox_world.provider_url(started)).query))
    # PKCE S256 and the template's scopes plus the extra one, space separated
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["scope"] == "profile items:read items:write email"
    assert query["client_id"] == "sandbox-client" and query["state"] == started["state"]
    # the state has 256 random bits after the tenant routing prefix
    _prefix, random_part = started["state"].rsplit(".", 1)
    assert len(random_part) >= 43
    # stored under its SHA-256, with a 10-minute TTL, and never in clear (nor the verifier)
    states = _items(prefix="OAUTHSTATE#")
    assert len(states) == 1
    item = states[0]
    assert item["sk"] == "OAUTHSTATE#" + hashlib.sha256(started["state"].encode()).hexdigest()
    assert item["ttl"] == pytest.approx(clock.now() + 600, abs=5)
    assert started["state"] not in str(item) and random_part not in str(item)
    assert "verifier" not in item and item["verifierEnc"]
    assert item["integrationId"] == integration_id and item["userId"] == "alice"
    assert item["returnUrl"] == RETURN_URL and item["issuer"] == sandbox_world.sandbox.base_url
    assert item["scopes"] == ["profile", "items:read", "items:write", "email"]


def test_a_connected_user_can_reconnect_without_revoking_anything(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    first = sandbox_world.connect(integration_id)
    second = sandbox_world.connect(integration_id)
    # the same connection (and secret) carries the new tokens; the replaced ones are not revoked
    # (they may belong to the grant the new ones came from), and the connection refreshes
    assert first["connectionId"] == second["connectionId"]
    assert sandbox_world.provider.stats()["revocation_count"] == 0
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"


def test_a_same_browser_reconnect_on_the_same_grant_still_refreshes(sandbox_world: SandboxWorld) -> None:
    # Given a provider that issues a reconnect on the user's live grant, and revokes the whole
    # grant when any of its refresh tokens is revoked (node oidc-provider does both)
    sandbox_world.provider.configure(reuse_grant=True)
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    # When the user reconnects from the same browser
    sandbox_world.connect(integration_id)
    # Then the grant is still alive and the reconnected connection refreshes, twice (rotation)
    for _ in range(2):
        assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"
    stats = sandbox_world.provider.stats()
    assert stats["revocation_count"] == 0 and stats["family_revocations"] == 0


# ---- return URLs ------------------------------------------------------------------------------


@pytest.mark.parametrize("return_url", [
    "https://evil.example.net/steal",
    "https://app.example.com.evil.net/x",
    "http://app.example.com/insecure",
    "//evil.example.net/x",
    "javascript:alert(1)",
])
def test_a_return_url_outside_the_allowed_origins_is_refused_at_start(sandbox_world: SandboxWorld,
                                                                       return_url: str) -> None:
    integration_id = sandbox_world.create_integration()
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": return_url})
    assert response.status == 400
    assert response.error["details"]["field"] == "returnUrl"
    assert _items(prefix="OAUTHSTATE#") == []


def test_a_frontend_redirect_uri_must_also_be_on_the_allowed_origins(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": RETURN_URL, "redirectUri": "https://evil.example.net/cb"})
    assert response.status == 400 and response.error["details"]["field"] == "redirectUri"


# ---- bad states: 400 OAUTH_FAILED, nothing stored ---------------------------------------


def _assert_nothing_stored(integration_id: str) -> None:
    assert _connection(integration_id) is None
    assert _secrets_of("acme") == []


def test_a_replayed_state_is_refused(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    assert sandbox_world.callback(answer).status == 302
    before = _connection(integration_id)
    # When the same callback comes again
    replay = sandbox_world.callback(answer)
    # Then it is refused and nothing changes
    assert replay.status == 400 and replay.error["code"] == "OAUTH_FAILED"
    assert _connection(integration_id) == before


def test_an_expired_state_is_refused(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    clock.advance(601)
    response = sandbox_world.callback(answer)
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED"
    _assert_nothing_stored(integration_id)
    assert _items(prefix="OAUTHSTATE#") == []  # spent, even though it was too late


@pytest.mark.parametrize("tamper", ["flip_random", "other_tenant_prefix", "truncate", "garbage", "missing"])
def test_a_tampered_state_is_refused(sandbox_world: SandboxWorld, tamper: str) -> None:
    import base64

    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    state = answer["state"]
    prefix, random_part = state.rsplit(".", 1)
    if tamper == "flip_random":
        answer["state"] = f"{prefix}.{random_part[:-1]}{'A' if random_part[-1] != 'A' else 'B'}"
    elif tamper == "other_tenant_prefix":
        answer["state"] = base64.urlsafe_b64encode(b"globex").rstrip(b"=").decode() + "." + random_part
    elif tamper == "truncate":
        answer["state"] = state[:-5]
    elif tamper == "garbage":
        answer["state"] = "not-a-state"
    else:
        answer.pop("state")
    response = sandbox_world.callback(answer)
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED"
    _assert_nothing_stored(integration_id)


FRONTEND_PAGE = "https://app.example.com/oauth/done"


def frontend_flow(world: SandboxWorld, integration_id: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A flow started for a frontend page that receives the code itself: (start answer, code answer)."""
    from local.sandbox import DEFAULT_REDIRECT_URIS

    world.provider.register_client("sandbox-client", "sandbox-secret", [*DEFAULT_REDIRECT_URIS, FRONTEND_PAGE])
    started = world.start(integration_id, redirectUri=FRONTEND_PAGE)
    return started, world.authorize(started["providerAuthorizationUrl"])


def test_another_tenants_state_cannot_be_exchanged_and_is_not_spent(sandbox_world: SandboxWorld) -> None:
    # Given acme started a flow and got a code
    integration_id = sandbox_world.create_integration()
    started, answer = frontend_flow(sandbox_world, integration_id)
    # And globex has its own integration of the same provider
    other_id = sandbox_world.create_integration(tenant="globex")
    globex = sandbox_world.api.as_("tenant_admin", tenant="globex", user="gina")
    # When globex presents acme's code and state to its exchange endpoint
    response = globex.post(f"/api/tenant/integrations/{other_id}/connect/oauth/exchange",
                           {"code": answer["code"], "state": answer["state"], "redirectUri": started["redirectUri"]})
    # Then it is refused, nothing is stored for globex, and acme's state still works
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED"
    assert _connection(other_id, tenant="globex") is None and _secrets_of("globex") == []
    mine = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange",
                                  {"code": answer["code"], "state": answer["state"], "redirectUri": FRONTEND_PAGE,
                                   "iss": answer["iss"]})
    assert mine.status == 200, mine.raw_body
    assert _connection(integration_id) is not None


def test_a_state_for_another_integration_is_refused_at_exchange(sandbox_world: SandboxWorld) -> None:
    first = sandbox_world.create_integration()
    started, answer = frontend_flow(sandbox_world, first)
    # a second integration in the same tenant (another provider) cannot use the first one's state
    second = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(f"/api/tenant/integrations/{second}/connect/oauth/exchange",
                                      {"code": answer["code"], "state": answer["state"],
                                       "redirectUri": started["redirectUri"]})
    assert response.status == 400


# ---- provider errors ------------------------------------------------------------------------


def test_the_providers_error_redirects_with_the_error_and_stores_nothing(sandbox_world: SandboxWorld,
                                                                         event_tap: EventTap) -> None:
    sandbox_world.provider.configure(authorize_mode="deny")
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    assert answer["error"] == "access_denied"
    response = sandbox_world.callback(answer)
    assert response.status == 302
    assert (response.header("Location") or "").startswith(RETURN_URL + "?")
    outcome = location_query(response)
    assert outcome["status"] == "error" and outcome["error"] == "access_denied"
    assert outcome["integrationId"] == integration_id
    _assert_nothing_stored(integration_id)
    assert "integration.connected" not in event_tap.types()
    # the state is spent: the same answer cannot be replayed
    assert sandbox_world.callback(answer).status == 400


def test_a_provider_error_code_is_not_reflected_verbatim(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    response = sandbox_world.callback({"state": answer["state"], "iss": answer["iss"],
                                       "error": "<script>alert(1)</script>"})
    assert location_query(response)["error"] == "provider_error"


def test_invalid_grant_at_the_token_endpoint_is_a_clear_error(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    sandbox_world.provider.configure(token_error="invalid_grant")
    response = sandbox_world.callback(answer)
    outcome = location_query(response)
    assert response.status == 302 and outcome["status"] == "error" and outcome["error"] == "invalid_grant"
    assert "invalid_grant" in outcome["message"] and "expired or revoked" in outcome["message"]
    _assert_nothing_stored(integration_id)


def test_a_provider_outage_at_the_token_endpoint_redirects_with_connection_failed(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    sandbox_world.provider.configure(token_status=503)
    outcome = location_query(sandbox_world.callback(answer))
    assert outcome["status"] == "error" and outcome["error"] == "connection_failed"
    _assert_nothing_stored(integration_id)


@pytest.mark.parametrize("issuer", ["https://evil.example.net", None])
def test_a_wrong_or_missing_issuer_is_refused(sandbox_world: SandboxWorld, issuer: str | None) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    if issuer is None:
        answer.pop("iss")
    else:
        answer["iss"] = issuer
    outcome = location_query(sandbox_world.callback(answer))
    assert outcome["status"] == "error"
    assert outcome["error"] == "invalid_issuer"
    _assert_nothing_stored(integration_id)
    assert sandbox_world.provider.stats()["token_requests_total"] == 0  # the code was never sent


# ---- frontend exchange ------------------------------------------------------------------------


def test_a_frontend_can_exchange_the_code_with_the_hubs_state(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started, answer = frontend_flow(sandbox_world, integration_id)
    assert started["redirectUri"] == FRONTEND_PAGE
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange",
                                      {"code": answer["code"], "state": answer["state"], "redirectUri": FRONTEND_PAGE,
                                       "iss": answer["iss"]})
    assert response.status == 200, response.raw_body
    assert response.body["status"] == "active" and response.body["connected"] is True
    assert "accessToken" not in response.raw_body


@pytest.mark.parametrize("iss", ["https://other-server.example.com", None])
def test_the_exchange_holds_the_code_to_rfc_9207_like_the_callback(sandbox_world: SandboxWorld,
                                                                   iss: str | None) -> None:
    # Given a frontend flow with the sandbox, which advertises `iss` on every authorization response
    integration_id = sandbox_world.create_integration()
    _, answer = frontend_flow(sandbox_world, integration_id)
    # When the frontend posts the code with another server's `iss`, or without the `iss` it received
    body = {"code": answer["code"], "state": answer["state"], "redirectUri": FRONTEND_PAGE}
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange",
                                      {**body, "iss": iss} if iss else body)
    # Then the code is never sent to the token endpoint and nothing is stored
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED", response.raw_body
    assert response.error["details"]["reason"] == "invalid_issuer"
    assert sandbox_world.provider.stats()["token_requests_total"] == 0
    _assert_nothing_stored(integration_id)


def test_a_code_without_a_hub_state_or_with_a_client_verifier_is_refused(sandbox_world: SandboxWorld) -> None:
    # Given a code obtained outside any flow the hub started (the victim's leaked code, with the
    # attacker's own PKCE pair)
    integration_id = sandbox_world.create_integration()
    verifier = "v" * 64
    redirect_uri = "http://127.0.0.1:3000/api/integrations/oauth/callback"
    authorize = httpx.get(f"{sandbox_world.sandbox.base_url}/oauth/authorize", params={
        "response_type": "code", "client_id": "sandbox-client", "redirect_uri": redirect_uri,
        "scope": "profile", "state": "frontend-state", "code_challenge": s256_challenge(verifier),
        "code_challenge_method": "S256"}, follow_redirects=False)
    code = dict(parse_qsl(urlsplit(authorize.headers["location"]).query))["code"]
    path = f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange"
    # When it is posted with a client verifier, or with no state / Then both are a 400
    with_verifier = sandbox_world.api.post(path, {"code": code, "codeVerifier": verifier, "redirectUri": redirect_uri,
                                                  "state": "x" * 20})
    assert with_verifier.status == 400 and with_verifier.error["details"][0]["field"] == "codeVerifier"
    no_state = sandbox_world.api.post(path, {"code": code, "redirectUri": FRONTEND_PAGE})
    assert no_state.status == 400 and no_state.error["details"][0]["field"] == "state"
    # And nothing was exchanged or stored
    assert sandbox_world.provider.stats()["token_requests_total"] == 0
    _assert_nothing_stored(integration_id)


def test_the_hub_callback_is_refused_at_exchange_and_the_state_is_not_spent(sandbox_world: SandboxWorld) -> None:
    # Given a flow the hub finishes itself (its callback), whose code leaked
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    # When someone posts it to the exchange with the hub callback as redirectUri
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange",
                                      {"code": answer["code"], "state": answer["state"],
                                       "redirectUri": started["redirectUri"]})
    # Then it is refused, nothing is exchanged, and the browser that started it still finishes it
    assert response.status == 400 and response.error["details"]["field"] == "redirectUri", response.raw_body
    assert sandbox_world.provider.stats()["token_requests_total"] == 0
    assert location_query(sandbox_world.callback(answer))["status"] == "connected"


def test_exchange_refuses_a_redirect_uri_off_the_allow_list(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange",
                                      {"code": "x" * 20, "redirectUri": "https://evil.example.net/cb",
                                       "state": "s" * 20})
    assert response.status == 400 and response.error["details"]["field"] == "redirectUri"


# ---- what cannot be started --------------------------------------------------------------


def test_an_api_key_integration_cannot_start_oauth(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": RETURN_URL})
    assert response.status == 400 and response.error["code"] == "AUTH_TYPE_MISMATCH"


def test_a_disabled_integration_cannot_be_connected(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/deactivate").status == 200
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": RETURN_URL})
    assert response.status == 400 and response.error["code"] == "INTEGRATION_DISABLED"


def test_a_provider_without_an_oauth_client_cannot_start(sandbox_world: SandboxWorld) -> None:
    admin = sandbox_world.api.as_("super_admin", tenant="platform", user="root")
    created = admin.post("/api/admin/integrations", {"provider": "sandbox-noclient", "templateId": "sandbox"})
    assert created.status == 201, created.raw_body
    integration_id = sandbox_world.create_integration("sandbox-noclient")
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": RETURN_URL})
    assert response.status == 400 and response.error["code"] == "PROVIDER_NOT_CONFIGURED"
    assert _items(prefix="OAUTHSTATE#") == []


def test_invalid_extra_scopes_and_unknown_fields_are_400(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    path = f"/api/tenant/integrations/{integration_id}/connect/oauth"
    assert sandbox_world.api.post(path, {"returnUrl": RETURN_URL, "scopes": ["a b"]}).status == 400
    assert sandbox_world.api.post(path, {"returnUrl": RETURN_URL, "tenantId": "globex"}).status == 400
    assert sandbox_world.api.post(path, {}).status == 400


def test_the_callback_is_public_and_the_connect_endpoints_are_not(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    anonymous = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                       {"returnUrl": RETURN_URL}, claims=False)
    assert anonymous.status == 401
    user = sandbox_world.api.as_("user", user="bob").post(
        f"/api/tenant/integrations/{integration_id}/connect/oauth", {"returnUrl": RETURN_URL})
    assert user.status == 403
    assert sandbox_world.api.get("/api/integrations/oauth/callback", claims=False).status == 400
