"""The local stack's job runner: schedules fire, queues feed their workers, and events put on the
bus reach event workers through their rules (moto never invokes Lambda targets)."""

from __future__ import annotations

import json
import time

import pytest

from hub import aws
from hub.http.routing import Worker
from hub.settings import get_settings
from local.jobs import LocalJobs
from local.resources import create_event_rules
from tests.support import probe_worker

SCHEDULED = Worker("probe-schedule", "tests.support.probe_worker", "schedule", "jobs", schedule_minutes=5)
QUEUED = Worker("probe-queue", "tests.support.probe_worker", "queue", "jobs", queue="refresh")
EVENTED = Worker("probe-event", "tests.support.probe_worker", "event", "jobs", event_detail_types=("thing.happened",))


@pytest.fixture(autouse=True)
def _clean_probe() -> None:
    probe_worker.RECEIVED.clear()
    probe_worker.FAIL_TIMES[0] = 0


def runner(aws_env, interval: float | None = None) -> LocalJobs:
    settings = get_settings()
    event_queues = create_event_rules(aws.client("events"), aws.client("sqs"), settings.event_bus_name,
                                      aws_env.queue_urls, workers=[EVENTED])
    return LocalJobs(workers=[SCHEDULED, QUEUED, EVENTED], queue_urls=dict(aws_env.queue_urls),
                     event_queue_urls=event_queues, interval_seconds=interval)


def put_event(source: str, detail_type: str, detail: dict) -> None:
    aws.client("events").put_events(Entries=[{"EventBusName": get_settings().event_bus_name, "Source": source,
                                              "DetailType": detail_type, "Detail": json.dumps(detail)}])


def wait_for(condition, timeout: float = 120.0) -> bool:
    # the bound only stops a broken runner from hanging the suite; a slow machine just takes longer
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_an_event_from_another_service_reaches_the_event_worker_but_a_hub_event_does_not(aws_env) -> None:
    jobs = runner(aws_env)
    # Given the same detail type put on the bus by another service and by the hub itself
    put_event("user-service", "thing.happened", {"tenantId": "acme", "n": 1})
    put_event(get_settings().event_source, "thing.happened", {"tenantId": "acme", "n": 2})
    put_event("user-service", "other.thing", {"tenantId": "acme", "n": 3})
    # When the router runs
    assert jobs.pump_events(EVENTED) == 1
    # Then the worker got the EventBridge event of the other service only
    [event] = probe_worker.RECEIVED
    assert event["detail-type"] == "thing.happened" and event["source"] == "user-service"
    assert event["detail"] == {"tenantId": "acme", "n": 1}


def test_a_failing_event_is_retried_a_few_times(aws_env, monkeypatch) -> None:
    jobs = runner(aws_env)
    probe_worker.FAIL_TIMES[0] = 1
    put_event("user-service", "thing.happened", {"n": 1})
    assert jobs.pump_events(EVENTED) == 0  # failed: left on the queue
    attributes = aws.client("sqs").get_queue_attributes(QueueUrl=jobs.event_queue_urls["probe-event"],
                                                        AttributeNames=["ApproximateNumberOfMessagesNotVisible"])
    assert attributes["Attributes"]["ApproximateNumberOfMessagesNotVisible"] == "1"


def test_queue_records_reported_failed_stay_on_the_queue(aws_env) -> None:
    jobs = runner(aws_env)
    sqs = aws.client("sqs")
    url = aws_env.queue_urls["refresh"]
    for body in ("a", "fail", "b"):
        sqs.send_message(QueueUrl=url, MessageBody=body)
    assert jobs.pump_queue(QUEUED) == 3
    bodies = sorted(r["body"] for event in probe_worker.RECEIVED for r in event["Records"])
    assert bodies == ["a", "b", "fail"]
    left = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesNotVisible"])
    assert left["Attributes"]["ApproximateNumberOfMessagesNotVisible"] == "1"


def test_background_threads_fire_schedules_feed_queues_and_stop_cleanly(aws_env) -> None:
    # Given the runner started with a short schedule interval
    jobs = runner(aws_env, interval=0.3).start()
    try:
        aws.client("sqs").send_message(QueueUrl=aws_env.queue_urls["refresh"], MessageBody="queued")
        put_event("user-service", "thing.happened", {"n": 1})
        # Then within a few seconds the schedule fired (more than once), the queue and the event were fed
        assert wait_for(lambda: sum(1 for e in probe_worker.RECEIVED if e.get("detail-type") == "Scheduled Event") >= 2)
        assert wait_for(lambda: any("Records" in e for e in probe_worker.RECEIVED))
        assert wait_for(lambda: any(e.get("detail-type") == "thing.happened" for e in probe_worker.RECEIVED))
    finally:
        threads = list(jobs._threads)
        jobs.stop(timeout=120)
    # And it stops: every thread it started has ended
    assert threads and not any(thread.is_alive() for thread in threads)
    assert jobs._threads == []


def test_the_hub_rules_route_consumed_events_and_feed_no_hub_event_to_consumers(aws_env) -> None:
    # the real rules exist (created with the resources) for every event worker
    rules = aws.client("events").list_rules(EventBusName=get_settings().event_bus_name)["Rules"]
    names = {r["Name"] for r in rules}
    assert {"integration-hub-user-deleted-consumer", "integration-hub-content-published-consumer"} <= names
    pattern = json.loads(next(r for r in rules if r["Name"].endswith("user-deleted-consumer"))["EventPattern"])
    assert pattern == {"source": [{"anything-but": ["integration-hub"]}], "detail-type": ["user.deleted"]}


def test_one_rule_feeds_the_webhook_queue_whoever_installs_it(aws_env) -> None:
    # the local stack creates the feed from Worker.feed_detail_types, and local.webhooks_dev
    # installs its own: they must be one rule with one target, or every event would arrive twice
    from local.webhooks_dev import install_webhook_rule

    install_webhook_rule()
    events = aws.client("events")
    bus = get_settings().event_bus_name
    feeding = [r["Name"] for r in events.list_rules(EventBusName=bus)["Rules"]
               if any(t["Arn"].endswith(":integration-hub-webhook")
                      for t in events.list_targets_by_rule(Rule=r["Name"], EventBusName=bus)["Targets"])]
    assert feeding == ["integration-hub-webhooks"]
    assert len(events.list_targets_by_rule(Rule="integration-hub-webhooks", EventBusName=bus)["Targets"]) == 1
