"""Fixtures for the search and widget tests: a sandbox whose API-key callers can be failed or
held on their own (the sandbox's `api_status` switch fails every caller at once), and helpers
that create and connect the `sandbox` (OAuth) and `sandbox-apikey` integrations."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.vault import get_vault
from local.sandbox import DEFAULT_CLIENT_SECRET, RunningSandbox, SandboxProvider, start_sandbox
from tests.support.api import ApiClient, ApiResponse
from tests.support.connections import API_KEY, SandboxWorld


class SwitchableSandbox(SandboxProvider):
    """The sandbox plus two switches that act on `/api/*` calls made with an API key only."""

    api_key_status: int | None = None
    # set: API-key calls are answered 200 with these bytes as the body (an answer no JSON encoder writes)
    api_key_body: bytes | None = None
    # set: API-key calls wait until it is released (or a minute passes), a provider that hangs
    api_key_hold: threading.Event | None = None
    # set once an API-key call is being held (the hub's call is in flight)
    api_key_held = threading.Event()

    def clear_switches(self) -> None:
        self.api_key_status = None
        self.api_key_body = None
        if self.api_key_hold is not None:
            self.api_key_hold.set()
        self.api_key_hold = None
        self.api_key_held = threading.Event()

    def wsgi_app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if str(environ.get("PATH_INFO", "")).startswith("/api/") and environ.get("HTTP_X_API_KEY"):
            hold = self.api_key_hold
            if hold is not None:
                self.api_key_held.set()
                hold.wait(60)
            if self.api_key_status is not None:
                body = json.dumps({"error": "forced_status"}).encode()
                start_response(f"{self.api_key_status} Forced", [("Content-Type", "application/json"),
                                                                  ("Content-Length", str(len(body)))])
                return [body]
            if self.api_key_body is not None:
                start_response("200 OK", [("Content-Type", "application/json"),
                                          ("Content-Length", str(len(self.api_key_body)))])
                return [self.api_key_body]
        return super().wsgi_app(environ, start_response)


def switchable_sandbox_server() -> Iterator[RunningSandbox]:
    running = start_sandbox(port=0, provider=SwitchableSandbox())
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def _clear_switches(sandbox_server: RunningSandbox) -> Iterator[None]:
    provider = sandbox_server.provider
    if isinstance(provider, SwitchableSandbox):
        provider.clear_switches()
    yield
    if isinstance(provider, SwitchableSandbox):
        provider.clear_switches()


def admin(world: SandboxWorld, tenant: str = "acme") -> ApiClient:
    return world.api.as_("tenant_admin", tenant=tenant, user="alice")


def user(world: SandboxWorld, name: str = "bob", tenant: str = "acme") -> ApiClient:
    return world.api.as_("user", tenant=tenant, user=name)


def oauth_integration(world: SandboxWorld, tenant: str = "acme") -> str:
    """Given a tenant-wide `sandbox` integration connected through the OAuth flow."""
    integration_id = world.create_integration("sandbox", tenant=tenant)
    world.connect(integration_id, client=admin(world, tenant))
    return integration_id


def apikey_integration(world: SandboxWorld, tenant: str = "acme") -> str:
    """Given a tenant-wide `sandbox-apikey` integration connected with the sandbox's API key."""
    integration_id = world.create_integration("sandbox-apikey", tenant=tenant)
    response = admin(world, tenant).post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                                         {"apiKey": API_KEY})
    assert response.status == 200, response.raw_body
    return integration_id


def user_integration(world: SandboxWorld, *connected_users: str, tenant: str = "acme") -> str:
    """Given a user-scoped `sandbox` integration that each named user connected for themselves."""
    integration_id = world.create_integration("sandbox", tenant=tenant, user_scoped=True)
    for name in connected_users:
        world.connect(integration_id, client=user(world, name, tenant), user_scoped=True)
    return integration_id


def stored_secrets(tenant: str = "acme") -> list[str]:
    """Every credential value the vault holds for the tenant's connections, plus the sandbox
    client's secret: none of them may appear in a response."""
    found = [DEFAULT_CLIENT_SECRET, API_KEY]
    for record in ConnectionRepository().list_for_tenant(tenant):
        if not record.get("secretStored"):
            continue
        payload = get_vault().read(secret_ref_of(record))
        found += [str(v) for k, v in payload.items() if k in ("accessToken", "refreshToken") and v]
        found += [str(v) for v in (payload.get("credentials") or {}).values() if v]
    return found


def assert_no_secret(responses: Iterable[ApiResponse], secrets: Iterable[str]) -> None:
    for response in responses:
        text = response.raw_body + json.dumps(response.headers)
        for secret in secrets:
            assert secret not in text, "a credential appears in a response"
