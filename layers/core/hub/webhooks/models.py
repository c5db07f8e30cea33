"""Webhook API models: what callers may send (extra="forbid") and what the API answers.

The signing secret appears in exactly two answers: `WebhookCreated` and `SecretRotated`.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hub.events import EVENT_TYPES, WEBHOOK_EVENT_TYPES
from hub.pagination import ListParams

ALL_EVENTS = "*"
MAX_URL_LENGTH = 2048
MAX_METADATA_KEYS = 20
MAX_RATE_LIMIT = 10_000

EndpointStatus = Literal["active", "disabled"]
DeliveryStatus = Literal["pending", "retrying", "delivered", "failed"]


def deliverable_event_types() -> tuple[str, ...]:
    """Hub events a webhook may subscribe to: every published type except those about webhooks."""
    return tuple(t for t in EVENT_TYPES if t not in WEBHOOK_EVENT_TYPES)


PROVIDER_EVENT = "provider.event"
# `shopify:orders/create`, `instagram:*`: one provider's events (hub/inbound), by its own type
_PROVIDER_SUBSCRIPTION = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*:(?:\*|[A-Za-z0-9_.:/-]{1,100})$")


def is_provider_subscription(name: str) -> bool:
    return bool(_PROVIDER_SUBSCRIPTION.match(name))


def subscribes(events: Sequence[str], event_type: str, detail: Mapping[str, Any]) -> bool:
    """Whether an endpoint subscribed to `events` receives this hub event. A provider's event
    matches `*`, `provider.event`, `{providerId}:*` and `{providerId}:{providerEventType}`."""
    if ALL_EVENTS in events or event_type in events:
        return True
    if event_type != PROVIDER_EVENT:
        return False
    provider = str(detail.get("providerId") or "")
    return f"{provider}:*" in events or f"{provider}:{detail.get('providerEventType')}" in events


def _check_events(events: list[str]) -> list[str]:
    allowed = deliverable_event_types()
    unknown = [name for name in events
               if name != ALL_EVENTS and name not in allowed and not is_provider_subscription(name)]
    if unknown:
        about_webhooks = [name for name in unknown if name in WEBHOOK_EVENT_TYPES or name.startswith("webhook.")]
        if about_webhooks:
            raise ValueError(
                f"events about webhooks are never delivered to webhooks: {', '.join(sorted(about_webhooks))}"
            )
        raise ValueError(
            f"unknown event types: {', '.join(sorted(unknown))}; allowed: {', '.join(allowed)}, "
            "'{providerId}:{providerEventType}', '{providerId}:*' or '*'"
        )
    if len(set(events)) != len(events):
        raise ValueError("events must not repeat")
    return events


def _check_metadata(metadata: dict[str, str] | None) -> dict[str, str] | None:
    if metadata is None:
        return None
    if len(metadata) > MAX_METADATA_KEYS:
        raise ValueError(f"metadata holds at most {MAX_METADATA_KEYS} keys")
    for key, value in metadata.items():
        if not 1 <= len(key) <= 64 or len(value) > 512:
            raise ValueError("metadata keys are 1-64 characters and values at most 512")
    return metadata


_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"


class WebhookCreate(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    url: str = Field(min_length=8, max_length=MAX_URL_LENGTH, description="https URL that receives the events")
    events: list[str] = Field(min_length=1, max_length=50, description="event types, or ['*'] for all")
    integrationId: str | None = Field(default=None, pattern=_ID_PATTERN,
                                      description="only events about this integration")
    description: str | None = Field(default=None, max_length=500)
    metadata: dict[str, str] | None = None
    rateLimit: int | None = Field(default=None, ge=1, le=MAX_RATE_LIMIT,
                                  description="at most this many messages per second; more are queued, not dropped")

    @field_validator("events")
    @classmethod
    def _valid_events(cls, events: list[str]) -> list[str]:
        return _check_events(events)

    @field_validator("metadata")
    @classmethod
    def _valid_metadata(cls, metadata: dict[str, str] | None) -> dict[str, str] | None:
        return _check_metadata(metadata)


class WebhookUpdate(BaseModel):
    """PATCH: only the fields sent change; `null` clears integrationId, description, metadata."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    url: str | None = Field(default=None, min_length=8, max_length=MAX_URL_LENGTH)
    events: list[str] | None = Field(default=None, min_length=1, max_length=50)
    integrationId: str | None = Field(default=None, pattern=_ID_PATTERN)
    description: str | None = Field(default=None, max_length=500)
    metadata: dict[str, str] | None = None
    rateLimit: int | None = Field(default=None, ge=1, le=MAX_RATE_LIMIT,
                                  description="messages per second; null removes the throttle")
    status: EndpointStatus | None = Field(default=None, description="'active' re-enables a disabled endpoint")

    @field_validator("events")
    @classmethod
    def _valid_events(cls, events: list[str] | None) -> list[str] | None:
        return None if events is None else _check_events(events)

    @field_validator("metadata")
    @classmethod
    def _valid_metadata(cls, metadata: dict[str, str] | None) -> dict[str, str] | None:
        return _check_metadata(metadata)

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("send at least one field to change")
        for name in ("url", "events", "status"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class WebhookListParams(ListParams):
    status: EndpointStatus | None = None
    event: str | None = Field(default=None, max_length=64, description="endpoints subscribed to this type")


class DeliveryListParams(ListParams):
    status: DeliveryStatus | None = None
    eventType: str | None = Field(default=None, max_length=64)


# ---- answers --------------------------------------------------------------------------------


class WebhookView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    url: str
    events: list[str]
    integrationId: str | None = None
    description: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    rateLimit: int | None = Field(default=None, description="messages per second; more are queued")
    status: EndpointStatus
    disabledReason: str | None = None
    disabledAt: str | None = None
    previousSecretExpiresAt: str | None = Field(
        default=None, description="while set, deliveries are signed with the old secret as well"
    )
    failingSince: str | None = None
    lastSuccessAt: str | None = None
    lastFailureAt: str | None = None
    createdAt: str
    updatedAt: str
    version: int


class WebhookCreated(WebhookView):
    secret: str = Field(description="the signing secret; shown only in this answer")


class SecretRotated(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    secret: str = Field(description="the new signing secret; shown only in this answer")
    previousSecretExpiresAt: str


class WebhookList(BaseModel):
    model_config = ConfigDict(defer_build=True)

    webhooks: list[WebhookView]
    total: int
    limit: int
    offset: int
    hasMore: bool
    nextOffset: int | None = None


class AttemptView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    attempt: int
    attemptedAt: str
    statusCode: int | None = None
    durationMs: float | None = None
    error: str | None = None
    responseBody: str | None = Field(
        default=None, description="the start of the answer (webhook_response_keep_bytes), kept for a short while"
    )
    manual: bool = False


class DeliveryView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    webhookId: str
    messageId: str = Field(description="the webhook-id header: stable across retries")
    eventType: str
    status: DeliveryStatus
    attempts: int
    throttledUntil: str | None = Field(default=None, description="queued by the endpoint's throttle until then")
    statusCode: int | None = None
    durationMs: float | None = None
    error: str | None = None
    responseBody: str | None = None
    attemptLog: list[AttemptView] = Field(default_factory=list)
    payload: dict[str, Any] | None = None
    createdAt: str
    updatedAt: str
    lastAttemptAt: str | None = None
    nextAttemptAt: str | None = None
    deliveredAt: str | None = None
    failedAt: str | None = None


class DeliveryList(BaseModel):
    model_config = ConfigDict(defer_build=True)

    deliveries: list[DeliveryView]
    total: int
    limit: int
    offset: int
    hasMore: bool
    nextOffset: int | None = None


# ---- recover and statistics -----------------------------------------------------------------

_ISO_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"


class RecoverRequest(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    since: str = Field(pattern=_ISO_PATTERN, description="resend failed deliveries created since (ISO 8601)")
    until: str | None = Field(default=None, pattern=_ISO_PATTERN, description="and until (default: now)")


class RecoverJobView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    webhookId: str
    status: Literal["queued", "running", "done"]
    since: str
    until: str
    scanned: int = Field(description="deliveries in the window looked at so far")
    requeued: int = Field(description="failed deliveries put back for one more attempt so far")
    createdAt: str
    updatedAt: str
    finishedAt: str | None = None


class StatsParams(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    since: str | None = Field(default=None, pattern=_ISO_PATTERN, description="default: 24 hours ago")


class DeliveryCounts(BaseModel):
    model_config = ConfigDict(defer_build=True)

    total: int = 0
    delivered: int = 0
    failed: int = 0
    retrying: int = 0
    pending: int = 0


class RecentFailure(BaseModel):
    model_config = ConfigDict(defer_build=True)

    deliveryId: str
    eventType: str
    attempt: int
    attemptedAt: str
    statusCode: int | None = None
    error: str | None = None


class EndpointStats(BaseModel):
    model_config = ConfigDict(defer_build=True)

    webhookId: str
    since: str
    deliveries: DeliveryCounts
    successRate: float | None = Field(description="delivered / (delivered + failed); null before any ended")
    attempts: int
    failedAttempts: int
    lastSuccessAt: str | None = None
    lastFailureAt: str | None = None
    failingSince: str | None = None
    recentFailures: list[RecentFailure] = Field(description="the latest failed attempts, newest first")
    sampled: int = Field(description="deliveries read to compute these figures (at most 2000)")
