"""The queue worker: attribute accepted deliveries to connections and publish `provider.event`.

For each event of a delivery, the connections recorded for its account (hub/inbound/links.py)
— or, for a delivery to an integration's own URL (hub/inbound/intakes.py), that integration's
connection — each get one `provider.event` on the bus; the outgoing webhooks deliver it to endpoints
subscribed to `provider.event`, `{providerId}:*` or `{providerId}:{type}`. An event no
connection claims is counted (`InboundUnclaimed`, per provider) and its delivery kept for
`inbound_unclaimed_retention_hours`, never delivered to a tenant.

Event ids are derived from the delivery's id, the event's position and the connection, so a
queue message handled twice publishes the same ids and the webhook dispatcher sends nothing twice.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from hub import clock
from hub.connections.record import is_live
from hub.connections.repository import ConnectionRepository
from hub.events import EventPublisher, PendingEvent
from hub.inbound.links import receiving_links
from hub.inbound.payloads import event_payloads, grant_for, payload_fields
from hub.inbound.records import AcceptedDelivery, AccountLink, PayloadGrant
from hub.inbound.repository import InboundRepository
from hub.observability import count_for, logger
from hub.settings import get_settings

PROVIDER_EVENT = "provider.event"


@dataclass
class Processed:
    """What a batch became; `failed` are the queue records to hand back."""

    published: int = 0
    unclaimed: int = 0
    replayed: int = 0
    failed: list[int] = field(default_factory=list)


def event_id(delivery_id: str, position: int, connection_id: str) -> str:
    """`evt_` + a UUID that keeps the delivery's time prefix (UUIDv7: listings stay time-ordered)
    and is the same every time for this event and connection."""
    base = uuid.UUID(delivery_id.split("_", 1)[-1]).bytes
    tail = bytearray(hashlib.sha256(f"{position}#{connection_id}".encode()).digest()[:8])
    tail[0] = (tail[0] & 0x3F) | 0x80  # RFC 9562 variant
    return f"evt_{uuid.UUID(bytes=base[:8] + bytes(tail))}"


def _integration_link(delivery: AcceptedDelivery) -> list[AccountLink]:
    """The tenant connection of the integration whose own URL took the delivery (none: unclaimed)."""
    if not (delivery.tenant_id and delivery.integration_id):
        return []
    record = ConnectionRepository().get_connection(delivery.tenant_id, delivery.integration_id)
    if not is_live(record) or record is None:
        return []
    return [AccountLink(tenant_id=delivery.tenant_id, integration_id=delivery.integration_id,
                        connection_id=str(record["connectionId"]), provider_id=delivery.provider_id,
                        account_id="", user_id=None)]


def _events_for(delivery: AcceptedDelivery, links_by_account: dict[str, list[AccountLink]], grants_until: int
                ) -> tuple[list[PendingEvent], list[PayloadGrant], int]:
    pending: list[PendingEvent] = []
    grants: list[PayloadGrant] = []
    unclaimed = 0
    payloads = event_payloads(delivery)
    own = _integration_link(delivery) if delivery.integration_id else None
    for position, summary in enumerate(delivery.events):
        if own is not None:
            links = own
        else:
            links = links_by_account.get(summary.account_id or "", []) if summary.account_id else []
        if not links:
            unclaimed += 1
            continue
        found = payload_fields(delivery, position, payloads[position] if position < len(payloads) else None)
        if found.referenced:  # the tenants it goes to may read it (hub/inbound/payloads.py)
            grants.extend(grant_for(tenant, delivery, position, found, grants_until)
                          for tenant in sorted({link.tenant_id for link in links}))
        for link in links:
            pending.append(PendingEvent(PROVIDER_EVENT, link.tenant_id, {
                "eventId": event_id(delivery.id, position, link.connection_id),
                "integrationId": link.integration_id, "connectionId": link.connection_id,
                "providerId": delivery.provider_id, "userId": link.user_id,
                "providerEventType": summary.event_type, "accountId": summary.account_id,
                "inboundId": delivery.id, "eventIndex": position, "receivedAt": delivery.received_at,
                **found.fields,
            }))
    return pending, grants, unclaimed


def process(keys: Sequence[tuple[str, str]]) -> Processed:
    """Handle queue records, each naming an accepted delivery (providerId, deliveryId): the
    deliveries read in one BatchGetItem, each account looked up once per batch, every
    `provider.event` of the batch published ten to a PutEvents call, then each outcome written.
    A failure hands the records involved back to the queue (their event ids repeat on the retry)."""
    repository = InboundRepository()
    result = Processed()
    deliveries = {(d.provider_id, d.delivery_id): d for d in repository.get_deliveries(keys)}
    work: list[tuple[int, AcceptedDelivery]] = []
    for index, key in enumerate(keys):
        delivery = deliveries.get(key)
        if delivery is None or delivery.status != "accepted":
            result.replayed += 1  # expired, or handled by an earlier attempt
        else:
            work.append((index, delivery))
    accounts = sorted({(d.provider_id, e.account_id) for _, d in work if not d.integration_id
                       for e in d.events if e.account_id})
    settings = get_settings()
    # a delivered delivery is kept this long, and its referenced payloads readable as long
    grants_until = int(clock.now() + settings.inbound_retention_hours * 3600)
    try:
        links = {account: receiving_links(repository.links_for(*account)) for account in accounts}
        outcomes = [(index, delivery, *_events_for(delivery, {a: found for (p, a), found in links.items()
                                                               if p == delivery.provider_id}, grants_until))
                    for index, delivery in work]
        # grants first: a receiver may fetch the payload as soon as its event arrives
        repository.grant_payloads(grant for *_, grants, _ in outcomes for grant in grants)
        EventPublisher().publish_many([event for *_, pending, _, _ in outcomes for event in pending])
    except Exception:  # noqa: BLE001 - the batch goes back to the queue; nothing was marked done
        logger.exception("inbound webhooks not processed", extra={"count": len(work)})
        result.failed = [index for index, _ in work]
        return result
    for index, delivery, pending, _, unclaimed in outcomes:
        if unclaimed:
            count_for("InboundUnclaimed", "provider", delivery.provider_id, unclaimed)
        until = grants_until if pending else int(clock.now() + settings.inbound_unclaimed_retention_hours * 3600)
        try:
            repository.finish(delivery, "delivered" if pending else "unclaimed", ttl=until, delivered=len(pending))
        except Exception:  # noqa: BLE001 - published already; the retry publishes the same event ids
            logger.exception("inbound outcome not written", extra={"providerId": delivery.provider_id})
            result.failed.append(index)
        result.published += len(pending)
        result.unclaimed += unclaimed
    if keys:
        logger.info("inbound webhooks processed", extra={"published": result.published,
                                                        "unclaimed": result.unclaimed, "replayed": result.replayed})
    return result
