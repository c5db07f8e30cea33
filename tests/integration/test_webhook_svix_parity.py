"""What Svix users expect: recover (resend failed deliveries since a time, as a job with progress),
an event-type catalog with a JSON schema per type, and endpoint statistics for a dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from hub import clock
from hub.events import EVENT_TYPES, EventPublisher
from hub.settings import get_settings
from hub.webhooks.event_types import message_of
from local.receiver import Receiver
from local.webhooks_dev import install_webhook_rule, pump_webhook_queue, run_retry_sweep
from tests.support.api import ApiClient
from tests.support.webhooks import receiver_on_hub_clock  # noqa: F401

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")


@pytest.fixture
def receiver(aws_env) -> Iterator[Receiver]:
    install_webhook_rule()
    with Receiver() as running:
        yield running
    assert all(request.verified for request in running.requests), "a delivery did not verify"


def register(api: ApiClient, receiver: Receiver) -> dict[str, Any]:
    response = api.post("/api/tenant/webhooks", {"url": receiver.url, "events": ["integration.connected"]})
    assert response.status == 201, response.raw_body
    receiver.secrets.append(response.body["secret"])
    return response.body


def publish(n: int) -> None:
    for i in range(n):
        EventPublisher().publish("integration.connected", "acme", integrationId=f"int_{i}", providerId="sandbox",
                                 via="api_key")
    pump_webhook_queue()


def fail_for_good() -> None:
    """Move through the whole retry schedule with the receiver down."""
    for step in get_settings().webhook_retry_schedule:
        clock.advance(step * 1.15 + 1)
        run_retry_sweep()


def run_recover_worker() -> dict[str, int]:
    from functions.jobs.webhook_recover import handler
    from local.apigw import LambdaContext

    result: dict[str, int] = handler({"detail-type": "Scheduled Event", "source": "aws.events", "detail": {}},
                                     LambdaContext("webhook-recover", timeout_seconds=300))
    return result


# ---- the event-type catalog ---------------------------------------------------------------------


def test_the_catalog_lists_every_event_type_with_a_json_schema(api) -> None:
    response = api.get("/api/tenant/webhooks/event-types")
    assert response.status == 200, response.raw_body
    listed = {item["type"]: item for item in response.body["eventTypes"]}
    # every event the hub publishes is there, with a valid JSON schema of its message
    assert set(EVENT_TYPES) <= set(listed)
    for event_type, item in listed.items():
        jsonschema.Draft202012Validator.check_schema(item["jsonSchema"])
        assert item["jsonSchema"]["properties"]["type"]["const"] == event_type
        assert item["deliverable"] == (not event_type.startswith("webhook."))
        assert item["description"]


def test_a_delivered_message_matches_the_schema_the_catalog_publishes(api, receiver) -> None:
    # Given an endpoint and the catalog's schema for integration.connected
    register(api, receiver)
    schema = next(item["jsonSchema"] for item in api.get("/api/tenant/webhooks/event-types").body["eventTypes"]
                  if item["type"] == "integration.connected")
    # When an event is delivered
    publish(1)
    # Then the body the receiver got validates against it
    [request] = receiver.requests
    jsonschema.validate(request.json, schema)


def test_an_undocumented_field_fails_validation() -> None:
    from hub.webhooks.event_types import validate_detail

    detail = {"eventId": "evt_1", "type": "integration.connected", "time": clock.iso(), "tenantId": "acme",
              "integrationId": "int_1"}
    validate_detail(detail)
    with pytest.raises(ValueError, match=r"integration\.connected does not match"):
        validate_detail({**detail, "accessToken": "oops"})
    assert message_of(detail)["data"] == {"tenantId": "acme", "integrationId": "int_1"}


# ---- recover ------------------------------------------------------------------------------------


def test_recover_resends_every_failed_delivery_since_a_time_as_a_job(api, receiver) -> None:
    # Given three deliveries that failed for good while the receiver was down, and an older one
    receiver.down = True
    webhook = register(api, receiver)
    publish(1)
    clock.advance(3 * 86400)
    window_start = clock.iso()
    publish(3)
    fail_for_good()
    deliveries = api.get(f"/api/tenant/webhooks/{webhook['id']}/deliveries").body["deliveries"]
    assert [d["status"] for d in deliveries] == ["failed"] * 4
    sent_before = len(receiver.requests)
    # When the receiver is back and the tenant recovers since the window start
    receiver.down = False
    started = api.post(f"/api/tenant/webhooks/{webhook['id']}/recover", {"since": window_start})
    assert started.status == 202, started.raw_body
    job = started.body
    assert job["status"] == "queued" and job["requeued"] == 0
    # Then the worker requeues the three in the window (not the older one), with progress
    counts = run_recover_worker()
    assert counts["requeued"] == 3 and counts["done"] == 1
    progress = api.get(f"/api/tenant/webhooks/{webhook['id']}/recover/{job['id']}")
    assert progress.status == 200
    assert progress.body["status"] == "done" and progress.body["requeued"] == 3 and progress.body["scanned"] == 3
    assert progress.body["finishedAt"]
    # And the sweep's next run resends them: one more attempt each, now delivered
    clock.advance(60)
    run_retry_sweep()
    assert len(receiver.requests) == sent_before + 3
    statuses = sorted(d["status"] for d in api.get(f"/api/tenant/webhooks/{webhook['id']}/deliveries")
                      .body["deliveries"])
    assert statuses == ["delivered", "delivered", "delivered", "failed"]
    # And a finished job is not run again
    assert run_recover_worker()["jobs"] == 0


def test_recover_input_and_tenant_isolation(api, receiver) -> None:
    webhook = register(api, receiver)
    base = f"/api/tenant/webhooks/{webhook['id']}/recover"
    assert api.post(base, {"since": "yesterday"}).status == 400
    assert api.post(base, {"since": clock.iso(clock.now() + 3600)}).status == 400
    assert api.post(base, {"since": clock.iso(), "extra": 1}).status == 400
    other = api.as_("tenant_admin", tenant="globex")
    assert other.post(base, {"since": clock.iso(clock.now() - 60)}).status == 404
    job = api.post(base, {"since": clock.iso(clock.now() - 60)}).body
    assert other.get(f"{base}/{job['id']}").status == 404
    assert api.get(f"{base}/whr_missing").status == 404


# ---- statistics ---------------------------------------------------------------------------------


def test_endpoint_statistics_show_success_rate_and_the_latest_failures(api, receiver) -> None:
    # Given two deliveries that succeeded and one that failed twice before succeeding... and one failing
    webhook = register(api, receiver)
    publish(2)
    receiver.down = True
    publish(1)
    # When the tenant's dashboard asks
    response = api.get(f"/api/tenant/webhooks/{webhook['id']}/stats")
    assert response.status == 200, response.raw_body
    stats = response.body
    # Then the figures add up
    assert stats["deliveries"] == {"total": 3, "delivered": 2, "failed": 0, "retrying": 1, "pending": 0}
    assert stats["successRate"] == 1.0
    assert stats["attempts"] == 3 and stats["failedAttempts"] == 1
    [failure] = stats["recentFailures"]
    assert failure["statusCode"] == 500 and failure["attempt"] == 1
    assert stats["failingSince"] and stats["lastSuccessAt"]
    # When the failing one fails for good
    fail_for_good()
    week = {"since": clock.iso(clock.now() - 7 * 86400)}
    stats = api.get(f"/api/tenant/webhooks/{webhook['id']}/stats", query=week).body
    assert stats["deliveries"]["failed"] == 1 and stats["successRate"] == pytest.approx(2 / 3, abs=1e-4)
    assert len(stats["recentFailures"]) == 1 + len(get_settings().webhook_retry_schedule)
    assert stats["recentFailures"][0]["attemptedAt"] >= stats["recentFailures"][-1]["attemptedAt"]
    # And another tenant sees nothing
    assert api.as_("tenant_admin", tenant="globex").get(f"/api/tenant/webhooks/{webhook['id']}/stats").status == 404
