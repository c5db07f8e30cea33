"""AWS resources of the hub, created from the same definitions the CDK stack uses.

Used by the local stack (against moto server) and by the tests (against in-process moto).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import boto3

from functions.workers import QUEUES
from hub.settings import DEFAULTS
from hub.table import create_table


@dataclass(frozen=True)
class LocalResources:
    table_name: str
    kms_key_arn: str
    event_bus_name: str
    event_bus_arn: str
    queue_urls: dict[str, str]
    # event-trigger worker name -> the queue its rule fills locally (moto never invokes Lambda)
    event_queue_urls: dict[str, str] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        env = {
            "HUB_TABLE_NAME": self.table_name,
            "HUB_KMS_KEY_ID": self.kms_key_arn,
            "HUB_EVENT_BUS_NAME": self.event_bus_name,
        }
        for name, url in self.queue_urls.items():
            env[f"HUB_{name.upper()}_QUEUE_URL"] = url
        return env


def create_resources(
    *,
    region: str = DEFAULTS.region,
    endpoint_url: str | None = None,
    table_name: str = DEFAULTS.table_name,
    bus_name: str = DEFAULTS.event_bus_name,
    with_rules: bool = True,
) -> LocalResources:
    session = boto3.session.Session(region_name=region)
    kwargs = {"endpoint_url": endpoint_url} if endpoint_url else {}
    dynamodb = session.client("dynamodb", **kwargs)
    existing = dynamodb.list_tables().get("TableNames", [])
    if table_name not in existing:
        create_table(dynamodb, table_name)

    kms = session.client("kms", **kwargs)
    alias = "alias/integration-hub"
    aliases = {a["AliasName"]: a.get("TargetKeyId") for a in kms.list_aliases().get("Aliases", [])}
    if aliases.get(alias):
        key_arn = kms.describe_key(KeyId=aliases[alias])["KeyMetadata"]["Arn"]
    else:
        key_arn = kms.create_key(Description="integration hub (local)")["KeyMetadata"]["Arn"]
        kms.create_alias(AliasName=alias, TargetKeyId=key_arn)

    events = session.client("events", **kwargs)
    try:
        bus_arn = events.describe_event_bus(Name=bus_name)["Arn"]
    except events.exceptions.ResourceNotFoundException:
        bus_arn = events.create_event_bus(Name=bus_name)["EventBusArn"]

    sqs = session.client("sqs", **kwargs)
    queue_urls = {}
    for name in QUEUES:
        dlq = sqs.create_queue(QueueName=f"integration-hub-{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue_urls[name] = sqs.create_queue(
            QueueName=f"integration-hub-{name}",
            Attributes={
                "VisibilityTimeout": "120",
                "RedrivePolicy": f'{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":"5"}}',
            },
        )["QueueUrl"]
    event_queue_urls = create_event_rules(events, sqs, bus_name, queue_urls) if with_rules else {}
    return LocalResources(
        table_name=table_name,
        kms_key_arn=key_arn,
        event_bus_name=bus_name,
        event_bus_arn=bus_arn,
        queue_urls=queue_urls,
        event_queue_urls=event_queue_urls,
    )


# ---- EventBridge rules ------------------------------------------------------------------------
# The CDK stack makes the same rules (infra/constructs/events.py): one per event-trigger worker
# (Worker.event_pattern: its detail types from any source but the hub's own, target the
# function) and one per queue worker with `feed_detail_types` (hub events of those types, target
# its queue). Locally an event worker's target is a queue the job runner polls, because moto
# stores Lambda targets but never invokes them.


def feed_pattern(worker: Any, hub_source: str) -> dict[str, Any]:
    """The rule pattern that puts hub events on a queue worker's queue."""
    return {"source": [hub_source], "detail-type": list(worker.feed_detail_types)}


def feed_rule_name(bus_name: str, queue: str) -> str:
    # "{bus}-webhooks" is also the rule local.webhooks_dev installs: one rule, never two feeding
    # the same queue (which would deliver every event twice)
    return f"{bus_name}-{queue}s"


def event_queue_name(worker_name: str) -> str:
    return f"integration-hub-event-{worker_name}"


def _queue_arn(sqs: Any, url: str) -> str:
    return str(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])


def create_event_rules(events: Any, sqs: Any, bus_name: str, queue_urls: dict[str, str],
                       hub_source: str = DEFAULTS.event_source, workers: list[Any] | None = None) -> dict[str, str]:
    """Rules on the hub bus for every event worker and every queue feed (idempotent)."""
    if workers is None:
        try:
            from functions.workers import WORKERS

            workers = list(WORKERS)
        except ImportError:
            workers = []
    event_queue_urls: dict[str, str] = {}
    for worker in workers or []:
        if worker.trigger != "event" or not worker.event_detail_types:
            continue
        url = sqs.create_queue(QueueName=event_queue_name(worker.name),
                               Attributes={"VisibilityTimeout": str(max(30, worker.timeout_seconds))})["QueueUrl"]
        event_queue_urls[worker.name] = url
        _put_rule(events, bus_name, f"{bus_name}-{worker.name}", worker.event_pattern(hub_source),
                  _queue_arn(sqs, url), "event-queue")
    for worker in workers or []:
        queue = worker.queue or ""
        if worker.trigger == "queue" and worker.feed_detail_types and queue in queue_urls:
            _put_rule(events, bus_name, feed_rule_name(bus_name, queue), feed_pattern(worker, hub_source),
                      _queue_arn(sqs, queue_urls[queue]), f"{queue}-queue")
    return event_queue_urls


def _put_rule(events: Any, bus_name: str, name: str, pattern: dict[str, Any], target_arn: str,
              target_id: str) -> None:
    # the same target id as hub.webhooks' own installer, so running both never doubles a target
    events.put_rule(Name=name, EventBusName=bus_name, EventPattern=json.dumps(pattern), State="ENABLED")
    events.put_targets(Rule=name, EventBusName=bus_name, Targets=[{"Id": target_id, "Arn": target_arn}])
