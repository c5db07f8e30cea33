"""The sandbox OAuth2 provider of the local stack (local/sandbox.py), driven without sockets
through werkzeug's test client, plus one run of the real threaded server on a free port."""

from __future__ import annotations

import base64
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
from werkzeug.test import Client, TestResponse

from local.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    SandboxProvider,
    s256_challenge,
    start_sandbox,
    token_fingerprint,
)

ISSUER = "http://sandbox.test"
REDIRECT_URI = "http://127.0.0.1:3000/api/integrations/oauth/callback"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Sandbox:
    provider: SandboxProvider
    client: Client
    clock: FakeClock

    # ---- OAuth helpers ------------------------------------------------------------------

    def authorize(self, **overrides: str) -> TestResponse:
        params = {
            "client_id": DEFAULT_CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "response_type": "code",
            "scope": "profile items:read",
            "state": "st-123",
        }
        params.update(overrides)
        return self.client.get("/oauth/authorize", query_string=params)

    def code_for(self, verifier: str | None, **overrides: str) -> str:
        if verifier is not None:
            overrides = {
                "code_challenge": s256_challenge(verifier),
                "code_challenge_method": "S256",
                **overrides,
            }
        response = self.authorize(**overrides)
        assert response.status_code == 302, response.text
        return redirect_params(response)["code"]

    def token(self, form: dict[str, str], *, basic: tuple[str, str] | None = None) -> TestResponse:
        headers = {}
        if basic is not None:
            headers["Authorization"] = basic_header(*basic)
        elif "client_id" not in form:
            form = {**form, "client_id": DEFAULT_CLIENT_ID, "client_secret": DEFAULT_CLIENT_SECRET}
        return self.client.post("/oauth/token", data=form, headers=headers)

    def exchange(self, code: str, verifier: str | None, **extra: str) -> TestResponse:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI, **extra}
        if verifier is not None:
            form["code_verifier"] = verifier
        return self.token(form)

    def connect(self) -> dict[str, Any]:
        verifier = new_verifier()
        response = self.exchange(self.code_for(verifier), verifier)
        assert response.status_code == 200, response.text
        return response.get_json()

    def refresh(self, refresh_token: str) -> TestResponse:
        return self.token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def revoke(self, token: str, hint: str | None = None) -> TestResponse:
        form = {"token": token, "client_id": DEFAULT_CLIENT_ID, "client_secret": DEFAULT_CLIENT_SECRET}
        if hint:
            form["token_type_hint"] = hint
        return self.client.post("/oauth/revoke", data=form)

    def me(self, access_token: str) -> TestResponse:
        return self.client.get("/api/me", headers={"Authorization": f"Bearer {access_token}"})

    def configure(self, **switches: Any) -> TestResponse:
        response = self.client.post("/_sandbox/config", json=switches)
        return response

    def stats(self) -> dict[str, Any]:
        return self.client.get("/_sandbox/stats").get_json()


def new_verifier() -> str:
    return secrets.token_urlsafe(48)


def basic_header(client_id: str, secret: str) -> str:
    raw = f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def redirect_params(response: TestResponse) -> dict[str, str]:
    location = response.headers["Location"]
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@pytest.fixture
def sandbox() -> Sandbox:
    clock = FakeClock()
    provider = SandboxProvider(issuer=ISSUER, clock=clock)
    return Sandbox(provider=provider, client=Client(provider.wsgi_app), clock=clock)


# ---- authorization code flow ----------------------------------------------------------------


def test_code_flow_with_pkce_issues_tokens_that_open_the_api(sandbox: Sandbox) -> None:
    # Given an authorization request with an S256 challenge
    verifier = new_verifier()
    # When the sandbox auto-approves it
    response = sandbox.authorize(code_challenge=s256_challenge(verifier), code_challenge_method="S256")
    # Then it redirects to the registered callback with code, state and issuer (RFC 9207)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(REDIRECT_URI + "?")
    params = redirect_params(response)
    assert params["state"] == "st-123"
    assert params["iss"] == ISSUER
    # When the code is exchanged with the verifier
    tokens = sandbox.exchange(params["code"], verifier)
    # Then an RFC 6749 token response comes back, not cacheable
    assert tokens.status_code == 200
    assert tokens.headers["Cache-Control"] == "no-store"
    body = tokens.get_json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "profile items:read"
    assert body["access_token"] and body["refresh_token"]
    # And the access token opens /api/me, with rate-limit headers
    me = sandbox.me(body["access_token"])
    assert me.status_code == 200
    assert me.get_json() == {
        "id": "sbx-user-1",
        "name": "Sandbox User",
        "email": "sandbox.user@example.test",
        "scopes": ["profile", "items:read"],
    }
    assert me.headers["X-RateLimit-Limit"] == "100"
    assert me.headers["X-RateLimit-Remaining"] == "99"
    assert int(me.headers["X-RateLimit-Reset"]) > sandbox.clock.now
    assert sandbox.stats()["token_requests"] == {"authorization_code": 1}


