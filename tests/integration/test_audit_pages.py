"""The audit trail is read one page per request: a tenant's page is one Query of its partition,
the global page walks hourly GSI1 partitions newest first; cursors continue, filters apply."""

from __future__ import annotations

import base64

from hub import clock
from hub.audit import AuditRepository
from tests.support.api import ApiClient
from tests.support.jobs import dynamodb_operations

T0 = 1_795_000_000.0  # a fixed moment (2026-11-18)


def at(moment: float) -> None:
    """Move the hub's clock to `moment`."""
    clock.advance(moment - clock.now())


def write(tenant: str, action: str, user: str = "alice", target: str = "int_1") -> None:
    AuditRepository().write(tenant_id=tenant, actor={"userId": user}, action=action,
                            target={"route": "x", "pathParameters": {"id": target}}, request_id="r",
                            changes=[], status_code=200)


def seed_trail() -> None:
    """Given 3 records of acme an hour apart and 2 of globex, on the hub clock."""
    for hours, (tenant, action) in enumerate([("acme", "integration.create"), ("globex", "webhook.create"),
                                              ("acme", "integration.update"), ("globex", "webhook.update"),
                                              ("acme", "connection.test")]):
        at(T0 + hours * 3600)
        write(tenant, action, target=f"int_{hours}")


def test_tenant_pages_follow_the_cursor_newest_first(api: ApiClient) -> None:
    seed_trail()
    first = api.get("/api/tenant/audit-logs", query={"limit": "2"}).body
    assert [r["action"] for r in first["auditLogs"]] == ["connection.test", "integration.update"]
    assert first["hasMore"] is True and first["total"] is None
    second = api.get("/api/tenant/audit-logs", query={"limit": "2", "cursor": first["nextCursor"]}).body
    assert [r["action"] for r in second["auditLogs"]] == ["integration.create"]
    assert second["hasMore"] is False and second["nextCursor"] is None


def test_filters_apply_to_the_page(api: ApiClient) -> None:
    seed_trail()
    prefix = api.get("/api/tenant/audit-logs", query={"action": "integration."}).body["auditLogs"]
    assert [r["action"] for r in prefix] == ["integration.update", "integration.create"]
    by_target = api.get("/api/tenant/audit-logs", query={"targetId": "int_2"}).body["auditLogs"]
    assert [r["action"] for r in by_target] == ["integration.update"]
    since = api.get("/api/tenant/audit-logs", query={"from": clock.iso(T0 + 3600)}).body["auditLogs"]
    assert [r["action"] for r in since] == ["connection.test", "integration.update"]
    oldest_first = api.get("/api/tenant/audit-logs", query={"sortOrder": "asc"}).body["auditLogs"]
    assert oldest_first[0]["action"] == "integration.create"


def test_the_global_trail_walks_hours_across_tenants(api: ApiClient) -> None:
    seed_trail()
    admin = api.as_("super_admin", tenant="platform")
    first = admin.get("/api/admin/audit-logs", query={"limit": "3"}).body
    assert [r["action"] for r in first["auditLogs"]] == ["connection.test", "webhook.update", "integration.update"]
    rest = admin.get("/api/admin/audit-logs", query={"limit": "3", "cursor": first["nextCursor"]}).body
    assert [r["action"] for r in rest["auditLogs"]] == ["webhook.create", "integration.create"]
    only_globex = admin.get("/api/admin/audit-logs", query={"tenantId": "globex"}).body["auditLogs"]
    assert {r["tenantId"] for r in only_globex} == {"globex"} and len(only_globex) == 2


def test_a_page_reads_only_the_page(api: ApiClient) -> None:
    # Given 60 records of acme
    at(T0)
    for n in range(60):
        write("acme", f"integration.n{n}")
    # When the first page of 10 is read, Then it is one Query that reads 10 items
    with dynamodb_operations() as operations:
        page = api.get("/api/tenant/audit-logs", query={"limit": "10"}).body
    assert len(page["auditLogs"]) == 10 and page["hasMore"] is True
    assert operations["Query"] == 1 and operations["Scan"] == 0


def test_a_forged_or_foreign_cursor_is_400(api: ApiClient) -> None:
    seed_trail()
    globex_page = api.as_("tenant_admin", tenant="globex").get("/api/tenant/audit-logs", query={"limit": "1"}).body
    foreign = api.get("/api/tenant/audit-logs", query={"cursor": globex_page["nextCursor"]})
    assert foreign.status == 400 and foreign.error["code"] == "VALIDATION_ERROR"
    assert api.get("/api/tenant/audit-logs", query={"cursor": "not-a-cursor"}).status == 400


def test_a_cursor_nested_past_the_json_parsers_stack_is_400(api: ApiClient) -> None:
    # Given a cursor within the length limit whose JSON nests past the parser's stack
    deep = base64.urlsafe_b64encode(b"[" * 1500).decode().rstrip("=")
    for path in ("/api/tenant/audit-logs", "/api/admin/audit-logs"):
        # When it is passed to either listing
        response = api.as_("super_admin" if "admin/" in path else "tenant_admin").get(path, query={"cursor": deep})
        # Then it is refused like any forged cursor
        assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR", response.raw_body
