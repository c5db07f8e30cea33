"""One provider model: a provider typed in by hand says everything a template can say, the
effective spec applies all of it, the provider test sends the request a real exchange sends,
and a connection with nothing to verify with is `unverified`, never `success`."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.jobs.health import apply_check_result
from tests.support.api import ApiClient
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


@pytest.fixture
def admin(api: ApiClient) -> ApiClient:
    return api.as_("super_admin", tenant="platform", user="root")


def by_hand(base: str, provider: str = "by-hand", **oauth: Any) -> dict[str, Any]:
    """The sandbox, registered by hand as a custom provider (no template)."""
    return {
        "provider": provider, "name": provider, "displayName": "By hand", "category": "custom",
        "authType": "oauth2", "audience": "tenant", "status": "active",
        "oauthConfig": {
            "clientId": "sandbox-client", "clientSecret": "sandbox-secret",
            "authorizationUrl": f"{base}/oauth/authorize", "tokenUrl": f"{base}/oauth/token",
            "scopes": ["profile"], "pkce": True, **oauth,
        },
    }


def test_a_custom_provider_says_everything_a_template_can_and_the_spec_applies_it(admin, sandbox_world) -> None:
    base = sandbox_world.sandbox.base_url
    # Given a custom provider with an issuer, a revocation hint, a refresh buffer, token response
    # paths and a verification request (each refused with 400 "Extra inputs" before)
    body = by_hand(base, issuer=base, revocationUrl=f"{base}/oauth/revoke",
                   revocationTokenTypeHint="refresh_token", refreshBufferSeconds=900, refreshTokenRotates=True,
                   tokenClientAuth="basic", tokenResponse={"expiresInPath": "expires_in"},
                   authorizationResponseIssParameterSupported=True)
    body.update({"api": {"baseUrl": base}, "verification": {"method": "GET", "path": "/api/me"},
                 "rateLimitHeaders": {"remaining": "X-RateLimit-Remaining"},
                 "search": {"method": "GET", "path": "/api/search", "queryParam": "q", "itemsPath": "results"},
                 "sync": {"method": "GET", "path": "/api/records", "itemsPath": "records"}})
    # When a super admin creates it
    response = admin.post("/api/admin/integrations", body)
    # Then it is stored, and the effective spec applies every field
    assert response.status == 201, response.raw_body
    from hub.connections.spec import provider_spec_for

    spec = provider_spec_for({"providerId": "by-hand"})
    assert spec.issuer() == base
    assert spec.oauth is not None and spec.oauth.revocation_token_type_hint == "refresh_token"
    assert spec.oauth.authorization_response_iss_parameter_supported is True
    assert spec.refresh_buffer_seconds == 900 and spec.oauth.refresh_token_rotates
    assert spec.template is not None and spec.template.verification is not None
    assert spec.template.verification.path == "/api/me" and spec.template_id is None
    assert spec.template.rate_limit_headers is not None and spec.template.rate_limit_headers.remaining
    assert spec.template.search is not None and spec.template.search.query_param == "q"
    assert spec.template.sync is not None and spec.template.sync.items_path == "records"
    assert spec.template.capabilities.search and spec.template.capabilities.sync


def test_a_definition_that_does_not_hold_together_is_a_400_naming_the_field(admin, sandbox_world) -> None:
    body = by_hand(sandbox_world.sandbox.base_url)
    body["verification"] = {"method": "GET", "path": "https://elsewhere.example.com/me"}
    response = admin.post("/api/admin/integrations", body)
    assert response.status == 400, response.raw_body
    assert "verification" in json.dumps(response.error["details"])


def connect_by_hand(sandbox_world: SandboxWorld, admin: ApiClient, **extra: Any) -> str:
    body = by_hand(sandbox_world.sandbox.base_url, tokenClientAuth="basic")
    body.update(extra)
    assert admin.post("/api/admin/integrations", body).status == 201
    integration_id = sandbox_world.create_integration("by-hand")
    sandbox_world.connect(integration_id)
    return integration_id


def test_nothing_to_verify_with_is_unverified_never_success(admin, sandbox_world) -> None:
    # Given a connected custom provider without a verification request
    integration_id = connect_by_hand(sandbox_world, admin)
    connected = ConnectionRepository().get_connection("acme", integration_id, None) or {}
    clock.advance(60)
    # When the tenant tests the connection
    result = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connection/test", {})
    # Then the answer says nothing was checked, and the connection is not recorded as validated
    assert result.status == 200, result.raw_body
    assert result.body["success"] is False and result.body["outcome"] == "unverified"
    assert result.body["error"] == "NOT_VERIFIABLE"
    record = ConnectionRepository().get_connection("acme", integration_id, None)
    assert record is not None and record["lastTestResult"] == "unverified"
    assert record.get("lastValidatedAt") == connected.get("lastValidatedAt")  # the code exchange's, not the test's
    # and the health job records it unverified, not healthy (and not failing)
    from hub.connections.use import run_verification

    check = apply_check_result(record, run_verification(record), clock.now())
    assert check["status"] == "unverified" and check["transition"] is None
    after = ConnectionRepository().get_connection("acme", integration_id, None)
    assert after is not None and after["lastHealthStatus"] == "unverified" and after["status"] == "active"
    health = sandbox_world.api.get("/api/tenant/integrations/health")
    assert health.status == 200 and health.body["summary"]["healthy"] == 0


def test_a_custom_verification_request_sees_a_revoked_grant(admin, sandbox_world) -> None:
    # Given a connected custom provider WITH its own verification request
    base = sandbox_world.sandbox.base_url
    integration_id = connect_by_hand(sandbox_world, admin, api={"baseUrl": base},
                                     verification={"method": "GET", "path": "/api/me"})
    test_path = f"/api/tenant/integrations/{integration_id}/connection/test"
    assert sandbox_world.api.post(test_path, {}).body["outcome"] == "verified"
    # When the grant is revoked at the provider
    provider = sandbox_world.provider
    for family in list(provider._families):
        provider._revoke_family(family)
    # Then the test fails: it is not "success"
    result = sandbox_world.api.post(test_path, {})
    assert result.body["success"] is False and result.body["outcome"] == "failed", result.body


# ---- the provider test sends the request a real exchange sends --------------------------------


class Recorder:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def __call__(self, method: str, url: str, **kwargs: Any) -> Any:
        import httpx

        self.requests.append({"method": method, "url": url, **kwargs})
        return httpx.Response(400, json={"error": "invalid_grant"}, request=httpx.Request(method, url))


@pytest.mark.parametrize("client_auth", [None, "basic", "body", "json"])
def test_the_provider_test_sends_exactly_the_request_a_real_exchange_sends(admin, sandbox_world, monkeypatch,
                                                                        client_auth) -> None:
    from hub import urlguard
    from hub.catalog.probe import PROBE_CODE, probe_provider
    from hub.catalog.repository import ProviderRepository, strip_keys
    from hub.connections.spec import spec_from_records
    from hub.connections.tokens import InvalidGrant, exchange_code

    # Given a custom provider with (or without) a client authentication method
    extra = {"tokenClientAuth": client_auth} if client_auth else {}
    body = by_hand(sandbox_world.sandbox.base_url, **extra)
    assert admin.post("/api/admin/integrations", body).status == 201
    record = strip_keys(ProviderRepository().get_provider("by-hand") or {})
    recorder = Recorder()
    monkeypatch.setattr(urlguard, "safe_request", recorder)
    # When the provider test runs, and a real exchange runs
    ok, _ = probe_provider(record)
    with pytest.raises(InvalidGrant):
        exchange_code(spec_from_records(record), PROBE_CODE, "http://127.0.0.1:3000/api/integrations/oauth/callback",
                      "v" * 43)
    # Then both requests are the same (apart from the PKCE verifier's value)
    probe, real = recorder.requests
    assert ok
    for request in (probe, real):
        request.pop("purpose", None)
        for key in ("content", "json"):
            if isinstance(request.get(key), str):
                request[key] = {k: ("<v>" if k == "code_verifier" else v) for k, v in parse_qsl(request[key])}
            elif isinstance(request.get(key), dict):
                request[key] = {k: ("<v>" if k == "code_verifier" else v) for k, v in request[key].items()}
    assert probe == real
    # and the default is the connections' default: credentials in the body
    sent = probe.get("json") or probe.get("content")
    if client_auth in (None, "body", "json"):
        assert sent["client_secret"] == "sandbox-secret" and "Authorization" not in probe["headers"]
    if client_auth == "json":
        assert "json" in probe
