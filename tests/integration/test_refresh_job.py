"""The scheduled refresh's own mechanics: what it finds in the due index, how many refreshes it
runs at once, when it stops, and how it fans the rest out through the refresh queue. The
refresh of one connection is hub.connections.refresh (tested with the sandbox elsewhere); here a
recording refresher stands in for it, through the job's `refresher` seam."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

import pytest

from functions.workers import WORKERS
from hub import aws, clock
from hub.connections.repository import ConnectionRepository
from hub.jobs import refresh_due
from hub.jobs.due import REFRESH, connection_key
from hub.jobs.refresh_due import due_connection_keys, message_bodies, refresh_due_connections
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings, reset_settings
from hub.table import due_keys
from local.apigw import LambdaContext
from local.jobs import local_jobs
from tests.support.jobs import dynamodb_operations, emitted_metrics


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Any:
    # jobs called directly (not through their handler) leave metrics on the shared object
    from hub.observability import metrics

    metrics.clear_metrics()
    yield
    metrics.clear_metrics()


@dataclass
class Outcome:
    status: str


class RecordingRefresher:
    """Records each refresh; `takes` moves the hub's (frozen) clock as if a refresh took that long,
    and `together` holds each refresh until that many run at once (a rendezvous, not a sleep)."""

    def __init__(self, takes: float = 0.0, together: int = 0, status: str = "refreshed") -> None:
        self.takes = takes
        self.status = status
        self.calls: list[tuple[str, str, str | None, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._rendezvous = threading.Barrier(together, timeout=60) if together else None

    def __call__(self, tenant_id: str, integration_id: str, user_id: str | None = None, *, owner: str,
                 **_: Any) -> Outcome:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.calls.append((tenant_id, integration_id, user_id, owner))
        if self._rendezvous is not None:
            self._rendezvous.wait()
        clock.advance(self.takes)
        with self._lock:
            self.in_flight -= 1
        return Outcome(self.status)

    def keys(self) -> set[str]:
        return {f"{t}#{i}#{u or 'TENANT'}" for t, i, u, _ in self.calls}


def seed(tenant: str, integration: str, due_at: float | None, user: str | None = None) -> str:
    record: dict[str, Any] = {"tenantId": tenant, "integrationId": integration, "connectionId": f"con_{integration}",
                              "status": "active"}
    if user:
        record["userId"] = user
    if due_at is not None:
        record.update(due_keys(REFRESH, connection_key(record), due_at))
        record["refreshDueAt"] = int(due_at)
    ConnectionRepository().create_connection(record)
    return connection_key(record)


def configure(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    reset_settings()


def queued_bodies() -> list[dict[str, Any]]:
    sqs = aws.client("sqs")
    bodies = []
    while messages := sqs.receive_message(QueueUrl=get_settings().refresh_queue_url,
                                          MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            bodies.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=get_settings().refresh_queue_url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


def test_due_index_query_finds_only_connections_due_by_now_and_never_scans(aws_env) -> None:
    # Given connections due in the past (spread over shards), one due later, one without a due time
    now = clock.now()
    due = {seed("acme", f"int_{n}", now - 60 * n) for n in range(1, 12)}
    due.add(seed("acme", "int_user", now - 5, user="bob"))
    seed("acme", "int_later", now + 600)
    seed("acme", "int_none", None)
    # When the job reads the index
    with dynamodb_operations() as operations:
        keys = due_connection_keys(now)
    # Then it finds exactly the due ones, with Queries only
    assert set(keys) == due
    assert set(operations) == {"Query"} and operations["Query"] >= 8  # one per shard at least


def test_refreshes_run_with_bounded_concurrency_under_the_invocations_owner(aws_env, monkeypatch) -> None:
    # Given 12 due connections and a concurrency of 4
    configure(monkeypatch, HUB_REFRESH_CONCURRENCY="4")
    expected = {seed("acme", f"int_{n}", clock.now() - 1) for n in range(12)}
    refresher = RecordingRefresher(together=4)  # 12 refreshes meet in three groups of four
    # When the job runs
    report = refresh_due_connections(owner="req-123", budget=TimeBudget(), refresher=refresher)
    # Then every connection was refreshed once, never more than 4 at a time, under one owner
    assert refresher.keys() == expected and len(refresher.calls) == 12
    assert refresher.max_in_flight == 4
    assert {owner for *_, owner in refresher.calls} == {"req-123"}
    assert report.as_dict()["refreshed"] == 12 and report.enqueued == 0


def test_stops_starting_refreshes_when_time_runs_out_and_hands_the_rest_to_the_queue(aws_env, monkeypatch) -> None:
    # Given 25 due connections, one refresh at a time, each taking 100 ms of the hub's clock,
    # and a budget of 250 ms
    configure(monkeypatch, HUB_REFRESH_CONCURRENCY="1")
    for n in range(25):
        seed("acme", f"int_{n:02d}", clock.now() - 1)
    refresher = RecordingRefresher(takes=0.1)
    # When the job runs out of time
    report = refresh_due_connections(owner="req-1", budget=TimeBudget(max_seconds=0.25), refresher=refresher)
    # Then it started the three that fit (at 0, 100 and 200 ms) and enqueued the rest in
    # messages of at most ten keys
    started = len(refresher.calls)
    assert started == 3
    bodies = queued_bodies()
    queued = [key for body in bodies for key in body["connectionKeys"]]
    assert report.enqueued == len(queued) == 25 - started
    assert all(len(body["connectionKeys"]) <= 10 for body in bodies)
    assert set(queued).isdisjoint(refresher.keys())


def test_more_due_than_one_invocation_does_fans_out_and_the_worker_refreshes_them(aws_env, monkeypatch,
                                                                                 capsys) -> None:
    # Given 23 due connections and an invocation that refreshes at most 5 itself
    configure(monkeypatch, HUB_REFRESH_INLINE_MAX="5")
    every = {seed("acme", f"int_{n:02d}", clock.now() - 1) for n in range(23)}
    refresher = RecordingRefresher()
    monkeypatch.setattr(refresh_due, "_default_refresher", lambda: refresher)
    # When the scheduled function runs
    from functions.jobs.refresh_due_connections import handler

    result = handler({"detail-type": "Scheduled Event", "source": "aws.events"},
                     LambdaContext("refresh-due-connections", timeout_seconds=300))
    # Then it refreshed 5 and put 18 keys on the queue
    assert result["refreshed"] == 5 and result["enqueued"] == 18
    assert emitted_metrics(capsys.readouterr().out)["RefreshSucceeded"] == 5
    # When the refresh worker takes the queue (as the SQS event source mapping would)
    jobs = local_jobs(workers=[w for w in WORKERS if w.name == "refresh-worker"])
    handled = jobs.pump_queue(jobs.workers[0])
    # Then every due connection has been refreshed, each exactly once
    assert handled == 2  # messages of 10 and 8 keys
    assert refresher.keys() == every and len(refresher.calls) == 23
    assert emitted_metrics(capsys.readouterr().out)["RefreshSucceeded"] == 18


def test_failed_refreshes_are_counted_and_a_crash_does_not_stop_the_others(aws_env, capsys) -> None:
    # Given three due connections: one whose refresh crashes, two that fail transiently
    for n in range(3):
        seed("acme", f"int_{n}", clock.now() - 1)

    def refresher(tenant_id: str, integration_id: str, user_id: str | None = None, **_: Any) -> Outcome:
        if integration_id == "int_0":
            raise RuntimeError("boom")
        return Outcome("retry_later")

    # When the job runs
    report = refresh_due_connections(owner="o", budget=TimeBudget(), refresher=refresher)
    # Then all three are failures, and the metrics say so
    assert report.failed == 3 and report.outcomes["crashed"] == 1 and report.outcomes["retry_later"] == 2
    from hub.observability import metrics

    metrics.flush_metrics()
    totals = emitted_metrics(capsys.readouterr().out)
    assert totals["RefreshFailed"] == 3 and totals["RefreshSucceeded"] == 0


def test_worker_drops_malformed_messages_and_requeues_what_it_had_no_time_for(aws_env, monkeypatch) -> None:
    # Given a worker invocation with almost no time left
    refresher = RecordingRefresher()
    monkeypatch.setattr(refresh_due, "_default_refresher", lambda: refresher)
    from functions.consumers.refresh_worker import handler

    keys = [f"acme#int_{n}#TENANT" for n in range(3)]
    event = {"Records": [
        {"messageId": "m1", "receiptHandle": "r1", "body": "not json", "attributes": {}, "messageAttributes": {},
         "md5OfBody": "", "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-1:1:q",
         "awsRegion": "us-east-1"},
        {"messageId": "m2", "receiptHandle": "r2", "body": message_bodies(keys)[0], "attributes": {},
         "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
         "eventSourceARN": "arn:aws:sqs:us-east-1:1:q", "awsRegion": "us-east-1"},
    ]}
    # When it handles a batch with a malformed record and a record of three keys
    result = handler(event, LambdaContext("refresh-worker", timeout_seconds=1))  # below the time margin
    # Then no record fails, nothing was refreshed, and the three keys are back on the queue
    assert result == {"batchItemFailures": []}
    assert refresher.calls == []
    assert [key for body in queued_bodies() for key in body["connectionKeys"]] == keys
