"""From hub events to deliveries, and the retry sweep.

An EventBridge rule (`event_pattern()`) sends hub events to the webhook queue; the dispatcher
turns each event into one delivery per matching active endpoint of the event's tenant and sends
it. Events about webhooks are never delivered to webhooks: the rule leaves them out and the
dispatcher drops them again, so a misconfigured rule cannot start a feedback loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hub import clock
from hub.events import WEBHOOK_EVENT_TYPES
from hub.observability import logger
from hub.settings import get_settings
from hub.webhooks.delivery import new_delivery, run_attempts
from hub.webhooks.models import ALL_EVENTS, deliverable_event_types
from hub.webhooks.repository import WebhookRepository

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
    events = endpoint.get("events") or []
    if ALL_EVENTS not in events and event_type not in events:
        return False
    wanted_integration = endpoint.get("integrationId")
    return not wanted_integration or detail.get("integrationId") == wanted_integration


def dispatch_event(event: dict[str, Any], *, deadline: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """Deliver one EventBridge event (as the SQS record body carries it). Answers the deliveries
    made, after their first attempt."""
    event_type = str(event.get("detail-type") or "")
    detail = event.get("detail") or {}
    if not isinstance(detail, dict):
        detail = {}
    if event.get("source") != get_settings().event_source:
        logger.info("not a hub event; not delivered to webhooks", extra={"source": event.get("source")})
        return []
    if event_type in WEBHOOK_EVENT_TYPES or detail.get("type") in WEBHOOK_EVENT_TYPES:
        return []
    tenant_id = detail.get("tenantId")
    if not tenant_id or not event_type:
        logger.warning("hub event without tenant or type; not delivered", extra={"eventId": event.get("id")})
        return []
    repo = WebhookRepository()
    endpoints = [e for e in repo.list_endpoints(str(tenant_id)) if endpoint_matches(e, event_type, detail)]
    if not endpoints:
        return []
    message_id = str(detail.get("eventId") or event.get("id"))
    timestamp = str(detail.get("time") or event.get("time") or clock.iso())
    data = {key: value for key, value in detail.items() if key not in _ENVELOPE_FIELDS}
    created = []
    for endpoint in endpoints:
        delivery = new_delivery(endpoint, message_id=message_id, event_type=event_type, timestamp=timestamp,
                                data=data)
        if repo.create_delivery(delivery):
            created.append(delivery)
        else:
            logger.info("event already dispatched to this endpoint", extra={"deliveryId": delivery["id"]})
    return run_attempts(created, endpoints={e["id"]: e for e in endpoints}, deadline=deadline, first=True)


def sweep_due_deliveries(
    *, now: float | None = None, max_deliveries: int | None = None, deadline: Callable[[], bool] | None = None
) -> dict[str, int]:
    """Send every delivery whose next attempt is due (the scheduled retry job)."""
    limit = max_deliveries or get_settings().webhook_sweep_max_deliveries
    due = WebhookRepository().due_deliveries(clock.now() if now is None else now, limit)
    results = run_attempts(due, deadline=deadline)
    counts = {"due": len(due), "pending": 0, "delivered": 0, "retrying": 0, "failed": 0, "other": 0}
    for delivery in results:
        status = delivery.get("status", "other")
        counts[status if status in counts else "other"] += 1
    if due:
        logger.info("webhook retry sweep", extra=counts)
    return counts
