"""Webhook dispatcher: SQS records from the webhook queue, each body an EventBridge hub event or
a throttle's release timer (hub/webhooks/release.py).

A rule on the bus (hub.webhooks.dispatcher.event_pattern) feeds the queue. The whole batch is
dispatched together (endpoints read once per tenant, deliveries written and sent as a batch),
so the records are not handed to Powertools' per-record BatchProcessor; the answer is still the
partial batch response, so the records that could not be handled are retried without the rest.
"""

from __future__ import annotations

import json
from typing import Any

from hub.observability import logger, metrics, tracer
from hub.redaction import start_invocation
from hub.webhooks.dispatcher import dispatch_events
from hub.webhooks.release import is_release, release_due

# stop starting new attempts this close to the Lambda timeout (more than one attempt's deadline,
# `webhook_timeout_seconds`); the sweep sends what is left when the claims run out
RESERVE_MILLIS = 20_000


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(raise_on_empty_metrics=False)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    start_invocation()  # secrets registered by an earlier invocation mask nothing here
    remaining = getattr(context, "get_remaining_time_in_millis", None)

    def out_of_time() -> bool:
        return bool(remaining and remaining() < RESERVE_MILLIS)

    ids: list[str] = []
    bodies: list[dict[str, Any]] = []
    releases: list[dict[str, Any]] = []
    for record in event.get("Records") or []:
        try:
            body = json.loads(record.get("body") or "")
        except ValueError:
            logger.warning("webhook queue record is not JSON; dropped", extra={"messageId": record.get("messageId")})
            continue
        if is_release(body):
            releases.append(body)
        elif isinstance(body, dict):
            ids.append(str(record.get("messageId")))
            bodies.append(body)
    dispatched = dispatch_events(bodies, deadline=out_of_time)
    # after the new events' first attempts: a release waits for its slot (a timer is never retried
    # by SQS; what it leaves unsent stays due for the sweep)
    release_due(releases, deadline=out_of_time)
    return {"batchItemFailures": [{"itemIdentifier": ids[index]} for index in dispatched.failed]}
