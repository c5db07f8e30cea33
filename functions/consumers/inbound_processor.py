"""Inbound processor: SQS records of the inbound queue, each naming a provider webhook the intake
accepted; attributes its events to connections and publishes `provider.event` (hub/inbound/processor.py).
The whole batch is read together; records that failed are handed back (partial batch response)."""

from __future__ import annotations

import json
from typing import Any

from hub.inbound.processor import process
from hub.jobs.entry import job_entry
from hub.observability import logger


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    ids: list[str] = []
    keys: list[tuple[str, str]] = []
    for record in event.get("Records") or []:
        try:
            body = json.loads(record.get("body") or "")
            key = (str(body["providerId"]), str(body["deliveryId"]))
        except (ValueError, KeyError, TypeError):
            logger.warning("inbound queue record not understood; dropped", extra={"messageId": record.get("messageId")})
            continue
        ids.append(str(record.get("messageId")))
        keys.append(key)
    processed = process(keys)
    return {"batchItemFailures": [{"itemIdentifier": ids[index]} for index in processed.failed]}
