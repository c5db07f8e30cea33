"""Sync logs: the listing endpoint (filters, pagination, isolation)."""

from __future__ import annotations

from hub import clock
from hub.ids import new_id
from hub.jobs.sync_logs import SyncLogRepository
from tests.support import seed
from tests.support.api import ApiClient


def add_log(tenant: str, integration: str, status: str, trigger: str = "manual", processed: int = 0) -> dict:
    log = {"id": new_id("sync"), "tenantId": tenant, "integrationId": integration, "direction": "inbound",
           "trigger": trigger, "status": "running", "itemsProcessed": 0, "itemsFailed": 0, "startedAt": clock.iso()}
    repository = SyncLogRepository()
    repository.create_log(log)
    return repository.finish_log(log, {"status": status, "itemsProcessed": processed, "completedAt": clock.iso(),
                                       "durationMs": 12})


def test_sync_logs_are_listed_newest_first_with_filters_and_pagination(aws_env, api: ApiClient) -> None:
    # Given five sync runs of one integration and one of another tenant
    seed.integration("acme", "int_1")
    seed.integration("globex", "int_2")
    first = add_log("acme", "int_1", "success", processed=3)
    add_log("acme", "int_1", "failed")
    add_log("acme", "int_1", "partial", trigger="event")
    add_log("acme", "int_1", "success", trigger="scheduled")
    last = add_log("acme", "int_1", "success", trigger="event", processed=7)
    add_log("globex", "int_2", "success")
    # When the admin lists them
    response = api.get("/api/tenant/integrations/int_1/sync-logs", query={"limit": 2})
    # Then they come newest first, two per page, with the documented fields
    assert response.status == 200, response.raw_body
    body = response.body
    assert body["total"] == 5 and body["hasMore"] is True and body["nextOffset"] == 2
    assert body["syncLogs"][0]["id"] == last["id"] and body["syncLogs"][0]["itemsProcessed"] == 7
    for field in ("id", "integrationId", "tenantId", "direction", "trigger", "status", "itemsProcessed",
                  "itemsFailed", "startedAt", "completedAt", "durationMs"):
        assert field in body["syncLogs"][0]
    assert "ttl" not in body["syncLogs"][0] and "pk" not in body["syncLogs"][0]
    # And filter by status and trigger, and order oldest first
    successes = api.get("/api/tenant/integrations/int_1/sync-logs", query={"status": "success"}).body
    assert successes["total"] == 3
    events = api.get("/api/tenant/integrations/int_1/sync-logs", query={"trigger": "event"}).body
    assert [log["status"] for log in events["syncLogs"]] == ["success", "partial"]
    oldest = api.get("/api/tenant/integrations/int_1/sync-logs", query={"sortOrder": "asc", "limit": 1}).body
    assert oldest["syncLogs"][0]["id"] == first["id"]


def test_sync_logs_reject_bad_filters_and_other_tenants(aws_env, api: ApiClient) -> None:
    seed.integration("acme", "int_1")
    seed.integration("globex", "int_2")
    assert api.get("/api/tenant/integrations/int_1/sync-logs", query={"status": "done"}).status == 400
    assert api.get("/api/tenant/integrations/int_1/sync-logs", query={"limit": 500}).status == 400
    missing = api.get("/api/tenant/integrations/int_2/sync-logs")
    assert missing.status == 404 and missing.error["code"] == "INTEGRATION_NOT_FOUND"
    assert api.as_("user").get("/api/tenant/integrations/int_1/sync-logs").status == 403
