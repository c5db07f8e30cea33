"""A connection after connect: status, test, on-demand refresh, credentials update, disconnect,
integration deletion."""

from __future__ import annotations

from typing import Any

import pytest

from hub import clock
from hub.connections.activity import ActivityRepository
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.settings import get_settings
from hub.vault import get_vault
from tests.support.connections import (
    API_KEY,
    EventTap,
    SandboxWorld,
    event_tap,
    sandbox_server,
    sandbox_world,
)

__all__ = ["event_tap", "sandbox_server", "sandbox_world"]

# every test runs once per vault backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("vault_backend")


def _record(integration_id: str, *, raw: bool = False) -> dict[str, Any]:
    record = ConnectionRepository().get_connection("acme", integration_id, raw=raw)
    assert record is not None
    return record


def _path(integration_id: str, suffix: str) -> str:
    return f"/api/tenant/integrations/{integration_id}/{suffix}"


def test_status_before_connecting_says_not_connected(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    body = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert body == {"connected": False, "integrationId": integration_id, "status": "not_connected",
                    "authType": "oauth2", "connectWith": "connect/oauth"}


def test_status_of_an_unknown_integration_is_404(sandbox_world: SandboxWorld) -> None:
    response = sandbox_world.api.get(_path("int_missing", "connection"))
    assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"


def test_forced_refresh_rotates_the_tokens_and_moves_the_expiry(sandbox_world: SandboxWorld,
                                                                 event_tap: EventTap) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    before = _record(integration_id)
    old = get_vault().read(secret_ref_of(before))
    clock.advance(30)
    response = sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True})
    assert response.status == 200, response.raw_body
    assert response.body["refreshed"] is True and response.body["status"] == "active"
    after = _record(integration_id)
    new = get_vault().read(secret_ref_of(after))
    # rotation: a new access token and a new refresh token, stored as a new secret version
    assert new["accessToken"] != old["accessToken"] and new["refreshToken"] != old["refreshToken"]
    assert after["expiresAt"] > before["expiresAt"] and after["refreshDueAt"] > before["refreshDueAt"]
    assert after["lastRefreshedAt"] and after["refreshFailures"] == 0
    assert "leaseOwner" not in after  # the lease is released
    assert "integration.refreshed" in event_tap.types()


def test_refresh_without_force_waits_until_due(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    response = sandbox_world.api.post(_path(integration_id, "connection/refresh"))
    assert response.status == 200 and response.body == {**response.body, "refreshed": False, "outcome": "not_due"}
    assert sandbox_world.provider.stats()["token_requests"].get("refresh_token", 0) == 0
    clock.advance(3600 - 300 + 1)  # past expiry minus the buffer
    response = sandbox_world.api.post(_path(integration_id, "connection/refresh"))
    assert response.body["refreshed"] is True


def test_a_refresh_without_a_new_refresh_token_keeps_the_old_one(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    old = get_vault().read(secret_ref_of(_record(integration_id)))
    sandbox_world.provider.configure(issue_refresh_token=False)
    assert sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True}).status == 200
    new = get_vault().read(secret_ref_of(_record(integration_id)))
    assert new["refreshToken"] == old["refreshToken"] and new["accessToken"] != old["accessToken"]
    # and the kept one still works (past the forced-refresh interval)
    clock.advance(get_settings().forced_refresh_interval_seconds + 1)
    assert sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True}).status == 200


def test_invalid_grant_on_refresh_expires_the_connection(sandbox_world: SandboxWorld, event_tap: EventTap) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.configure(token_error="invalid_grant")
    response = sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True})
    assert response.status == 400 and response.error["code"] == "TOKEN_EXPIRED"
    assert "reconnect" in response.error["message"]
    record = _record(integration_id, raw=True)
    assert record["status"] == "expired" and "gsi2pk" not in record and "refreshDueAt" not in record
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["status"] == "expired" and status["connected"] is False
    integration = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}").body
    assert integration["status"] == "error" and integration["connectionStatus"] == "expired"
    assert "integration.error" in event_tap.types()
    # no retry: the next refresh does not call the provider again
    calls = sandbox_world.provider.stats()["token_requests_total"]
    again = sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True})
    assert again.status == 400 and again.error["code"] == "TOKEN_EXPIRED"
    assert sandbox_world.provider.stats()["token_requests_total"] == calls


