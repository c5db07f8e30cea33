"""Hub events on the EventBridge bus (docs/events.md). `detail` never carries credentials."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from hub import aws, clock
from hub.ids import new_id
from hub.observability import logger
from hub.redaction import redact
from hub.settings import get_settings

EVENT_TYPES: tuple[str, ...] = (
    "integration.connected",
    "integration.disconnected",
    "integration.error",
    "integration.refreshed",
    "integration.synced",
    "integration.recovered",
    "webhook.delivered",
    "webhook.failed",
    "webhook.disabled",
)
# events about webhooks are never delivered to webhooks themselves (no feedback loops);
# `webhook.test` is only ever sent by POST /api/tenant/webhooks/{id}/test, never via the bus
WEBHOOK_EVENT_TYPES: tuple[str, ...] = ("webhook.delivered", "webhook.failed", "webhook.disabled", "webhook.test")


class EventDetail(BaseModel):
    """The documented `detail` of every hub event."""

    model_config = ConfigDict(extra="allow")

    eventId: str = Field(default_factory=lambda: new_id("evt"))
    type: str
    tenantId: str
    integrationId: str | None = None
    connectionId: str | None = None
    providerId: str | None = None
    userId: str | None = None
    time: str = Field(default_factory=clock.iso)
    reason: str | None = None


class EventPublisher:
    def __init__(self, bus_name: str | None = None, source: str | None = None) -> None:
        settings = get_settings()
        self.bus_name = bus_name or settings.event_bus_name
        self.source = source or settings.event_source

    def publish(self, event_type: str, tenant_id: str, **fields: Any) -> EventDetail:
        detail = EventDetail(type=event_type, tenantId=tenant_id, **fields)
        payload = redact(detail.model_dump(exclude_none=True))
        response = aws.client("events").put_events(
            Entries=[
                {
                    "EventBusName": self.bus_name,
                    "Source": self.source,
                    "DetailType": event_type,
                    "Detail": json.dumps(payload, default=str),
                }
            ]
        )
        if response.get("FailedEntryCount"):
            logger.error("event not published", extra={"eventType": event_type, "eventId": detail.eventId})
        return detail
