"""Making claimed attempts: sign, send concurrently, record in batches, publish in batches.

Whoever claimed the attempts (the dispatcher for first attempts, the sweep for retries, a tenant
admin for a manual retry) hands them here. Sends run `webhook_send_concurrency` at a time;
outcomes are written `OUTCOME_FLUSH` at a time in transactions (hub/webhooks/repository.py), and
`webhook.*` events go ten to a PutEvents call. Each endpoint's health (failure streak, success,
disabling) is written once per batch, from the batch's latest outcome for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from hub import clock
from hub.events import EventPublisher, PendingEvent
from hub.observability import logger
from hub.settings import get_settings
from hub.webhooks.delivery import lease_until, outcome
from hub.webhooks.repository import WebhookRepository
from hub.webhooks.sender import USER_AGENT, SendResult, send
from hub.webhooks.signing import signing_headers
from hub.webhooks.signing_keys import signing_secrets

OUTCOME_FLUSH = 50  # with their answers, 100 items: one full transaction


@dataclass
class Attempt:
    delivery: dict[str, Any]  # as claimed: `attempts` already counts this attempt
    endpoint: dict[str, Any]
    manual: bool = False
    was_final: bool = False


@dataclass
class _Sent:
    attempt: Attempt
    result: SendResult
    started: float
    finished: float


@dataclass
class _EndpointNews:
    """What one batch learned about one endpoint."""

    endpoint: dict[str, Any]
    last_finished: float = 0.0
    last_succeeded: bool = False
    gone: bool = False
    failed: bool = False
    events: list[PendingEvent] = field(default_factory=list)


def _send_one(attempt: Attempt) -> _Sent:
    claimed, endpoint = attempt.delivery, attempt.endpoint
    started = clock.now()
    body: str = claimed["body"]
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        **signing_headers(signing_secrets(endpoint, started), claimed["messageId"], int(started), body),
    }
    result = send(endpoint["url"], body.encode("utf-8"), headers)
    return _Sent(attempt, result, started, clock.now())


def run_claimed(
    attempts: Sequence[Attempt], *, deadline: Callable[[], bool] | None = None
) -> list[dict[str, Any]]:
    """Send claimed attempts and record them. Answers each delivery as it is afterwards (an
    attempt skipped for lack of time, or that raised, stays claimed: the sweep takes it when its
    lease runs out)."""
    if not attempts:
        return []
    results: dict[int, dict[str, Any]] = {id(a): a.delivery for a in attempts}
    news: dict[tuple[str, str], _EndpointNews] = {}
    pending: list[_Sent] = []

    def one(attempt: Attempt) -> _Sent | None:
        if deadline is not None and deadline():
            return None
        try:
            return _send_one(attempt)
        except Exception:  # noqa: BLE001 - one bad delivery (e.g. its secret) never stops the batch
            logger.exception("webhook delivery attempt raised", extra={"deliveryId": attempt.delivery.get("id")})
            return None

    def flush() -> None:
        _record(pending, results, news)
        pending.clear()

    workers = max(1, min(get_settings().webhook_send_concurrency, len(attempts)))
    if workers == 1:
        for attempt in attempts:
            sent = one(attempt)
            if sent is not None:
                pending.append(sent)
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="webhook") as pool:
            for future in as_completed([pool.submit(one, attempt) for attempt in attempts]):
                sent = future.result()
                if sent is not None:
                    pending.append(sent)
                    if len(pending) >= OUTCOME_FLUSH:
                        flush()
    flush()
    _settle_endpoints(news)
    return [results[id(a)] for a in attempts]


def _record(sent: list[_Sent], results: dict[int, dict[str, Any]], news: dict[tuple[str, str], _EndpointNews]) -> None:
    if not sent:
        return
    shaped = [
        outcome(s.attempt.delivery, s.result, attempted_at=s.started, finished=s.finished, manual=s.attempt.manual,
                was_final=s.attempt.was_final)
        for s in sent
    ]
    written = WebhookRepository().record_outcomes(
        [(updated, answer) for updated, answer, _ in shaped],
        claimed_attempts=[int(s.attempt.delivery["attempts"]) for s in sent],
    )
    for s, (updated, answer, _), ok in zip(sent, shaped, written, strict=True):
        claimed = s.attempt.delivery
        logger.info(
            "webhook delivery attempt",
            extra={"webhookId": claimed["webhookId"], "deliveryId": claimed["id"], "attempt": claimed["attempts"],
                   "statusCode": s.result.status_code, "durationMs": s.result.duration_ms,
                   "outcome": updated["status"], "recorded": ok},
        )
        if not ok:  # our lease ran out and someone else took the delivery meanwhile
            continue
        results[id(s.attempt)] = {**updated, **({"answers": [answer]} if answer else {})}
        endpoint = s.attempt.endpoint
        item = news.setdefault((endpoint["tenantId"], endpoint["id"]), _EndpointNews(endpoint))
        if s.finished >= item.last_finished:
            item.last_finished, item.last_succeeded = s.finished, s.result.succeeded
        if s.result.succeeded:
            item.events.append(_event("webhook.delivered", updated, statusCode=s.result.status_code))
        else:
            item.gone = item.gone or s.result.gone
            item.failed = True
            if updated["status"] == "failed" and not claimed.get("failedAt"):
                item.events.append(_event("webhook.failed", updated, statusCode=s.result.status_code,
                                          reason=s.result.error))


def _event(event_type: str, delivery: dict[str, Any], **fields: Any) -> PendingEvent:
    return PendingEvent(event_type, delivery["tenantId"], {
        "webhookId": delivery["webhookId"], "deliveryId": delivery["id"], "messageId": delivery["messageId"],
        "messageType": delivery["eventType"], "attempts": delivery.get("attempts", 0), **fields,
    })


def _settle_endpoints(news: dict[tuple[str, str], _EndpointNews]) -> None:
    """Once per endpoint per batch: its failure streak or success, disabling, then every event."""
    repo = WebhookRepository()
    events: list[PendingEvent] = []
    limit = get_settings().webhook_disable_after_days * 86400
    for (tenant_id, webhook_id), item in news.items():
        endpoint = item.endpoint
        at_iso = clock.iso(item.last_finished)
        try:
            if item.gone:
                events.extend(_disable(endpoint, "gone"))
            elif item.last_succeeded:
                if endpoint.get("failingSince") or not endpoint.get("lastSuccessAt"):
                    repo.note_success(tenant_id, webhook_id, at_iso)
            elif item.failed:
                after = repo.note_failure(tenant_id, webhook_id, at_iso, item.last_finished)
                if after and item.last_finished - float(after.get("failingSinceEpoch") or item.last_finished) >= limit:
                    events.extend(_disable(endpoint, "failing"))
        except Exception:  # noqa: BLE001 - the deliveries are recorded; endpoint health catches up next time
            logger.exception("webhook endpoint health not updated", extra={"webhookId": webhook_id})
        events.extend(item.events)
    _publish(events)


def _publish(events: list[PendingEvent]) -> None:
    try:
        EventPublisher().publish_many(events)
    except Exception:  # noqa: BLE001 - the deliveries are recorded; a lost event is logged loudly
        logger.exception("webhook events not published", extra={"count": len(events)})


def _disable(endpoint: dict[str, Any], reason: str) -> list[PendingEvent]:
    repo = WebhookRepository()
    if not repo.disable_endpoint(endpoint["tenantId"], endpoint["id"], reason, clock.iso()):
        return []
    logger.warning("webhook endpoint disabled", extra={"webhookId": endpoint["id"], "reason": reason})
    return [PendingEvent("webhook.disabled", endpoint["tenantId"], {"webhookId": endpoint["id"], "reason": reason})]


def close_without_attempt(delivery: dict[str, Any], reason: str, *, publish: bool) -> dict[str, Any]:
    """The endpoint is gone or disabled: the delivery ends failed without dialling anything."""
    repo = WebhookRepository()
    iso = clock.iso()
    fields = {"status": "failed", "error": reason, "updatedAt": iso, "nextAttemptAt": None,
              "failedAt": delivery.get("failedAt") or iso}
    closed = repo.record_attempt({**delivery, "attempts": int(delivery.get("attempts", 0))},
                                 set_fields=fields, due_at=None, require_open=True)
    if closed is not None and publish and not delivery.get("failedAt"):
        _publish([_event("webhook.failed", closed, reason=reason)])
    return closed or delivery


def send_due(
    due: Sequence[dict[str, Any]], moment: float, *, deadline: Callable[[], bool] | None = None
) -> list[dict[str, Any]]:
    """Send deliveries that are due (the retry sweep's and the throttle release's work):
    endpoints read in batches, claims and outcomes written in batches. A delivery whose claim
    someone else won meanwhile is left out of the answer."""
    repo = WebhookRepository()
    endpoints = repo.get_endpoints([(d["tenantId"], d["webhookId"]) for d in due]) if due else {}
    results: list[dict[str, Any]] = []
    claimable = []
    for delivery in due:
        endpoint = endpoints.get((delivery["tenantId"], delivery["webhookId"]))
        if endpoint is None:
            results.append(close_without_attempt(delivery, "endpoint deleted", publish=False))
        elif endpoint.get("status") != "active":
            results.append(close_without_attempt(delivery, "endpoint disabled", publish=True))
        else:
            claimable.append(delivery)
    claimed = repo.claim_deliveries(claimable, [lease_until(moment, i) for i in range(len(claimable))],
                                    now_iso=clock.iso(moment)) if claimable else []
    results.extend(run_claimed(
        [Attempt(d, endpoints[(d["tenantId"], d["webhookId"])]) for d in claimed], deadline=deadline))
    return results


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
        return close_without_attempt(delivery, "endpoint deleted", publish=False)
    if endpoint.get("status") != "active":
        return close_without_attempt(delivery, "endpoint disabled", publish=True)
    now = clock.now()
    was_final = delivery.get("status") in ("failed", "delivered")
    if first:
        claimed: dict[str, Any] | None = delivery
    else:
        claimed = repo.claim_attempt(delivery, now_iso=clock.iso(now), lease_until=lease_until(now),
                                     allow_final=manual)
    if claimed is None:
        return repo.get_delivery(tenant_id, webhook_id, delivery["id"]) or delivery
    [done] = run_claimed([Attempt(claimed, endpoint, manual=manual, was_final=was_final)])
    return done
