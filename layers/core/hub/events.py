"""Hub events on the EventBridge bus (docs/events.md). `detail` never carries credentials."""

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from hub import aws, clock
from hub.ids import new_id
from hub.observability import count_swallowed, logger
from hub.redaction import redact
from hub.settings import get_settings

EVENT_TYPES: tuple[str, ...] = (
    "integration.connected",
    "integration.disconnected",
    "integration.error",
    "integration.refreshed",
    "integration.synced",
    "integration.recovered",
    # a provider's own webhook, attributed to one connection (hub/inbound/processor.py)
    "provider.event",
    "webhook.delivered",
    "webhook.failed",
    "webhook.disabled",
)
# events about webhooks are never delivered to webhooks themselves (no feedback loops);
# `webhook.test` is only ever sent by POST /api/tenant/webhooks/{id}/test, never via the bus
WEBHOOK_EVENT_TYPES: tuple[str, ...] = ("webhook.delivered", "webhook.failed", "webhook.disabled", "webhook.test")


class EventDetail(BaseModel):
    """The documented `detail` of every hub event."""

    model_config = ConfigDict(defer_build=True, extra="allow")

    eventId: str = Field(default_factory=lambda: new_id("evt"))
    type: str
    tenantId: str
    integrationId: str | None = None
    connectionId: str | None = None
    providerId: str | None = None
    userId: str | None = None
    time: str = Field(default_factory=clock.iso)
    reason: str | None = None


class PendingEvent(NamedTuple):
    """An event to publish together with others (`EventPublisher.publish_many`)."""

    event_type: str
    tenant_id: str
    fields: dict[str, Any]


PUT_EVENTS_MAX_ENTRIES = 10  # EventBridge's limit per PutEvents call


class EventPublisher:
    def __init__(self, bus_name: str | None = None, source: str | None = None) -> None:
        settings = get_settings()
        self.bus_name = bus_name or settings.event_bus_name
        self.source = source or settings.event_source

    def publish(self, event_type: str, tenant_id: str, **fields: Any) -> EventDetail:
        [detail] = self.publish_many([PendingEvent(event_type, tenant_id, fields)])
        return detail

    def publish_many(self, events: Sequence[PendingEvent]) -> list[EventDetail]:
        """Publish events ten to a PutEvents call (its limit): a batch's events cost a tenth of
        the calls."""
        details = [EventDetail(type=e.event_type, tenantId=e.tenant_id, **e.fields) for e in events]
        for start in range(0, len(details), PUT_EVENTS_MAX_ENTRIES):
            chunk = details[start:start + PUT_EVENTS_MAX_ENTRIES]
            response = aws.client("events").put_events(
                Entries=[
                    {
                        "EventBusName": self.bus_name,
                        "Source": self.source,
                        "DetailType": detail.type,
                        "Detail": json.dumps(redact(detail.model_dump(exclude_none=True)), default=str),
                    }
                    for detail in chunk
                ]
            )
            if response.get("FailedEntryCount"):
                failed = [d.eventId for d, entry in zip(chunk, response.get("Entries") or [], strict=False)
                          if entry.get("ErrorCode")]
                logger.error("event not published", extra={"eventTypes": sorted({d.type for d in chunk}),
                                                           "eventIds": failed})
                count_swallowed("EventNotPublished", len(failed) or 1)
        return details
