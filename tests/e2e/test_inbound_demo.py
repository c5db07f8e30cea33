"""Issue 19, done when: the `make run` demo over HTTP. The sandbox emits a signed event, the hub
attributes it to the tenant's connection, and a local receiver subscribed to that provider event
type receives it, verified with Standard Webhooks (docs/inbound-webhooks.md, "The local demo")."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from hub.webhooks.signing import generate_secret
from local.receiver import ReceivedRequest, Receiver
from tests.e2e.conftest import HTTP_TIMEOUT, RunningStack
from tests.e2e.start_page import continue_url

pytestmark = pytest.mark.e2e

ARRIVAL_GUARD_SECONDS = 300  # a hang guard for the local pollers, not a speed target


def connect_sandbox(stack: RunningStack, admin: httpx.Client) -> str:
    created = admin.post("/api/tenant/integrations", json={"providerId": "sandbox", "name": "Inbound demo"})
    assert created.status_code == 201, created.text
    integration_id = str(created.json()["id"])
    started = admin.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                         json={"returnUrl": f"{stack.api_url}/connected"})
    authorization_url = started.json()["authorizationUrl"]
    browser = httpx.Client(timeout=HTTP_TIMEOUT, follow_redirects=False)
    page = browser.get(authorization_url)
    to_provider = browser.get(continue_url(authorization_url, page.text))
    at_provider = browser.get(to_provider.headers["location"])
    back = browser.get(at_provider.headers["location"])
    assert "status=connected" in back.headers["location"], back.headers.get("location")
    return integration_id


def test_the_sandbox_event_reaches_the_receiver_of_the_connected_tenant(local_stack: RunningStack) -> None:
    # Given the platform stored the sandbox's inbound signing secret
    signing = generate_secret()
    root = local_stack.client("super_admin", tenant="platform", user="root")
    stored = root.put("/api/admin/integrations/developer/sandbox/inbound-webhooks", json={"signingSecret": signing})
    assert stored.status_code == 200 and stored.json()["keyConfigured"] is True, stored.text
    # And a tenant connected its sandbox account and subscribed a receiver to sandbox:item.created
    admin = local_stack.client("tenant_admin", tenant="e2e-inbound", user="ina")
    integration_id = connect_sandbox(local_stack, admin)
    arrived = threading.Event()

    def watch(request: ReceivedRequest) -> None:
        if request.verified and json.loads(request.body).get("type") == "provider.event":
            arrived.set()

    with Receiver(on_request=watch) as receiver:
        hook = admin.post("/api/tenant/webhooks", json={"url": receiver.url, "events": ["sandbox:item.created"]})
        assert hook.status_code == 201, hook.text
        receiver.secrets.append(hook.json()["secret"])

        # When the sandbox emits a signed item.created for its account
        sandbox = httpx.Client(base_url=local_stack.sandbox_url, timeout=HTTP_TIMEOUT)
        emitted = sandbox.post("/_sandbox/webhooks/emit", json={
            "url": f"{local_stack.api_url}/api/webhooks/in/sandbox", "secret": signing, "type": "item.created",
            "data": {"item": {"id": "itm_e2e", "title": "From the sandbox"}}})

        # Then the hub acknowledged it at once
        assert emitted.status_code == 200, emitted.text
        assert emitted.json()["status"] == 200 and json.loads(emitted.json()["answer"])["events"] == 1
        # And the receiver got it as provider.event, attributed to the tenant's connection, verified
        assert arrived.wait(ARRIVAL_GUARD_SECONDS), [r.body for r in receiver.requests]
    [delivered] = [r for r in receiver.requests if json.loads(r.body)["type"] == "provider.event"]
    message = json.loads(delivered.body)["data"]
    assert (message["tenantId"], message["integrationId"], message["providerEventType"]) == (
        "e2e-inbound", integration_id, "item.created")
    assert message["payload"]["data"]["item"]["title"] == "From the sandbox"
