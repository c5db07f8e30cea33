"""No credential ever leaves the hub: known secrets are seeded, every connection endpoint is
exercised (successes and failures), and none of the secrets appears in any response body,
response header, published event or captured log line (the security suite, README.md "Tests and benchmarks")."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.observability import logger as hub_logger
from hub.settings import get_settings
from hub.vault import get_vault
from local.sandbox import DEFAULT_REDIRECT_URIS
from tests.support.api import ApiResponse
from tests.support.connections import RETURN_URL, EventTap, SandboxWorld, event_tap, sandbox_server, sandbox_world

__all__ = ["event_tap", "sandbox_server", "sandbox_world"]

CLIENT_SECRET = "scan-client-secret-7f3e9a1c52"
API_KEY = "sbx_scan_key_5d8c2b7e41aa"
WRONG_API_KEY = "sbx_scan_wrong_key_0c1d2e3f"
AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSCANKEY01"
BASIC_PASSWORD = "basic-scan-password-91be4d"
CUSTOM_TOKEN = "custom-scan-token-44c0b7d1e2"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every log line at every level, from the hub and from the libraries it uses."""
    caplog.set_level(logging.DEBUG)
    previous = hub_logger.log_level
    hub_logger.setLevel("DEBUG")
    yield caplog
    hub_logger.setLevel(previous)


class Recorder:
    def __init__(self) -> None:
        self.responses: list[ApiResponse] = []

    def __call__(self, response: ApiResponse) -> ApiResponse:
        self.responses.append(response)
        return response

    def text(self) -> str:
        return "\n".join(f"{r.status} {r.headers} {r.raw_body}" for r in self.responses)


def _admin_post(world: SandboxWorld, body: dict[str, Any]) -> None:
    response = world.api.as_("super_admin", tenant="platform", user="root").post("/api/admin/integrations", body)
    assert response.status == 201, response.raw_body


def _browser(world: SandboxWorld, authorization_url: str) -> dict[str, str]:
    """The user's browser at the provider is not the hub: its own HTTP logging is not scanned."""
    logging.disable(logging.CRITICAL)
    try:
        return world.authorize(authorization_url)
    finally:
        logging.disable(logging.NOTSET)


def _tokens_of(integration_id: str, user_id: str | None = None) -> list[str]:
    record = ConnectionRepository().get_connection("acme", integration_id, user_id)
    assert record is not None
    payload = get_vault().read(secret_ref_of(record))
    return [str(payload[k]) for k in ("accessToken", "refreshToken") if payload.get(k)]


