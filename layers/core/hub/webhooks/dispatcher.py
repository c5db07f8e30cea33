"""From hub events to deliveries, and the retry sweep.

An EventBridge rule (`event_pattern()`) sends hub events to the webhook queue; the dispatcher
takes a whole batch of them and turns each into one delivery per matching active endpoint of the
event's tenant: endpoints read once per tenant per batch, deliveries written in one batched write,
first attempts sent concurrently (hub/webhooks/attempts.py). An endpoint's throttle
(hub/webhooks/throttle.py) queues what exceeds its rate in the due index rather than dropping it,
and timers on the webhook queue release it at its slots (hub/webhooks/release.py).
Events about webhooks are never delivered to webhooks: the rule leaves them out and the
dispatcher drops them again, so a misconfigured rule cannot start a feedback loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hub import clock
from hub.events import WEBHOOK_EVENT_TYPES
from hub.observability import logger
from hub.settings import get_settings
from hub.webhooks.attempts import Attempt, run_claimed, send_due
from hub.webhooks.delivery import new_delivery
from hub.webhooks.models import deliverable_event_types, subscribes
from hub.webhooks.release import LOOKAHEAD_SECONDS, release, timed_at_creation, upcoming_untimed
from hub.webhooks.repository import WebhookRepository, is_due
from hub.webhooks.throttle import throttle_holds

RULE_SUFFIX = "webhooks"
# fields of the hub event's detail that become the message envelope rather than `data`
_ENVELOPE_FIELDS = ("eventId", "type", "time")


def event_pattern(source: str | None = None) -> dict[str, Any]:
    """The EventBridge rule pattern that feeds the webhook queue (read by the CDK and local stacks)."""
    return {
        "source": [source or get_settings().event_source],
        "detail-type": list(deliverable_event_types()),
    }


def endpoint_matches(endpoint: dict[str, Any], event_type: str, detail: dict[str, Any]) -> bool:
    if endpoint.get("status") != "active":
        return False
    if not subscribes(endpoint.get("events") or [], event_type, detail):
        return False
    wanted_integration = endpoint.get("integrationId")
    return not wanted_integration or detail.get("integrationId") == wanted_integration


@dataclass
class Dispatched:
    """What a batch of hub events became: deliveries (after their first attempt), deliveries
    queued by an endpoint's throttle, and the events that could not be handled (to retry)."""

    deliveries: list[dict[str, Any]] = field(default_factory=list)
    queued: list[dict[str, Any]] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def _deliverable(event: dict[str, Any]) -> tuple[str, str, dict[str, Any]] | None:
    """(tenant, type, detail) of a hub event webhooks receive, or None."""
    event_type = str(event.get("detail-type") or "")
    detail = event.get("detail") or {}
    if not isinstance(detail, dict):
        detail = {}
    if event.get("source") != get_settings().event_source:
        logger.info("not a hub event; not delivered to webhooks", extra={"source": event.get("source")})
        return None
    if event_type in WEBHOOK_EVENT_TYPES or detail.get("type") in WEBHOOK_EVENT_TYPES:
        return None
    tenant_id = detail.get("tenantId")
    if not tenant_id or not event_type:
        logger.warning("hub event without tenant or type; not delivered", extra={"eventId": event.get("id")})
        return None
    return str(tenant_id), event_type, detail


