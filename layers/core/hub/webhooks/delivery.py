"""Sending one delivery: build, sign, POST through the URL guard, record, retry or give up.

- Body `{id, type, timestamp, data}`, at most `webhook_max_body_bytes` (64 KB); an oversized
  `data` is cut down to its short scalar fields and marked `truncated`.
- Headers per Standard Webhooks: `webhook-id` (the message id, stable across retries),
  `webhook-timestamp` (this attempt), `webhook-signature` (`v1,…`, one per live secret).
- 2xx is success. Redirects are not followed and count as failures. 410 disables the endpoint.
  429 / 503 honour Retry-After. Other failures retry on the schedule (5 s … 10 h, jittered)
  through the sparse due index; after the last attempt the delivery is failed and
  `webhook.failed` is published. An endpoint failing continuously for
  `webhook_disable_after_days` is disabled with `webhook.disabled`.
"""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

from hub import clock
from hub.http.responses import to_json
from hub.ids import new_id
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK
from hub.webhooks.repository import answer_sk, delivery_pk, delivery_sk, due_index_keys
from hub.webhooks.sender import URL_PURPOSE, SendResult, parse_retry_after

__all__ = ["URL_PURPOSE", "build_body", "delivery_id_for", "lease_until", "new_delivery",
           "outcome", "parse_retry_after", "payload_of", "retry_delay"]

JITTER_FRACTION = 0.1
LEASE_MARGIN_SECONDS = 60.0
MAX_ATTEMPT_LOG = 20
SCALAR_KEEP_CHARS = 256


# ---- the message ---------------------------------------------------------------------------


def build_body(message_id: str, event_type: str, timestamp: str, data: dict[str, Any]) -> str:
    limit = get_settings().webhook_max_body_bytes
    body = to_json({"id": message_id, "type": event_type, "timestamp": timestamp, "data": data})
    if len(body.encode("utf-8")) <= limit:
        return body
    # keep what identifies the event so the receiver can fetch the rest through the API
    slim: dict[str, Any] = {
        key: value
        for key, value in data.items()
        if isinstance(value, str | int | float | bool) and len(str(value)) <= SCALAR_KEEP_CHARS
    }
    slim["truncated"] = True
    body = to_json({"id": message_id, "type": event_type, "timestamp": timestamp, "data": slim})
    if len(body.encode("utf-8")) <= limit:
        return body
    return to_json({"id": message_id, "type": event_type, "timestamp": timestamp, "data": {"truncated": True}})


def delivery_id_for(message_id: str) -> str:
    """Deterministic per message (a redelivered event makes no second delivery), and time-ordered
    when the message id is a UUIDv7 (`evt_…`), so deliveries list newest first by key."""
    tail = message_id.split("_", 1)[-1]
    try:
        return f"whd_{uuid.UUID(tail)}"
    except ValueError:
        return new_id("whd")


def new_delivery(
    endpoint: dict[str, Any], *, message_id: str, event_type: str, timestamp: str, data: dict[str, Any],
    position: int = 0, queued_until: float | None = None, release_timer: bool = False,
) -> dict[str, Any]:
    """A delivery item that already holds the claim on its first attempt (one write fewer per
    delivery): the caller sends it right away. Should the caller die first, the lease runs out
    and the sweep sends it. `queued_until`: the endpoint's throttle holds it until then instead
    (not claimed; its release timer or the sweep sends it when due, hub/webhooks/release.py);
    `release_timer`: the caller sets that timer now."""
    now = clock.now()
    iso = clock.iso(now)
    delivery_id = delivery_id_for(message_id)
    if queued_until is not None:
        return {
            "pk": delivery_pk(endpoint["tenantId"], endpoint["id"]), "sk": delivery_sk(delivery_id),
            "entity": "webhookDelivery", "id": delivery_id, "tenantId": endpoint["tenantId"],
            "webhookId": endpoint["id"], "messageId": message_id, "eventType": event_type,
            "body": build_body(message_id, event_type, timestamp, data), "status": "pending", "attempts": 0,
            "throttledUntil": clock.iso(queued_until), "nextAttemptAt": clock.iso(queued_until),
            "createdAt": iso, "updatedAt": iso, **({"releaseTimer": True} if release_timer else {}),
            "ttl": int(now + get_settings().webhook_delivery_retention_days * 86400),
            **due_index_keys(delivery_id, queued_until),
        }
    lease = lease_until(now, position)
    return {
        "pk": delivery_pk(endpoint["tenantId"], endpoint["id"]),
        "sk": delivery_sk(delivery_id),
        "entity": "webhookDelivery",
        "id": delivery_id,
        "tenantId": endpoint["tenantId"],
        "webhookId": endpoint["id"],
        "messageId": message_id,
        "eventType": event_type,
        "body": build_body(message_id, event_type, timestamp, data),
        "status": "pending",
        "attempts": 1,
        "leaseUntil": lease,
        "createdAt": iso,
        "updatedAt": iso,
        "ttl": int(now + get_settings().webhook_delivery_retention_days * 86400),
        **due_index_keys(delivery_id, lease),
    }


