"""Refresh queue consumer: each record holds up to ten connection keys that the scheduled
refresh could not do itself. Keys it has no time for go back on the queue as a new message;
a record fails (and is retried, then dead-lettered) only when a refresh crashed."""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from hub.jobs.entry import job_entry
from hub.jobs.refresh_due import RefreshReport, emit_metrics, enqueue_keys, parse_message, refresh_keys
from hub.jobs.runtime import TimeBudget, invocation_id
from hub.observability import logger
from hub.settings import get_settings

processor = BatchProcessor(event_type=EventType.SQS)


class _Invocation:
    budget = TimeBudget()
    owner = "refresh-worker"
    report = RefreshReport()


def record_handler(record: SQSRecord) -> None:
    try:
        keys = parse_message(record.body)
    except (ValueError, json.JSONDecodeError):
        logger.warning("refresh queue record is not a refresh message; dropped",
                       extra={"messageId": record.message_id})
        return
    report = refresh_keys(keys, owner=_Invocation.owner, budget=_Invocation.budget)
    _Invocation.report.outcomes.update(report.outcomes)
    if report.not_started:
        _Invocation.report.enqueued += enqueue_keys(report.not_started)
    if report.crashed_keys:
        raise RuntimeError(f"{len(report.crashed_keys)} refresh(es) crashed; the message will be retried")


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    _Invocation.budget = TimeBudget(context, margin_ms=get_settings().job_time_margin_ms)
    _Invocation.owner = invocation_id(context, "refresh-worker")
    _Invocation.report = RefreshReport()
    result = process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                      context=context)
    emit_metrics(_Invocation.report)
    return dict(result)
