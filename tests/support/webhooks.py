"""Webhook test helpers: a receiver that verifies on the hub's clock, event capture on the real bus."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import standardwebhooks.webhooks as standardwebhooks_module

from hub import aws, clock
from hub.settings import get_settings
from local.receiver import ReceivedRequest, verify


class HubClockDatetime(datetime):
    """`datetime` whose now() is the hub's clock, so a receiver living in the same (moved) time
    as the hub checks the webhook-timestamp tolerance against that time."""

    @classmethod
    def now(cls, tz: Any = None) -> HubClockDatetime:  # type: ignore[override]
        moment = datetime.fromtimestamp(clock.now(), tz=tz)
        return cls(*moment.timetuple()[:6], moment.microsecond, tzinfo=moment.tzinfo)


@pytest.fixture
def receiver_on_hub_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(standardwebhooks_module, "datetime", HubClockDatetime)


def verifies(request: ReceivedRequest, *secrets: str) -> bool:
    """Checked with the independent `standardwebhooks` library."""
    return verify(request.body, request.headers, secrets)


class EventCapture:
    """An SQS queue subscribed to every hub event on the bus (a rule, as a consumer would have)."""

    def __init__(self, name: str = "capture") -> None:
        settings = get_settings()
        sqs, events = aws.client("sqs"), aws.client("events")
        self.queue_url = sqs.create_queue(QueueName=f"test-{name}")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        events.put_rule(Name=f"test-{name}", EventBusName=settings.event_bus_name,
                        EventPattern=json.dumps({"source": [settings.event_source]}))
        events.put_targets(Rule=f"test-{name}", EventBusName=settings.event_bus_name,
                           Targets=[{"Id": "capture", "Arn": arn}])
        self.events: list[dict[str, Any]] = []

    def drain(self) -> list[dict[str, Any]]:
        sqs = aws.client("sqs")
        while True:
            messages = sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", [])
            if not messages:
                return self.events
            for message in messages:
                self.events.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        return [e["detail"] for e in self.drain() if e.get("detail-type") == event_type]


def iter_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from iter_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_strings(item)


@pytest.fixture
def hub_log_lines() -> Iterator[io.StringIO]:
    """Every line the hub's Powertools logger writes, formatted exactly as Lambda would ship it."""
    from hub.observability import logger as hub_logger

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(hub_logger.registered_formatter)
    target = logging.getLogger(hub_logger.name)
    previous_level = target.level
    target.addHandler(handler)
    target.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        target.removeHandler(handler)
        target.setLevel(previous_level)