def test_a_transient_refresh_failure_backs_off(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.configure(token_status=503)
    response = sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True})
    assert response.status == 502 and response.error["code"] == "REFRESH_FAILED"
    assert response.error["details"]["retryAfter"] >= 60 and response.header("Retry-After")
    record = _record(integration_id, raw=True)
    assert record["status"] == "active" and record["refreshFailures"] == 1 and record["refreshFailureDays"] == 1
    assert record["cooldownUntil"] == pytest.approx(clock.now() + 60, abs=5)
    assert record["refreshDueAt"] == record["cooldownUntil"]  # the due time moved to the cooldown's end


def test_test_runs_the_verification_request_and_records_it(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    response = sandbox_world.api.post(_path(integration_id, "connection/test"))
    assert response.status == 200
    body = response.body
    assert body["success"] is True and body["statusCode"] == 200 and body["error"] is None
    assert isinstance(body["responseTime"], int) and body["testedAt"]
    assert _record(integration_id)["lastValidatedAt"] == body["testedAt"]
    # a provider that now refuses the token: the test fails, says why, and the status shows it
    sandbox_world.provider.configure(api_status=401)
    failed = sandbox_world.api.post(_path(integration_id, "connection/test")).body
    assert failed["success"] is False and failed["error"] == "INVALID_CREDENTIALS" and failed["statusCode"] == 401
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["validationError"] == failed["message"]
    activity = ActivityRepository().list_for_integration("acme", integration_id)
    assert [a["type"] for a in activity][:2] == ["test", "test"]
    assert [a["status"] for a in activity][:2] == ["failed", "success"]


def test_test_refreshes_an_expired_token_first(sandbox_world: SandboxWorld) -> None:
    sandbox_world.provider.configure(expires_in=120)
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    clock.advance(200)
    sandbox_world.provider.expire_access_tokens()
    body = sandbox_world.api.post(_path(integration_id, "connection/test")).body
    assert body["success"] is True
    assert sandbox_world.provider.stats()["token_requests"]["refresh_token"] == 1


def test_disconnect_revokes_at_the_provider_and_deletes_the_secret(sandbox_world: SandboxWorld,
                                                                    event_tap: EventTap) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    record = _record(integration_id)
    ref = secret_ref_of(record)
    assert get_vault().exists(ref)
    response = sandbox_world.api.post(_path(integration_id, "disconnect"))
    assert response.status == 200
    assert response.body["success"] is True and response.body["revokedAtProvider"] is True
    assert response.body["disconnectedAt"]
    # the sandbox saw an RFC 7009 revocation of the refresh token
    stats = sandbox_world.provider.stats()
    assert stats["revocation_count"] == 1 and stats["last_revocation_hint"] == "refresh_token"
    assert stats["active_refresh_tokens"] == 0
    # the secret is gone, the record says disconnected and the jobs will not see it
    assert not get_vault().exists(ref)
    raw = _record(integration_id, raw=True)
    assert raw["status"] == "disconnected" and "gsi2pk" not in raw and raw["secretStored"] is False
    assert sandbox_world.api.get(_path(integration_id, "connection")).body["status"] == "disconnected"
    integration = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}").body
    assert integration["status"] == "pending" and "connectionStatus" not in integration
    assert "integration.disconnected" in event_tap.types()
    # disconnecting again, testing or refreshing: not connected
    for suffix in ("disconnect", "connection/test", "connection/refresh"):
        again = sandbox_world.api.post(_path(integration_id, suffix))
        assert again.status == 404 and again.error["code"] == "CONNECTION_NOT_FOUND", suffix


