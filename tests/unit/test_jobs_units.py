"""Pure pieces of the jobs: connection keys, due-index bounds, time budgets, worker rules."""

from __future__ import annotations

import json

import pytest

from functions.workers import WORKERS
from hub.jobs.due import connection_key, due_partitions, due_upper_bound, parse_connection_key
from hub.jobs.refresh_due import message_bodies, parse_message
from hub.jobs.runtime import TimeBudget, invocation_id
from hub.table import DUE_SHARDS, due_keys


def test_connection_keys_round_trip() -> None:
    assert connection_key({"tenantId": "acme", "integrationId": "int_1"}) == "acme#int_1#TENANT"
    assert connection_key({"tenantId": "acme", "integrationId": "int_1", "userId": "bob"}) == "acme#int_1#bob"
    assert parse_connection_key("acme#int_1#TENANT") == ("acme", "int_1", None)
    assert parse_connection_key("acme#int_1#auth0|bob#x") == ("acme", "int_1", "auth0|bob#x")
    for bad in ("", "acme", "acme#int_1", "#int#TENANT", "acme##TENANT"):
        with pytest.raises(ValueError):
            parse_connection_key(bad)


def test_upper_bound_includes_everything_due_at_that_second_and_nothing_later() -> None:
    bound = due_upper_bound(1_700_000_000.9)
    assert due_keys("refresh", "a#b#TENANT", 1_700_000_000)["gsi2sk"] < bound
    assert due_keys("refresh", "zzzz#b#TENANT", 1_700_000_000)["gsi2sk"] < bound
    assert due_keys("refresh", "a#b#TENANT", 1_700_000_001)["gsi2sk"] > bound
    assert due_partitions("health") == [f"DUE#health#{n}" for n in range(DUE_SHARDS)]


def test_refresh_messages_carry_at_most_ten_keys() -> None:
    keys = [f"t#i{n}#TENANT" for n in range(23)]
    bodies = message_bodies(keys)
    assert [len(json.loads(b)["connectionKeys"]) for b in bodies] == [10, 10, 3]
    assert [k for b in bodies for k in parse_message(b)] == keys
    for bad in ("[]", '{"connectionKeys": "x"}', '{"connectionKeys": [1]}', "{}"):
        with pytest.raises(ValueError):
            parse_message(bad)


class FakeContext:
    aws_request_id = "req-42"

    def __init__(self, remaining_ms: int) -> None:
        self.remaining_ms = remaining_ms

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


def test_time_budget_keeps_a_margin_before_the_lambda_timeout() -> None:
    context = FakeContext(30_000)
    budget = TimeBudget(context, margin_ms=20_000)
    assert not budget.exhausted()
    context.remaining_ms = 19_999
    assert budget.exhausted()
    assert not TimeBudget().exhausted()
    assert TimeBudget(max_seconds=0).exhausted()
    assert invocation_id(context, "x") == "req-42" and invocation_id(None, "x") == "x"


def test_every_worker_is_wired_for_its_trigger() -> None:
    names = {w.name for w in WORKERS}
    assert {"refresh-due-connections", "check-connection-health", "purge-expired-states", "refresh-worker",
            "user-deleted-consumer", "content-published-consumer"} <= names
    for worker in WORKERS:
        if worker.trigger == "schedule":
            assert worker.schedule_minutes and worker.schedule_minutes > 0
        elif worker.trigger == "queue":
            assert worker.queue
        else:
            assert worker.trigger == "event" and worker.event_detail_types
            pattern = worker.event_pattern("integration-hub")
            assert pattern["detail-type"] == list(worker.event_detail_types)
            # consumers never take the hub's own events (no loops)
            assert pattern["source"] == [{"anything-but": ["integration-hub"]}] or "integration-hub" not in str(
                pattern["source"])
