"""Inbound webhook records: what the intake, the processor and the connection lifecycle keep.

Plain dataclasses, apart from the API models (hub/inbound/models.py): linking a connection's
provider accounts happens in every connect and disconnect, whose handlers must not define the
inbound routes' pydantic models at their cold start (bench/imports.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# accepted: acknowledged, waiting for the processor; delivered: published to at least one
# connection; unclaimed: no connection claimed it (kept briefly, never delivered to a tenant)
IntakeStatus = Literal["accepted", "delivered", "unclaimed"]
MAX_ACCOUNT_IDS = 20


@dataclass(frozen=True)
class EventSummary:
    """What the intake read from one event of a request (type and account), kept with the
    delivery so the processor does not need the request headers."""

    event_type: str
    account_id: str | None


@dataclass(frozen=True)
class AcceptedDelivery:
    """One acknowledged provider request: its dedupe key, the raw body and what it holds."""

    id: str
    provider_id: str
    template_id: str
    delivery_id: str
    received_at: str
    content_type: str
    body: bytes
    events: tuple[EventSummary, ...]
    status: IntakeStatus = "accepted"
    # set when the request came to an integration's own URL: its events belong to that integration
    integration_id: str | None = None
    tenant_id: str | None = None
    # epoch seconds the table's TTL removes it after (DynamoDB deletes expired items late)
    expires_at: int | None = None


@dataclass(frozen=True)
class PayloadGrant:
    """A tenant's right to read one event's payload that its provider.event only referenced
    (over `inbound_inline_payload_bytes`): written per tenant the event was published to."""

    tenant_id: str
    inbound_id: str
    event_index: int
    provider_id: str
    delivery_id: str
    payload_bytes: int
    payload_sha256: str
    expires_at: int


@dataclass(frozen=True)
class AccountLink:
    """A connection that answers for a provider account (recorded at connect time)."""

    tenant_id: str
    integration_id: str
    connection_id: str
    provider_id: str
    account_id: str
    user_id: str | None = None
    # captured from the provider at connect time (True), or typed by a tenant admin (False):
    # hub/inbound/accounts.py decides who receives when both exist
    verified: bool = True


@dataclass
class IntakeAnswer:
    """What the intake answers the provider."""

    status_code: int
    body: str
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
