"""A per-endpoint throttle (`rateLimit`, messages per second) that queues rather than drops.

Each endpoint with a rate keeps `throttleNextSlot` (epoch seconds): the first free sending slot.
A batch reserves one slot per delivery, 1/rate apart, with one conditional write per endpoint
(retried on a concurrent reservation). Deliveries whose slot falls within the current second are
sent now; the others are written as queued deliveries in the due index at their slot, and a
timer on the webhook queue sends each slot-second's deliveries at their time
(hub/webhooks/release.py), so queued messages leave at the rate rather than in bursts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hub.observability import logger
from hub.webhooks.repository import WebhookRepository

RESERVE_TRIES = 5
BURST_SECONDS = 1.0


def throttle_holds(wanted: Sequence[tuple[int, dict[str, Any]]], now: float) -> list[float | None]:
    """For each (event, endpoint) pair in order: None to send now, or the time it is queued until."""
    holds: list[float | None] = [None] * len(wanted)
    positions: dict[str, list[int]] = {}
    endpoints: dict[str, dict[str, Any]] = {}
    for position, (_, endpoint) in enumerate(wanted):
        if endpoint.get("rateLimit"):
            positions.setdefault(endpoint["id"], []).append(position)
            endpoints[endpoint["id"]] = endpoint
    for webhook_id, places in positions.items():
        start, rate = reserve(endpoints[webhook_id], len(places), now)
        for offset, position in enumerate(places):
            slot = start + offset / rate
            holds[position] = None if slot < now + BURST_SECONDS else slot
    return holds


def reserve(endpoint: dict[str, Any], count: int, now: float) -> tuple[float, float]:
    """Reserve `count` consecutive slots; answers (the first slot, the rate)."""
    repo = WebhookRepository()
    current = endpoint
    for _ in range(RESERVE_TRIES):
        rate = float(current.get("rateLimit") or endpoint["rateLimit"])
        seen = current.get("throttleNextSlot")
        start = max(now, float(seen)) if seen is not None else now
        if repo.reserve_send_slots(endpoint["tenantId"], endpoint["id"], seen=seen, next_slot=start + count / rate):
            return start, rate
        current = repo.get_endpoint(endpoint["tenantId"], endpoint["id"]) or current
    logger.warning("throttle slots contended; queued after the last known slot", extra={"webhookId": endpoint["id"]})
    rate = float(current.get("rateLimit") or endpoint["rateLimit"])
    return max(now, float(current.get("throttleNextSlot") or now)), rate
