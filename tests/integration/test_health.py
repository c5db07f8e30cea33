"""Health: due markers, status transitions with their events, and the two health endpoints."""

from __future__ import annotations

from typing import Any

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.integrations.repository import IntegrationRepository
from hub.jobs.due import HEALTH, iter_due
from hub.jobs.health import HealthRepository, apply_check_result, schedule_health_check, unschedule_health_check
from tests.support import seed
from tests.support.api import ApiClient
from tests.support.jobs import EventCapture

OK = {"success": True, "statusCode": 200, "responseTime": 42, "message": "ok"}
DOWN = {"success": False, "statusCode": 503, "responseTime": 87, "error": "CONNECTION_FAILED",
        "message": "The provider answered 503"}


@pytest.fixture
def bus(aws_env) -> EventCapture:
    return EventCapture()


def current(tenant: str, integration: str, user: str | None = None) -> dict[str, Any]:
    record = ConnectionRepository().get_connection(tenant, integration, user)
    assert record is not None
    return record


def check(tenant: str, integration: str, result: dict[str, Any], user: str | None = None) -> dict[str, Any]:
    return apply_check_result(current(tenant, integration, user), result, clock.now())


def test_a_marker_puts_a_connection_in_the_health_due_index_until_unscheduled(aws_env) -> None:
    # Given an active connection scheduled for a check in ten minutes
    record = seed.connection("acme", "int_1")
    schedule_health_check(record, at=clock.now() + 600)
    # Then it is not due now, but due in ten minutes
    assert list(iter_due(HEALTH, clock.now())) == []
    due = list(iter_due(HEALTH, clock.now() + 601))
    assert [(m["tenantId"], m["integrationId"], m["connectionKey"]) for m in due] == [("acme", "int_1",
                                                                                       "acme#int_1#TENANT")]
    # When the connection is disconnected, the marker goes
    unschedule_health_check(record)
    assert list(iter_due(HEALTH, clock.now() + 601)) == []


def test_threshold_failures_move_to_error_once_and_a_success_recovers(aws_env, bus: EventCapture) -> None:
    # Given an active tenant connection of a connected integration (threshold 3)
    seed.integration("acme", "int_1")
    seed.connection("acme", "int_1")
    # When two checks fail, nothing changes status and no event is published
    assert check("acme", "int_1", DOWN)["transition"] is None
    assert check("acme", "int_1", DOWN)["transition"] is None
    assert current("acme", "int_1")["status"] == "active" and current("acme", "int_1")["healthFailures"] == 2
    assert bus.types() == []
    # When the third fails, connection and integration go to error with one integration.error event
    assert check("acme", "int_1", DOWN)["transition"] == "error"
    assert current("acme", "int_1")["status"] == "error"
    integration = IntegrationRepository().get_integration("acme", "int_1")
    assert integration is not None and integration["status"] == "error" and integration["connectionStatus"] == "error"
    [error] = bus.details("integration.error")
    assert error["tenantId"] == "acme" and error["integrationId"] == "int_1" and error["status"] == "error"
    assert error["consecutiveFailures"] == 3 and "CONNECTION_FAILED" in error["reason"]
    assert error["eventId"] and error["time"] and error["connectionId"] == "con_int_1_tenant"
    # When a fourth fails, no second event
    assert check("acme", "int_1", DOWN)["transition"] is None
    assert bus.details("integration.error") == [error]
    # When a check succeeds, both come back and integration.recovered is published
    assert check("acme", "int_1", OK)["transition"] == "recovered"
    assert current("acme", "int_1")["status"] == "active" and current("acme", "int_1")["healthFailures"] == 0
    integration = IntegrationRepository().get_integration("acme", "int_1")
    assert integration is not None and integration["status"] == "connected"
    [recovered] = bus.details("integration.recovered")
    assert recovered["previousStatus"] == "error" and recovered["status"] == "active"


