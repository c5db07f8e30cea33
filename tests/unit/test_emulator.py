"""The local API Gateway emulator verifies tokens like the JWT authorizer and runs real handlers."""

from __future__ import annotations

import time

import jwt
import pytest
from werkzeug.test import Client

from local.emulator import ApiGatewayEmulator
from local.issuer import LocalIssuer


@pytest.fixture
def issuer(tmp_path) -> LocalIssuer:
    return LocalIssuer(key_path=tmp_path / "key.pem")


@pytest.fixture
def client(issuer: LocalIssuer, probe_routes) -> Client:
    return Client(ApiGatewayEmulator(issuer, log=False))


def _assert_401(response) -> None:
    assert response.status_code == 401
    body = response.get_json()
    assert body["error"]["code"] == "UNAUTHORIZED"
    assert body["error"]["requestId"] == response.headers["X-Request-Id"]


@pytest.mark.parametrize("authorization", [None, "Bearer", "Bearer not-a-jwt", "Basic YWxpY2U6cHc="])
def test_missing_or_malformed_token_is_401(client: Client, authorization) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    _assert_401(client.get("/probes", headers=headers))


def test_expired_token_is_401(client: Client, issuer: LocalIssuer) -> None:
    token = issuer.issue(ttl_seconds=-60)
    _assert_401(client.get("/probes", headers={"Authorization": f"Bearer {token}"}))


def test_wrong_audience_is_401(client: Client, issuer: LocalIssuer) -> None:
    token = issuer.issue(audience="someone-else")
    _assert_401(client.get("/probes", headers={"Authorization": f"Bearer {token}"}))


def test_token_signed_by_another_key_is_401(client: Client, tmp_path) -> None:
    other = LocalIssuer(key_path=tmp_path / "other.pem")
    _assert_401(client.get("/probes", headers={"Authorization": f"Bearer {other.issue()}"}))


def test_wrong_issuer_is_401(client: Client, issuer: LocalIssuer) -> None:
    token = jwt.encode({"iss": "https://evil", "aud": issuer.audience, "sub": "a", "tenant_id": "t",
                        "iat": int(time.time()), "exp": int(time.time()) + 60},
                       issuer._key, algorithm="RS256")
    _assert_401(client.get("/probes", headers={"Authorization": f"Bearer {token}"}))


def test_unknown_route_is_404_envelope(client: Client) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "ROUTE_NOT_FOUND"


def test_public_route_runs_the_real_handler(client: Client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_issuers_starting_together_share_one_key(tmp_path) -> None:
    import threading

    key_path = tmp_path / "shared.pem"
    issuers: list[LocalIssuer] = []
    barrier = threading.Barrier(4)

    def start() -> None:
        barrier.wait()
        issuers.append(LocalIssuer(key_path=key_path))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    token = issuers[0].issue()
    assert all(issuer.verify(token)["sub"] == "alice" for issuer in issuers)
    assert list(tmp_path.iterdir()) == [key_path]
