"""Webhooks at scale: a batch of hub events is dispatched as a batch (bounded concurrency, one
endpoint read per tenant, batched writes and events), throttled endpoints queue rather than drop,
and every lease outlasts the attempt it covers. AWS calls are counted at botocore, deterministically.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from botocore.client import BaseClient

from hub import clock
from hub.ids import new_id
from hub.settings import get_settings
from hub.webhooks.repository import WebhookRepository
from local.apigw import LambdaContext
from local.receiver import Answer, ReceivedRequest, Receiver
from local.webhooks_dev import run_retry_sweep
from tests.support.api import ApiClient
from tests.support.webhooks import receiver_on_hub_clock  # noqa: F401

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")


@pytest.fixture
def receiver(aws_env) -> Iterator[Receiver]:
    with Receiver() as running:
        yield running
    assert all(request.verified for request in running.requests), "a delivery did not verify"


@pytest.fixture
def aws_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every AWS API call the hub makes, as "service.Operation", counted where botocore sends it."""
    calls: Counter[str] = Counter()
    real = BaseClient._make_api_call

    def counting(self: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        calls[f"{self.meta.service_model.service_name}.{operation}"] += 1
        return real(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", counting)
    return calls


def register(tenant: str, receiver: Receiver, **extra: Any) -> dict[str, Any]:
    api = ApiClient(tenant=tenant)
    response = api.post("/api/tenant/webhooks", {"url": receiver.url, "events": ["integration.synced"], **extra})
    assert response.status == 201, response.raw_body
    receiver.secrets.append(response.body["secret"])
    return response.body


def hub_event(tenant: str, n: int) -> dict[str, Any]:
    return {"version": "0", "id": new_id(), "detail-type": "integration.synced", "source": get_settings().event_source,
            "time": clock.iso(), "detail": {"eventId": new_id("evt"), "type": "integration.synced",
                                            "tenantId": tenant, "integrationId": "int_1", "itemsProcessed": n}}


def dispatch(events: list[dict[str, Any]]) -> dict[str, Any]:
    return deliver_bodies([json.dumps(event) for event in events])


def deliver_bodies(bodies: list[str]) -> dict[str, Any]:
    """Hand message bodies to the webhook dispatcher as one SQS batch, as the event source mapping does."""
    from functions.consumers.webhook_dispatcher import handler

    records = [{"messageId": f"m{i}", "receiptHandle": "r", "body": body, "attributes": {},
                "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:integration-hub-webhook",
                "awsRegion": "us-east-1"} for i, body in enumerate(bodies)]
    result: dict[str, Any] = handler({"Records": records}, LambdaContext("webhook-dispatcher", timeout_seconds=90))
    return result


def test_a_batch_costs_at_most_two_aws_calls_per_delivery(receiver, aws_calls) -> None:
    # Given two tenants: acme with two endpoints, globex with one
    hooks = [register("acme", receiver), register("acme", receiver), register("globex", receiver)]
    events = [hub_event("acme" if i % 2 else "globex", i) for i in range(100)]
    aws_calls.clear()
    # When one SQS batch of 100 hub events is dispatched
    assert dispatch(events) == {"batchItemFailures": []}
    calls = Counter(aws_calls)
    # Then every delivery was made, signed, and recorded as delivered
    deliveries = sum(len(WebhookRepository().list_deliveries(t, h["id"])) for t, h in
                     zip(["acme", "acme", "globex"], hooks, strict=True))
    assert deliveries == len(receiver.requests) == 50 * 2 + 50
    made = Counter()
    for tenant, hook in zip(["acme", "acme", "globex"], hooks, strict=True):
        made.update(d["status"] for d in WebhookRepository().list_deliveries(tenant, hook["id"]))
    assert made == {"delivered": 150}
    # And the hub made at most two AWS calls per delivery, amortised over the batch: endpoints
    # read once per tenant, deliveries and outcomes written in transactions, events ten a call
    total = sum(calls.values())
    assert calls["dynamodb.Query"] == 2
    assert calls["events.PutEvents"] == math.ceil(150 / 10)
    assert calls["dynamodb.PutItem"] == 0
    assert total <= 2 * 150, calls
    assert total / 150 < 0.5, calls


def test_a_batch_is_sent_concurrently_within_the_bound(receiver, monkeypatch) -> None:
    # Given a receiver that answers the first two requests only once both are in flight
    monkeypatch.setenv("HUB_WEBHOOK_SEND_CONCURRENCY", "4")
    from hub.settings import reset_settings

    reset_settings()
    both_in_flight = threading.Barrier(2, timeout=20)
    in_flight, most = [0], [0]
    lock = threading.Lock()

    def responder(request: ReceivedRequest) -> Answer:
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
            first_two = len(receiver.requests) <= 2
        try:
            if first_two:
                both_in_flight.wait()
            return Answer()
        finally:
            with lock:
                in_flight[0] -= 1

    receiver.responder = responder
    register("acme", receiver)
    # When a batch of 12 events is dispatched
    assert dispatch([hub_event("acme", i) for i in range(12)]) == {"batchItemFailures": []}
    # Then two requests were in flight together (the barrier did not break), never more than 4
    assert not both_in_flight.broken
    assert len(receiver.requests) == 12
    assert 2 <= most[0] <= 4


def test_a_throttled_endpoint_queues_what_exceeds_its_rate_and_sends_it_later(receiver) -> None:
    # Given an endpoint that takes at most 2 messages per second
    hook = register("acme", receiver, rateLimit=2)
    # When 10 events arrive in one batch
    assert dispatch([hub_event("acme", i) for i in range(10)]) == {"batchItemFailures": []}
    # Then 8 were queued, one slot every half second after the 2 sent at once, none dropped
    stored = WebhookRepository().list_deliveries("acme", hook["id"])
    queued = sorted(clock.parse_iso(d["throttledUntil"]) for d in stored if d.get("throttledUntil"))
    assert len(stored) == 10 and len(queued) == 8
    assert all(later - earlier == pytest.approx(0.5, abs=0.01) for earlier, later in pairwise(queued))
    # And, their slots being nearer than a queue timer can come back, the dispatcher sent them
    # itself, each slot-second at its time: never more than 2 in a second
    assert {d["status"] for d in WebhookRepository().list_deliveries("acme", hook["id"])} == {"delivered"}
    assert len({r.message_id for r in receiver.requests}) == 10
    assert max(sends_per_second(receiver).values()) <= 2 and len(sends_per_second(receiver)) >= 5


class QueueTimers:
    """The webhook queue's delayed messages as SQS and Lambda's event source mapping hand them out:
    each message the hub sends becomes visible `DelaySeconds` later on the hub's clock, and the
    dispatcher gets everything visible once per batching window (`poll`). `run_for` also runs the
    retry sweep on its schedule, once a minute."""

    def __init__(self, window: float = 5.0) -> None:
        from hub import aws

        self.window = window
        self.next_poll = clock.now() + window
        self.waiting: list[tuple[float, str]] = []
        aws.client("sqs").meta.events.register("provide-client-params.sqs.SendMessageBatch", self._sent,
                                               unique_id="test-queue-timers")

    def _sent(self, params: dict[str, Any], **_: Any) -> None:
        self.waiting.extend((clock.now() + int(e.get("DelaySeconds", 0)), e["MessageBody"]) for e in params["Entries"])

    def poll(self) -> None:
        clock.advance(max(0.0, self.next_poll - clock.now()))
        visible = [body for at, body in self.waiting if at <= clock.now()]
        self.waiting = [(at, body) for at, body in self.waiting if at > clock.now()]
        if visible:  # the invocation's waits move the clock on
            assert deliver_bodies(visible) == {"batchItemFailures": []}
        self.next_poll = max(self.next_poll + self.window, clock.now())

    def run_for(self, seconds: float) -> None:
        end, next_sweep = clock.now() + seconds, clock.now()
        while clock.now() < end:
            if clock.now() >= next_sweep:
                run_retry_sweep()
                next_sweep += 60
            self.poll()


def sends_per_second(receiver: Receiver) -> Counter[int]:
    """Requests the receiver got per second of the hub's clock (the webhook-timestamp header)."""
    return Counter(int(request.headers["webhook-timestamp"]) for request in receiver.requests)


def test_queued_messages_leave_at_the_rate_not_in_a_burst(receiver) -> None:
    # Given a 2-per-second endpoint, and the webhook queue delivering delayed messages in 5 s windows
    timers = QueueTimers()
    hook = register("acme", receiver, rateLimit=2)
    # When 40 events arrive in one batch: 38 are queued over the next 19 seconds; the dispatcher
    # sends the first seconds' itself and sets queue timers for the rest
    assert dispatch([hub_event("acme", i) for i in range(40)]) == {"batchItemFailures": []}
    assert 2 < len(receiver.requests) < 20 and timers.waiting
    # Then the timers bring the others back without the sweep, two per second at most
    while timers.waiting:
        timers.poll()
    assert len(receiver.requests) == 40 and len({r.message_id for r in receiver.requests}) == 40
    per_second = sends_per_second(receiver)
    assert max(per_second.values()) <= 2 and len(per_second) >= 20, per_second
    assert {d["status"] for d in WebhookRepository().list_deliveries("acme", hook["id"])} == {"delivered"}
    # And the sweep finds nothing left to send
    assert run_retry_sweep()["due"] == 0


def test_slots_beyond_the_longest_queue_delay_are_timed_by_the_sweep(receiver, monkeypatch) -> None:
    from hub.webhooks import release

    # Given the queue could delay a message by at most 70 s, and a 1-per-second endpoint
    monkeypatch.setattr(release, "MAX_DELAY_SECONDS", 70)
    timers = QueueTimers()
    register("acme", receiver, rateLimit=1)
    # When 100 events arrive: 1 is sent now, the slots of the next ~75 s are timed now, later ones not
    dispatch([hub_event("acme", i) for i in range(100)])
    assert 60 < sum(len(json.loads(body)["release"]) for _, body in timers.waiting) < 99
    # Then the minute's sweep times the later slots before they are due, and all leave at the rate
    timers.run_for(150)
    assert len({r.message_id for r in receiver.requests}) == 100
    assert max(sends_per_second(receiver).values()) == 1


def test_a_second_batch_queues_behind_the_first(receiver) -> None:
    # Given a 1-per-second endpoint that queued a batch of 20 (the last one 19 s from now)
    QueueTimers()
    hook = register("acme", receiver, rateLimit=1)
    dispatch([hub_event("acme", i) for i in range(20)])
    # When another batch arrives within those seconds
    sent_before = len(receiver.requests)
    dispatch([hub_event("acme", i) for i in range(20, 22)])
    # Then nothing of it was sent yet: the new messages wait after the queued ones
    assert len(receiver.requests) == sent_before < 20
    stored = WebhookRepository().list_deliveries("acme", hook["id"])
    slots = sorted(clock.parse_iso(d["throttledUntil"]) for d in stored if d.get("throttledUntil"))
    assert len(slots) == 21 and slots[-1] - slots[0] == pytest.approx(20, abs=0.01)


def test_the_retry_sweep_claims_and_records_in_batches(receiver, aws_calls) -> None:
    # Given 30 deliveries whose first attempt failed
    receiver.fail_first = 1
    hook = register("acme", receiver)
    dispatch([hub_event("acme", i) for i in range(30)])
    assert {d["status"] for d in WebhookRepository().list_deliveries("acme", hook["id"])} == {"retrying"}
    # When their retry is due and the sweep runs
    clock.advance(60)
    aws_calls.clear()
    counts = run_retry_sweep()
    # Then all 30 were delivered with a handful of calls
    assert counts["delivered"] == 30
    assert aws_calls["dynamodb.UpdateItem"] <= 1  # the endpoint's streak ends once, not per delivery
    assert aws_calls["dynamodb.TransactWriteItems"] <= 3
    assert sum(aws_calls.values()) <= 2 * 30


def test_every_lease_outlasts_the_attempt_it_covers(aws_env) -> None:
    from functions.consumers import webhook_dispatcher
    from functions.jobs import webhook_retry_sweep
    from functions.workers import WORKERS
    from hub.webhooks.delivery import LEASE_MARGIN_SECONDS, lease_until

    settings = get_settings()
    attempt = settings.webhook_timeout_seconds  # one deadline: DNS, connect, send, whole answer
    # a delivery's claim outlasts the attempt, at every position of a batch
    for position in range(0, 200, 7):
        waves = position // settings.webhook_send_concurrency + 1
        assert lease_until(0, position) >= waves * attempt + LEASE_MARGIN_SECONDS > waves * attempt
    # no function starts an attempt it cannot finish before its own timeout
    assert webhook_dispatcher.RESERVE_MILLIS > attempt * 1000
    assert webhook_retry_sweep.RESERVE_MILLIS + attempt * 1000 > attempt * 1000
    dispatcher = next(w for w in WORKERS if w.name == "webhook-dispatcher")
    assert dispatcher.timeout_seconds * 1000 > webhook_dispatcher.RESERVE_MILLIS
    # a connection's refresh lease outlasts its token request (one provider call, one deadline),
    # and a health check's claim (its marker moved to the next check) outlasts the check's request
    assert settings.refresh_lease_seconds > settings.http_timeout_seconds
    assert settings.health_check_interval_seconds > settings.http_timeout_seconds


def test_answers_are_truncated_and_kept_for_a_short_while(receiver, monkeypatch) -> None:
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_WEBHOOK_RESPONSE_KEEP_BYTES", "10")
    monkeypatch.setenv("HUB_WEBHOOK_RESPONSE_RETENTION_HOURS", "2")
    reset_settings()
    receiver.responder = lambda request: Answer(200, body=b"0123456789abcdef")
    hook = register("acme", receiver)
    dispatch([hub_event("acme", 1)])
    api = ApiClient(tenant="acme")
    [delivery] = api.get(f"/api/tenant/webhooks/{hook['id']}/deliveries").body["deliveries"]
    assert delivery["responseBody"] == "0123456789"
    assert delivery["attemptLog"][0]["responseBody"] == "0123456789"
    # When the answer's retention has passed (the delivery itself is kept much longer)
    clock.advance(2 * 3600 + 1)
    [delivery] = api.get(f"/api/tenant/webhooks/{hook['id']}/deliveries").body["deliveries"]
    assert delivery.get("responseBody") is None and delivery["status"] == "delivered"
    stored = WebhookRepository().list_deliveries_with_answers("acme", hook["id"])
    answer = [i for i in stored if i["sk"].startswith("WHANSWER#")]
    assert answer and answer[0]["ttl"] <= clock.now()  # DynamoDB TTL removes it
