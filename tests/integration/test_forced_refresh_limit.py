"""A caller may force a refresh of a token that is still fresh only once per
`settings.forced_refresh_interval_seconds` per connection: every refresh writes a Secrets Manager
version, and those writes share 50 per second per account (docs/cost.md). The limit is one
condition of the lease write (hub/connections/repository.py, `lease_for_refresh`)."""

from __future__ import annotations

import pytest

from hub import clock
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.settings import get_settings, reset_settings
from hub.vault import get_vault
from local.aws_calls import counted, recording_aws_calls
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


def _connected(world: SandboxWorld) -> str:
    integration_id = world.create_integration()
    world.connect(integration_id)
    return integration_id


def _refresh_path(integration_id: str) -> str:
    return f"/api/tenant/integrations/{integration_id}/connection/refresh"


def _access_token(integration_id: str) -> str:
    record = ConnectionRepository().get_connection("acme", integration_id)
    assert record is not None
    return str(get_vault().read(secret_ref_of(record))["accessToken"])


def test_a_second_forced_refresh_of_a_fresh_token_is_refused_until_the_interval_passed(
        sandbox_world: SandboxWorld) -> None:
    # Given a connection whose fresh token an admin just renewed on request
    integration_id = _connected(sandbox_world)
    assert sandbox_world.api.post(_refresh_path(integration_id), {"force": True}).status == 200
    token = _access_token(integration_id)
    clock.advance(60)
    # When the admin forces another refresh a minute later
    with recording_aws_calls() as calls:
        response, made = counted(calls, lambda: sandbox_world.api.post(_refresh_path(integration_id),
                                                                        {"force": True}))
    # Then it is refused with a 429 in the error envelope, saying when to come back
    interval = get_settings().forced_refresh_interval_seconds
    assert response.status == 429, response.raw_body
    assert response.error["code"] == "RATE_LIMIT_EXCEEDED"
    assert response.error["details"]["retryAfter"] == interval - 60
    assert response.header("Retry-After") == str(interval - 60)
    # And nothing reached the provider or the vault: the one write tried was the lease's
    assert _access_token(integration_id) == token
    assert [call for call in made if call.startswith("secretsmanager.")] == []
    assert made.count("dynamodb.UpdateItem") == 2  # the request's rate-limit window and the lease
    # When the interval has passed
    clock.advance(interval - 60)
    # Then a forced refresh is allowed again
    assert sandbox_world.api.post(_refresh_path(integration_id), {"force": True}).status == 200
    assert _access_token(integration_id) != token


def test_a_due_token_is_renewed_on_request_whatever_the_limit(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a limit of one forced refresh a day, and a fresh token renewed on request
    monkeypatch.setenv("HUB_FORCED_REFRESH_INTERVAL_SECONDS", "86400")
    reset_settings()
    integration_id = _connected(sandbox_world)
    assert sandbox_world.api.post(_refresh_path(integration_id), {"force": True}).status == 200
    # When its new token falls due and the admin forces a refresh
    record = ConnectionRepository().get_connection("acme", integration_id)
    assert record is not None
    clock.advance(float(record["refreshDueAt"]) - clock.now() + 1)
    response = sandbox_world.api.post(_refresh_path(integration_id), {"force": True})
    # Then it is renewed
    assert response.status == 200 and response.body["refreshed"] is True, response.raw_body


def test_the_hub_itself_may_force_a_refresh_any_time(sandbox_world: SandboxWorld) -> None:
    # Given a connection just renewed by a forced refresh through the API
    integration_id = _connected(sandbox_world)
    assert sandbox_world.api.post(_refresh_path(integration_id), {"force": True}).status == 200
    # When the hub forces one itself (a provider answered 401 to a fresh token)
    outcome = refresh_connection("acme", integration_id, force=True, owner="provider-call")
    # Then it is not limited
    assert outcome.status == "refreshed"
