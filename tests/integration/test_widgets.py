"""The widget endpoints against the sandbox provider: status, activity (connection activity and
sync runs), provider data; who may read them (users and admins of the tenant, the caller's own
connection for user-scoped integrations); bad input; no credential in any answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository
from local.sandbox import RunningSandbox
from tests.support.connections import SandboxWorld, sandbox_world
from tests.support.search import (
    _clear_switches,
    admin,
    apikey_integration,
    assert_no_secret,
    oauth_integration,
    stored_secrets,
    switchable_sandbox_server,
    user,
    user_integration,
)

__all__ = ["_clear_switches", "sandbox_world"]


@pytest.fixture(scope="module")
def sandbox_server() -> Iterator[RunningSandbox]:
    yield from switchable_sandbox_server()


def widget(integration_id: str, name: str) -> str:
    return f"/api/tenant/integrations/{integration_id}/widgets/{name}"


# ---- status --------------------------------------------------------------------------------


def test_the_status_widget_follows_the_connection_and_the_last_sync(sandbox_world: SandboxWorld) -> None:
    integration_id = oauth_integration(sandbox_world)
    bob = user(sandbox_world)
    # Given a connected integration that has never synced
    response = bob.get(widget(integration_id, "status"))
    assert response.status == 200, response.raw_body
    status = response.body
    assert set(status) == {"integrationId", "name", "providerId", "userScoped", "status", "connectionStatus",
                           "lastConnectedAt", "lastSyncAt", "error"}
    assert (status["status"], status["connectionStatus"], status["error"]) == ("connected", "active", None)
    assert status["lastConnectedAt"] and status["lastSyncAt"] is None and status["name"] == "sandbox integration"
    assert response.header("X-RateLimit-Limit") == "100"
    # When it syncs, the widget shows when
    assert admin(sandbox_world).post(f"/api/tenant/integrations/{integration_id}/sync").status == 200
    assert bob.get(widget(integration_id, "status")).body["lastSyncAt"] is not None
    # When the provider rejected the refresh token, the connection is expired and the widget says so
    ConnectionRepository().update_connection("acme", integration_id, None, {"status": "expired"})
    expired = bob.get(widget(integration_id, "status")).body
    assert (expired["status"], expired["connectionStatus"]) == ("error", "expired")
    assert "reconnect" in expired["error"]
    # When the integration is deactivated, it is disabled whatever its connection
    assert admin(sandbox_world).post(f"/api/tenant/integrations/{integration_id}/deactivate").status == 200
    assert bob.get(widget(integration_id, "status")).body["status"] == "disabled"


def test_the_status_of_an_unconnected_integration_is_pending(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    status = user(sandbox_world).get(widget(integration_id, "status")).body
    assert (status["status"], status["connectionStatus"], status["lastConnectedAt"]) == ("pending", None, None)


# ---- activity ------------------------------------------------------------------------------


def test_the_activity_widget_merges_connection_activity_and_sync_runs(sandbox_world: SandboxWorld) -> None:
    integration_id = apikey_integration(sandbox_world)
    tenant_admin = admin(sandbox_world)
    # Given a connect, a test, a successful sync and a failed one, a second apart on the hub's clock
    clock.advance(1)
    assert tenant_admin.post(f"/api/tenant/integrations/{integration_id}/connection/test").status == 200
    clock.advance(1)
    assert tenant_admin.post(f"/api/tenant/integrations/{integration_id}/sync").status == 200
    clock.advance(1)
    sandbox_world.provider.api_key_status = 500
    assert tenant_admin.post(f"/api/tenant/integrations/{integration_id}/sync").status == 502
    # When a user reads the activity widget
    response = user(sandbox_world).get(widget(integration_id, "activity"))
    assert response.status == 200, response.raw_body
    body = response.body
    # Then it has all four, newest first, in the documented shape
    assert body["total"] == 4 and body["timeRange"] == "24h"
    assert [(a["type"], a["status"]) for a in body["activities"]] == [
        ("sync", "failed"), ("sync", "success"), ("test", "success"), ("connect", "success")]
    assert all(set(a) == {"id", "type", "status", "timestamp", "details"} for a in body["activities"])
    assert body["activities"][1]["details"]["itemsProcessed"] == 10
    assert body["activities"][0]["details"]["error"].startswith("SYNC_FAILED")
    # And limit keeps the newest while total counts all of them
    limited = user(sandbox_world).get(widget(integration_id, "activity"), query={"limit": "2"}).body
    assert [a["type"] for a in limited["activities"]] == ["sync", "sync"] and limited["total"] == 4


def test_the_activity_widget_keeps_to_the_time_range(sandbox_world: SandboxWorld) -> None:
    integration_id = apikey_integration(sandbox_world)
    # Given two hours have passed since the connect
    clock.advance(2 * 3600)
    bob = user(sandbox_world)
    assert bob.get(widget(integration_id, "activity"), query={"timeRange": "1h"}).body["total"] == 0
    assert bob.get(widget(integration_id, "activity"), query={"timeRange": "24h"}).body["total"] == 1
    # And thirty-one days later nothing is left in any range
    clock.advance(31 * 86_400)
    assert bob.get(widget(integration_id, "activity"), query={"timeRange": "30d"}).body["total"] == 0


# ---- data ----------------------------------------------------------------------------------


def test_the_data_widget_reads_provider_records(sandbox_world: SandboxWorld) -> None:
    integration_id = oauth_integration(sandbox_world)
    bob = user(sandbox_world)
    # When a user reads the template's data entity
    response = bob.get(widget(integration_id, "data"), query={"entity": "items"})
    assert response.status == 200, response.raw_body
    body = response.body
    # Then it gets the provider's page of records (the sandbox answers 10), ten at most by default
    assert body["entity"] == "items" and body["total"] == 10 and len(body["data"]) == 10
    assert body["data"][0] == {"id": "item-001", "title": "Quarterly Report", "type": "document",
                               "updatedAt": "2026-01-01T00:00:00Z"}
    assert body["fetchedAt"].endswith("Z")
    # And fields, filters and limit shape the answer
    shaped = bob.get(widget(integration_id, "data"), query={
        "entity": "items", "fields": "id,title", "filters": '{"type": "task"}', "limit": "1"}).body
    assert shaped["data"] == [{"id": "item-003", "title": "Draft Report"}] and shaped["total"] == 2


@pytest.mark.parametrize(("query", "code"), [
    ({}, "VALIDATION_ERROR"),
    ({"entity": "items", "filters": "{not json"}, "VALIDATION_ERROR"),
    ({"entity": "items", "filters": "[1, 2]"}, "VALIDATION_ERROR"),
    ({"entity": "items", "filters": '{"type": {"$ne": "task"}}'}, "VALIDATION_ERROR"),
    ({"entity": "items", "filters": '{"title": "' + "x" * 2100 + '"}'}, "VALIDATION_ERROR"),
    # within 2 KB, nested past the JSON parser's stack (a RecursionError, not a ValueError)
    ({"entity": "items", "filters": "[" * 1020 + "]" * 1020}, "VALIDATION_ERROR"),
    ({"entity": "items", "limit": "101"}, "VALIDATION_ERROR"),
    ({"entity": "items", "fields": "a b"}, "VALIDATION_ERROR"),
    ({"entity": "items", "userId": "carol"}, "VALIDATION_ERROR"),
])
def test_bad_data_requests_are_refused(sandbox_world: SandboxWorld, query: dict[str, str], code: str) -> None:
    # the query string is checked before anything is looked up
    response = user(sandbox_world).get(widget("int_any", "data"), query=query)
    assert response.status == 400 and response.error["code"] == code


def test_an_unknown_entity_names_the_ones_there_are(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    # not even connected: the entity is checked first
    response = user(sandbox_world).get(widget(integration_id, "data"), query={"entity": "contacts"})
    assert response.status == 400 and response.error["details"] == {"field": "entity", "allowed": ["items"]}
    unconnected = user(sandbox_world).get(widget(integration_id, "data"), query={"entity": "items"})
    assert unconnected.status == 404 and unconnected.error["code"] == "CONNECTION_NOT_FOUND"


@pytest.mark.parametrize(("query", "code"), [({"timeRange": "2h"}, "VALIDATION_ERROR"),
                                             ({"limit": "0"}, "VALIDATION_ERROR"),
                                             ({"userId": "carol"}, "VALIDATION_ERROR")])
def test_bad_activity_requests_are_refused(sandbox_world: SandboxWorld, query: dict[str, str], code: str) -> None:
    response = user(sandbox_world).get(widget("int_any", "activity"), query=query)
    assert response.status == 400 and response.error["code"] == code


def test_a_provider_failure_is_the_data_widgets_failure(sandbox_world: SandboxWorld) -> None:
    integration_id = apikey_integration(sandbox_world)
    sandbox_world.provider.api_key_status = 429
    response = user(sandbox_world).get(widget(integration_id, "data"), query={"entity": "items"})
    assert response.status == 502 and response.error["code"] == "PROVIDER_RATE_LIMITED"


def test_a_provider_answer_nested_past_the_parsers_stack_is_the_data_widgets_failure(
        sandbox_world: SandboxWorld) -> None:
    # Given the provider answers 200 with JSON nested past the parser's stack
    integration_id = apikey_integration(sandbox_world)
    sandbox_world.provider.api_key_body = b"[" * 5000 + b"]" * 5000
    # When a user reads the data widget, Then it is the 502 of an answer that is not JSON
    response = user(sandbox_world).get(widget(integration_id, "data"), query={"entity": "items"})
    assert response.status == 502 and response.error["code"] == "CONNECTION_FAILED", response.raw_body


# ---- who reads what ------------------------------------------------------------------------


def test_another_tenant_cannot_read_the_widgets(sandbox_world: SandboxWorld) -> None:
    integration_id = oauth_integration(sandbox_world)
    for role in ("user", "tenant_admin"):
        outsider = sandbox_world.api.as_(role, tenant="globex", user="gina")
        for name, query in (("status", {}), ("activity", {}), ("data", {"entity": "items"})):
            response = outsider.get(widget(integration_id, name), query=query)
            assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND", (role, name)


def test_user_scoped_widgets_show_the_callers_own_connection(sandbox_world: SandboxWorld) -> None:
    # Given a user-scoped integration that bob connected and carol did not
    integration_id = user_integration(sandbox_world, "bob")
    bob, carol = user(sandbox_world, "bob"), user(sandbox_world, "carol")
    assert bob.get(widget(integration_id, "status")).body["status"] == "connected"
    assert carol.get(widget(integration_id, "status")).body["status"] == "pending"
    # bob's connect is his activity, not carol's
    assert [a["type"] for a in bob.get(widget(integration_id, "activity")).body["activities"]] == ["connect"]
    assert carol.get(widget(integration_id, "activity")).body["total"] == 0
    # bob reads data through his connection; carol has none to read through
    assert bob.get(widget(integration_id, "data"), query={"entity": "items"}).status == 200
    response = carol.get(widget(integration_id, "data"), query={"entity": "items"})
    assert response.status == 404 and response.error["code"] == "CONNECTION_NOT_FOUND"


def test_no_credential_appears_in_any_widget_answer(sandbox_world: SandboxWorld) -> None:
    ids = [oauth_integration(sandbox_world), apikey_integration(sandbox_world)]
    bob = user(sandbox_world)
    responses: list[Any] = []
    for integration_id in ids:
        responses += [bob.get(widget(integration_id, "status")), bob.get(widget(integration_id, "activity")),
                      bob.get(widget(integration_id, "data"), query={"entity": "items"})]
    sandbox_world.provider.configure(api_status=401)
    responses += [bob.get(widget(integration_id, "data"), query={"entity": "items"}) for integration_id in ids]
    assert [r.status for r in responses[-2:]] == [502, 502]
    assert_no_secret(responses, stored_secrets())