def test_issuer_defaults_to_the_request_host_and_is_published_in_metadata() -> None:
    provider = SandboxProvider()
    metadata = Client(provider.wsgi_app).get("/.well-known/oauth-authorization-server").get_json()
    assert metadata["issuer"] == "http://localhost"
    assert metadata["token_endpoint"] == "http://localhost/oauth/token"
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["authorization_response_iss_parameter_supported"] is True


def test_basic_auth_credentials_are_url_decoded(sandbox: Sandbox) -> None:
    # Given a client whose id and secret contain characters RFC 6749 §2.3.1 says to form-encode
    client_id, secret = "client:with space", "s3cr%t:+/="
    sandbox.provider.register_client(client_id, secret, [REDIRECT_URI])
    code = sandbox.code_for(None, client_id=client_id)
    # When it authenticates with HTTP Basic
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
    response = sandbox.token(form, basic=(client_id, secret))
    # Then the exchange succeeds
    assert response.status_code == 200, response.text


def test_wrong_client_secret_is_invalid_client_401(sandbox: Sandbox) -> None:
    code = sandbox.code_for(new_verifier())
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
    response = sandbox.token(form, basic=(DEFAULT_CLIENT_ID, "wrong"))
    assert response.status_code == 401
    assert response.get_json()["error"] == "invalid_client"
    assert response.headers["WWW-Authenticate"].startswith("Basic")


@pytest.mark.parametrize("verifier", ["wrong-" + "x" * 40, None])
def test_wrong_or_missing_verifier_is_invalid_grant(sandbox: Sandbox, verifier: str | None) -> None:
    # Given a code bound to a challenge
    code = sandbox.code_for(new_verifier())
    # When it is exchanged with another verifier (or none)
    response = sandbox.exchange(code, verifier)
    # Then invalid_grant
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_grant"


def test_code_is_single_use_and_a_replay_revokes_what_it_granted(sandbox: Sandbox) -> None:
    verifier = new_verifier()
    code = sandbox.code_for(verifier)
    first = sandbox.exchange(code, verifier).get_json()
    # When the same code is presented again
    replay = sandbox.exchange(code, verifier)
    # Then it fails and the tokens from the first exchange stop working
    assert replay.status_code == 400
    assert replay.get_json()["error"] == "invalid_grant"
    assert sandbox.me(first["access_token"]).status_code == 401
    assert sandbox.refresh(first["refresh_token"]).get_json()["error"] == "invalid_grant"


def test_redirect_uri_must_match_the_authorization_request(sandbox: Sandbox) -> None:
    verifier = new_verifier()
    code = sandbox.code_for(verifier)
    other = "http://127.0.0.1:4000/api/integrations/oauth/callback"
    response = sandbox.exchange(code, verifier, redirect_uri=other)
    assert response.get_json()["error"] == "invalid_grant"


def test_expired_code_is_invalid_grant(sandbox: Sandbox) -> None:
    verifier = new_verifier()
    code = sandbox.code_for(verifier)
    sandbox.clock.now += 601
    assert sandbox.exchange(code, verifier).get_json()["error"] == "invalid_grant"


# ---- authorization endpoint refusals -----------------------------------------------------------


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.test/api/integrations/oauth/callback",
        "http://127.0.0.1.evil.test/api/integrations/oauth/callback",
        "http://127.0.0.1@evil.test/api/integrations/oauth/callback",
        "http://127.0.0.1:3000/api/integrations/oauth/callback/../../steal",
        "http://127.0.0.1:3000/api/integrations/oauth/callback#frag",
        "https://127.0.0.1:3000/api/integrations/oauth/callback",
    ],
)
def test_unregistered_redirect_uri_is_refused_without_redirecting(
    sandbox: Sandbox, redirect_uri: str
) -> None:
    response = sandbox.authorize(redirect_uri=redirect_uri)
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "not registered" in response.text


