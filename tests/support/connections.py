"""Fixtures and helpers for the connection tests: the sandbox OAuth provider in-process on
loopback, the sandbox providers seeded as a super admin would, and a "browser" (with its own
cookie jar) that opens the hub's start URL, follows the provider URL to the sandbox, and brings
the provider's answer back to the hub's callback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from hub.settings import reset_settings
from local.resources import LocalResources
from local.sandbox import RunningSandbox, start_sandbox
from tests.support.api import ApiClient

RETURN_URL = "https://app.example.com/integrations/done"
API_KEY = "sbx_test_key_valid_0001"


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[RunningSandbox]:
    running = start_sandbox(port=0)
    yield running
    running.stop()


class Browser:
    """One browser's cookie jar for the hub's OAuth routes (the cookies are Path=/api/integrations/oauth)."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api
        self.jar: dict[str, str] = {}

    def _send(self, path: str, query: dict[str, str]) -> Any:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.jar.items())} if self.jar else None
        response = self.api.get(path, query=query, headers=headers, claims=False)
        for cookie in response.cookies:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in cookie:
                self.jar.pop(name, None)
            else:
                self.jar[name] = value
        return response

    def open_page(self, authorization_url: str) -> Any:
        """Open the hub start URL the connect answer gave: the page naming whose flow it is."""
        parts = urlsplit(authorization_url)
        assert parts.path == "/api/integrations/oauth/start", authorization_url
        return self._send(parts.path, dict(parse_qsl(parts.query)))

    def open_start(self, authorization_url: str) -> Any:
        """Open the hub start URL and press Continue on its page (the 302 to the provider)."""
        page = self.open_page(authorization_url)
        if page.status != 200:
            return page
        return self._send("/api/integrations/oauth/start", dict(parse_qsl(urlsplit(continue_link(page)).query)))

    def provider_url(self, authorization_url: str) -> str:
        response = self.open_start(authorization_url)
        assert response.status == 302, response.raw_body
        return str(response.header("Location"))

    def callback(self, params: dict[str, str]) -> Any:
        return self._send("/api/integrations/oauth/callback", params)


@dataclass
class SandboxWorld:
    sandbox: RunningSandbox
    resources: LocalResources
    api: ApiClient
    _browser: Browser | None = None

    @property
    def provider(self) -> Any:
        return self.sandbox.provider

    def create_integration(self, provider_id: str = "sandbox", *, tenant: str = "acme", user_scoped: bool = False,
                           name: str | None = None) -> str:
        admin = self.api.as_("tenant_admin", tenant=tenant)
        body: dict[str, Any] = {"providerId": provider_id, "name": name or f"{provider_id} integration"}
        if user_scoped:
            body["userScoped"] = True
        response = admin.post("/api/tenant/integrations", body)
        assert response.status == 201, response.raw_body
        return str(response.body["id"])

    def start(self, integration_id: str, *, client: ApiClient | None = None, user_scoped: bool = False,
              return_url: str = RETURN_URL, **extra: Any) -> dict[str, Any]:
        caller = client or self.api
        path = (f"/api/user/integrations/{integration_id}/connect/oauth" if user_scoped
                else f"/api/tenant/integrations/{integration_id}/connect/oauth")
        response = caller.post(path, {"returnUrl": return_url, **extra})
        assert response.status == 200, response.raw_body
        return response.body  # type: ignore[no-any-return]

    @property
    def browser(self) -> Browser:
        """The admin's (or user's) own browser: the one that starts and finishes flows."""
        if self._browser is None:
            self._browser = Browser(self.api)
        return self._browser

    def new_browser(self) -> Browser:
        return Browser(self.api)

    def provider_url(self, started: dict[str, Any]) -> str:
        """Open the hub start URL in this world's browser; where it is sent at the provider."""
        return self.browser.provider_url(str(started["authorizationUrl"]))

    def authorize(self, authorization_url: str) -> dict[str, str]:
        """The browser at the provider: follow the authorization URL, return the query the
        provider redirects back with (code, state, iss or error)."""
        answer = httpx.get(authorization_url, follow_redirects=False, timeout=120)
        assert answer.status_code == 302, answer.text
        return dict(parse_qsl(urlsplit(answer.headers["location"]).query))

    def callback(self, params: dict[str, str]) -> Any:
        return self.browser.callback(params)

    def connect(self, integration_id: str, *, client: ApiClient | None = None, user_scoped: bool = False) -> Any:
        started = self.start(integration_id, client=client, user_scoped=user_scoped)
        response = self.callback(self.authorize(self.provider_url(started)))
        assert response.status == 302, response.raw_body
        outcome = dict(parse_qsl(urlsplit(response.header("Location") or "").query))
        assert outcome.get("status") == "connected", outcome
        return outcome


def continue_link(page: Any) -> str:
    """The Continue link of the start page (HTML-escaped in an href)."""
    import html
    import re

    match = re.search(r"id='continue' href='([^']+)'", page.raw_body)
    assert match, page.raw_body
    return html.unescape(match.group(1))


def location_query(response: Any) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(response.header("Location") or "").query))


@pytest.fixture
def sandbox_world(aws_env: LocalResources, sandbox_server: RunningSandbox,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxWorld]:
    """Given the sandbox provider on loopback and the `sandbox` / `sandbox-apikey` providers
    configured by a super admin (client sandbox-client / sandbox-secret)."""
    from local.seed import seed_sandbox_providers

    monkeypatch.setenv("HUB_SANDBOX_BASE_URL", sandbox_server.base_url)
    reset_settings()
    sandbox_server.provider.reset()
    seed_sandbox_providers()
    yield SandboxWorld(sandbox=sandbox_server, resources=aws_env, api=ApiClient())
    sandbox_server.provider.reset()


class EventTap:
    """Every event the hub puts on its bus, through an EventBridge rule to an SQS queue (moto)."""

    def __init__(self, resources: LocalResources) -> None:
        import boto3

        self.sqs = boto3.client("sqs", region_name="us-east-1")
        events = boto3.client("events", region_name="us-east-1")
        self.queue_url = self.sqs.create_queue(QueueName="test-event-tap")["QueueUrl"]
        queue_arn = self.sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        events.put_rule(Name="test-event-tap", EventBusName=resources.event_bus_name,
                        EventPattern='{"source": ["integration-hub"]}')
        events.put_targets(Rule="test-event-tap", EventBusName=resources.event_bus_name,
                           Targets=[{"Id": "tap", "Arn": queue_arn}])
        self.seen: list[dict[str, Any]] = []

    def drain(self) -> list[dict[str, Any]]:
        """All events so far (the full EventBridge envelopes, `detail` included)."""
        import json

        while True:
            messages = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", [])
            if not messages:
                return self.seen
            for message in messages:
                self.seen.append(json.loads(message["Body"]))
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def types(self) -> list[str]:
        return [event["detail-type"] for event in self.drain()]


@pytest.fixture
def event_tap(aws_env: LocalResources) -> EventTap:
    return EventTap(aws_env)
