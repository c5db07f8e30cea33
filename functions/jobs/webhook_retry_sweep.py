"""Webhook retry sweep (every minute): sends deliveries whose next attempt is due, read from the
sparse due index's shards (a Query per shard, never a Scan)."""

from __future__ import annotations

from typing import Any

from hub.observability import logger, metrics, tracer
from hub.redaction import start_invocation
from hub.settings import get_settings
from hub.webhooks.dispatcher import sweep_due_deliveries

RESERVE_MILLIS = 5_000


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(raise_on_empty_metrics=False)
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    start_invocation()  # secrets registered by an earlier invocation mask nothing here
    reserve = get_settings().webhook_timeout_seconds * 1000 + RESERVE_MILLIS
    remaining = getattr(context, "get_remaining_time_in_millis", None)

    def out_of_time() -> bool:
        return bool(remaining and remaining() < reserve)

    return sweep_due_deliveries(deadline=out_of_time)