def test_a_success_resets_the_failure_count(aws_env, bus: EventCapture) -> None:
    seed.integration("acme", "int_1")
    seed.connection("acme", "int_1")
    check("acme", "int_1", DOWN)
    check("acme", "int_1", DOWN)
    check("acme", "int_1", OK)
    check("acme", "int_1", DOWN)
    check("acme", "int_1", DOWN)
    assert current("acme", "int_1")["status"] == "active" and bus.types() == []


def test_an_error_from_elsewhere_is_not_cleared_by_a_health_check(aws_env, bus: EventCapture) -> None:
    # Given a connection in error because its refresh has been failing for days
    seed.integration("acme", "int_1", status="error")
    seed.connection("acme", "int_1", status="error", errorSource="refresh")
    # When a health check succeeds, it is recorded but the status stays
    assert check("acme", "int_1", OK)["transition"] is None
    assert current("acme", "int_1")["status"] == "error" and bus.types() == []


def test_a_users_broken_connection_does_not_put_the_integration_in_error(aws_env, bus: EventCapture) -> None:
    seed.integration("acme", "int_1", userScoped=True)
    seed.connection("acme", "int_1", user="bob")
    for _ in range(3):
        check("acme", "int_1", DOWN, user="bob")
    assert current("acme", "int_1", "bob")["status"] == "error"
    integration = IntegrationRepository().get_integration("acme", "int_1")
    assert integration is not None and integration["status"] == "connected"
    [error] = bus.details("integration.error")
    assert error["userId"] == "bob"


def test_health_of_all_integrations_uses_the_documented_statuses(aws_env, api: ApiClient) -> None:
    # Given one integration in each state, and another tenant's
    seed.integration("acme", "int_a", name="Active one")
    seed.connection("acme", "int_a")
    check("acme", "int_a", OK)
    seed.integration("acme", "int_i", provider="hubspot", name="Inactive one", enabled=False, status="disabled")
    seed.connection("acme", "int_i")
    seed.integration("acme", "int_e", provider="slack", name="Error one")
    seed.connection("acme", "int_e", status="error", healthFailures=3, lastHealthError="CONNECTION_FAILED")
    seed.integration("acme", "int_p", provider="github", name="Pending one", status="pending")
    seed.integration("acme", "int_x", provider="zoom", name="Expired one")
    seed.connection("acme", "int_x", status="expired")
    seed.integration("globex", "int_g", name="Not yours")
    # When the tenant admin asks for the health of all
    response = api.get("/api/tenant/integrations/health")
    # Then each integration has its status and the summary counts them
    assert response.status == 200, response.raw_body
    by_id = {i["integrationId"]: i for i in response.body["integrations"]}
    assert {k: v["status"] for k, v in by_id.items()} == {
        "int_a": "active", "int_i": "inactive", "int_e": "error", "int_p": "pending", "int_x": "expired"}
    assert by_id["int_a"]["healthy"] is True and by_id["int_a"]["responseTime"] == 42
    assert by_id["int_a"]["lastCheckedAt"]
    assert by_id["int_e"]["healthy"] is False and by_id["int_e"]["lastError"] == "CONNECTION_FAILED"
    assert response.body["summary"] == {"total": 5, "healthy": 1, "active": 1, "inactive": 1, "error": 1,
                                        "pending": 1, "expired": 1}
    assert response.body["total"] == 5 and response.body["hasMore"] is False
    # And the status filter and pagination apply
    errors = api.get("/api/tenant/integrations/health", query={"status": "error"})
    assert [i["integrationId"] for i in errors.body["integrations"]] == ["int_e"]
    page = api.get("/api/tenant/integrations/health", query={"limit": 2, "sortBy": "name"})
    assert page.body["hasMore"] is True and page.body["nextOffset"] == 2 and len(page.body["integrations"]) == 2
    assert api.get("/api/tenant/integrations/health", query={"status": "bogus"}).status == 400
    assert api.get("/api/tenant/integrations/health", query={"extra": "x"}).status == 400


