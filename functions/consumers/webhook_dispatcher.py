"""Webhook dispatcher: SQS records from the webhook queue, each body an EventBridge hub event.

A rule on the bus (hub.webhooks.dispatcher.event_pattern) feeds the queue. Records fail
individually (partial batch response), so one bad record is retried without its neighbours.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from hub.observability import logger, metrics, tracer
from hub.webhooks.dispatcher import dispatch_event

processor = BatchProcessor(event_type=EventType.SQS)
# stop starting new attempts this close to the Lambda timeout; the sweep sends what is left
RESERVE_MILLIS = 20_000
_context: Any = None


def _out_of_time() -> bool:
    remaining = getattr(_context, "get_remaining_time_in_millis", None)
    return bool(remaining and remaining() < RESERVE_MILLIS)


def record_handler(record: SQSRecord) -> None:
    try:
        event = json.loads(record.body)
    except ValueError:
        logger.warning("webhook queue record is not JSON; dropped", extra={"messageId": record.message_id})
        return
    if isinstance(event, dict):
        dispatch_event(event, deadline=_out_of_time)


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(raise_on_empty_metrics=False)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    global _context
    _context = context
    response = process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                        context=context)
    return dict(response)