def test_any_loopback_port_is_accepted_for_the_default_client(sandbox: Sandbox) -> None:
    response = sandbox.authorize(redirect_uri="http://localhost:49152/api/integrations/oauth/callback")
    assert response.status_code == 302


def test_unknown_client_gets_an_error_page(sandbox: Sandbox) -> None:
    response = sandbox.authorize(client_id="nobody")
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert response.mimetype == "text/html"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"code_challenge": "a" * 43, "code_challenge_method": "plain"}, "invalid_request"),
        ({"scope": "admin"}, "invalid_scope"),
    ],
)
def test_bad_authorization_parameters_redirect_with_an_error(
    sandbox: Sandbox, overrides: dict[str, str], error: str
) -> None:
    response = sandbox.authorize(**overrides)
    assert response.status_code == 302
    params = redirect_params(response)
    assert params["error"] == error
    assert params["state"] == "st-123"
    assert "code" not in params


def test_deny_mode_redirects_with_access_denied(sandbox: Sandbox) -> None:
    # Given the user is set to deny
    assert sandbox.configure(authorize_mode="deny").status_code == 200
    # When an authorization is requested
    response = sandbox.authorize()
    # Then the callback receives access_denied with the state and issuer
    params = redirect_params(response)
    assert params == {
        "error": "access_denied",
        "error_description": "the user denied access",
        "state": "st-123",
        "iss": ISSUER,
    }


@pytest.mark.parametrize(("decision", "expected"), [("approve", "code"), ("deny", "error")])
def test_page_mode_shows_an_approval_form(sandbox: Sandbox, decision: str, expected: str) -> None:
    # Given the page mode
    sandbox.configure(authorize_mode="page")
    # When the authorization page is requested
    page = sandbox.authorize()
    # Then a form offers approve and deny
    assert page.status_code == 200
    assert 'action="/oauth/authorize/decision"' in page.text
    request_id = page.text.split('name="request_id" value="')[1].split('"')[0]
    # When the user decides
    response = sandbox.client.post(
        "/oauth/authorize/decision", data={"request_id": request_id, "decision": decision}
    )
    # Then the callback gets a code or access_denied, and the decision cannot be replayed
    assert response.status_code == 302
    assert expected in redirect_params(response)
    again = sandbox.client.post(
        "/oauth/authorize/decision", data={"request_id": request_id, "decision": "approve"}
    )
    assert again.status_code == 400


# ---- refresh --------------------------------------------------------------------------------------


def test_refresh_rotates_and_reuse_of_an_old_token_revokes_the_family(sandbox: Sandbox) -> None:
    # Given a connection
    first = sandbox.connect()
    # When it refreshes
    rotated = sandbox.refresh(first["refresh_token"])
    # Then a new access and a NEW refresh token come back
    assert rotated.status_code == 200
    second = rotated.get_json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert sandbox.stats()["token_requests"] == {"authorization_code": 1, "refresh_token": 1}
    # When the old refresh token is presented again
    reuse = sandbox.refresh(first["refresh_token"])
    # Then invalid_grant, and the whole family is revoked
    assert reuse.status_code == 400
    assert reuse.get_json()["error"] == "invalid_grant"
    assert sandbox.refresh(second["refresh_token"]).get_json()["error"] == "invalid_grant"
    assert sandbox.me(second["access_token"]).status_code == 401
    assert sandbox.stats()["family_revocations"] == 1


