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
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from hub import clock
from hub.errors import HubError, UnsafeUrl
from hub.events import EventPublisher
from hub.http.responses import to_json
from hub.ids import new_id
from hub.observability import logger
from hub.redaction import redact_text
from hub.settings import get_settings
from hub.webhooks.repository import WebhookRepository, delivery_pk, delivery_sk, due_index_keys
from hub.webhooks.signing import signing_headers
from hub.webhooks.signing_keys import signing_secrets

USER_AGENT = "IntegrationHub-Webhooks/1.0"
RESPONSE_KEEP_BYTES = 1024
JITTER_FRACTION = 0.1
LEASE_MARGIN_SECONDS = 60.0
MAX_ATTEMPT_LOG = 20
SCALAR_KEEP_CHARS = 256
URL_PURPOSE = "webhook"


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
    endpoint: dict[str, Any], *, message_id: str, event_type: str, timestamp: str, data: dict[str, Any]
) -> dict[str, Any]:
    """A delivery item that already holds the claim on its first attempt (one write fewer per
    delivery): the caller sends it right away with `attempt_delivery(..., first=True)`. Should the
    caller die first, the lease runs out and the sweep sends it."""
    now = clock.now()
    iso = clock.iso(now)
    delivery_id = delivery_id_for(message_id)
    lease_until = _lease_until(now)
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
        "leaseUntil": lease_until,
        "createdAt": iso,
        "updatedAt": iso,
        "ttl": int(now + get_settings().webhook_delivery_retention_days * 86400),
        **due_index_keys(delivery_id, lease_until),
    }


def _lease_until(now: float) -> float:
    return now + get_settings().webhook_timeout_seconds + LEASE_MARGIN_SECONDS


# ---- one HTTP attempt -------------------------------------------------------------------------


@dataclass(frozen=True)
class SendResult:
    status_code: int | None
    duration_ms: float
    response_body: str | None = None
    error: str | None = None
    retry_after: float | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def parse_retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


def _failure_text(status: int) -> str:
    if 300 <= status < 400:
        return f"redirect not followed (HTTP {status})"
    return f"HTTP {status}"


_ssl_context: Any = None
_ssl_lock = threading.Lock()


def _shared_ssl_context() -> Any:
    """One verifying TLS context per process: building one loads the CA store (~15 ms), which
    would otherwise be paid on every delivery."""
    global _ssl_context
    if _ssl_context is None:
        with _ssl_lock:
            if _ssl_context is None:
                import httpx

                _ssl_context = httpx.create_ssl_context(trust_env=False)
    return _ssl_context


def send(url: str, body: bytes, headers: dict[str, str]) -> SendResult:
    """POST once through the URL guard: the address dialled is the one checked; no redirects."""
    import httpx

    from hub.urlguard import safe_request

    started = time.perf_counter()

    def elapsed() -> float:
        return round((time.perf_counter() - started) * 1000, 1)

    try:
        response = safe_request(
            "POST", url, headers=headers, content=body, purpose=URL_PURPOSE,
            timeout=get_settings().webhook_timeout_seconds, follow_redirects=False,
            ssl_context=_shared_ssl_context(),
        )
    except UnsafeUrl as error:  # the guard refused the address (e.g. DNS now answers private): not dialled
        return SendResult(None, elapsed(), error=f"unsafe_url: {error.message}")
    except HubError as error:  # e.g. an answer larger than the guard reads
        return SendResult(None, elapsed(), error=f"error: {error.message}")
    except httpx.TimeoutException:
        return SendResult(None, elapsed(), error="timeout")
    except httpx.HTTPError as error:
        return SendResult(None, elapsed(), error=f"connection_error: {type(error).__name__}")
    except Exception as error:  # noqa: BLE001 - one bad endpoint must never break the batch
        return SendResult(None, elapsed(), error=f"error: {type(error).__name__}")
    duration = elapsed()
    status = response.status_code
    text = redact_text(response.content[:RESPONSE_KEEP_BYTES].decode("utf-8", errors="replace"))
    retry_after = None
    if status in (429, 503):
        retry_after = parse_retry_after(response.headers.get("retry-after"), clock.now())
    failure = None if 200 <= status < 300 else _failure_text(status)
    return SendResult(status, duration, response_body=text or None, error=failure, retry_after=retry_after)


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


# ---- the attempt, with its bookkeeping ----------------------------------------------------


def _publish(event_type: str, delivery: dict[str, Any], **fields: Any) -> None:
    try:
        EventPublisher().publish(
            event_type,
            delivery["tenantId"],
            webhookId=delivery["webhookId"],
            deliveryId=delivery["id"],
            messageId=delivery["messageId"],
            messageType=delivery["eventType"],
            attempts=delivery.get("attempts", 0),
            **fields,
        )
    except Exception:  # noqa: BLE001 - the delivery is recorded; a lost event is logged loudly
        logger.exception("webhook event not published", extra={"eventType": event_type})


def _disable(endpoint: dict[str, Any], reason: str) -> None:
    repo = WebhookRepository()
    if repo.disable_endpoint(endpoint["tenantId"], endpoint["id"], reason, clock.iso()):
        logger.warning("webhook endpoint disabled", extra={"webhookId": endpoint["id"], "reason": reason})
        try:
            EventPublisher().publish("webhook.disabled", endpoint["tenantId"], webhookId=endpoint["id"],
                                     reason=reason)
        except Exception:  # noqa: BLE001
            logger.exception("webhook event not published", extra={"eventType": "webhook.disabled"})


