"""Signed webhook deliveries per second from one dispatcher to a loopback receiver, next to a
baseline of the same signed POSTs sent without the hub.

One endpoint; `deliveries` hub events handed to the webhook-dispatcher function in SQS batches of
the worker's batch size, as Lambda's event source mapping would. Each delivery is the full path:
endpoints read once per tenant per batch, delivery records written in one transaction, signing
(secret decrypted once, then cached), a POST through the URL guard (resolve, check, pinned dial,
one deadline, no keep-alive), outcomes written in transactions and `webhook.delivered` ten to a
PutEvents call — against in-process moto. The baseline sends the same number of signed POSTs
with plain httpx (a new connection each, like the hub) from as many threads as
`webhook_send_concurrency`, so the ratio shows what the hub's bookkeeping costs. The receiver
verifies every signature with the independent `standardwebhooks` library. AWS calls are counted
at botocore: calls per delivery is deterministic, deliveries per second depends on the machine
(and in-process moto, ~1.5 ms a call on one GIL, is a bound of its own).
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
    from functions.workers import WORKERS
    from hub import aws, clock
    from hub.http.context import RequestState, set_request
    from hub.ids import new_id
    from hub.settings import get_settings, reset_settings
    from hub.webhooks.models import WebhookCreate
    from hub.webhooks.repository import WebhookRepository
    from hub.webhooks.service import create_endpoint
    from hub.webhooks.signing import signing_headers
    from local.apigw import LambdaContext
    from local.moto_atomic import make_moto_dynamodb_atomic
    from local.receiver import Receiver
    from local.resources import create_resources

    make_moto_dynamodb_atomic()  # as the tests and the local stack run moto (local/moto_atomic.py)
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
        batch_size = next(w.batch_size for w in WORKERS if w.name == "webhook-dispatcher")
        batches = [events[i:i + batch_size] for i in range(0, len(events), batch_size)]
        baseline = _baseline(receiver.url, endpoint.secret, count, get_settings().webhook_send_concurrency,
                             signing_headers)
        receiver.requests.clear()
        calls = _count_aws_calls()
        _aws_seconds[0] = 0.0
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
        for undo in _restore:
            undo()
        _restore.clear()
        calls.pop("_restore", None)
        made = sum(calls.values())
        stored = WebhookRepository().list_deliveries("bench", endpoint.id, max_items=count + 10)
    durations = [float(d["durationMs"]) for d in stored if d.get("durationMs") is not None]
    delivered = sum(1 for d in stored if d.get("status") == "delivered")
    verified = sum(1 for r in receiver.requests if r.verified)
    aws.reset_clients()
    rate = count / elapsed
    return {
        "deliveries": count,
        "batch size": batch_size,
        "send concurrency": get_settings().webhook_send_concurrency,
        "delivered": delivered,
        "verified by standardwebhooks": verified,
        "seconds": round(elapsed, 2),
        "deliveries per second": round(rate, 1),
        "baseline POSTs per second (no hub)": round(baseline, 1),
        "ratio hub / baseline": round(rate / baseline, 2),
        "AWS calls": made,
        "AWS calls per delivery": round(made / count, 3),
        "AWS calls by operation": dict(sorted(calls.items())),
        # in-process moto copies the whole table on every TransactWriteItems (for its rollback, once
        # per table with local/moto_atomic.py), so emulated AWS time grows with the table
        "seconds inside emulated AWS calls": round(_aws_seconds[0], 1),
        "share of the run inside emulated AWS": round(_aws_seconds[0] / elapsed, 2),
        "HTTP attempt ms (median)": round(statistics.median(durations), 2) if durations else 0.0,
        "HTTP attempt ms (p95)": round(statistics.quantiles(durations, n=20)[-1], 2) if len(durations) > 1 else 0.0,
    }


def _count_aws_calls() -> Any:
    from collections import Counter

    from botocore.client import BaseClient

    calls: Counter[str] = Counter()
    real = BaseClient._make_api_call

    def counting(self: Any, operation: str, params: dict[str, Any]) -> Any:
        calls[f"{self.meta.service_model.service_name}.{operation}"] += 1
        started = time.perf_counter()
        try:
            return real(self, operation, params)
        finally:
            _aws_seconds[0] += time.perf_counter() - started

    BaseClient._make_api_call = counting  # type: ignore[method-assign]
    calls["_restore"] = 0
    _restore.append(lambda: setattr(BaseClient, "_make_api_call", real))
    return calls


_restore: list[Any] = []
_aws_seconds = [0.0]


def _baseline(url: str, secret: str, count: int, concurrency: int, signing_headers: Any) -> float:
    """The same signed POSTs without the hub: plain httpx, a new connection each (one TLS context,
    like the hub), from as many threads."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from hub.ids import new_id

    tls = httpx.create_ssl_context(trust_env=False)  # built once, as the hub does
    bodies = [json.dumps({"id": new_id("evt"), "type": "integration.synced", "data": {"itemsProcessed": i}})
              for i in range(count)]

    def post(body: str) -> int:
        message_id = json.loads(body)["id"]
        headers = {"content-type": "application/json",
                   **signing_headers([secret], message_id, int(time.time()), body)}
        with httpx.Client(trust_env=False, verify=tls) as client:
            return client.post(url, content=body.encode(), headers=headers, timeout=15).status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        statuses = list(pool.map(post, bodies))
    elapsed = time.perf_counter() - started
    if any(status != 200 for status in statuses):
        raise RuntimeError("the baseline receiver refused a POST")
    return count / elapsed
