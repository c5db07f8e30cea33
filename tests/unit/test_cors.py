"""CORS in the local emulator follows API Gateway's corsPreflight, from the one policy
(hub/http/cors.py) and the one setting of allowed origins (HUB_ALLOWED_RETURN_ORIGINS)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from werkzeug.test import Client

from hub.http.cors import EXPOSED_HEADERS, CorsPolicy
from hub.settings import reset_settings
from local.emulator import ApiGatewayEmulator
from local.issuer import LocalIssuer

APP = "https://app.example.com"  # allowed by tests/conftest.py


@pytest.fixture
def client(tmp_path) -> Client:
    return Client(ApiGatewayEmulator(LocalIssuer(key_path=tmp_path / "key.pem"), log=False))


@pytest.fixture
def no_origins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HUB_ALLOWED_RETURN_ORIGINS", "")
    reset_settings()
    yield
    reset_settings()


def _preflight(client: Client, origin: str, path: str = "/api/tenant/integrations"):
    return client.open(path, method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, x-unknown"})


def test_a_preflight_from_an_allowed_origin_is_answered_before_the_authorizer(client: Client) -> None:
    # Given an allowed origin, When the browser sends a preflight without any token
    response = _preflight(client, APP)
    # Then it is answered (no 401, no 404) with the policy: only the headers the API accepts
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == APP
    assert response.headers["Access-Control-Allow-Headers"] == "authorization,content-type"
    assert set(response.headers["Access-Control-Allow-Methods"].split(",")) >= {"GET", "POST", "PATCH", "DELETE"}
    assert response.headers["Access-Control-Max-Age"] == "3600"
    # and credentials (cookies) are never allowed cross-origin: the API takes bearer tokens
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_a_preflight_from_another_origin_gets_no_cors_headers(client: Client) -> None:
    response = _preflight(client, "https://evil.example.net")
    assert response.status_code == 204
    assert not [h for h in response.headers.keys() if h.lower().startswith("access-control-")]


def test_answers_to_an_allowed_origin_expose_the_rate_limit_and_request_id_headers(client: Client) -> None:
    # Given a call from the app's origin that fails (no token), When it is answered
    response = client.get("/api/tenant/integrations", headers={"Origin": APP})
    # Then the error envelope too is readable by the app's script, with the headers it needs
    assert response.status_code == 401
    assert response.headers["Access-Control-Allow-Origin"] == APP
    exposed = response.headers["Access-Control-Expose-Headers"].split(",")
    assert {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id"} <= set(exposed)
    assert response.headers["Vary"] == "Origin"


def test_answers_to_another_origin_carry_no_cors_headers(client: Client) -> None:
    response = client.get("/health", headers={"Origin": "https://evil.example.net"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_without_allowed_origins_an_options_request_is_routed_and_finds_no_route(
        client: Client, no_origins: None) -> None:
    # API Gateway answers preflights only when CORS is configured
    response = _preflight(client, APP)
    assert response.status_code == 404
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_policy_matches_origins_exactly() -> None:
    policy = CorsPolicy.from_origins(["https://app.example.com/", "http://127.0.0.1:5173"])
    assert policy.allows("https://app.example.com") and policy.allows("http://127.0.0.1:5173")
    for other in ("https://app.example.com:8443", "http://app.example.com", "https://app.example.com.evil.net",
                  "null", None, ""):
        assert not policy.allows(other)
    assert policy.exposed_headers == EXPOSED_HEADERS
