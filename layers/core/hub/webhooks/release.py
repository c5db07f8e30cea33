"""Releasing throttled deliveries at their slots, second by second, instead of in minute bursts.

An endpoint's throttle (hub/webhooks/throttle.py) stores what exceeds its rate as queued
deliveries in the due index, each at its sending slot. A sweep that runs once a minute would send
a minute's worth at once, far above the rate; so each queued delivery also gets a timer: a
message on the webhook queue, delayed with SQS's per-message `DelaySeconds`, naming the
deliveries of one slot-second. The dispatcher receives it when the slot comes and sends them.

- A timer becomes visible `EARLY_SECONDS` before its slot, longer than the webhook queue's
  batching window (infra/constructs/events.py), and the consumer waits out the rest on the hub's
  clock, so the batching window never bunches several seconds' releases into one. Slots nearer
  than that cannot be timed: whoever queued them (dispatcher or sweep) sends them itself, each
  at its second.
- SQS delays messages by at most `MAX_DELAY_SECONDS`: the dispatcher times the slots within it
  (marking the delivery `releaseTimer`), and each retry sweep times the unmarked slots that fall
  before the next sweep (`SWEEP_PERIOD_SECONDS`, the sweep's schedule in functions/workers.py,
  plus a margin for a sweep that starts late).
- The due index stays the truth: a timer that is lost or fires late leaves the delivery to the
  sweep, and a delivery is sent only by whoever wins its claim (a conditional write), so a
  timer and the sweep never both send it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from hub import aws, clock
from hub.observability import logger
from hub.settings import get_settings
from hub.webhooks.attempts import send_due
from hub.webhooks.repository import OPEN_STATUSES, WebhookRepository

RELEASE_KEY = "release"
MAX_DELAY_SECONDS = 900  # SQS's longest per-message delay
EARLY_SECONDS = 6  # the webhook queue's batching window (5 s), and a second for rounding
SWEEP_PERIOD_SECONDS = 60
# a sweep times slots this far past its next run too: a sweep that starts late still finds the
# slots it must send already timed (a slot timed twice is sent once: the second finds it sent)
LOOKAHEAD_MARGIN_SECONDS = 15
LOOKAHEAD_SECONDS = SWEEP_PERIOD_SECONDS + LOOKAHEAD_MARGIN_SECONDS
GROUP_MAX = 100  # deliveries named by one timer message (well under SQS's 256 KB)
SQS_BATCH_ENTRIES = 10


def is_release(body: Any) -> bool:
    return isinstance(body, dict) and RELEASE_KEY in body


def slot_of(delivery: dict[str, Any]) -> float:
    return clock.parse_iso(str(delivery.get("throttledUntil") or delivery["nextAttemptAt"]))


def timer_delay(slot: float, now: float) -> int:
    """The delay of the timer for a slot: visible EARLY_SECONDS before it (0: no time for a timer)."""
    return max(0, math.floor(slot - now) - EARLY_SECONDS)


def timed_at_creation(queued_until: float, now: float) -> bool:
    """Whether the dispatcher releases a delivery queued until then (else a sweep does)."""
    return timer_delay(queued_until, now) <= MAX_DELAY_SECONDS


def release(deliveries: Sequence[dict[str, Any]], *,
             deadline: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """Queued deliveries whose slot is near (a timer could not arrive in time) are sent here,
    each slot-second at its time; the others get timers. Answers the deliveries sent here."""
    now = clock.now()
    soon = [d for d in deliveries if slot_of(d) - now <= EARLY_SECONDS]
    set_release_timers([d for d in deliveries if slot_of(d) - now > EARLY_SECONDS], now)
    return send_at_slots(soon, deadline=deadline)


def set_release_timers(deliveries: Sequence[dict[str, Any]], now: float) -> int:
    """One delayed message per slot-second (at most GROUP_MAX deliveries each), ten messages to a
    SendMessageBatch call; each becomes visible EARLY_SECONDS before its slot. Answers how many
    deliveries got a timer; the others are left to the sweep."""
    url = get_settings().webhook_queue_url
    groups: dict[int, list[dict[str, str]]] = {}
    for delivery in deliveries:
        delay = timer_delay(slot_of(delivery), now)
        if delay <= MAX_DELAY_SECONDS:
            groups.setdefault(delay, []).append(
                {"tenantId": delivery["tenantId"], "webhookId": delivery["webhookId"], "deliveryId": delivery["id"]})
    if not groups or not url:
        return 0
    messages = [(delay, refs[start:start + GROUP_MAX]) for delay, refs in sorted(groups.items())
                for start in range(0, len(refs), GROUP_MAX)]
    timed = 0
    sqs = aws.client("sqs")
    for start in range(0, len(messages), SQS_BATCH_ENTRIES):
        chunk = messages[start:start + SQS_BATCH_ENTRIES]
        try:
            response = sqs.send_message_batch(QueueUrl=url, Entries=[
                {"Id": str(i), "MessageBody": json.dumps({RELEASE_KEY: refs}), "DelaySeconds": delay}
                for i, (delay, refs) in enumerate(chunk)])
        except Exception:  # noqa: BLE001 - the deliveries are stored and due: the sweep sends them
            logger.exception("throttle release timers not set", extra={"count": sum(len(r) for _, r in chunk)})
            continue
        failed = {entry["Id"] for entry in response.get("Failed", [])}
        timed += sum(len(refs) for i, (_, refs) in enumerate(chunk) if str(i) not in failed)
        if failed:
            logger.error("throttle release timers not set", extra={"failedMessages": len(failed)})
    return timed


def upcoming_untimed(upcoming: Iterable[dict[str, Any]], now: float) -> list[dict[str, Any]]:
    """The sweep's part: queued deliveries due before its next run that have no timer."""
    return [d for d in upcoming if d.get("throttledUntil") and not d.get("releaseTimer")
            and int(d.get("attempts", 0)) == 0 and now < slot_of(d) <= now + LOOKAHEAD_SECONDS]


def release_due(
    bodies: Sequence[dict[str, Any]], *, deadline: Callable[[], bool] | None = None
) -> list[dict[str, Any]]:
    """The consumer's part: send the deliveries timer messages name, each slot-second at its
    time. Deliveries that are no longer queued (sent by the sweep, deleted) are skipped."""
    refs = [ref for body in bodies for ref in body.get(RELEASE_KEY) or [] if isinstance(ref, dict)]
    keys = [(str(r.get("tenantId")), str(r.get("webhookId")), str(r.get("deliveryId"))) for r in refs]
    if not keys:
        return []
    found = WebhookRepository().get_deliveries(keys)
    return send_at_slots([d for d in found if d.get("status") in OPEN_STATUSES and d.get("nextAttemptAt")],
                         deadline=deadline)


def send_at_slots(deliveries: Sequence[dict[str, Any]], *,
                  deadline: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """Send each slot-second's deliveries when it comes (waiting on the hub's clock)."""
    by_second: dict[int, list[dict[str, Any]]] = {}
    for delivery in sorted(deliveries, key=slot_of):
        by_second.setdefault(math.ceil(slot_of(delivery)), []).append(delivery)
    sent: list[dict[str, Any]] = []
    for second, group in sorted(by_second.items()):
        if second - clock.now() > EARLY_SECONDS + 1:
            continue  # not due with this timer (another timer or the sweep sends it)
        clock.sleep(second - clock.now())
        if deadline is not None and deadline():
            break  # the rest stay queued and due: the sweep sends them
        sent.extend(send_due(group, clock.now(), deadline=deadline))
    return sent
