"""The event-type catalog: every event the hub publishes, with the JSON schema of its message.

A webhook message is `{id, type, timestamp, data}` (hub/webhooks/delivery.py builds it from the
bus event: `id` = detail.eventId, `timestamp` = detail.time, `data` = the rest of the detail).
The `data` models below list every field a producer sends; they forbid others, so a producer
that adds a field without documenting it here fails the tests (tests/conftest.py validates
every event published in any test against these schemas).
"""

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from hub.events import EVENT_TYPES, WEBHOOK_EVENT_TYPES

_ENVELOPE = ("eventId", "type", "time")


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    tenantId: str = Field(description="the tenant the event belongs to")


class _IntegrationData(_Data):
    integrationId: str = Field(description="the tenant's integration instance")
    connectionId: str | None = None
    providerId: str | None = None
    userId: str | None = Field(default=None, description="set for a user-scoped connection")
    reason: str | None = None


class ConnectedData(_IntegrationData):
    via: str | None = Field(default=None, description="how it was connected: oauth, api_key, basic, custom")


class DisconnectedData(_IntegrationData):
    pass


class RefreshedData(_IntegrationData):
    pass


class ErrorData(_IntegrationData):
    previousStatus: str | None = None
    status: str | None = None
    errorCode: str | None = None
    consecutiveFailures: int | None = None


class RecoveredData(_IntegrationData):
    previousStatus: str | None = None
    status: str | None = None


class SyncedData(_IntegrationData):
    syncLogId: str
    status: str = Field(description="success, partial or failed")
    trigger: str | None = None
    itemsProcessed: int = 0
    itemsFailed: int = 0


class ProviderEventData(_Data):
    integrationId: str = Field(description="the tenant's integration the provider account is connected to")
    connectionId: str
    providerId: str
    userId: str | None = Field(default=None, description="set for a user-scoped connection")
    providerEventType: str = Field(description="the provider's own event type (orders/create); 'unknown' if none")
    accountId: str | None = Field(default=None, description="the provider account the event concerns")
    inboundId: str = Field(description="the accepted provider request (one request may carry several events)")
    eventIndex: int = Field(default=0, description="the event's position in that request")
    receivedAt: str = Field(description="when the hub received the provider's request")
    payload: Any = Field(default=None, description="the provider's event as it sent it (absent when larger "
                                                   "than HUB_INBOUND_INLINE_PAYLOAD_BYTES)")
    payloadBytes: int = Field(description="size of the provider's event JSON")
    payloadSha256: str | None = Field(default=None, description="set when the payload was too large to carry: "
                                                                 "the SHA-256 (hex) of what payloadUrl answers")
    payloadUrl: str | None = Field(default=None, description="set when the payload was too large to carry: GET it "
                                                             "with a tenant admin's token while the hub keeps it "
                                                             "(HUB_INBOUND_RETENTION_HOURS)")


class _DeliveryData(_Data):
    webhookId: str
    deliveryId: str
    messageId: str = Field(description="the webhook-id header of the delivery")
    messageType: str = Field(description="the event type that was delivered")
    attempts: int
    statusCode: int | None = None
    reason: str | None = None


class DeliveredData(_DeliveryData):
    pass


class FailedData(_DeliveryData):
    pass


class DisabledData(_Data):
    webhookId: str
    reason: str = Field(description="gone (the receiver answered 410), failing, or manual")


class TestData(_Data):
    webhookId: str
    message: str


_DATA: dict[str, tuple[type[_Data], str]] = {
    "integration.connected": (ConnectedData, "A connection was made (OAuth, API key, basic or custom)."),
    "integration.disconnected": (DisconnectedData, "A connection was removed."),
    "integration.error": (ErrorData, "A connection failed: a refresh was refused, or health checks failed."),
    "integration.refreshed": (RefreshedData, "A connection's access token was refreshed."),
    "integration.synced": (SyncedData, "A sync finished (completed, partial or failed)."),
    "integration.recovered": (RecoveredData, "A connection in error or expired works again (health check, refresh "
                                             "or reconnect)."),
    "provider.event": (ProviderEventData, "A provider's webhook event, attributed to one of the tenant's "
                                          "connections (subscribe to provider.event, {providerId}:* or "
                                          "{providerId}:{providerEventType})."),
    "webhook.delivered": (DeliveredData, "A webhook delivery succeeded (published on the bus only)."),
    "webhook.failed": (FailedData, "A webhook delivery failed for good (published on the bus only)."),
    "webhook.disabled": (DisabledData, "A webhook endpoint was disabled (published on the bus only)."),
    "webhook.test": (TestData, "Sent by POST /api/tenant/webhooks/{webhookId}/test only."),
}


def catalogued_types() -> tuple[str, ...]:
    return tuple(_DATA)


@cache
def message_model(event_type: str) -> type[BaseModel]:
    data_model, _ = _DATA[event_type]
    name = "".join(part.title() for part in event_type.replace(".", "_").split("_")) + "Message"
    model: type[BaseModel] = create_model(
        name,
        __config__=ConfigDict(extra="forbid"),
        id=(str, Field(description="the message id (webhook-id header), stable across retries")),
        type=(Literal[event_type], ...),  # type: ignore[valid-type,arg-type]
        timestamp=(str, Field(description="when the event happened (ISO 8601, UTC)")),
        data=(data_model, ...),
    )
    return model


@cache
def message_schema(event_type: str) -> dict[str, Any]:
    return message_model(event_type).model_json_schema()


def message_of(detail: dict[str, Any]) -> dict[str, Any]:
    """The webhook message of a bus event's detail (as the dispatcher builds it)."""
    return {"id": detail.get("eventId"), "type": detail.get("type"), "timestamp": detail.get("time"),
            "data": {k: v for k, v in detail.items() if k not in _ENVELOPE}}


def validate_detail(detail: dict[str, Any]) -> None:
    """Raise ValueError when a published event's detail does not match its catalogued schema."""
    import jsonschema

    event_type = str(detail.get("type"))
    if event_type not in _DATA:
        raise ValueError(f"event type {event_type!r} is not in the catalog (hub/webhooks/event_types.py)")
    try:
        jsonschema.validate(message_of(detail), message_schema(event_type))
    except jsonschema.ValidationError as error:
        raise ValueError(f"{event_type} does not match its schema: {error.message}") from None


class EventTypeView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    type: str
    description: str
    deliverable: bool = Field(description="false for events about webhooks: published on the bus only")
    jsonSchema: dict[str, Any] = Field(description="JSON schema (2020-12) of the webhook message")


class EventTypeList(BaseModel):
    model_config = ConfigDict(defer_build=True)

    eventTypes: list[EventTypeView]


def event_type_catalog() -> EventTypeList:
    published = [*EVENT_TYPES, *(t for t in _DATA if t not in EVENT_TYPES)]
    return EventTypeList(eventTypes=[
        EventTypeView(type=t, description=_DATA[t][1], deliverable=t not in WEBHOOK_EVENT_TYPES,
                      jsonSchema=message_schema(t))
        for t in published
    ])
