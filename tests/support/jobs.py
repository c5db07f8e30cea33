"""Test helpers for jobs: hub events captured through a real bus → rule → SQS queue in moto,
a count of DynamoDB operations, EMF metrics read from stdout, seeded due-index items."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hub import aws
from hub.settings import get_settings


class EventCapture:
    """Every hub event on the bus, as a consumer would get it: an EventBridge rule matching the
    hub's source with a fresh SQS queue as its target."""

    def __init__(self) -> None:
        settings = get_settings()
        sqs, events = aws.client("sqs"), aws.client("events")
        name = f"test-capture-{uuid.uuid4().hex[:8]}"
        self.queue_url = sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        events.put_rule(Name=name, EventBusName=settings.event_bus_name,
                        EventPattern=json.dumps({"source": [settings.event_source]}), State="ENABLED")
        events.put_targets(Rule=name, EventBusName=settings.event_bus_name, Targets=[{"Id": "capture", "Arn": arn}])
        self._seen: list[dict[str, Any]] = []

    def events(self) -> list[dict[str, Any]]:
        sqs = aws.client("sqs")
        while True:
            messages = sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", [])
            if not messages:
                return list(self._seen)
            for message in messages:
                self._seen.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def details(self, detail_type: str | None = None) -> list[dict[str, Any]]:
        return [e["detail"] for e in self.events() if detail_type is None or e["detail-type"] == detail_type]

    def types(self) -> list[str]:
        return [e["detail-type"] for e in self.events()]


@contextmanager
def dynamodb_operations() -> Iterator[Counter[str]]:
    """Counts every DynamoDB API call made through the hub's client while the block runs."""
    calls: Counter[str] = Counter()

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    client = aws.client("dynamodb")
    client.meta.events.register("before-call.dynamodb.*", count, unique_id="test-count-ops")
    try:
        yield calls
    finally:
        client.meta.events.unregister("before-call.dynamodb.*", unique_id="test-count-ops")


def emitted_metrics(stdout: str) -> Counter[str]:
    """Sum of the EMF metrics Powertools printed."""
    totals: Counter[str] = Counter()
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("{") or '"_aws"' not in line:
            continue
        blob = json.loads(line)
        for directive in blob["_aws"]["CloudWatchMetrics"]:
            assert directive["Namespace"] == "IntegrationHub"
            for metric in directive["Metrics"]:
                value = blob[metric["Name"]]
                totals[metric["Name"]] += sum(value) if isinstance(value, list) else value
    return totals
