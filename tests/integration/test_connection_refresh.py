"""`refresh_connection`, the leased refresh the jobs and the API share (docs/architecture.md, Jobs and events)."""

from __future__ import annotations

from typing import Any

import pytest

from hub import clock
from hub.connections import refresh as refresh_module
from hub.connections.record import connection_key
from hub.connections.refresh import backoff_seconds, refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.table import due_keys
from hub.vault import MESSAGE_FIELD, backend_of, get_vault
from local.aws_calls import counted, recording_aws_calls
from tests.support.connections import EventTap, SandboxWorld, event_tap, sandbox_server, sandbox_world

__all__ = ["event_tap", "sandbox_server", "sandbox_world"]

DAY = 86400


def _connected(world: SandboxWorld) -> str:
    integration_id = world.create_integration()
    world.connect(integration_id)
    return integration_id


def _record(integration_id: str) -> dict[str, Any]:
    record = ConnectionRepository().get_connection("acme", integration_id, raw=True)
    assert record is not None
    return record


def _token_calls(world: SandboxWorld) -> int:
    return int(world.provider.stats()["token_requests"].get("refresh_token", 0))


def test_a_due_connection_is_refreshed_and_gets_a_new_due_time(sandbox_world: SandboxWorld) -> None:
    integration_id = _connected(sandbox_world)
    due = _record(integration_id)["refreshDueAt"]
    clock.advance(due - clock.now() - 1)
    assert refresh_connection("acme", integration_id, owner="job").status == "not_due"
    clock.advance(2)
    outcome = refresh_connection("acme", integration_id, owner="job")
    assert outcome.status == "refreshed" and outcome.record is not None
    record = _record(integration_id)
    assert record["refreshDueAt"] == pytest.approx(record["expiresAt"] - 300, abs=1)
    assert record["gsi2sk"] == due_keys("refresh", connection_key(record), record["refreshDueAt"])["gsi2sk"]
    assert "leaseOwner" not in record and "leaseExpiresAt" not in record


def test_a_held_lease_means_lease_taken_and_no_provider_call(sandbox_world: SandboxWorld) -> None:
    integration_id = _connected(sandbox_world)
    ConnectionRepository().update_connection("acme", integration_id, None,
                                             {"leaseOwner": "other-worker", "leaseExpiresAt": int(clock.now()) + 60})
    outcome = refresh_connection("acme", integration_id, force=True, owner="me")
    assert outcome.status == "lease_taken"
    assert _token_calls(sandbox_world) == 0
    assert _record(integration_id)["leaseOwner"] == "other-worker"  # not released by a non-owner


def test_an_expired_lease_can_be_taken_over(sandbox_world: SandboxWorld) -> None:
    integration_id = _connected(sandbox_world)
    ConnectionRepository().update_connection("acme", integration_id, None,
                                             {"leaseOwner": "crashed-worker", "leaseExpiresAt": int(clock.now()) - 1})
    assert refresh_connection("acme", integration_id, force=True, owner="me").status == "refreshed"


