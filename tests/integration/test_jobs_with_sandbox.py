"""The jobs end to end against the sandbox OAuth provider on loopback and in-process moto:
scheduled refresh (leases, rotation, invalid_grant, backoff), health checks, the consumed
`user.deleted` / `content.published` events through a real bus rule, manual sync, and that no
job ever Scans."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from functions.workers import WORKERS
from hub import clock
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.integrations.repository import IntegrationRepository
from hub.jobs.due import HEALTH, REFRESH, iter_due
from hub.jobs.refresh_due import refresh_due_connections
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings
from hub.vault import get_vault
from local.apigw import LambdaContext
from local.jobs import local_jobs
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.jobs import EventCapture, dynamodb_operations, emitted_metrics

__all__ = ["sandbox_server", "sandbox_world"]

# every test runs once per vault backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("vault_backend")


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Any:
    from hub.observability import metrics

    metrics.clear_metrics()
    yield
    metrics.clear_metrics()


@pytest.fixture
def bus(sandbox_world: SandboxWorld) -> EventCapture:
    return EventCapture()


def worker(name: str) -> Any:
    return next(w for w in WORKERS if w.name == name)


def run_job(name: str) -> Any:
    return local_jobs(workers=[worker(name)]).run_schedule(worker(name))


def connection(integration_id: str, user: str | None = None, tenant: str = "acme") -> dict[str, Any]:
    record = ConnectionRepository().get_connection(tenant, integration_id, user, raw=True)
    assert record is not None
    return record


def secret(integration_id: str, user: str | None = None) -> dict[str, Any]:
    return get_vault().read(secret_ref_of(connection(integration_id, user)))


def refresh_requests(world: SandboxWorld) -> int:
    return int(world.provider.stats()["token_requests"].get("refresh_token", 0))


def connected(world: SandboxWorld, **kwargs: Any) -> str:
    integration_id = world.create_integration(**kwargs)
    world.connect(integration_id)
    return integration_id


def make_due(integration_id: str) -> None:
    """Move the hub's clock just past the connection's refresh due time."""
    clock.advance(connection(integration_id)["refreshDueAt"] - clock.now() + 1)


# ---- refresh ---------------------------------------------------------------------------------


def test_twenty_concurrent_refresh_runs_make_one_token_request_and_store_the_newest_token(
        sandbox_world: SandboxWorld, bus: EventCapture) -> None:
    # Given a connected integration whose token is due for refresh
    integration_id = connected(sandbox_world)
    old = secret(integration_id)
    make_due(integration_id)
    # When twenty job invocations run at the same moment
    barrier = threading.Barrier(20)
    reports: list[Any] = []

    def invocation(n: int) -> None:
        barrier.wait()
        reports.append(refresh_due_connections(owner=f"invocation-{n}", budget=TimeBudget()))

    threads = [threading.Thread(target=invocation, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    # Then the provider saw exactly one refresh, and one invocation reports it
    assert refresh_requests(sandbox_world) == 1
    assert sum(r.succeeded for r in reports) == 1
    # every other run either lost the lease, found it already refreshed, or (when it queried the
    # due index after the winner finished) found nothing due at all; none failed
    others = [r for r in reports if not r.succeeded]
    assert len(others) == 19
    assert all(r.failed == 0 and set(+r.outcomes) <= {"lease_taken", "not_due"} for r in others)
    # And the stored refresh token is the newest: it works, where the rotated one would not
    new = secret(integration_id)
    assert new["refreshToken"] != old["refreshToken"] and new["accessToken"] != old["accessToken"]
    make_due(integration_id)
    assert refresh_due_connections(owner="later", budget=TimeBudget()).succeeded == 1
    assert connection(integration_id)["status"] == "active"
    assert bus.types().count("integration.refreshed") == 2


def test_scheduled_refresh_rotates_tokens_moves_the_due_time_and_publishes(sandbox_world: SandboxWorld,
                                                                          bus: EventCapture, capsys) -> None:
    integration_id = connected(sandbox_world)
    before, old = connection(integration_id), secret(integration_id)
    make_due(integration_id)
    # When the scheduled function runs
    result = run_job("refresh-due-connections")
    # Then the connection was refreshed through the due index, with rotation
    assert result["refreshed"] == 1 and result["failed"] == 0
    after, new = connection(integration_id), secret(integration_id)
    assert new["refreshToken"] != old["refreshToken"]
    assert after["refreshDueAt"] > before["refreshDueAt"] and after["gsi2sk"] != before["gsi2sk"]
    assert "leaseOwner" not in after
    [event] = bus.details("integration.refreshed")
    assert event["integrationId"] == integration_id and event["tenantId"] == "acme"
    assert old["refreshToken"] not in str(bus.events()) and new["accessToken"] not in str(bus.events())
    assert emitted_metrics(capsys.readouterr().out) == {"RefreshSucceeded": 1, "RefreshFailed": 0}


def test_a_response_without_a_refresh_token_keeps_the_old_one(sandbox_world: SandboxWorld) -> None:
    integration_id = connected(sandbox_world)
    old = secret(integration_id)
    sandbox_world.provider.configure(issue_refresh_token=False)
    make_due(integration_id)
    assert run_job("refresh-due-connections")["refreshed"] == 1
    new = secret(integration_id)
    assert new["refreshToken"] == old["refreshToken"] and new["accessToken"] != old["accessToken"]
    # the kept token still works
    make_due(integration_id)
    assert run_job("refresh-due-connections")["refreshed"] == 1


def test_invalid_grant_expires_the_connection_publishes_and_is_not_retried(sandbox_world: SandboxWorld,
                                                                          bus: EventCapture) -> None:
    integration_id = connected(sandbox_world)
    sandbox_world.provider.configure(token_error="invalid_grant")
    make_due(integration_id)
    result = run_job("refresh-due-connections")
    assert result["failed"] == 1 and result["outcomes"] == {"expired": 1}
    record = connection(integration_id)
    assert record["status"] == "expired" and "gsi2pk" not in record
    [error] = bus.details("integration.error")
    assert error["reason"] == "invalid_grant" and error["integrationId"] == integration_id
    # no retry: later runs find nothing due and never call the provider again
    clock.advance(7 * 86400)
    assert run_job("refresh-due-connections")["due"] == 0
    assert refresh_requests(sandbox_world) == 1
    integration = IntegrationRepository().get_integration("acme", integration_id)
    assert integration is not None and integration["connectionStatus"] == "expired"


def test_a_5xx_backs_off_without_changing_status(sandbox_world: SandboxWorld, bus: EventCapture) -> None:
    integration_id = connected(sandbox_world)
    sandbox_world.provider.configure(token_status=503)
    make_due(integration_id)
    result = run_job("refresh-due-connections")
    assert result["outcomes"] == {"retry_later": 1}
    record = connection(integration_id)
    assert record["status"] == "active" and record["refreshFailures"] == 1
    assert record["cooldownUntil"] > clock.now() and record["refreshDueAt"] == pytest.approx(record["cooldownUntil"])
    assert "integration.error" not in bus.types()
    # during the cooldown the job leaves it alone; after it, the job tries again and succeeds
    assert run_job("refresh-due-connections")["due"] == 0 and refresh_requests(sandbox_world) == 1
    sandbox_world.provider.configure(token_status=None)
    clock.advance(record["cooldownUntil"] - clock.now() + 1)
    assert run_job("refresh-due-connections")["refreshed"] == 1
    assert connection(integration_id)["refreshFailures"] == 0


# ---- health ----------------------------------------------------------------------------------


def test_health_checks_move_to_error_after_three_failures_and_back(sandbox_world: SandboxWorld,
                                                                   bus: EventCapture) -> None:
    # Given a connected integration: connecting scheduled its health check
    integration_id = connected(sandbox_world)
    interval = get_settings().health_check_interval_seconds
    assert [m["integrationId"] for m in iter_due(HEALTH, clock.now() + interval)] == [integration_id]

    def tick() -> dict[str, Any]:
        clock.advance(interval)
        return run_job("check-connection-health")  # type: ignore[no-any-return]

    # When a check passes, a healthy record is stored
    assert tick()["outcomes"] == {"healthy": 1}
    # When the provider's API fails three checks in a row
    sandbox_world.provider.configure(api_status=503)
    assert tick()["outcomes"] == {"unhealthy": 1}
    assert tick()["outcomes"] == {"unhealthy": 1}
    assert connection(integration_id)["status"] == "active" and "integration.error" not in bus.types()
    assert tick()["transitions"] == 1
    # Then the connection and the integration are in error, with one event
    assert connection(integration_id)["status"] == "error"
    integration = IntegrationRepository().get_integration("acme", integration_id)
    assert integration is not None and integration["status"] == "error"
    [error] = bus.details("integration.error")
    assert error["consecutiveFailures"] == 3
    # When the API answers again, the next check recovers it
    sandbox_world.provider.configure(api_status=None)
    assert tick()["transitions"] == 1
    assert connection(integration_id)["status"] == "active"
    assert len(bus.details("integration.recovered")) == 1
    body = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/health").body
    assert body["status"] == "active" and body["healthy"] is True and body["total"] == 5
    assert [h["status"] for h in body["history"]] == ["healthy", "unhealthy", "unhealthy", "unhealthy", "healthy"]
    assert all(h["responseTime"] is not None for h in body["history"])


def test_a_disconnected_connection_is_no_longer_checked(sandbox_world: SandboxWorld) -> None:
    integration_id = connected(sandbox_world)
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect").status == 200
    clock.advance(get_settings().health_check_interval_seconds + 1)
    assert list(iter_due(HEALTH, clock.now())) == []
    assert run_job("check-connection-health")["due"] == 0


# ---- consumed events -------------------------------------------------------------------------


def put_consumed(detail_type: str, detail: dict[str, Any], source: str = "user-service") -> None:
    import json

    from hub import aws

    aws.client("events").put_events(Entries=[{"EventBusName": get_settings().event_bus_name, "Source": source,
                                              "DetailType": detail_type, "Detail": json.dumps(detail)}])


def test_a_consumed_user_deleted_removes_only_that_users_connections(sandbox_world: SandboxWorld,
                                                                     bus: EventCapture) -> None:
    # Given bob and carol connected to a user-scoped integration, and the tenant's own connection
    shared = sandbox_world.create_integration(user_scoped=True)
    for user in ("bob", "carol"):
        sandbox_world.connect(shared, client=sandbox_world.api.as_("user", user=user), user_scoped=True)
    other = sandbox_world.create_integration("sandbox-apikey")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{other}/connect/api-key",
                                  {"apiKey": "sbx_test_key_valid_0001"}).status in (200, 201)
    bob_secret = secret_ref_of(connection(shared, "bob"))
    bus.events()  # forget the connect events
    # When the user service says bob was deleted (on the bus, routed by the hub's rule)
    put_consumed("user.deleted", {"tenantId": "acme", "userId": "bob", "deletedBy": "admin"})
    jobs = local_jobs(workers=[worker("user-deleted-consumer")])
    assert jobs.pump_events(jobs.workers[0]) == 1
    # Then bob's connection is gone (secret deleted, no schedules), carol's and the tenant's stay
    assert connection(shared, "bob")["status"] == "disconnected"
    assert not get_vault().exists(bob_secret)
    assert connection(shared, "carol")["status"] == "active"
    assert connection(other)["status"] == "active"
    assert all(m.get("userId") != "bob" for m in iter_due(HEALTH, clock.now() + 10 * 86400))
    assert all(i.get("userId") != "bob" for i in iter_due(REFRESH, clock.now() + 10 * 86400))
    [event] = bus.details("integration.disconnected")
    assert event["userId"] == "bob" and event["reason"] == "user deleted"
    # And a second delivery of the same event changes nothing
    put_consumed("user.deleted", {"tenantId": "acme", "userId": "bob"})
    assert jobs.pump_events(jobs.workers[0]) == 1
    assert bus.details("integration.disconnected") == [event]


def test_user_deleted_for_another_tenant_or_with_a_bad_detail_touches_nothing(sandbox_world: SandboxWorld) -> None:
    shared = sandbox_world.create_integration(user_scoped=True)
    sandbox_world.connect(shared, client=sandbox_world.api.as_("user", user="bob"), user_scoped=True)
    from functions.consumers.user_deleted import handler

    context = LambdaContext("user-deleted-consumer")
    assert handler({"detail": {"tenantId": "globex", "userId": "bob"}}, context)["removed"] == 0
    assert handler({"detail": {"tenantId": "acme"}}, context) == {"ignored": True, "removed": 0}
    assert handler({"detail": {"tenantId": "acme#x", "userId": "bob"}}, context)["ignored"] is True
    assert connection(shared, "bob")["status"] == "active"


def test_content_published_syncs_the_integrations_that_can_publish(sandbox_world: SandboxWorld,
                                                                   bus: EventCapture) -> None:
    # Given a connected sandbox integration (can publish) and a sandbox-apikey one (cannot)
    publishing = connected(sandbox_world)
    other = sandbox_world.create_integration("sandbox-apikey")
    sandbox_world.api.post(f"/api/tenant/integrations/{other}/connect/api-key", {"apiKey": "sbx_test_key_valid_0001"})
    # When the content service publishes
    put_consumed("content.published", {"tenantId": "acme", "contentId": "post-9", "title": "Hi"},
                 source="content-service")
    jobs = local_jobs(workers=[worker("content-published-consumer")])
    assert jobs.pump_events(jobs.workers[0]) == 1
    # Then only the publishing integration was synced, with an event-triggered log
    logs = sandbox_world.api.get(f"/api/tenant/integrations/{publishing}/sync-logs").body["syncLogs"]
    assert len(logs) == 1 and logs[0]["trigger"] == "event" and logs[0]["status"] == "success"
    assert logs[0]["details"]["contentId"] == "post-9" and logs[0]["itemsProcessed"] == 10
    assert sandbox_world.api.get(f"/api/tenant/integrations/{other}/sync-logs").body["total"] == 0
    [synced] = bus.details("integration.synced")
    assert synced["trigger"] == "event" and synced["syncLogId"] == logs[0]["id"]


# ---- manual sync -----------------------------------------------------------------------------


def test_manual_sync_runs_the_sync_request_refreshing_first_and_logs_it(sandbox_world: SandboxWorld,
                                                                        bus: EventCapture) -> None:
    integration_id = connected(sandbox_world)
    clock.advance(3601)  # the access token has expired
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/sync")
    assert response.status == 200, response.raw_body
    log = response.body
    assert log["status"] == "success" and log["trigger"] == "manual" and log["itemsProcessed"] == 10
    assert log["itemsFailed"] == 0 and log["durationMs"] >= 0 and log["completedAt"] and log["direction"] == "inbound"
    assert refresh_requests(sandbox_world) == 1  # refreshed before the call
    integration = IntegrationRepository().get_integration("acme", integration_id)
    assert integration is not None and integration["lastSyncStatus"] == "success" and integration["lastSyncAt"]
    [synced] = bus.details("integration.synced")
    assert synced["status"] == "success" and synced["itemsProcessed"] == 10
    audit = sandbox_world.api.get("/api/tenant/audit-logs").body
    assert any(entry.get("action") == "integration.sync" for entry in audit.get("auditLogs", audit.get("items", [])))


def test_a_failed_sync_is_logged_and_answers_sync_failed(sandbox_world: SandboxWorld, bus: EventCapture) -> None:
    integration_id = connected(sandbox_world)
    sandbox_world.provider.configure(api_status=500)
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/sync")
    assert response.status == 502 and response.error["code"] == "SYNC_FAILED"
    log_id = response.error["details"]["syncLogId"]
    logs = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/sync-logs",
                                 query={"status": "failed"}).body["syncLogs"]
    assert [log["id"] for log in logs] == [log_id] and logs[0]["error"]
    assert bus.details("integration.synced")[0]["status"] == "failed"


def test_sync_preconditions_answer_clear_errors(sandbox_world: SandboxWorld) -> None:
    not_connected = sandbox_world.create_integration()
    response = sandbox_world.api.post(f"/api/tenant/integrations/{not_connected}/sync")
    assert response.status == 404 and response.error["code"] == "CONNECTION_NOT_FOUND"
    assert sandbox_world.api.post("/api/tenant/integrations/int_missing/sync").status == 404
    assert sandbox_world.api.post(f"/api/tenant/integrations/{not_connected}/sync", {"bogus": 1}).status == 400
    sandbox_world.api.post(f"/api/tenant/integrations/{not_connected}/deactivate")
    disabled = sandbox_world.api.post(f"/api/tenant/integrations/{not_connected}/sync")
    assert disabled.status == 409 and disabled.error["code"] == "INTEGRATION_DISABLED"
    assert sandbox_world.api.as_("user").post(f"/api/tenant/integrations/{not_connected}/sync").status == 403


# ---- no Scan ---------------------------------------------------------------------------------


def test_no_job_or_consumer_issues_a_scan(sandbox_world: SandboxWorld) -> None:
    integration_id = connected(sandbox_world)
    shared = sandbox_world.create_integration(tenant="globex", user_scoped=True)
    sandbox_world.connect(shared, client=sandbox_world.api.as_("user", tenant="globex", user="bob"), user_scoped=True)
    make_due(integration_id)
    clock.advance(get_settings().health_check_interval_seconds)
    with dynamodb_operations() as operations:
        assert run_job("refresh-due-connections")["refreshed"] >= 1
        assert run_job("check-connection-health")["due"] == 2
        run_job("purge-expired-states")
        put_consumed("user.deleted", {"tenantId": "globex", "userId": "bob"})
        put_consumed("content.published", {"tenantId": "acme", "contentId": "c1"})
        for name in ("user-deleted-consumer", "content-published-consumer"):
            jobs = local_jobs(workers=[worker(name)])
            assert jobs.pump_events(jobs.workers[0]) == 1
    assert operations["Query"] > 0 and "Scan" not in operations, dict(operations)


def test_a_connection_that_cannot_be_removed_makes_the_event_come_again(sandbox_world: SandboxWorld,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Given bob connected to two user-scoped integrations, and removing one of them fails
    first = sandbox_world.create_integration(user_scoped=True)
    second = sandbox_world.create_integration("sandbox-apikey", user_scoped=True)
    sandbox_world.connect(first, client=sandbox_world.api.as_("user", user="bob"), user_scoped=True)
    from hub.connections import repository as connection_repository
    from hub.jobs import consumers as service

    record = {"tenantId": "acme", "integrationId": second, "userId": "bob", "connectionId": "conn_x",
              "status": "active", "secretStored": False}
    connection_repository.ConnectionRepository().create_connection(record)
    real = service.disconnect_connection

    def flaky(record: dict[str, Any], **kwargs: Any) -> Any:
        if record["integrationId"] == second:
            raise RuntimeError("provider unreachable")
        return real(record, **kwargs)

    monkeypatch.setattr(service, "disconnect_connection", flaky)
    from functions.consumers.user_deleted import handler
    from hub.jobs.consumers import ConsumerFailed

    # When user.deleted is handled, the other connection goes and the failure asks for a redelivery
    with pytest.raises(ConsumerFailed):
        handler({"detail": {"tenantId": "acme", "userId": "bob"}}, LambdaContext("user-deleted-consumer"))
    assert connection(first, "bob")["status"] == "disconnected"
    # And the redelivery finishes the job once the provider answers
    monkeypatch.setattr(service, "disconnect_connection", real)
    result = handler({"detail": {"tenantId": "acme", "userId": "bob"}}, LambdaContext("user-deleted-consumer"))
    assert result["removed"] == 1 and result["alreadyRemoved"] == 1


def test_content_published_skips_what_cannot_sync_and_records_failures(sandbox_world: SandboxWorld) -> None:
    from functions.consumers.content_published import handler

    context = LambdaContext("content-published-consumer")
    # a detail without contentId is dropped
    assert handler({"detail": {"tenantId": "acme"}}, context) == {"ignored": True, "synced": 0}
    # a publishing integration without a connection is reported, not synced
    acme = sandbox_world.create_integration()
    result = handler({"id": "e1", "detail": {"tenantId": "acme", "contentId": "c1"}}, context)
    assert result["integrations"] == {acme: "CONNECTION_NOT_FOUND"}
    # a connected one whose provider fails leaves a failed log
    sandbox_world.connect(acme)
    sandbox_world.provider.configure(api_status=502)
    result = handler({"id": "e2", "detail": {"tenantId": "acme", "contentId": "c2"}}, context)
    assert result["integrations"] == {acme: "SYNC_FAILED"}
    logs = sandbox_world.api.get(f"/api/tenant/integrations/{acme}/sync-logs").body["syncLogs"]
    assert [(log["status"], log["trigger"], log["details"]["contentId"]) for log in logs] == [("failed", "event", "c2")]
    # a disabled integration is not synced at all
    sandbox_world.api.post(f"/api/tenant/integrations/{acme}/deactivate")
    assert handler({"detail": {"tenantId": "acme", "contentId": "c3"}}, context)["integrations"] == {}