def test_refresh_can_narrow_but_not_widen_the_scope(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    widen = sandbox.token(
        {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "scope": "items:write"}
    )
    assert widen.get_json()["error"] == "invalid_scope"
    narrow = sandbox.token(
        {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "scope": "profile"}
    )
    assert narrow.get_json()["scope"] == "profile"


def test_without_rotation_the_refresh_response_omits_refresh_token(sandbox: Sandbox) -> None:
    # Given a connection, then the provider stops issuing refresh tokens
    tokens = sandbox.connect()
    sandbox.configure(issue_refresh_token=False)
    # When it refreshes (twice)
    first = sandbox.refresh(tokens["refresh_token"]).get_json()
    second = sandbox.refresh(tokens["refresh_token"])
    # Then no refresh_token is returned and the one the client keeps still works
    assert "refresh_token" not in first
    assert first["access_token"]
    assert second.status_code == 200


def test_expired_access_token_is_rejected_by_the_api(sandbox: Sandbox) -> None:
    sandbox.configure(expires_in=60)
    tokens = sandbox.connect()
    assert tokens["expires_in"] == 60
    assert sandbox.me(tokens["access_token"]).status_code == 200
    sandbox.clock.now += 61
    response = sandbox.me(tokens["access_token"])
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_control_plane_expires_all_access_tokens_now(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    response = sandbox.client.post("/_sandbox/tokens/expire")
    assert response.get_json() == {"expired": 1}
    assert sandbox.me(tokens["access_token"]).status_code == 401
    # the refresh token still works, which is how a hub recovers
    assert sandbox.refresh(tokens["refresh_token"]).status_code == 200
    assert sandbox.stats()["active_access_tokens"] == 1


def test_client_credentials_grant_issues_an_access_token_only(sandbox: Sandbox) -> None:
    response = sandbox.token({"grant_type": "client_credentials", "scope": "items:read"})
    body = response.get_json()
    assert response.status_code == 200
    assert "refresh_token" not in body
    me = sandbox.me(body["access_token"]).get_json()
    assert me["id"] == f"client:{DEFAULT_CLIENT_ID}"
    assert me["scopes"] == ["items:read"]


def test_unsupported_grant_type_and_non_form_body_are_rejected(sandbox: Sandbox) -> None:
    assert sandbox.token({"grant_type": "password"}).get_json()["error"] == "unsupported_grant_type"
    json_body = sandbox.client.post("/oauth/token", json={"grant_type": "client_credentials"})
    assert json_body.status_code == 400
    assert json_body.get_json()["error"] == "invalid_request"


# ---- revocation ------------------------------------------------------------------------------------


def test_revocation_is_recorded_and_the_tokens_stop_working(sandbox: Sandbox) -> None:
    # Given a connection
    tokens = sandbox.connect()
    # When the hub revokes the refresh token
    response = sandbox.revoke(tokens["refresh_token"], hint="refresh_token")
    # Then 200, the sandbox recorded it, and the grant is gone
    assert response.status_code == 200
    stats = sandbox.stats()
    assert stats["revocation_count"] == 1
    assert stats["last_revocation_hint"] == "refresh_token"
    assert stats["revocations"][0]["token_fingerprint"] == token_fingerprint(tokens["refresh_token"])
    assert stats["revocations"][0]["token_type"] == "refresh_token"
    assert sandbox.me(tokens["access_token"]).status_code == 401
    assert sandbox.refresh(tokens["refresh_token"]).get_json()["error"] == "invalid_grant"
    # And the stats never echo a token
    assert tokens["refresh_token"] not in str(stats)


def test_revoking_an_access_token_rejects_it(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    assert sandbox.revoke(tokens["access_token"]).status_code == 200
    assert sandbox.me(tokens["access_token"]).status_code == 401
    assert sandbox.refresh(tokens["refresh_token"]).status_code == 200


def test_revoking_an_unknown_token_still_answers_200(sandbox: Sandbox) -> None:
    assert sandbox.revoke("never-issued").status_code == 200
    assert sandbox.stats()["revocations"][0]["token_type"] == "unknown"


def test_revocation_requires_client_authentication(sandbox: Sandbox) -> None:
    response = sandbox.client.post("/oauth/revoke", data={"token": "x"})
    assert response.status_code == 401
    assert response.get_json()["error"] == "invalid_client"


# ---- failure switches -------------------------------------------------------------------------------


def test_token_error_switch_fails_every_token_request_until_cleared(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(token_error="invalid_grant")
    for _ in range(2):
        response = sandbox.refresh(tokens["refresh_token"])
        assert response.status_code == 400
        assert response.get_json()["error"] == "invalid_grant"
    sandbox.configure(token_error=None)
    assert sandbox.refresh(tokens["refresh_token"]).status_code == 200
    assert sandbox.stats()["token_failures_injected"] == 2


def test_token_error_with_fail_count_fails_only_the_next_requests(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(token_error="invalid_grant", fail_count=1)
    assert sandbox.refresh(tokens["refresh_token"]).get_json()["error"] == "invalid_grant"
    assert sandbox.refresh(tokens["refresh_token"]).status_code == 200
    assert sandbox.client.get("/_sandbox/config").get_json()["token_error"] is None


def test_token_status_switch_answers_5xx(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(token_status=503)
    response = sandbox.refresh(tokens["refresh_token"])
    assert response.status_code == 503
    assert response.get_json()["error"] == "temporarily_unavailable"
    assert response.headers["Retry-After"] == "1"
    sandbox.configure(token_status=500)
    assert sandbox.refresh(tokens["refresh_token"]).get_json()["error"] == "server_error"


def test_fail_count_fails_the_next_requests_then_recovers(sandbox: Sandbox) -> None:
    # Given a code and two planned failures
    verifier = new_verifier()
    code = sandbox.code_for(verifier)
    sandbox.configure(fail_count=2)
    # When the exchange is retried
    statuses = [sandbox.exchange(code, verifier).status_code for _ in range(3)]
    # Then two transient failures, then success (the failures did not spend the code)
    assert statuses == [503, 503, 200]
    assert sandbox.client.get("/_sandbox/config").get_json()["fail_count"] == 0


def test_latency_switch_delays_the_token_endpoint(sandbox: Sandbox) -> None:
    sandbox.configure(latency_ms=20)
    started = time.perf_counter()
    sandbox.token({"grant_type": "client_credentials"})
    assert time.perf_counter() - started >= 0.02


def test_api_status_switch_forces_the_verification_endpoint(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(api_status=500)
    assert sandbox.me(tokens["access_token"]).status_code == 500
    sandbox.configure(api_status=None)
    assert sandbox.me(tokens["access_token"]).status_code == 200


def test_rate_limit_switch_answers_429_past_the_limit(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(rate_limit=2)
    codes = [sandbox.me(tokens["access_token"]) for _ in range(3)]
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert codes[2].headers["X-RateLimit-Remaining"] == "0"
    assert int(codes[2].headers["Retry-After"]) >= 1
    sandbox.clock.now += 61
    assert sandbox.me(tokens["access_token"]).status_code == 200


def test_config_rejects_unknown_switches_and_bad_values(sandbox: Sandbox) -> None:
    unknown = sandbox.configure(token_eror="invalid_grant")
    assert unknown.status_code == 400
    assert unknown.get_json()["details"][0]["switch"] == "token_eror"
    assert sandbox.configure(authorize_mode="maybe").status_code == 400
    assert sandbox.configure(latency_ms="20").status_code == 400


def test_reset_restores_defaults_and_forgets_tokens(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    sandbox.configure(token_status=503, expires_in=5)
    config = sandbox.configure(reset=True).get_json()
    assert config["token_status"] is None
    assert config["expires_in"] == 3600
    assert sandbox.me(tokens["access_token"]).status_code == 401
    assert sandbox.stats()["token_requests"] == {}


def test_control_plane_refuses_non_loopback_callers(sandbox: Sandbox) -> None:
    remote = Client(sandbox.provider.wsgi_app)
    response = remote.post("/_sandbox/config", json={"reset": True}, environ_base={"REMOTE_ADDR": "10.0.0.5"})
    assert response.status_code == 403


# ---- resource API ---------------------------------------------------------------------------------------


def test_api_key_mode(sandbox: Sandbox) -> None:
    valid = sandbox.client.get("/api/me", headers={"X-API-Key": "sbx_test_key_valid_0001"})
    assert valid.status_code == 200
    assert valid.get_json()["id"] == "sbx-user-1"
    assert valid.headers["X-RateLimit-Limit"] == "100"
    invalid = sandbox.client.get("/api/me", headers={"X-API-Key": "sbx_live_wrong"})
    assert invalid.status_code == 401
    # Given a configured key set
    sandbox.configure(api_keys=["sbx_live_custom"])
    assert sandbox.client.get("/api/me", headers={"X-API-Key": "sbx_live_custom"}).status_code == 200
    assert sandbox.client.get("/api/me", headers={"X-API-Key": "sbx_test_key_valid_0001"}).status_code == 401
    # And the config never shows the keys themselves
    assert sandbox.client.get("/_sandbox/config").get_json()["api_keys"] == 1


def test_api_without_credentials_is_401(sandbox: Sandbox) -> None:
    response = sandbox.client.get("/api/me")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert sandbox.me("made-up").status_code == 401


def test_items_are_searchable_and_paginated(sandbox: Sandbox) -> None:
    tokens = sandbox.connect()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    everything = sandbox.client.get("/api/items", query_string={"limit": "50"}, headers=auth).get_json()
    assert everything["total"] == 50
    assert everything["nextCursor"] is None
    assert set(everything["items"][0]) == {"id", "title", "type", "updatedAt"}
    # When searching
    found = sandbox.client.get(
        "/api/items", query_string={"q": "roadmap", "limit": "4"}, headers=auth
    ).get_json()
    assert found["total"] == 10
    assert all("roadmap" in item["title"].lower() for item in found["items"])
    # Then the cursor walks the rest, deterministically
    rest = sandbox.client.get(
        "/api/items",
        query_string={"q": "roadmap", "limit": "10", "cursor": found["nextCursor"]},
        headers=auth,
    ).get_json()
    ids = [i["id"] for i in found["items"]] + [i["id"] for i in rest["items"]]
    assert len(ids) == len(set(ids)) == 10
    bad = sandbox.client.get("/api/items", query_string={"limit": "0"}, headers=auth)
    assert bad.status_code == 400


def test_publish_needs_the_write_scope_and_is_recorded(sandbox: Sandbox) -> None:
    read_only = sandbox.connect()
    denied = sandbox.client.post(
        "/api/publish", json={"title": "x"}, headers={"Authorization": f"Bearer {read_only['access_token']}"}
    )
    assert denied.status_code == 403
    verifier = new_verifier()
    writer = sandbox.exchange(sandbox.code_for(verifier, scope="items:write"), verifier).get_json()
    response = sandbox.client.post(
        "/api/publish", json={"title": "Hello"}, headers={"Authorization": f"Bearer {writer['access_token']}"}
    )
    assert response.status_code == 201
    assert sandbox.stats()["published"][0]["payload"] == {"title": "Hello"}


# ---- the real server ------------------------------------------------------------------------------------


def test_real_threaded_server_runs_the_whole_flow_over_loopback() -> None:
    # Given the sandbox served on a free loopback port
    with start_sandbox(port=0) as running:
        assert running.base_url.startswith("http://127.0.0.1:")
        verifier = new_verifier()
        with httpx.Client(base_url=running.base_url, timeout=5) as http:
            # When the hub runs connect → refresh → verify → revoke
            authorize = http.get(
                "/oauth/authorize",
                params={
                    "client_id": DEFAULT_CLIENT_ID,
                    "redirect_uri": REDIRECT_URI,
                    "response_type": "code",
                    "state": "s1",
                    "code_challenge": s256_challenge(verifier),
                    "code_challenge_method": "S256",
                },
            )
            assert authorize.status_code == 302
            params = parse_qs(urlsplit(authorize.headers["location"]).query)
            assert params["iss"] == [running.base_url]
            auth = (DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
            tokens = http.post(
                "/oauth/token",
                auth=auth,
                data={
                    "grant_type": "authorization_code",
                    "code": params["code"][0],
                    "redirect_uri": REDIRECT_URI,
                    "code_verifier": verifier,
                },
            ).json()
            refreshed = http.post(
                "/oauth/token",
                auth=auth,
                data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
            ).json()
            me = http.get("/api/me", headers={"Authorization": f"Bearer {refreshed['access_token']}"})
            revoke = http.post("/oauth/revoke", auth=auth, data={"token": refreshed["refresh_token"]})
            stats = http.get("/_sandbox/stats").json()
        # Then every step answered as a provider would, and the sandbox saw the revocation
        assert me.status_code == 200
        assert revoke.status_code == 200
        assert stats["token_requests"] == {"authorization_code": 1, "refresh_token": 1}
        assert stats["revocations"][0]["token_fingerprint"] == token_fingerprint(refreshed["refresh_token"])
    # And once stopped, the port is closed
    with pytest.raises(httpx.ConnectError):
        httpx.get(running.base_url + "/health", timeout=1)


def test_concurrent_refreshes_of_one_token_let_exactly_one_through(sandbox: Sandbox) -> None:
    # Given one refresh token and eight workers racing to use it (what the hub's lease prevents)
    from concurrent.futures import ThreadPoolExecutor

    tokens = sandbox.connect()

    def refresh(_: int) -> int:
        client = Client(sandbox.provider.wsgi_app)
        form = {
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        }
        return client.post("/oauth/token", data=form).status_code

    # When they all refresh at once
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(refresh, range(8)))
    # Then rotation is atomic: one wins, the others are reuse
    assert statuses == [200] + [400] * 7