def _close_without_attempt(delivery: dict[str, Any], reason: str, *, publish: bool) -> dict[str, Any]:
    """The endpoint is gone or disabled: the delivery ends failed without dialling anything."""
    repo = WebhookRepository()
    iso = clock.iso()
    fields = {"status": "failed", "error": reason, "updatedAt": iso, "nextAttemptAt": None,
              "failedAt": delivery.get("failedAt") or iso}
    closed = repo.record_attempt({**delivery, "attempts": int(delivery.get("attempts", 0))},
                                 set_fields=fields, due_at=None, require_open=True)
    if closed is not None and publish and not delivery.get("failedAt"):
        _publish("webhook.failed", closed, reason=reason)
    return closed or delivery


def attempt_delivery(
    delivery: dict[str, Any], *, endpoint: dict[str, Any] | None = None, manual: bool = False, first: bool = False
) -> dict[str, Any]:
    """Make the next attempt of one delivery and record it. Answers the delivery afterwards.

    Safe to call concurrently for the same delivery: only the caller whose claim wins sends.
    `first`: the delivery was just created by this caller, holding the claim on attempt 1.
    """
    repo = WebhookRepository()
    tenant_id, webhook_id = delivery["tenantId"], delivery["webhookId"]
    if endpoint is None:
        endpoint = repo.get_endpoint(tenant_id, webhook_id)
    if endpoint is None:
        return _close_without_attempt(delivery, "endpoint deleted", publish=False)
    if endpoint.get("status") != "active":
        return _close_without_attempt(delivery, "endpoint disabled", publish=True)

    settings = get_settings()
    now = clock.now()
    was_final = delivery.get("status") in ("failed", "delivered")
    if first:
        claimed: dict[str, Any] | None = delivery
    else:
        claimed = repo.claim_attempt(delivery, now_iso=clock.iso(now), lease_until=_lease_until(now),
                                     allow_final=manual)
    if claimed is None:
        return repo.get_delivery(tenant_id, webhook_id, delivery["id"]) or delivery

    body: str = claimed["body"]
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        **signing_headers(signing_secrets(endpoint, now), claimed["messageId"], int(now), body),
    }
    result = send(endpoint["url"], body.encode("utf-8"), headers)
    finished = clock.now()
    finished_iso = clock.iso(finished)
    attempt_number = int(claimed["attempts"])
    entry = {
        "attempt": attempt_number,
        "attemptedAt": clock.iso(now),
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "error": result.error,
        "responseBody": result.response_body,
        "manual": manual or None,
    }
    fields: dict[str, Any] = {
        "attemptLog": [*(claimed.get("attemptLog") or []), {k: v for k, v in entry.items() if v is not None}][
            -MAX_ATTEMPT_LOG:
        ],
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "error": result.error,
        "responseBody": result.response_body,
        "lastAttemptAt": clock.iso(now),
        "updatedAt": finished_iso,
    }
    due_at: float | None = None
    if result.succeeded:
        fields.update(status="delivered", deliveredAt=finished_iso, nextAttemptAt=None, failedAt=None)
    else:
        delay = None if (result.gone or was_final) else retry_delay(attempt_number, result.retry_after)
        if delay is None:
            fields.update(status="failed", nextAttemptAt=None, failedAt=claimed.get("failedAt") or finished_iso)
        else:
            due_at = finished + delay
            fields.update(status="retrying", nextAttemptAt=clock.iso(due_at))
    updated = repo.record_attempt(claimed, set_fields=fields, due_at=due_at)
    logger.info(
        "webhook delivery attempt",
        extra={"webhookId": webhook_id, "deliveryId": claimed["id"], "attempt": attempt_number,
               "statusCode": result.status_code, "durationMs": result.duration_ms, "outcome": fields["status"]},
    )
    if updated is None:  # our lease expired and someone else took the delivery meanwhile
        return repo.get_delivery(tenant_id, webhook_id, delivery["id"]) or claimed

    if result.succeeded:
        if endpoint.get("failingSince") or not endpoint.get("lastSuccessAt"):
            repo.note_success(tenant_id, webhook_id, finished_iso)
        _publish("webhook.delivered", updated, statusCode=result.status_code)
    else:
        if result.gone:
            _disable(endpoint, "gone")
        else:
            after = repo.note_failure(tenant_id, webhook_id, finished_iso, finished)
            limit = settings.webhook_disable_after_days * 86400
            if after and finished - float(after.get("failingSinceEpoch") or finished) >= limit:
                _disable(endpoint, "failing")
        if updated["status"] == "failed" and not claimed.get("failedAt"):
            _publish("webhook.failed", updated, statusCode=result.status_code, reason=result.error)
    return updated


def run_attempts(
    deliveries: Iterable[dict[str, Any]],
    *,
    endpoints: dict[str, dict[str, Any]] | None = None,
    deadline: Callable[[], bool] | None = None,
    first: bool = False,
) -> list[dict[str, Any]]:
    """Attempt several deliveries concurrently (bounded); a failure of one never stops the rest.
    A delivery that raised (or was skipped for lack of time) stays in the due index and the sweep
    tries it again."""
    items = list(deliveries)
    if not items:
        return []

    def one(delivery: dict[str, Any]) -> dict[str, Any]:
        if deadline is not None and deadline():
            return delivery
        try:
            return attempt_delivery(delivery, endpoint=(endpoints or {}).get(delivery["webhookId"]), first=first)
        except Exception:  # noqa: BLE001
            logger.exception("webhook delivery attempt raised", extra={"deliveryId": delivery.get("id")})
            return delivery

    workers = max(1, min(get_settings().webhook_send_concurrency, len(items)))
    if workers == 1:
        return [one(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="webhook") as pool:
        return list(pool.map(one, items))


def payload_of(delivery: dict[str, Any]) -> dict[str, Any] | None:
    try:
        parsed = json.loads(delivery.get("body") or "null")
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None
