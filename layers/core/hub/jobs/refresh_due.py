"""`refresh_due_connections`: refresh every connection whose token is about to expire.

The schedule (every `refresh_schedule_minutes`) reads the due index's `DUE#refresh#{shard}`
partitions for connections with `refreshDueAt` (expiry minus the refresh buffer) ≤ now, never
Scanning. One invocation refreshes up to `refresh_inline_max` of them with at most
`refresh_concurrency` in flight and stops starting new ones when less than
`job_time_margin_ms` of its time is left; the rest go to the refresh queue in messages of
`MAX_KEYS_PER_MESSAGE` connection keys, where `functions/consumers/refresh_worker.py` takes
them. Each refresh takes the connection's lease (`hub.connections.refresh.refresh_connection`),
so overlapping runs, queue workers and on-demand refreshes never refresh one connection twice.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from hub import aws, clock
from hub.connections.refresh import refresh_connection
from hub.jobs.due import REFRESH, connection_key, iter_due, parse_connection_key
from hub.jobs.runtime import TimeBudget
from hub.observability import logger, metrics
from hub.settings import get_settings

MAX_KEYS_PER_MESSAGE = 10
SQS_BATCH_ENTRIES = 10
SUCCEEDED = ("refreshed",)
FAILED = ("expired", "retry_later", "error", "crashed", "invalid_key")
# not_due / lease_taken / not_refreshable: someone else did it, or nothing to do

Refresher = Callable[..., Any]


@dataclass
class RefreshReport:
    due: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    enqueued: int = 0
    not_started: list[str] = field(default_factory=list)
    crashed_keys: list[str] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return sum(self.outcomes[s] for s in SUCCEEDED)

    @property
    def failed(self) -> int:
        return sum(self.outcomes[s] for s in FAILED)

    def as_dict(self) -> dict[str, Any]:
        return {
            "due": self.due,
            "refreshed": self.succeeded,
            "failed": self.failed,
            "enqueued": self.enqueued,
            "notStarted": len(self.not_started),
            "outcomes": dict(sorted(self.outcomes.items())),
        }


def _default_refresher() -> Refresher:
    return refresh_connection


def due_connection_keys(now: float, *, max_items: int | None = None) -> list[str]:
    """Connection keys with a refresh due by `now`, from the due index (oldest due first per shard)."""
    keys: dict[str, None] = {}
    for item in iter_due(REFRESH, now, max_items=max_items or get_settings().refresh_scan_max):
        if item.get("tenantId") and item.get("integrationId"):
            keys[connection_key(item)] = None
    return list(keys)


def _refresh_one(refresher: Refresher, key: str, owner: str) -> str:
    try:
        tenant_id, integration_id, user_id = parse_connection_key(key)
    except ValueError:
        logger.warning("malformed connection key in refresh work", extra={"connectionKey": key[:200]})
        return "invalid_key"
    try:
        outcome = refresher(tenant_id, integration_id, user_id, owner=owner)
    except Exception:  # noqa: BLE001 - one connection's failure must not stop the others
        logger.exception("refresh failed unexpectedly", extra={"connectionKey": key})
        return "crashed"
    return str(getattr(outcome, "status", "error"))


def refresh_keys(
    keys: Sequence[str],
    *,
    owner: str,
    budget: TimeBudget,
    concurrency: int | None = None,
    refresher: Refresher | None = None,
    report: RefreshReport | None = None,
) -> RefreshReport:
    """Refresh each key with at most `concurrency` in flight; keys not started before the budget
    ran out are returned in `report.not_started` (the caller hands them on)."""
    report = report or RefreshReport()
    refresh = refresher or _default_refresher()
    width = max(1, min(concurrency or get_settings().refresh_concurrency, len(keys) or 1))
    pending = list(reversed(keys))
    in_flight: dict[Future[str], str] = {}
    with ThreadPoolExecutor(max_workers=width, thread_name_prefix="refresh") as pool:
        while pending or in_flight:
            while pending and len(in_flight) < width:
                if budget.exhausted():
                    report.not_started.extend(reversed(pending))
                    pending.clear()
                    break
                key = pending.pop()
                in_flight[pool.submit(_refresh_one, refresh, key, owner)] = key
            if not in_flight:
                break
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                key = in_flight.pop(future)
                status = future.result()
                report.outcomes[status] += 1
                if status == "crashed":
                    report.crashed_keys.append(key)
    return report


def message_bodies(keys: Iterable[str]) -> list[str]:
    """Queue message bodies, each with up to MAX_KEYS_PER_MESSAGE connection keys."""
    batch: list[str] = []
    bodies = []
    for key in keys:
        batch.append(key)
        if len(batch) == MAX_KEYS_PER_MESSAGE:
            bodies.append(json.dumps({"connectionKeys": batch}))
            batch = []
    if batch:
        bodies.append(json.dumps({"connectionKeys": batch}))
    return bodies


def enqueue_keys(keys: Sequence[str], queue_url: str | None = None) -> int:
    """Send keys to the refresh queue; answers how many keys were accepted."""
    url = queue_url or get_settings().refresh_queue_url
    if not keys:
        return 0
    if not url:
        raise RuntimeError("the refresh queue is not configured (HUB_REFRESH_QUEUE_URL)")
    sqs = aws.client("sqs")
    bodies = message_bodies(keys)
    accepted = 0
    for start in range(0, len(bodies), SQS_BATCH_ENTRIES):
        chunk = bodies[start : start + SQS_BATCH_ENTRIES]
        response = sqs.send_message_batch(
            QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": body} for i, body in enumerate(chunk)]
        )
        failed = {entry["Id"] for entry in response.get("Failed", [])}
        for i, body in enumerate(chunk):
            if str(i) not in failed:
                accepted += len(json.loads(body)["connectionKeys"])
        if failed:
            logger.error("refresh work not enqueued", extra={"failedMessages": len(failed)})
    return accepted


def emit_metrics(report: RefreshReport) -> None:
    metrics.add_metric(name="RefreshSucceeded", unit=MetricUnit.Count, value=report.succeeded)
    metrics.add_metric(name="RefreshFailed", unit=MetricUnit.Count, value=report.failed)
    if report.enqueued:
        metrics.add_metric(name="RefreshEnqueued", unit=MetricUnit.Count, value=report.enqueued)


def refresh_due_connections(
    *,
    owner: str,
    budget: TimeBudget,
    now: float | None = None,
    refresher: Refresher | None = None,
) -> RefreshReport:
    """The scheduled job: find due connections, refresh what fits, fan the rest out."""
    settings = get_settings()
    started = clock.now() if now is None else now
    keys = due_connection_keys(started)
    report = RefreshReport(due=len(keys))
    queue_url = settings.refresh_queue_url
    inline = keys
    if queue_url and len(keys) > settings.refresh_inline_max:
        # hand the overflow on first, so the queue workers run alongside this invocation
        inline, overflow = keys[: settings.refresh_inline_max], keys[settings.refresh_inline_max :]
        report.enqueued += enqueue_keys(overflow, queue_url)
    refresh_keys(inline, owner=owner, budget=budget, refresher=refresher, report=report)
    if report.not_started and queue_url:
        report.enqueued += enqueue_keys(report.not_started, queue_url)
        report.not_started = []
    emit_metrics(report)
    logger.info("refresh run finished", extra={"refreshRun": report.as_dict()})
    return report


def parse_message(body: str) -> list[str]:
    """The connection keys of one refresh-queue message (ValueError when it is not one)."""
    data = json.loads(body)
    keys = data.get("connectionKeys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys) or len(keys) > 100:
        raise ValueError("not a refresh message")
    return keys
