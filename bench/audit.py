"""The first page of the audit trail at 100,000 records: a tenant's page next to the super
admin's global page (and a filtered global page), against in-process moto.

The records are spread over 20 tenants and 48 hours. Each page is read through the service the
handlers call; DynamoDB calls and items read (ScannedCount) are counted at botocore, so "reads
one page per request" is a deterministic figure; the times are the median of repeated reads and
their ratio is what the machine says. Before issue 16 the global page read every tenant's records
(up to 5,000) from one GSI partition, AUDIT#ALL, on every request.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from typing import Any

TENANTS = 20
HOURS = 48
REPEAT = 5


def run(records: int = 100_000) -> dict[str, Any]:
    from bench._env import prepare

    prepare()
    from moto import mock_aws

    with mock_aws():
        return _measure(records)


def _measure(count: int) -> dict[str, Any]:
    from hub import aws, clock
    from hub.audit import AuditRepository
    from hub.audit_service import AdminAuditListParams, AuditListParams, list_audit_logs
    from hub.settings import get_settings, reset_settings
    from local.resources import create_resources

    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources().environment())
    reset_settings()
    started = time.perf_counter()
    _seed(count, AuditRepository(), clock, get_settings().table_name)
    seeded_s = time.perf_counter() - started

    pages = {
        "tenant page": lambda: list_audit_logs(AuditListParams(limit=50), tenant_id="tenant-7"),
        "global page": lambda: list_audit_logs(AdminAuditListParams(limit=50), tenant_id=None),
        "global page, action filter": lambda: list_audit_logs(
            AdminAuditListParams(limit=50, action="webhook."), tenant_id=None),
    }
    figures: dict[str, Any] = {"records": count, "seeding s": seeded_s}
    times: dict[str, float] = {}
    for name, read in pages.items():
        calls, scanned = _counting()
        page = read()
        figures[f"{name}: records answered"] = len(page.auditLogs)
        figures[f"{name}: DynamoDB calls"] = sum(calls.values())
        figures[f"{name}: items read"] = scanned["items"]
        times[name] = _median_ms(read)
        figures[f"{name}: median ms"] = times[name]
    figures["global / tenant page time (ratio)"] = times["global page"] / times["tenant page"]
    return figures


def _seed(count: int, repository: Any, clock: Any, table: str) -> None:
    """Batch-write `count` records, spread over tenants and hours, on the hub clock."""
    from hub.repository import serialize

    client = repository.client
    start = clock.now() - HOURS * 3600
    batch: list[dict[str, Any]] = []
    actions = ("integration.update", "connection.refresh", "webhook.update", "integration.sync")
    for n in range(count):
        clock.advance(start + n * HOURS * 3600 / count - clock.now())
        record = repository.build(tenant_id=f"tenant-{n % TENANTS}", actor={"userId": f"user-{n % 7}"},
                                  action=actions[n % len(actions)], target={"route": "bench"},
                                  request_id=f"r{n}", changes=[], status_code=200)
        batch.append({"PutRequest": {"Item": serialize(record)}})
        if len(batch) == 25:
            client.batch_write_item(RequestItems={table: batch})
            batch = []
    if batch:
        client.batch_write_item(RequestItems={table: batch})
    clock.reset()


def _counting() -> tuple[Counter[str], Counter[str]]:
    from hub import aws

    calls: Counter[str] = Counter()
    scanned: Counter[str] = Counter()
    client = aws.client("dynamodb")

    def before(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    def after(http_response: Any, parsed: dict[str, Any], **_: Any) -> None:
        scanned["items"] += int(parsed.get("ScannedCount", 0))

    client.meta.events.unregister("before-call.dynamodb.*", unique_id="bench-audit-calls")
    client.meta.events.unregister("after-call.dynamodb.*", unique_id="bench-audit-scanned")
    client.meta.events.register("before-call.dynamodb.*", before, unique_id="bench-audit-calls")
    client.meta.events.register("after-call.dynamodb.*", after, unique_id="bench-audit-scanned")
    return calls, scanned


def _median_ms(read: Any) -> float:
    samples = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        read()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)
