"""`provider_request`: one provider API call through the one core (hub/proxy/core.py, used by sync,
search and widgets), refreshing first when the token is about to expire."""

from __future__ import annotations

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.connections.use import run_verification
from hub.errors import ValidationError
from hub.proxy.core import provider_request
from tests.support.connections import API_KEY, SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


def _record(integration_id: str) -> dict:
    record = ConnectionRepository().get_connection("acme", integration_id)
    assert record is not None
    return record


def test_an_oauth_connection_calls_the_provider_api(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    response = provider_request(_record(integration_id), "GET", "/api/items", params={"q": "note", "limit": 3})
    assert response.status == 200
    assert 0 < len(response.json()["items"]) <= 3


def test_a_token_inside_the_buffer_is_refreshed_before_the_call(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    clock.advance(3600 - 100)  # within the 300 s buffer
    response = provider_request(_record(integration_id), "GET", "/api/me")
    assert response.status == 200
    assert sandbox_world.provider.stats()["token_requests"]["refresh_token"] == 1
    assert _record(integration_id)["expiresAt"] > clock.now() + 3000


def test_an_expired_connection_says_reconnect(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.configure(token_error="invalid_grant")
    clock.advance(3600)
    with pytest.raises(Exception) as caught:
        provider_request(_record(integration_id), "GET", "/api/me")
    assert getattr(caught.value, "code", None) == "TOKEN_EXPIRED"
    assert run_verification(_record(integration_id))["error"] == "TOKEN_EXPIRED"


def test_an_api_key_connection_sends_its_key_header(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/api-key", {"apiKey": API_KEY})
    response = provider_request(_record(integration_id), "GET", "/api/me")
    assert response.status == 200 and response.json()["id"]


@pytest.mark.parametrize("path", ["api/me", "//evil.example.net/x", "/a#b", "https://evil.example.net/"])
def test_only_paths_below_the_api_base_are_allowed(sandbox_world: SandboxWorld, path: str) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    with pytest.raises(ValidationError):
        provider_request(_record(integration_id), "GET", path)