def test_after_taking_the_lease_a_fresh_read_wins_over_a_stale_one(sandbox_world: SandboxWorld,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the job read the connection when it was due, and someone refreshed it since
    integration_id = _connected(sandbox_world)
    stale = _record(integration_id)
    ConnectionRepository().update_connection("acme", integration_id, None,
                                             {"refreshDueAt": stale["refreshDueAt"] + 3600})
    monkeypatch.setattr(ConnectionRepository, "get_connection", lambda self, *a, **k: dict(stale))
    # When the job refreshes with the stale view
    outcome = refresh_connection("acme", integration_id, owner="job", now=stale["refreshDueAt"] + 1)
    # Then the re-read under the lease says it is no longer due, and the provider is not called
    assert outcome.status == "not_due" and _token_calls(sandbox_world) == 0


def test_invalid_grant_is_final(sandbox_world: SandboxWorld, event_tap: EventTap) -> None:
    integration_id = _connected(sandbox_world)
    sandbox_world.provider.configure(token_error="invalid_grant")
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    assert outcome.status == "expired" and "invalid_grant" in (outcome.detail or "")
    record = _record(integration_id)
    assert record["status"] == "expired" and "gsi2pk" not in record
    errors = [e for e in event_tap.drain() if e["detail-type"] == "integration.error"]
    assert errors and errors[0]["detail"]["reason"] == "invalid_grant"
    assert errors[0]["detail"]["connectionId"] == record["connectionId"]
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "not_refreshable"


def test_transient_failures_back_off_and_turn_to_error_after_three_days(sandbox_world: SandboxWorld,
                                                                        event_tap: EventTap) -> None:
    integration_id = _connected(sandbox_world)
    sandbox_world.provider.configure(token_status=503)
    start = _record(integration_id)["refreshDueAt"] + 1
    # two failures on the same day count as one failure day
    first = refresh_connection("acme", integration_id, owner="job", now=start)
    assert first.status == "retry_later"
    record = _record(integration_id)
    assert record["refreshFailures"] == 1 and record["refreshFailureDays"] == 1
    assert record["cooldownUntil"] == pytest.approx(start + 60, abs=1)
    # during the cooldown the job leaves it alone (its due time moved to the cooldown's end)
    assert refresh_connection("acme", integration_id, owner="job", now=start + 30).status == "not_due"
    assert _token_calls(sandbox_world) == 1  # only the first, failed attempt reached the provider
    assert refresh_connection("acme", integration_id, owner="job", now=start + 61).status == "retry_later"
    record = _record(integration_id)
    assert record["refreshFailures"] == 2 and record["refreshFailureDays"] == 1
    assert record["cooldownUntil"] == pytest.approx(start + 61 + 120, abs=1)
    # the next UTC days
    assert refresh_connection("acme", integration_id, owner="job", now=start + DAY).status == "retry_later"
    assert _record(integration_id)["refreshFailureDays"] == 2
    final = refresh_connection("acme", integration_id, owner="job", now=start + 2 * DAY)
    assert final.status == "error"
    record = _record(integration_id)
    assert record["status"] == "error" and record["refreshFailureDays"] == 3 and "gsi2pk" not in record
    assert "integration.error" in event_tap.types()
    # a forced refresh that works brings it back and resets the counters
    sandbox_world.provider.configure(token_status=None)
    assert refresh_connection("acme", integration_id, force=True, owner="admin").status == "refreshed"
    record = _record(integration_id)
    assert record["status"] == "active" and record["refreshFailures"] == 0 and record["refreshFailureDays"] == 0
    assert "cooldownUntil" not in record and "gsi2pk" in record


@pytest.mark.parametrize("source", ["refresh", "health"])
def test_a_refresh_that_brings_a_connection_in_error_back_publishes_recovered(
        sandbox_world: SandboxWorld, event_tap: EventTap, source: str) -> None:
    # Given a connection that the refresh job (or the health check) put in error
    integration_id = _connected(sandbox_world)
    ConnectionRepository().update_connection("acme", integration_id, None, {
        "status": "error", "errorSource": source, "lastError": "it failed"})
    event_tap.drain()
    # When a refresh succeeds
    assert refresh_connection("acme", integration_id, force=True, owner="admin").status == "refreshed"
    # Then the connection is active again, with no error left on it
    record = _record(integration_id)
    assert record["status"] == "active" and "errorSource" not in record and "lastError" not in record
    # And integration.recovered is published once, next to integration.refreshed
    events = event_tap.drain()
    recovered = [e["detail"] for e in events if e["detail-type"] == "integration.recovered"]
    assert len(recovered) == 1 and "integration.refreshed" in [e["detail-type"] for e in events]
    assert recovered[0]["previousStatus"] == "error" and recovered[0]["status"] == "active"
    assert recovered[0]["connectionId"] == record["connectionId"]
    # And a refresh of an active connection publishes no recovered event
    assert refresh_connection("acme", integration_id, force=True, owner="admin").status == "refreshed"
    assert "integration.recovered" not in event_tap.types()[len(events):]


def test_reconnecting_a_connection_in_error_publishes_recovered(sandbox_world: SandboxWorld,
                                                               event_tap: EventTap) -> None:
    # Given a connection in error
    integration_id = _connected(sandbox_world)
    ConnectionRepository().update_connection("acme", integration_id, None, {"status": "error", "errorSource": "health"})
    event_tap.drain()
    # When the admin connects it again
    sandbox_world.connect(integration_id)
    # Then it is active and integration.recovered follows integration.connected
    assert _record(integration_id)["status"] == "active"
    events = [e for e in event_tap.drain() if e["detail-type"].startswith("integration.")]
    assert [e["detail-type"] for e in events][-2:] == ["integration.connected", "integration.recovered"]
    assert events[-1]["detail"]["reason"] == "reconnected"


def test_with_secrets_manager_a_refresh_opens_the_grant_from_the_record_copy_or_else_the_secret(
        sandbox_world: SandboxWorld) -> None:
    # Given a Secrets Manager connection whose record predates the message copy
    integration_id = _connected(sandbox_world)
    assert backend_of(_record(integration_id)) == "secretsmanager"
    ConnectionRepository().update_connection("acme", integration_id, None, {}, remove=(MESSAGE_FIELD,))
    with recording_aws_calls() as calls:
        # When it is refreshed, it reads the secret and leaves the copy
        first, reading = counted(calls, lambda: refresh_connection("acme", integration_id, force=True, owner="a"))
        record = _record(integration_id)
        assert first.status == "refreshed" and "secretsmanager.GetSecretValue" in reading
        assert record[MESSAGE_FIELD] == get_vault().read_message(secret_ref_of(record))
        # And the next refresh opens the copy: no secret read, and the rotated token it used was the live one
        second, made = counted(calls, lambda: refresh_connection("acme", integration_id, force=True, owner="b"))
    assert second.status == "refreshed" and "secretsmanager.GetSecretValue" not in made
    assert sandbox_world.provider.stats()["family_revocations"] == 0
    record = _record(integration_id)
    assert record[MESSAGE_FIELD] == get_vault().read_message(secret_ref_of(record))


def test_reconnecting_an_expired_connection_publishes_recovered(sandbox_world: SandboxWorld,
                                                               event_tap: EventTap) -> None:
    # Given a connection the provider refused to refresh (invalid_grant: status expired, integration.error)
    integration_id = _connected(sandbox_world)
    sandbox_world.provider.configure(token_error="invalid_grant")
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "expired"
    assert "integration.error" in event_tap.types()
    sandbox_world.provider.configure(token_error=None)
    before = len(event_tap.drain())
    # When the admin connects it again
    sandbox_world.connect(integration_id)
    # Then it is active, and integration.recovered (the all-clear for the error) follows integration.connected
    assert _record(integration_id)["status"] == "active"
    events = [e for e in event_tap.drain()[before:] if e["detail-type"].startswith("integration.")]
    assert [e["detail-type"] for e in events] == ["integration.connected", "integration.recovered"]
    detail = events[-1]["detail"]
    assert (detail["reason"], detail["previousStatus"], detail["status"]) == ("reconnected", "expired", "active")
    # And connecting it once more (already active) publishes no second recovery
    before = len(event_tap.drain())
    sandbox_world.connect(integration_id)
    assert "integration.recovered" not in event_tap.types()[before:]


def test_the_lease_is_released_when_the_refresh_blows_up(sandbox_world: SandboxWorld,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    integration_id = _connected(sandbox_world)

    def explode(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(refresh_module, "_refresh_leased", explode)
    with pytest.raises(RuntimeError):
        refresh_connection("acme", integration_id, force=True, owner="job")
    assert "leaseOwner" not in _record(integration_id)


def test_a_connection_without_a_refresh_token_is_not_refreshable(sandbox_world: SandboxWorld) -> None:
    sandbox_world.provider.configure(issue_refresh_token=False)
    integration_id = _connected(sandbox_world)
    record = _record(integration_id)
    assert record["hasRefreshToken"] is False and "gsi2pk" not in record
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "not_refreshable"
    assert refresh_connection("acme", "int_missing", owner="job").status == "not_refreshable"


def test_backoff_doubles_up_to_the_cap_and_respects_retry_after() -> None:
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff_seconds(20) == 3600
    assert backoff_seconds(1, retry_after=300) == 300
    assert backoff_seconds(1, retry_after=10**6) == 3600
