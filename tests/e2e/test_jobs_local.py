"""The local stack runs the jobs: a connected sandbox integration is refreshed by the scheduler
within a minute, its health is checked, and a `user.deleted` put on the bus reaches the consumer
(HUB_JOBS_INTERVAL_SECONDS=2 in the e2e stack)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import boto3
import httpx
import pytest

from tests.e2e.conftest import HTTP_TIMEOUT, RunningStack
from tests.e2e.start_page import continue_url
from tests.e2e.test_connections_e2e import _moto_url

pytestmark = pytest.mark.e2e


def wait_for(check: Callable[[], Any], timeout: float = 300.0) -> Any:
    # the bound only stops a broken stack from hanging the suite; a loaded machine just takes longer
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("condition not met in time")


def connect_sandbox(stack: RunningStack, client: httpx.Client, *, user_scoped: bool = False) -> str:
    integration = client.post("/api/tenant/integrations", json={"providerId": "sandbox", "name": "sandbox e2e",
                                                                 "userScoped": user_scoped})
    assert integration.status_code == 201, integration.text
    return str(integration.json()["id"])


def authorize(stack: RunningStack, client: httpx.Client, path: str) -> None:
    started = client.post(path, json={"returnUrl": f"{stack.api_url}/done"})
    assert started.status_code == 200, started.text
    # the browser opens the hub's start URL (which binds the flow to its cookie), goes to the
    # provider, and comes back to the callback with the cookie
    with httpx.Client(timeout=HTTP_TIMEOUT, follow_redirects=False) as browser:
        page = browser.get(started.json()["authorizationUrl"])  # the page naming whose flow this is
        at_hub = browser.get(continue_url(started.json()["authorizationUrl"], page.text))
        assert at_hub.status_code == 302, at_hub.text
        at_provider = browser.get(at_hub.headers["location"])
        assert at_provider.status_code == 302
        callback = browser.get(at_provider.headers["location"])
        assert callback.status_code == 302
    assert dict(parse_qsl(urlsplit(callback.headers["location"]).query)).get("status") == "connected"


def test_the_scheduler_refreshes_a_due_connection_and_checks_its_health(local_stack: RunningStack) -> None:
    sandbox = httpx.Client(base_url=local_stack.sandbox_url, timeout=HTTP_TIMEOUT)
    assert sandbox.post("/_sandbox/config", json={"reset": True, "expires_in": 305}).status_code == 200
    with local_stack.client(tenant="e2e-jobs") as admin:
        integration_id = connect_sandbox(local_stack, admin)
        authorize(local_stack, admin, f"/api/tenant/integrations/{integration_id}/connect/oauth")
        # a token living 305 s with a 300 s buffer is due 5 s after connecting
        wait_for(lambda: sandbox.get("/_sandbox/stats").json()["token_requests"].get("refresh_token", 0) >= 1)
        view = wait_for(lambda: admin.get(f"/api/tenant/integrations/{integration_id}/connection").json()
                        .get("lastRefreshedAt") and admin.get(f"/api/tenant/integrations/{integration_id}/connection"))
        assert view.json()["status"] == "active"
        health = wait_for(lambda: admin.get(f"/api/tenant/integrations/{integration_id}/health").json()
                          .get("latest"))
        assert health["status"] == "healthy" and health["responseTime"] is not None
    sandbox.post("/_sandbox/config", json={"reset": True})


def test_user_deleted_on_the_bus_reaches_the_consumer(local_stack: RunningStack) -> None:
    with local_stack.client(tenant="e2e-users") as admin, \
            local_stack.client(role="user", tenant="e2e-users", user="dora") as dora:
        integration_id = connect_sandbox(local_stack, admin, user_scoped=True)
        authorize(local_stack, dora, f"/api/user/integrations/{integration_id}/connect/oauth")
        assert dora.get(f"/api/user/integrations/{integration_id}/connection").json()["status"] == "active"
        events = boto3.client("events", endpoint_url=_moto_url(local_stack), region_name="us-east-1",
                              aws_access_key_id="local", aws_secret_access_key="local")
        events.put_events(Entries=[{"EventBusName": "integration-hub", "Source": "user-service",
                                    "DetailType": "user.deleted",
                                    "Detail": json.dumps({"tenantId": "e2e-users", "userId": "dora"})}])
        wait_for(lambda: dora.get(f"/api/user/integrations/{integration_id}/connection").json()
                 .get("status") in ("disconnected", "not_connected"))
