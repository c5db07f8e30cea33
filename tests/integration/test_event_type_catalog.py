"""Every event type in the catalog is published by the hub's own code paths, and every published
event matches the JSON schema `GET /api/tenant/webhooks/event-types` serves for its type.

One integration's whole life against the sandbox provider (connect, sync, scheduled refresh,
failing and recovering health checks, disconnect) and two webhook endpoints (one that accepts,
one that answers 410 Gone) publish every catalogued type; nothing is published by hand. The
bus events are read through a rule as a consumer gets them, and the webhook messages as the
receiver got them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from hub import clock
from hub.settings import get_settings
from hub.webhooks.event_types import catalogued_types, message_of
from hub.webhooks.signing import generate_secret, signing_headers
from local.jobs import LocalJobs, local_jobs
from local.receiver import Receiver
from local.webhooks_dev import install_webhook_rule, pump_webhook_queue
from tests.support.api import ApiClient
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.jobs import EventCapture
from tests.support.webhooks import receiver_on_hub_clock

__all__ = ["receiver_on_hub_clock", "sandbox_server", "sandbox_world"]

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")


@pytest.fixture
def receivers(sandbox_world: SandboxWorld) -> Iterator[tuple[Receiver, Receiver]]:
    install_webhook_rule()
    with Receiver() as accepting, Receiver(down=True, status=410) as gone:
        yield accepting, gone


@pytest.fixture
def jobs(sandbox_world: SandboxWorld) -> LocalJobs:
    """One runner over the environment's resources for the whole life (finding the table, key,
    bus and queues again for every job run was a third of this test's time)."""
    return local_jobs()


def run_job(jobs: LocalJobs, name: str) -> dict[str, Any]:
    worker = next(w for w in jobs.workers if w.name == name)
    result: dict[str, Any] = jobs.run_schedule(worker)
    return result


def register(world: SandboxWorld, receiver: Receiver, events: list[str]) -> dict[str, Any]:
    response = world.api.post("/api/tenant/webhooks", {"url": receiver.url, "events": events})
    assert response.status == 201, response.raw_body
    receiver.secrets.append(response.body["secret"])
    return response.body  # type: ignore[no-any-return]


def live_the_whole_life_of_an_integration(world: SandboxWorld, jobs: LocalJobs) -> None:
    """Connect, fail three health checks, recover, sync, receive a provider's event, refresh when due,
    disconnect."""
    integration_id = world.create_integration()
    world.connect(integration_id)
    interval = get_settings().health_check_interval_seconds
    clock.advance(interval)
    assert run_job(jobs, "check-connection-health")["outcomes"] == {"healthy": 1}
    world.provider.configure(api_status=503)
    for _ in range(3):
        clock.advance(interval)
        run_job(jobs, "check-connection-health")
    world.provider.configure(api_status=None)
    clock.advance(interval)
    assert run_job(jobs, "check-connection-health")["transitions"] == 1
    assert world.api.post(f"/api/tenant/integrations/{integration_id}/sync").status == 200
    receive_a_provider_event(world, jobs, integration_id)
    clock.advance(3601)  # the access token is due
    assert run_job(jobs, "refresh-due-connections")["refreshed"] == 1
    assert world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect").status == 200


def receive_a_provider_event(world: SandboxWorld, jobs: LocalJobs, integration_id: str) -> None:
    """The sandbox pushes a signed event for the connected account (docs/inbound-webhooks.md)."""
    secret = generate_secret()
    stored = ApiClient("super_admin", tenant="platform", user="root").put(
        "/api/admin/integrations/developer/sandbox/inbound-webhooks", {"signingSecret": secret})
    assert stored.status == 200, stored.raw_body
    view = world.api.get(f"/api/tenant/integrations/{integration_id}/connection")
    body = json.dumps({"id": "msg_catalog", "type": "item.created", "account_id": view.body["account"]["account_id"],
                       "data": {"item": {"id": "itm_1"}}}).encode()
    headers = {"content-type": "application/json", **signing_headers([secret], "msg_catalog", int(clock.now()), body)}
    answer = ApiClient(None).request("POST", "/api/webhooks/in/sandbox", body=body.decode(), headers=headers,
                                     claims=False)
    assert answer.status == 200, answer.raw_body
    [processor] = [w for w in jobs.workers if w.name == "inbound-processor"]
    assert jobs.pump_queue(processor) == 1


def test_the_hub_publishes_every_catalogued_event_type_and_each_matches_its_served_schema(
        sandbox_world: SandboxWorld, receivers: tuple[Receiver, Receiver], jobs: LocalJobs) -> None:
    accepting, gone = receivers
    bus = EventCapture()
    # Given the schemas the catalog serves, an endpoint that takes every event, and one that is gone
    served = sandbox_world.api.get("/api/tenant/webhooks/event-types")
    assert served.status == 200, served.raw_body
    schemas = {item["type"]: item["jsonSchema"] for item in served.body["eventTypes"]}
    assert set(schemas) == set(catalogued_types())
    webhook = register(sandbox_world, accepting, ["*"])
    register(sandbox_world, gone, ["integration.connected"])
    # When an integration lives its whole life, its events are dispatched, and the test route is used
    live_the_whole_life_of_an_integration(sandbox_world, jobs)
    pump_webhook_queue()
    assert sandbox_world.api.post(f"/api/tenant/webhooks/{webhook['id']}/test").status in (200, 202)
    # Then every catalogued type was published: on the bus, or (webhook.test) to the endpoint only
    published = bus.events()
    on_the_bus = {event["detail-type"] for event in published}
    delivered = [request.json for request in accepting.requests]
    assert on_the_bus | {message["type"] for message in delivered} == set(catalogued_types())
    # And every bus event, as the webhook message it becomes, matches its type's served schema
    for event in published:
        assert event["detail"]["type"] == event["detail-type"]
        jsonschema.validate(message_of(event["detail"]), schemas[event["detail-type"]])
    # And every message the receiver got matches too, and each deliverable type reached it
    for message in delivered:
        jsonschema.validate(message, schemas[message["type"]])
    deliverable = {item["type"] for item in served.body["eventTypes"] if item["deliverable"]}
    assert deliverable | {"webhook.test"} == {message["type"] for message in delivered}
    assert all(request.verified for request in accepting.requests)