def lease_until(now: float, position: int = 0) -> float:
    """When a claim on an attempt runs out. Attempts are sent `webhook_send_concurrency` at a
    time and each takes at most `webhook_timeout_seconds` (one deadline, hub/urlguard.py), so the
    attempt at `position` in a batch has started and ended within its wave's share; the margin
    covers signing and the outcome write. After that the sweep may take the delivery."""
    settings = get_settings()
    waves = position // settings.webhook_send_concurrency + 1
    return now + waves * settings.webhook_timeout_seconds + LEASE_MARGIN_SECONDS


def retry_delay(attempts_made: int, retry_after: float | None = None) -> float | None:
    """Seconds until the next attempt, or None when the schedule is spent."""
    schedule = get_settings().webhook_retry_schedule
    index = attempts_made - 1
    if index < 0 or index >= len(schedule):
        return None
    delay = schedule[index] * random.uniform(1 - JITTER_FRACTION, 1 + JITTER_FRACTION)
    if retry_after is not None:
        # honour the receiver's Retry-After, capped by the longest step of the schedule
        delay = max(delay, min(retry_after, max(schedule)))
    return delay


# ---- an attempt's outcome ------------------------------------------------------------------


def outcome(
    claimed: dict[str, Any], result: SendResult, *, attempted_at: float, finished: float, manual: bool = False,
    was_final: bool = False,
) -> tuple[dict[str, Any], dict[str, Any] | None, float | None]:
    """The delivery after one attempt, the answer item to keep (or None), and when the next
    attempt is due (None when the delivery is final)."""
    finished_iso = clock.iso(finished)
    attempt_number = int(claimed["attempts"])
    entry = {
        "attempt": attempt_number,
        "attemptedAt": clock.iso(attempted_at),
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "error": result.error,
        "manual": manual or None,
    }
    updated: dict[str, Any] = {
        **claimed,
        "attemptLog": [*(claimed.get("attemptLog") or []), {k: v for k, v in entry.items() if v is not None}][
            -MAX_ATTEMPT_LOG:
        ],
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "error": result.error,
        "lastAttemptAt": clock.iso(attempted_at),
        "updatedAt": finished_iso,
    }
    for stale in ("leaseUntil", "responseBody", GSI2_PK, GSI2_SK):
        updated.pop(stale, None)
    due_at: float | None = None
    if result.succeeded:
        updated.update(status="delivered", deliveredAt=finished_iso)
        updated.pop("nextAttemptAt", None)
        updated.pop("failedAt", None)
    else:
        delay = None if (result.gone or was_final) else retry_delay(attempt_number, result.retry_after)
        if delay is None:
            updated.update(status="failed", failedAt=claimed.get("failedAt") or finished_iso)
            updated.pop("nextAttemptAt", None)
        else:
            due_at = finished + delay
            updated.update(status="retrying", nextAttemptAt=clock.iso(due_at), **due_index_keys(claimed["id"], due_at))
    updated = {k: v for k, v in updated.items() if v is not None}
    answer = None
    if result.response_body:
        keep_until = finished + get_settings().webhook_response_retention_hours * 3600
        answer = {
            "pk": claimed["pk"], "sk": answer_sk(claimed["id"], attempt_number), "entity": "webhookAnswer",
            "deliveryId": claimed["id"], "attempt": attempt_number, "body": result.response_body,
            "ttl": int(keep_until),
        }
    return updated, answer, due_at


def payload_of(delivery: dict[str, Any]) -> dict[str, Any] | None:
    try:
        parsed = json.loads(delivery.get("body") or "null")
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None