def test_health_of_one_integration_has_latest_and_paginated_history(aws_env, api: ApiClient) -> None:
    seed.integration("acme", "int_1")
    seed.connection("acme", "int_1")
    for result in (OK, DOWN, OK, DOWN, OK):
        check("acme", "int_1", result)
    response = api.get("/api/tenant/integrations/int_1/health", query={"limit": 2})
    assert response.status == 200, response.raw_body
    body = response.body
    assert body["status"] == "active" and body["integrationId"] == "int_1"
    assert body["latest"]["status"] == "healthy" and body["latest"]["responseTime"] == 42
    assert body["total"] == 5 and body["hasMore"] is True and len(body["history"]) == 2
    assert [h["status"] for h in body["history"]] == ["healthy", "unhealthy"]  # newest first
    assert body["history"][1]["error"] == "CONNECTION_FAILED" and body["history"][1]["checkedAt"]
    failures = api.get("/api/tenant/integrations/int_1/health", query={"status": "unhealthy"})
    assert failures.body["total"] == 2
    assert all(item.get("ttl") is None and "pk" not in item for item in failures.body["history"])


def test_health_of_another_tenants_integration_is_not_found(aws_env, api: ApiClient) -> None:
    seed.integration("globex", "int_g")
    response = api.get("/api/tenant/integrations/int_g/health")
    assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"
    assert api.as_("user").get("/api/tenant/integrations/health").status == 403


def test_health_records_expire_after_the_retention(aws_env) -> None:
    seed.connection("acme", "int_1")
    before = clock.now()
    apply_check_result(current("acme", "int_1"), OK, before)
    [item] = HealthRepository().query_all("TENANT#acme", sk_prefix="HEALTH#int_1#TENANT#")
    assert 30 * 86400 - 5 <= item["ttl"] - before <= 30 * 86400 + 5


def test_overlapping_runs_check_a_marker_once(aws_env) -> None:
    # Given one due marker read by two overlapping runs
    record = seed.connection("acme", "int_1")
    schedule_health_check(record, at=clock.now() - 1)
    [marker] = list(iter_due(HEALTH, clock.now()))
    repository = HealthRepository()
    # Then only the first claim wins
    assert repository.claim_marker(marker, clock.now() + 900) is True
    assert repository.claim_marker(marker, clock.now() + 900) is False
    assert list(iter_due(HEALTH, clock.now())) == []


def test_the_job_drops_markers_of_gone_or_inactive_connections_and_respects_its_budget(aws_env) -> None:
    from hub.jobs.health import check_connection_health
    from hub.jobs.runtime import TimeBudget

    # Given markers for a connection that no longer exists and one that has expired
    schedule_health_check({"tenantId": "acme", "integrationId": "int_gone"}, at=clock.now() - 1)
    expired = seed.connection("acme", "int_x", status="expired")
    schedule_health_check(expired, at=clock.now() - 1)
    # When the job has no time left, it starts nothing
    report = check_connection_health(budget=TimeBudget(max_seconds=0))
    assert report.not_started == 2 and report.outcomes == {}
    # When it has time, both markers are removed without calling any provider
    report = check_connection_health(budget=TimeBudget())
    assert report.outcomes == {"unscheduled": 2}
    assert list(iter_due(HEALTH, clock.now() + 10 * 86400)) == []


def test_a_user_scoped_integration_shows_its_users_connections(aws_env, api: ApiClient) -> None:
    seed.integration("acme", "int_u", userScoped=True)
    seed.connection("acme", "int_u", user="bob")
    seed.connection("acme", "int_u", user="carol", status="error", lastHealthError="CONNECTION_FAILED",
                    lastHealthAt=clock.iso())
    seed.connection("acme", "int_u", user="dan", status="expired")
    [view] = api.get("/api/tenant/integrations/health").body["integrations"]
    assert view["status"] == "error" and view["userScoped"] is True
    assert view["connections"] == {"total": 3, "active": 1, "error": 1, "expired": 1, "pending": 0}
    assert view["lastError"] == "CONNECTION_FAILED"
    history = api.get("/api/tenant/integrations/int_u/health", query={"userId": "carol"}).body
    assert history["total"] == 0 and history["latest"] is None
