"""Webhook plumbing for the local stack and the tests (never deployed).

- `install_webhook_rule()` creates the EventBridge rule that sends hub events to the webhook
  queue (the CDK stack makes the same rule from `hub.webhooks.dispatcher.event_pattern()`).
- `pump_webhook_queue()` feeds what is on the webhook queue to the dispatcher, as the Lambda
  event source mapping does; `run_retry_sweep()` runs the scheduled sweep once.
- `start_webhooks(stack)` is a LocalStack extra: installs the rule and, when no generic
  scheduler/poller runs, keeps pumping and sweeping every `interval` seconds.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from hub import aws
from hub.settings import get_settings
from hub.webhooks.dispatcher import RULE_SUFFIX, event_pattern
from local.apigw import LambdaContext


def rule_name() -> str:
    return f"{get_settings().event_bus_name}-{RULE_SUFFIX}"


def queue_arn(queue_url: str) -> str:
    attributes = aws.client("sqs").get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    return str(attributes["Attributes"]["QueueArn"])


def install_webhook_rule() -> str:
    """Hub events (except those about webhooks) → the webhook queue. Idempotent."""
    settings = get_settings()
    if not settings.webhook_queue_url:
        raise RuntimeError("HUB_WEBHOOK_QUEUE_URL is not set; create the local resources first")
    events = aws.client("events")
    arn = events.put_rule(Name=rule_name(), EventBusName=settings.event_bus_name,
                          EventPattern=json.dumps(event_pattern()), State="ENABLED")["RuleArn"]
    events.put_targets(Rule=rule_name(), EventBusName=settings.event_bus_name,
                       Targets=[{"Id": "webhook-queue", "Arn": queue_arn(settings.webhook_queue_url)}])
    return str(arn)


def sqs_event(messages: list[dict[str, Any]], queue_url: str) -> dict[str, Any]:
    """The event Lambda's SQS event source mapping would hand the function."""
    arn = queue_arn(queue_url)
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "md5OfBody": message.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": arn,
                "awsRegion": get_settings().region,
            }
            for message in messages
        ]
    }


def pump_webhook_queue(max_batches: int = 100) -> int:
    """Drain the webhook queue into the dispatcher; answers the number of records handled.
    Records the dispatcher reports as failed stay on the queue (partial batch response)."""
    from functions.consumers.webhook_dispatcher import handler

    sqs = aws.client("sqs")
    queue_url = get_settings().webhook_queue_url
    handled = 0
    for _ in range(max_batches):
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0,
                                       VisibilityTimeout=60).get("Messages", [])
        if not messages:
            break
        result = handler(sqs_event(messages, queue_url), LambdaContext("webhook-dispatcher", timeout_seconds=90))
        failed = {item["itemIdentifier"] for item in result.get("batchItemFailures", [])}
        done = [m for m in messages if m["MessageId"] not in failed]
        if done:
            sqs.delete_message_batch(QueueUrl=queue_url, Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)
            ])
        handled += len(messages)
    return handled


def run_retry_sweep() -> dict[str, int]:
    from functions.jobs.webhook_retry_sweep import handler

    scheduled = {"version": "0", "id": "local", "detail-type": "Scheduled Event", "source": "aws.events",
                 "detail": {}}
    result: dict[str, int] = handler(scheduled, LambdaContext("webhook-retry-sweep", timeout_seconds=300))
    return result


def start_webhooks(stack: Any = None, *, pump: bool = True, interval: float = 1.0) -> threading.Event:
    """LocalStack extra. With `pump`, a thread pumps the queue and sweeps every `interval`
    seconds (use it when the generic poller/scheduler is not running). Set the returned event
    to stop the thread."""
    install_webhook_rule()
    stop = threading.Event()
    if pump:
        def loop() -> None:
            from hub.observability import logger

            while not stop.wait(interval):
                try:
                    pump_webhook_queue()
                    run_retry_sweep()
                except Exception:
                    logger.exception("local webhook pump failed")

        threading.Thread(target=loop, name="webhook-pump", daemon=True).start()
        stoppers = getattr(stack, "_stoppers", None)
        if isinstance(stoppers, list):
            stoppers.append(stop.set)
    return stop
