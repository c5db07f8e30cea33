"""Signed webhook deliveries per second from one dispatcher to a loopback receiver.

One endpoint; `deliveries` hub events handed to the webhook-dispatcher function in SQS batches of
10, as Lambda's event source mapping would. Each delivery is the full path: endpoint lookup,
delivery record, claim, signing (secret decrypted once, then cached), a POST through the URL
guard (resolve, check, pinned dial, no keep-alive), the outcome record and `webhook.delivered`
on the bus — against in-process moto. The receiver verifies every signature with the
independent `standardwebhooks` library.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any


def run(deliveries: int = 500) -> dict[str, Any]:
    from bench._env import prepare

    prepare()
    from moto import mock_aws

    with mock_aws():
        return _measure(deliveries)


def _measure(count: int) -> dict[str, Any]:
    import os

    from functions.consumers.webhook_dispatcher import handler
    from hub import aws, clock
    from hub.http.context import RequestState, set_request
    from hub.ids import new_id
    from hub.settings import get_settings, reset_settings
    from hub.webhooks.models import WebhookCreate
    from hub.webhooks.repository import WebhookRepository
    from hub.webhooks.service import create_endpoint
    from local.apigw import LambdaContext
    from local.receiver import Receiver
    from local.resources import create_resources

    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources().environment())
    reset_settings()
    with Receiver() as receiver:
        set_request(RequestState(request_id="bench", route_key="bench"))
        endpoint = create_endpoint("bench", WebhookCreate(url=receiver.url, events=["integration.synced"]))
        receiver.secrets = [endpoint.secret]
        source = get_settings().event_source
        events = [
            {"version": "0", "id": new_id(), "detail-type": "integration.synced", "source": source,
             "time": clock.iso(),
             "detail": {"eventId": new_id("evt"), "type": "integration.synced", "tenantId": "bench",
                        "integrationId": "int_bench", "time": clock.iso(), "itemsProcessed": i}}
            for i in range(count)
        ]
        batches = [events[i:i + 10] for i in range(0, len(events), 10)]
        started = time.perf_counter()
        for batch in batches:
            records = [
                {"messageId": event["id"], "receiptHandle": "bench", "body": json.dumps(event), "attributes": {},
                 "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
                 "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:integration-hub-webhook",
                 "awsRegion": "us-east-1"}
                for event in batch
            ]
            result = handler({"Records": records}, LambdaContext("webhook-dispatcher", timeout_seconds=900))
            if result.get("batchItemFailures"):
                raise RuntimeError(f"dispatcher failed records: {result['batchItemFailures']}")
        elapsed = time.perf_counter() - started
        stored = WebhookRepository().list_deliveries("bench", endpoint.id, max_items=count + 10)
    durations = [float(d["durationMs"]) for d in stored if d.get("durationMs") is not None]
    delivered = sum(1 for d in stored if d.get("status") == "delivered")
    verified = sum(1 for r in receiver.requests if r.verified)
    aws.reset_clients()
    return {
        "deliveries": count,
        "delivered": delivered,
        "verified by standardwebhooks": verified,
        "seconds": round(elapsed, 2),
        "deliveries per second": round(count / elapsed, 1),
        "HTTP attempt ms (median)": round(statistics.median(durations), 2) if durations else 0.0,
        "HTTP attempt ms (p95)": round(statistics.quantiles(durations, n=20)[-1], 2) if len(durations) > 1 else 0.0,
    }