def test_deleting_the_integration_revokes_and_deletes_its_connections(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    ref = secret_ref_of(_record(integration_id))
    assert sandbox_world.api.delete(f"/api/tenant/integrations/{integration_id}").status == 204
    assert not get_vault().exists(ref)
    assert ConnectionRepository().get_connection("acme", integration_id) is None
    assert sandbox_world.provider.stats()["revocation_count"] == 1


def test_api_key_connection_is_verified_stored_and_not_refreshable(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(_path(integration_id, "connect/api-key"),
                                      {"apiKey": API_KEY, "displayName": "Sandbox key"})
    assert response.status == 200, response.raw_body
    assert response.body["status"] == "active" and response.body["connectionId"] and response.body["connectedAt"]
    assert get_vault().read(secret_ref_of(_record(integration_id)))["credentials"] == {"apiKey": API_KEY}
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["authType"] == "api_key" and status["displayName"] == "Sandbox key"
    refresh = sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": True})
    assert refresh.status == 400 and refresh.error["code"] == "REFRESH_FAILED"
    assert sandbox_world.api.post(_path(integration_id, "connection/test")).body["success"] is True
    # disconnect: no revocation endpoint, the secret still goes
    result = sandbox_world.api.post(_path(integration_id, "disconnect")).body
    assert result["success"] is True and result["revokedAtProvider"] is None
    assert sandbox_world.provider.stats()["revocation_count"] == 0


def test_update_credentials_verifies_then_writes_a_new_secret_version(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    sandbox_world.api.post(_path(integration_id, "connect/api-key"), {"apiKey": API_KEY})
    connection_id = _record(integration_id)["connectionId"]
    sandbox_world.provider.configure(api_keys=[API_KEY, "sbx_second_key_0002"])
    # a rejected key changes nothing
    rejected = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                       {"credentialType": "api_key", "credentials": {"apiKey": "sbx_wrong_key_9999"}})
    assert rejected.status == 400 and rejected.error["code"] == "INVALID_CREDENTIALS"
    assert get_vault().read(secret_ref_of(_record(integration_id)))["credentials"]["apiKey"] == API_KEY
    # a good one replaces it under the same connection and secret name
    response = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                       {"credentialType": "api_key", "credentials": {"apiKey": "sbx_second_key_0002"}})
    assert response.status == 200, response.raw_body
    assert response.body["success"] is True
    assert response.body["credentialSecretName"] == f"integration-hub/acme/{connection_id}"
    assert _record(integration_id)["connectionId"] == connection_id
    assert get_vault().read(secret_ref_of(_record(integration_id)))["credentials"]["apiKey"] == "sbx_second_key_0002"
    # the wrong credential type is a clear 400
    wrong = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                    {"credentialType": "basic", "credentials": {"username": "a", "password": "b"}})
    assert wrong.status == 400 and wrong.error["code"] == "AUTH_TYPE_MISMATCH"


def test_update_credentials_with_oauth_tokens_verifies_the_access_token(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    bad = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                  {"credentialType": "oauth", "credentials": {"accessToken": "not-a-real-token"}})
    assert bad.status == 400 and bad.error["code"] == "INVALID_CREDENTIALS"
    good_token = get_vault().read(secret_ref_of(_record(integration_id)))["accessToken"]
    expires = clock.iso(clock.now() + 1800)
    ok = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                 {"credentialType": "oauth",
                                  "credentials": {"accessToken": good_token, "tokenExpiresAt": expires,
                                                  "scopesGranted": ["profile"]}})
    assert ok.status == 200, ok.raw_body
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["scopes"] == ["profile"] and status["expiresAt"] == expires
    assert status["hasRefreshToken"] is False


def test_update_credentials_needs_a_connection(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.patch(_path(integration_id, "credentials"),
                                       {"credentialType": "api_key", "credentials": {"apiKey": API_KEY}})
    assert response.status == 404 and response.error["code"] == "CONNECTION_NOT_FOUND"


def test_connection_changes_are_audited_without_secrets(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    sandbox_world.api.post(_path(integration_id, "connect/api-key"), {"apiKey": API_KEY})
    sandbox_world.api.post(_path(integration_id, "disconnect"))
    audit = sandbox_world.api.get("/api/tenant/audit-logs")
    assert audit.status == 200
    actions = [entry["action"] for entry in audit.body["auditLogs"]]
    assert "connection.connect_api_key" in actions and "connection.disconnect" in actions
    assert API_KEY not in audit.raw_body


def test_refresh_body_is_optional_but_validated(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    assert sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"force": "maybe"}).status == 400
    assert sandbox_world.api.post(_path(integration_id, "connection/refresh"), {"nope": 1}).status == 400
    assert sandbox_world.api.post(_path(integration_id, "connection/refresh"), {}).body["outcome"] == "not_due"
