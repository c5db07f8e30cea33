"""Outgoing webhooks end to end: a hub event on the bus → the rule → the webhook queue → the
dispatcher → a signed POST to a loopback receiver; retries driven by moving the hub's clock and
running the scheduled sweep; outcomes published on the real bus and captured by a queue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hub import clock
from hub.events import EventPublisher
from hub.settings import get_settings, reset_settings
from hub.webhooks.dispatcher import dispatch_event
from hub.webhooks.repository import WebhookRepository
from local.receiver import Answer, ReceivedRequest, Receiver
from local.webhooks_dev import install_webhook_rule, pump_webhook_queue, run_retry_sweep
from tests.support import seed
from tests.support.api import ApiClient
from tests.support.webhooks import EventCapture, receiver_on_hub_clock, verifies  # noqa: F401

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")


@pytest.fixture
def receiver(aws_env) -> Iterator[Receiver]:
    with Receiver() as running:
        yield running
    # every delivery any test provoked verified with the independent standardwebhooks library
    assert all(request.verified for request in running.requests), "a delivery did not verify"


@pytest.fixture
def capture(aws_env) -> EventCapture:
    capture = EventCapture()
    install_webhook_rule()
    return capture


def register(api: ApiClient, receiver: Receiver, events: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    response = api.post("/api/tenant/webhooks", {"url": receiver.url, "events": events or ["integration.connected"],
                                                 **extra})
    assert response.status == 201, response.raw_body
    receiver.secrets.append(response.body["secret"])
    return response.body


def publish(event_type: str = "integration.connected", tenant: str = "acme", **fields: Any) -> str:
    detail = EventPublisher().publish(event_type, tenant, integrationId=fields.pop("integrationId", "int_1"),
                                      providerId="sandbox", **fields)
    pump_webhook_queue()
    return detail.eventId


def deliveries(api: ApiClient, webhook_id: str, **query: str) -> list[dict[str, Any]]:
    response = api.get(f"/api/tenant/webhooks/{webhook_id}/deliveries", query=query)
    assert response.status == 200, response.raw_body
    return response.body["deliveries"]  # type: ignore[no-any-return]


def advance_to_next_attempt(attempts_made: int) -> None:
    """Move past the scheduled delay (jitter is at most 10%) and run the sweep."""
    delay = get_settings().webhook_retry_schedule[attempts_made - 1]
    clock.advance(delay * 1.15 + 1)
    run_retry_sweep()


# ---- the happy path ---------------------------------------------------------------------------


def test_a_hub_event_is_delivered_signed_per_standard_webhooks(api, receiver, capture) -> None:
    # Given an endpoint subscribed to integration.connected
    webhook = register(api, receiver)
    # When the hub publishes that event on its bus
    event_id = publish()
    # Then the receiver got exactly one POST that the standardwebhooks library verifies
    [request] = receiver.requests
    assert request.verified is True
    assert request.headers["webhook-id"] == event_id
    assert request.headers["content-type"] == "application/json"
    assert abs(int(request.headers["webhook-timestamp"]) - clock.now()) < 5
    body = request.json
    assert set(body) == {"id", "type", "timestamp", "data"}
    assert body["id"] == event_id and body["type"] == "integration.connected"
    assert body["data"]["tenantId"] == "acme" and body["data"]["integrationId"] == "int_1"
    # And the delivery is recorded with its attempt
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "delivered" and delivery["attempts"] == 1
    assert delivery["messageId"] == event_id and delivery["statusCode"] == 200
    assert delivery["attemptLog"][0]["statusCode"] == 200 and delivery["durationMs"] >= 0
    assert delivery["payload"] == body
    # And webhook.delivered is published on the bus
    delivered = capture.of_type("webhook.delivered")
    assert [d["deliveryId"] for d in delivered] == [delivery["id"]]


def test_events_filter_and_integration_filter_choose_the_endpoints(api, receiver, capture) -> None:
    # Given one endpoint for every event of integration int_2 and one for integration.synced only
    seed.integration("acme", "int_2")
    by_integration = register(api, receiver, events=["*"], integrationId="int_2")
    synced_only = register(api, receiver, events=["integration.synced"])
    # When events about int_1 and int_2 are published
    publish("integration.connected", integrationId="int_1")
    publish("integration.connected", integrationId="int_2")
    publish("integration.synced", integrationId="int_1", syncLogId="sync_1", status="completed")
    # Then each endpoint got only what it asked for
    assert [(d["eventType"], d["payload"]["data"]["integrationId"]) for d in deliveries(api, by_integration["id"])] \
        == [("integration.connected", "int_2")]
    assert [d["eventType"] for d in deliveries(api, synced_only["id"])] == ["integration.synced"]
    assert len(receiver.requests) == 2


def test_another_tenants_events_never_reach_an_endpoint(api, receiver, capture) -> None:
    webhook = register(api, receiver, events=["*"])
    publish(tenant="globex")
    assert receiver.requests == []
    assert deliveries(api, webhook["id"]) == []


def test_the_same_event_seen_twice_is_delivered_once(api, receiver, capture) -> None:
    # Given an event already dispatched
    register(api, receiver)
    publish()
    [request] = receiver.requests
    # When the queue hands the same event to the dispatcher again (at-least-once delivery)
    event = {"source": get_settings().event_source, "detail-type": "integration.connected",
             "detail": {"eventId": request.message_id, "type": "integration.connected", "tenantId": "acme",
                        "time": clock.iso()}}
    assert dispatch_event(event) == []
    # Then the receiver is not called a second time
    assert len(receiver.requests) == 1


# ---- retries ----------------------------------------------------------------------------------


def test_a_receiver_failing_three_times_then_recovering_gets_the_event_after_four_attempts(
    api, receiver, capture
) -> None:
    # Given a receiver that answers 500 to the first three attempts of each message
    receiver.fail_first = 3
    webhook = register(api, receiver)
    # When the event is published and the retry schedule runs (5 s, 5 min, 30 min)
    event_id = publish()
    for attempts_made in (1, 2, 3):
        assert len(receiver.requests) == attempts_made
        [delivery] = deliveries(api, webhook["id"])
        assert delivery["status"] == "retrying" and delivery["nextAttemptAt"]
        advance_to_next_attempt(attempts_made)
    # Then the receiver got four attempts of the same message, each verifying
    attempts = receiver.for_message(event_id)
    assert [r.answered for r in attempts] == [500, 500, 500, 200]
    assert all(r.verified for r in attempts)
    assert len({r.body for r in attempts}) == 1  # the same body every time
    assert len({r.headers["webhook-timestamp"] for r in attempts}) == 4  # signed afresh per attempt
    # And four attempts are recorded
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "delivered" and delivery["attempts"] == 4
    assert [a["statusCode"] for a in delivery["attemptLog"]] == [500, 500, 500, 200]
    assert delivery["attemptLog"][0]["error"] == "HTTP 500"
    assert delivery["attemptLog"][0]["responseBody"] == '{"ok":false}'
    assert delivery.get("nextAttemptAt") is None
    # And nothing is left due
    clock.advance(86400)
    assert run_retry_sweep()["due"] == 0


def test_retries_wait_for_the_schedule(api, receiver, capture) -> None:
    # Given a first attempt that failed; the retry is due 5 s later (±10%) on the hub's frozen clock
    receiver.down = True
    register(api, receiver)
    publish()
    # When sweeps run at once and 4 s later, Then nothing is sent
    run_retry_sweep()
    assert len(receiver.requests) == 1
    clock.advance(4)
    assert run_retry_sweep()["due"] == 0
    # When a sweep runs 7 s after the first attempt, Then the retry is sent
    clock.advance(3)
    run_retry_sweep()
    assert len(receiver.requests) == 2


def test_a_receiver_down_for_the_whole_schedule_ends_failed_with_webhook_failed(api, receiver, capture) -> None:
    # Given a receiver that always answers 503 without Retry-After
    receiver.down, receiver.status = True, 503
    webhook = register(api, receiver)
    event_id = publish()
    # When the whole schedule runs
    for attempts_made in range(1, len(get_settings().webhook_retry_schedule) + 1):
        advance_to_next_attempt(attempts_made)
    # Then there were 1 + 7 attempts, and the delivery is failed
    assert len(receiver.for_message(event_id)) == 8
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "failed" and delivery["attempts"] == 8 and delivery["failedAt"]
    assert deliveries(api, webhook["id"], status="failed") == [delivery]
    assert deliveries(api, webhook["id"], status="delivered") == []
    # And webhook.failed was published once, naming the delivery
    [failed] = capture.of_type("webhook.failed")
    assert failed["deliveryId"] == delivery["id"] and failed["webhookId"] == webhook["id"]
    assert failed["messageId"] == event_id and failed["attempts"] == 8 and failed["statusCode"] == 503
    # And no further attempt is ever made
    clock.advance(7 * 86400)
    run_retry_sweep()
    assert len(receiver.for_message(event_id)) == 8
    # And a day and a bit of failures does not disable the endpoint (5 days do)
    assert api.get(f"/api/tenant/webhooks/{webhook['id']}").body["status"] == "active"


def test_an_endpoint_failing_continuously_past_the_threshold_is_disabled_with_an_event(
    api, receiver, capture, monkeypatch
) -> None:
    # Given endpoints are disabled after one day of continuous failure
    monkeypatch.setenv("HUB_WEBHOOK_DISABLE_AFTER_DAYS", "1")
    reset_settings()
    receiver.down = True
    webhook = register(api, receiver)
    publish()
    # When the schedule runs past one day (its last attempt comes after about 27 hours)
    for attempts_made in range(1, 8):
        advance_to_next_attempt(attempts_made)
    # Then the endpoint is disabled and webhook.disabled was published
    endpoint = api.get(f"/api/tenant/webhooks/{webhook['id']}").body
    assert endpoint["status"] == "disabled" and endpoint["disabledReason"] == "failing"
    [disabled] = capture.of_type("webhook.disabled")
    assert disabled["webhookId"] == webhook["id"] and disabled["reason"] == "failing"
    # And new events are not delivered to it
    before = len(receiver.requests)
    publish()
    assert len(receiver.requests) == before
    # And re-enabling it starts afresh
    response = api.patch(f"/api/tenant/webhooks/{webhook['id']}", {"status": "active"})
    assert response.status == 200 and response.body.get("failingSince") is None


def test_a_success_ends_the_failure_streak(api, receiver, capture) -> None:
    receiver.fail_first = 1
    webhook = register(api, receiver)
    publish()
    assert api.get(f"/api/tenant/webhooks/{webhook['id']}").body["failingSince"]
    advance_to_next_attempt(1)
    endpoint = api.get(f"/api/tenant/webhooks/{webhook['id']}").body
    assert endpoint.get("failingSince") is None and endpoint["lastSuccessAt"]


def test_429_and_503_honour_retry_after(api, receiver, capture) -> None:
    # Given a receiver that answers 429 with Retry-After: 120 once, then 503 with an HTTP date
    answers = iter([Answer(429, {"retry-after": "120"}), Answer(503, {"retry-after": "Wed, 21 Oct 2099 07:28:00 GMT"})])
    receiver.responder = lambda request: next(answers, Answer())
    webhook = register(api, receiver)
    publish()
    # Then the next attempt is not before 120 s (the schedule alone says 5 s)
    [delivery] = deliveries(api, webhook["id"])
    wait = clock.parse_iso(delivery["nextAttemptAt"]) - clock.parse_iso(delivery["lastAttemptAt"])
    assert 120 <= wait < 130
    clock.advance(60)
    run_retry_sweep()
    assert len(receiver.requests) == 1
    clock.advance(70)
    run_retry_sweep()
    assert len(receiver.requests) == 2
    # And a Retry-After far away is capped by the longest step of the schedule (10 h)
    [delivery] = deliveries(api, webhook["id"])
    wait = clock.parse_iso(delivery["nextAttemptAt"]) - clock.parse_iso(delivery["lastAttemptAt"])
    assert wait <= max(get_settings().webhook_retry_schedule) + 1


def test_410_gone_disables_the_endpoint(api, receiver, capture) -> None:
    receiver.down, receiver.status = True, 410
    webhook = register(api, receiver)
    publish()
    # Then the delivery is failed at once (no retries) and the endpoint disabled, with events
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "failed" and delivery["attempts"] == 1 and delivery["statusCode"] == 410
    endpoint = api.get(f"/api/tenant/webhooks/{webhook['id']}").body
    assert endpoint["status"] == "disabled" and endpoint["disabledReason"] == "gone"
    assert [d["webhookId"] for d in capture.of_type("webhook.disabled")] == [webhook["id"]]
    assert [d["deliveryId"] for d in capture.of_type("webhook.failed")] == [delivery["id"]]
    # And later events are not sent to it
    publish()
    clock.advance(3600)
    run_retry_sweep()
    assert len(receiver.requests) == 1


def test_a_redirect_is_a_failure_and_is_not_followed(api, receiver, capture) -> None:
    # Given a receiver that redirects to another server
    with Receiver() as elsewhere:
        receiver.responder = lambda request: Answer(302, {"location": elsewhere.url}, b"")
        webhook = register(api, receiver)
        publish()
        # Then the other server was never called, and the attempt is a failure to retry
        assert elsewhere.requests == []
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "retrying" and delivery["statusCode"] == 302
    assert delivery["error"] == "redirect not followed (HTTP 302)"


def test_a_timeout_is_a_failure_recorded_with_its_duration(api, receiver, capture, monkeypatch) -> None:
    import threading

    # Given a receiver that does not answer until the test is over, and a 0.3 s delivery timeout
    monkeypatch.setenv("HUB_WEBHOOK_TIMEOUT_SECONDS", "0.3")
    reset_settings()
    test_over = threading.Event()

    def never_in_time(request: ReceivedRequest) -> Answer:
        test_over.wait(60)
        return Answer()

    receiver.responder = never_in_time
    try:
        # When an event is delivered
        webhook = register(api, receiver)
        publish()
        # Then the attempt is a timeout to retry, with its duration (at least the timeout) recorded
        [delivery] = deliveries(api, webhook["id"])
    finally:
        test_over.set()
    assert delivery["status"] == "retrying" and delivery["error"] == "timeout"
    assert delivery.get("statusCode") is None and delivery["durationMs"] >= 250


def test_only_the_first_kilobyte_of_the_answer_is_kept(api, receiver, capture) -> None:
    receiver.responder = lambda request: Answer(500, body=b"x" * 5000)
    webhook = register(api, receiver)
    publish()
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["responseBody"] == "x" * 1024


def test_an_oversized_event_is_cut_to_its_identifying_fields(api, receiver, capture) -> None:
    register(api, receiver)
    event = {"source": get_settings().event_source, "detail-type": "integration.connected",
             "detail": {"eventId": "evt_big", "type": "integration.connected", "tenantId": "acme",
                        "integrationId": "int_1", "time": clock.iso(), "blob": "y" * 70_000}}
    dispatch_event(event)
    [request] = receiver.requests
    assert len(request.body) <= 64 * 1024 and request.verified
    assert request.json["data"] == {"tenantId": "acme", "integrationId": "int_1", "truncated": True}


# ---- manual retry and test events ---------------------------------------------------------------


def test_a_failed_delivery_can_be_retried_by_hand(api, receiver, capture) -> None:
    receiver.down = True
    webhook = register(api, receiver)
    publish()
    for attempts_made in range(1, 8):
        advance_to_next_attempt(attempts_made)
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "failed"
    # When the receiver is fixed and the tenant retries
    receiver.down = False
    response = api.post(f"/api/tenant/webhooks/{webhook['id']}/deliveries/{delivery['id']}/retry")
    # Then the same message is sent again and delivered
    assert response.status == 200, response.raw_body
    assert response.body["status"] == "delivered" and response.body["attempts"] == 9
    assert response.body["attemptLog"][-1]["manual"] is True
    assert receiver.requests[-1].message_id == delivery["messageId"] and receiver.requests[-1].verified


def test_the_test_route_sends_a_webhook_test_event(api, receiver) -> None:
    webhook = register(api, receiver, events=["integration.synced"])
    response = api.post(f"/api/tenant/webhooks/{webhook['id']}/test")
    assert response.status == 202, response.raw_body
    assert response.body["eventType"] == "webhook.test" and response.body["status"] == "delivered"
    [request] = receiver.requests
    assert request.verified and request.json["type"] == "webhook.test"
    assert request.json["data"]["webhookId"] == webhook["id"]


# ---- rotation -------------------------------------------------------------------------------------


def test_during_rotation_deliveries_verify_with_either_secret_then_only_the_new_one(api, receiver, capture) -> None:
    # Given an endpoint whose secret was rotated
    webhook = register(api, receiver)
    old_secret = webhook["secret"]
    rotated = api.post(f"/api/tenant/webhooks/{webhook['id']}/rotate-secret")
    assert rotated.status == 200, rotated.raw_body
    new_secret = rotated.body["secret"]
    receiver.secrets = [old_secret, new_secret]
    assert new_secret != old_secret and new_secret.startswith("whsec_")
    assert api.get(f"/api/tenant/webhooks/{webhook['id']}").body["previousSecretExpiresAt"]
    # When an event is delivered within 24 hours
    publish()
    [during] = receiver.requests
    # Then it carries two signatures and verifies with either secret alone
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    assert verifies(during, old_secret) and verifies(during, new_secret)
    # And after 24 hours only the new secret signs
    clock.advance(24 * 3600 + 1)
    publish()
    after = receiver.requests[-1]
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    assert verifies(after, new_secret) and not verifies(after, old_secret)
    assert api.get(f"/api/tenant/webhooks/{webhook['id']}").body.get("previousSecretExpiresAt") is None


# ---- no feedback loops --------------------------------------------------------------------------


def test_events_about_webhooks_are_never_delivered_to_webhooks(api, receiver, capture) -> None:
    # Given an endpoint subscribed to every event
    webhook = register(api, receiver, events=["*"])
    # When the hub publishes events about webhooks (and one about an integration)
    about_a_delivery = {"deliveryId": "whd_1", "messageId": "evt_1", "messageType": "integration.connected",
                        "attempts": 1}
    for event_type, fields in (("webhook.delivered", about_a_delivery), ("webhook.failed", about_a_delivery),
                               ("webhook.disabled", {"reason": "gone"}), ("webhook.test", {"message": "hi"})):
        EventPublisher().publish(event_type, "acme", webhookId=webhook["id"], **fields)
    pump_webhook_queue()
    publish("integration.connected")
    pump_webhook_queue()  # the webhook.delivered that delivery published does not come back
    # Then only the integration event was delivered
    assert [r.json["type"] for r in receiver.requests] == ["integration.connected"]
    # And even if such an event reaches the dispatcher directly, it is dropped
    for event_type in ("webhook.delivered", "webhook.failed"):
        event = {"source": get_settings().event_source, "detail-type": event_type,
                 "detail": {"eventId": f"evt_{event_type}", "type": event_type, "tenantId": "acme"}}
        assert dispatch_event(event) == []
    assert len(receiver.requests) == 1
    # And events from other sources are not hub events
    assert dispatch_event({"source": "platform", "detail-type": "integration.connected",
                           "detail": {"tenantId": "acme", "type": "integration.connected"}}) == []


# ---- the machinery --------------------------------------------------------------------------------


def test_the_sweep_queries_the_due_index_and_never_scans(api, receiver, capture, monkeypatch) -> None:
    from hub import aws

    receiver.fail_first = 1
    webhook = register(api, receiver)
    publish()
    client = aws.client("dynamodb")

    def no_scan(**kwargs: Any) -> None:
        raise AssertionError("the sweep must not Scan")

    monkeypatch.setattr(client, "scan", no_scan)
    queried: list[str] = []
    original_query = client.query

    def spy_query(**kwargs: Any) -> Any:
        queried.append(kwargs.get("IndexName", "table"))
        return original_query(**kwargs)

    monkeypatch.setattr(client, "query", spy_query)
    advance_to_next_attempt(1)
    assert len(receiver.requests) == 2
    assert queried.count("gsi2") == 8  # one Query per shard
    [delivery] = deliveries(api, webhook["id"])
    assert delivery["status"] == "delivered"


def test_a_final_delivery_leaves_the_due_index(api, receiver, capture) -> None:
    from hub.webhooks.repository import WebhookRepository

    webhook = register(api, receiver)
    publish()
    [delivery] = deliveries(api, webhook["id"])
    item = WebhookRepository().get_delivery("acme", webhook["id"], delivery["id"])
    assert item is not None and "gsi2pk" not in item and "gsi2sk" not in item and item["ttl"] > clock.now()


def test_concurrent_attempts_of_one_delivery_send_it_once(api, receiver, capture) -> None:
    import threading

    from hub.webhooks.attempts import attempt_delivery
    from hub.webhooks.repository import WebhookRepository

    # Given a delivery whose retry is due
    receiver.fail_first = 1
    webhook = register(api, receiver)
    publish()
    [delivery] = deliveries(api, webhook["id"])
    item = WebhookRepository().get_delivery("acme", webhook["id"], delivery["id"])
    clock.advance(10)
    # When two workers attempt it at the same moment
    threads = [threading.Thread(target=attempt_delivery, args=(dict(item),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then it was sent once more, not twice
    assert len(receiver.requests) == 2
    assert deliveries(api, webhook["id"])[0]["attempts"] == 2


def test_deleting_an_endpoint_stops_its_pending_retries(api, receiver, capture) -> None:
    receiver.down = True
    webhook = register(api, receiver)
    publish()
    assert api.delete(f"/api/tenant/webhooks/{webhook['id']}").status == 204
    clock.advance(3600)
    counts = run_retry_sweep()
    assert counts["due"] == 1 and counts["failed"] == 1
    assert len(receiver.requests) == 1
    clock.advance(86400)
    assert run_retry_sweep()["due"] == 0


def test_the_dispatcher_reports_failed_records_individually(aws_env, monkeypatch) -> None:
    import json

    from functions.consumers.webhook_dispatcher import handler
    from local.apigw import LambdaContext

    # Given one tenant whose endpoints cannot be read
    real = WebhookRepository.list_endpoints

    def flaky(self: WebhookRepository, tenant_id: str) -> list[dict[str, Any]]:
        if tenant_id == "broken":
            raise RuntimeError("table unavailable")
        return real(self, tenant_id)

    monkeypatch.setattr(WebhookRepository, "list_endpoints", flaky)
    source = get_settings().event_source
    records = [
        {"messageId": f"m{i}", "receiptHandle": "r",
         "body": json.dumps({"source": source, "detail-type": "integration.connected",
                             "detail": {"tenantId": tenant, "eventId": f"evt_{i}"}}),
         "attributes": {}, "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
         "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:integration-hub-webhook", "awsRegion": "us-east-1"}
        for i, tenant in enumerate(["acme", "broken", "acme"])
    ] + [{"messageId": "m3", "receiptHandle": "r", "body": "not json", "attributes": {}, "messageAttributes": {},
          "md5OfBody": "", "eventSource": "aws:sqs",
          "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:integration-hub-webhook", "awsRegion": "us-east-1"}]
    # When the batch is dispatched
    result = handler({"Records": records}, LambdaContext("webhook-dispatcher", timeout_seconds=90))
    # Then only that tenant's record goes back to the queue (the unreadable one is dropped)
    assert result == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
