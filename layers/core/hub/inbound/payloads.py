"""The JSON of each event of a delivery, carried in its `provider.event` or, when too large for
the bus, referenced there and served to the tenants it was published to.

EventBridge takes 256 KB an event and an outgoing webhook message 64 KB, so a payload over
`inbound_inline_payload_bytes` is not carried: the event holds `payloadBytes`, `payloadSha256`,
`eventIndex` and `payloadUrl`, and the processor writes a payload grant for each tenant it
publishes the event to. `GET /api/tenant/inbound-events/{inboundId}/payload?index=N` answers the
payload from the delivery the intake kept (the raw body, `inbound_retention_hours`) — the exact
bytes whose SHA-256 the event names — but only to a tenant holding a grant, and only that one
event of the request: a provider that batches (HubSpot, Meta) may put other tenants' events
beside it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from hub import clock
from hub.errors import InboundEventNotFound
from hub.inbound.extract import MalformedBody, parse_body
from hub.inbound.records import AcceptedDelivery, PayloadGrant
from hub.inbound.repository import InboundRepository
from hub.principal import Principal
from hub.providers.templates import get_template, json_path_value
from hub.settings import get_settings

PAYLOAD_PATH = "/api/tenant/inbound-events/{inboundId}/payload"


def event_payloads(delivery: AcceptedDelivery) -> list[Any]:
    """The JSON of each event, as the intake split it (same template, same body)."""
    template = get_template(delivery.template_id)
    spec = template.inbound_webhooks if template else None
    try:
        document = parse_body(delivery.body, delivery.content_type)
    except MalformedBody:
        return [None] * len(delivery.events)
    if spec is None or spec.events_path is None:
        return [document]
    items = json_path_value(document, spec.events_path)
    return list(items) if isinstance(items, list) else [None] * len(delivery.events)


def canonical(payload: Any) -> bytes:
    """The bytes a payload is measured, hashed and served as (compact JSON)."""
    return json.dumps(payload, separators=(",", ":"), default=str).encode("utf-8")


@dataclass(frozen=True)
class EventPayload:
    """What a provider.event says about its payload; `referenced` when it is too large to carry."""

    fields: dict[str, Any]
    referenced: bool


def payload_fields(delivery: AcceptedDelivery, index: int, payload: Any) -> EventPayload:
    text = canonical(payload)
    size = len(text)
    if size <= get_settings().inbound_inline_payload_bytes:
        return EventPayload({"payload": payload, "payloadBytes": size}, referenced=False)
    url = get_settings().public_api_url.rstrip("/") + PAYLOAD_PATH.format(inboundId=delivery.id)
    return EventPayload({"payloadBytes": size, "payloadSha256": hashlib.sha256(text).hexdigest(),
                         "payloadUrl": f"{url}?index={index}"}, referenced=True)


def grant_for(tenant_id: str, delivery: AcceptedDelivery, index: int, found: EventPayload,
              expires_at: int) -> PayloadGrant:
    return PayloadGrant(tenant_id=tenant_id, inbound_id=delivery.id, event_index=index,
                        provider_id=delivery.provider_id, delivery_id=delivery.delivery_id,
                        payload_bytes=int(found.fields["payloadBytes"]),
                        payload_sha256=str(found.fields["payloadSha256"]), expires_at=expires_at)


def read_event_payload(principal: Principal, inbound_id: str, index: int) -> bytes:
    """The payload of one referenced event, for a tenant it was published to; 404 for any
    other tenant, an index it was not sent, or once the delivery's retention has passed
    (checked on the hub clock: DynamoDB removes expired items up to days late)."""
    repository = InboundRepository()
    now = clock.now()
    grant = repository.payload_grant(principal.tenant_id, inbound_id, index)
    missing = InboundEventNotFound(details={"inboundId": inbound_id, "index": index})
    if grant is None or grant.expires_at <= now:
        raise missing
    delivery = repository.get_delivery(grant.provider_id, grant.delivery_id)
    if delivery is None or delivery.id != inbound_id or (delivery.expires_at or now + 1) <= now:
        raise missing
    payloads = event_payloads(delivery)
    text = canonical(payloads[index]) if index < len(payloads) else b""
    if hashlib.sha256(text).hexdigest() != grant.payload_sha256:
        raise missing  # not the payload the event named (the delivery id was reused after expiry)
    return text