def test_no_seeded_secret_appears_in_responses_events_or_logs(
    sandbox_world: SandboxWorld, event_tap: EventTap, debug_logs: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    world, api, record = sandbox_world, sandbox_world.api, Recorder()
    secrets: set[str] = {CLIENT_SECRET, API_KEY, WRONG_API_KEY, AWS_SECRET_KEY, BASIC_PASSWORD, CUSTOM_TOKEN}
    # Given providers whose credentials are the seeded secrets
    world.provider.register_client("scan-client", CLIENT_SECRET, DEFAULT_REDIRECT_URIS)
    world.provider.configure(api_keys=[API_KEY])
    _admin_post(world, {"provider": "scan-oauth", "templateId": "sandbox",
                        "oauthConfig": {"clientId": "scan-client", "clientSecret": CLIENT_SECRET}})
    _admin_post(world, {"provider": "aws-access-keys", "templateId": "aws-access-keys"})
    _admin_post(world, {"provider": "legacy", "name": "Legacy", "displayName": "Legacy", "category": "crm",
                        "authType": "basic"})
    _admin_post(world, {"provider": "in-house", "name": "In-house", "displayName": "In-house", "category": "custom",
                        "authType": "custom"})
    oauth_id = world.create_integration("scan-oauth")
    user_oauth_id = world.create_integration("sandbox", user_scoped=True)
    apikey_id = world.create_integration("sandbox-apikey")
    aws_id = world.create_integration("aws-access-keys")
    basic_id = world.create_integration("legacy")
    custom_id = world.create_integration("in-house")
    tenant = f"/api/tenant/integrations/{oauth_id}"

    # OAuth: start, authorize, callback, status, test, refresh, exchange errors, credentials, disconnect
    started = record(api.post(f"{tenant}/connect/oauth", {"returnUrl": RETURN_URL})).body
    first_provider_url = world.provider_url(started)
    answer = _browser(world, first_provider_url)
    secrets.add(answer["code"])
    record(world.callback(answer))
    secrets.update(_tokens_of(oauth_id))
    record(api.get(f"{tenant}/connection"))
    record(api.post(f"{tenant}/connection/test"))
    record(api.post(f"{tenant}/connection/refresh", {"force": True}))
    secrets.update(_tokens_of(oauth_id))
    record(api.post(f"{tenant}/connection/refresh"))
    record(api.post(f"{tenant}/connect/oauth/exchange", {"code": answer["code"], "redirectUri": started["redirectUri"],
                                                        "state": answer["state"]}))
    record(api.post(f"{tenant}/connect/oauth/exchange", {"code": answer["code"], "redirectUri": RETURN_URL,
                                                        "codeVerifier": "v" * 50, "state": answer["state"]}))
    record(world.callback(answer))  # replayed
    access = _tokens_of(oauth_id)[0]
    record(api.patch(f"{tenant}/credentials", {"credentialType": "oauth", "credentials": {"accessToken": access}}))
    record(api.patch(f"{tenant}/credentials", {"credentialType": "oauth",
                                               "credentials": {"accessToken": WRONG_API_KEY}}))
    world.provider.configure(token_status=503)
    # forced refreshes of a fresh token: one per interval per connection
    clock.advance(get_settings().forced_refresh_interval_seconds + 1)
    record(api.post(f"{tenant}/connection/refresh", {"force": True}))
    world.provider.configure(token_status=None, token_error="invalid_grant")
    clock.advance(get_settings().forced_refresh_interval_seconds + 1)
    record(api.post(f"{tenant}/connection/refresh", {"force": True}))
    world.provider.configure(token_error=None)
    # a fresh connection to disconnect (the previous one expired)
    again = record(api.post(f"{tenant}/connect/oauth", {"returnUrl": RETURN_URL})).body
    answer = _browser(world, world.provider_url(again))
    secrets.add(answer["code"])
    record(world.callback(answer))
    secrets.update(_tokens_of(oauth_id))
    world.provider.configure(token_status=503)
    record(api.post(f"{tenant}/connection/refresh", {"force": True}))  # provider trouble: 502
    world.provider.configure(token_status=None, token_error="invalid_grant")
    clock.advance(24 * 3600)  # past the refresh cooldown the 502 set
    record(api.post(f"{tenant}/connection/refresh", {"force": True}))  # the grant is dead: expired
    world.provider.configure(token_error=None)
    record(api.post(f"{tenant}/disconnect"))

    # user-scoped
    bob = api.as_("user", user="bob")
    user_started = record(bob.post(f"/api/user/integrations/{user_oauth_id}/connect/oauth",
                                   {"returnUrl": RETURN_URL})).body
    user_answer = _browser(world, world.provider_url(user_started))
    secrets.add(user_answer["code"])
    record(world.callback(user_answer))
    secrets.update(_tokens_of(user_oauth_id, "bob"))
    record(bob.get("/api/user/integrations"))
    record(bob.get(f"/api/user/integrations/{user_oauth_id}/connection"))
    record(bob.post(f"/api/user/integrations/{user_oauth_id}/disconnect"))

    # api key, basic, custom: rejected and accepted, updated, tested, disconnected
    record(api.post(f"/api/tenant/integrations/{apikey_id}/connect/api-key", {"apiKey": WRONG_API_KEY}))
    record(api.post(f"/api/tenant/integrations/{apikey_id}/connect/api-key", {"apiKey": API_KEY}))
    record(api.patch(f"/api/tenant/integrations/{apikey_id}/credentials",
                     {"credentialType": "api_key", "credentials": {"apiKey": WRONG_API_KEY}}))
    record(api.post(f"/api/tenant/integrations/{apikey_id}/connection/test"))
    record(api.get(f"/api/tenant/integrations/{apikey_id}/connection"))
    record(api.post(f"/api/tenant/integrations/{apikey_id}/disconnect"))
    record(api.post(f"/api/tenant/integrations/{aws_id}/connect/custom", {"credentials": {
        "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": AWS_SECRET_KEY}}))
    record(api.post(f"/api/tenant/integrations/{aws_id}/connect/custom", {"credentials": {
        "accessKeyId": "not-a-key", "secretAccessKey": AWS_SECRET_KEY}}))
    record(api.get(f"/api/tenant/integrations/{aws_id}/connection"))
    record(api.post(f"/api/tenant/integrations/{aws_id}/connection/test"))
    record(api.post(f"/api/tenant/integrations/{basic_id}/connect/basic",
                    {"username": "ops", "password": BASIC_PASSWORD}))
    record(api.post(f"/api/tenant/integrations/{basic_id}/connect/basic", {"username": "ops",
                                                                          "password": BASIC_PASSWORD, "x": 1}))
    record(api.get(f"/api/tenant/integrations/{basic_id}/connection"))
    record(api.post(f"/api/tenant/integrations/{custom_id}/connect/custom",
                    {"credentials": {"token": CUSTOM_TOKEN}}))
    record(api.post(f"/api/tenant/integrations/{custom_id}/connect/custom",
                    {"credentials": {"token": CUSTOM_TOKEN + "\n"}}))
    record(api.delete(f"/api/tenant/integrations/{custom_id}"))
    record(api.get("/api/tenant/audit-logs"))

    # Then: the scan had plenty to look at ...
    statuses = {r.status for r in record.responses}
    assert {200, 302, 400, 502} <= statuses, statuses
    events = event_tap.drain()
    assert {"integration.connected", "integration.refreshed", "integration.disconnected",
            "integration.error"} <= {e["detail-type"] for e in events}
    out, err = capfd.readouterr()
    log_text = "\n".join(
        [r.getMessage() + " " + str(r.__dict__) for r in debug_logs.records] + [out, err]
    )
    assert len(debug_logs.records) > 50
    # ... and found no secret anywhere
    haystacks = {"responses": record.text(), "events": str(events), "logs": log_text}
    leaks = {(where, secret[:6] + "…") for where, text in haystacks.items() for secret in secrets if secret in text}
    assert leaks == set()
    # (the seeded secrets did reach the provider: the scan is not vacuous)
    assert world.provider.stats()["token_requests_total"] >= 4
    assert all(len(s) >= 10 for s in secrets)
    assert dict(parse_qsl(urlsplit(first_provider_url).query))["client_id"] == "scan-client"
