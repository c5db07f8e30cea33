"""OAuth connections against the sandbox provider: start → authorize → callback → stored."""

from __future__ import annotations

from tests.support.connections import RETURN_URL, SandboxWorld, location_query, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


def test_tenant_oauth_flow_connects_and_redirects_to_the_return_url(sandbox_world: SandboxWorld) -> None:
    # Given a tenant integration of the sandbox provider
    integration_id = sandbox_world.create_integration()
    # When the admin starts the flow, the browser authorizes at the sandbox and comes back
    started = sandbox_world.start(integration_id)
    provider_answer = sandbox_world.authorize(started["authorizationUrl"])
    response = sandbox_world.callback(provider_answer)
    # Then the browser is sent to the return URL with the outcome
    assert response.status == 302
    location = response.header("Location") or ""
    assert location.startswith(RETURN_URL + "?")
    outcome = location_query(response)
    assert outcome["status"] == "connected"
    assert outcome["integrationId"] == integration_id
    # And the connection is active
    status = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/connection")
    assert status.status == 200, status.raw_body
    assert status.body["status"] == "active"
    assert status.body["connectionId"] == outcome["connectionId"]