def dispatch_events(events: Sequence[dict[str, Any]], *, deadline: Callable[[], bool] | None = None) -> Dispatched:
    """Deliver a batch of EventBridge events (as SQS record bodies carry them): each tenant's
    endpoints read once, every new delivery written in one batched write, the first attempts
    sent concurrently. `failed` lists the events to hand back to the queue."""
    repo = WebhookRepository()
    result = Dispatched()
    by_tenant: dict[str, list[int]] = {}
    parsed: dict[int, tuple[str, str, dict[str, Any]]] = {}
    for index, event in enumerate(events):
        found = _deliverable(event)
        if found is not None:
            parsed[index] = found
            by_tenant.setdefault(found[0], []).append(index)
    wanted: list[tuple[int, dict[str, Any]]] = []  # (event index, endpoint)
    for tenant_id, indexes in by_tenant.items():
        try:
            endpoints = repo.list_endpoints(tenant_id)
        except Exception:  # noqa: BLE001 - this tenant's events go back to the queue; the rest go on
            logger.exception("webhook endpoints not read", extra={"tenantId": tenant_id})
            result.failed.extend(indexes)
            continue
        for index in indexes:
            _, event_type, detail = parsed[index]
            wanted.extend((index, e) for e in endpoints if endpoint_matches(e, event_type, detail))
    if not wanted:
        return result
    now = clock.now()
    holds = throttle_holds(wanted, now)
    items: list[dict[str, Any]] = []
    owners: list[int] = []
    position = 0
    for (index, endpoint), hold in zip(wanted, holds, strict=True):
        event = events[index]
        _, event_type, detail = parsed[index]
        items.append(new_delivery(
            endpoint, message_id=str(detail.get("eventId") or event.get("id")), event_type=event_type,
            timestamp=str(detail.get("time") or event.get("time") or clock.iso(now)),
            data={k: v for k, v in detail.items() if k not in _ENVELOPE_FIELDS},
            position=position, queued_until=hold, release_timer=hold is not None and timed_at_creation(hold, now),
        ))
        owners.append(index)
        position += hold is None
    try:
        created = repo.create_deliveries(items)
    except Exception:  # noqa: BLE001 - nothing was sent: every event of the batch is retried
        logger.exception("webhook deliveries not written", extra={"count": len(items)})
        result.failed = sorted(set(result.failed) | set(owners))
        return result
    skipped = len(items) - len(created)
    if skipped:
        logger.info("events already dispatched to these endpoints", extra={"count": skipped})
    endpoints_by_id = {endpoint["id"]: endpoint for _, endpoint in wanted}
    to_send = [Attempt(d, endpoints_by_id[d["webhookId"]]) for d in created if d["attempts"] == 1]
    result.queued = [d for d in created if d["attempts"] == 0]
    result.deliveries = run_claimed(to_send, deadline=deadline)
    released = {d["id"]: d for d in release([d for d in result.queued if d.get("releaseTimer")], deadline=deadline)}
    result.queued = [released.get(d["id"], d) for d in result.queued]
    return result


def dispatch_event(event: dict[str, Any], *, deadline: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """Deliver one event; answers the deliveries made, after their first attempt."""
    outcome = dispatch_events([event], deadline=deadline)
    if outcome.failed:
        raise RuntimeError("the event could not be dispatched; see the log")
    return outcome.deliveries + outcome.queued


def sweep_due_deliveries(
    *, now: float | None = None, max_deliveries: int | None = None, deadline: Callable[[], bool] | None = None
) -> dict[str, int]:
    """Send every delivery whose next attempt is due (the scheduled retry job): endpoints read
    in batches, claims and outcomes written in batches. Throttled deliveries due before the next
    run that have no release timer get one (hub/webhooks/release.py)."""
    limit = max_deliveries or get_settings().webhook_sweep_max_deliveries
    moment = clock.now() if now is None else now
    # one read of the due index also finds the throttled deliveries coming before the next run
    found = WebhookRepository().due_deliveries(moment + LOOKAHEAD_SECONDS, limit)
    due = [d for d in found if is_due(d, moment)]
    results = send_due(due, moment, deadline=deadline)
    released = release(upcoming_untimed(found[len(due):], moment), deadline=deadline)
    counts = {"due": len(due), "released": len(released), "pending": 0, "delivered": 0, "retrying": 0,
              "failed": 0, "other": 0}
    for delivery in results:
        status = delivery.get("status", "other")
        counts[status if status in counts else "other"] += 1
    counts["other"] += len(due) - len(results)  # taken by someone else meanwhile
    if due:
        logger.info("webhook retry sweep", extra=counts)
    return counts
