"""User-scoped connections (each user connects for themselves) and tenant isolation of every
connection endpoint."""

from __future__ import annotations

from typing import Any

import pytest

from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.vault import get_vault
from tests.support.connections import API_KEY, RETURN_URL, SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]

# every test runs once per vault backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("vault_backend")


def _user(world: SandboxWorld, name: str, tenant: str = "acme") -> Any:
    return world.api.as_("user", tenant=tenant, user=name)


def test_a_user_connects_for_themselves_and_sees_only_their_own_connection(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    bob, carol = _user(sandbox_world, "bob"), _user(sandbox_world, "carol")
    # Given bob connected his own account
    outcome = sandbox_world.connect(integration_id, client=bob, user_scoped=True)
    # Then bob sees it, carol does not, and there is no tenant-wide connection
    mine = bob.get(f"/api/user/integrations/{integration_id}/connection").body
    assert mine["connected"] is True and mine["status"] == "active"
    assert mine["connectionId"] == outcome["connectionId"]
    assert carol.get(f"/api/user/integrations/{integration_id}/connection").body == {
        "integrationId": integration_id, "connected": False}
    assert ConnectionRepository().get_connection("acme", integration_id) is None
    assert ConnectionRepository().get_connection("acme", integration_id, "bob") is not None
    # And the list shows each user their own state only
    listed = bob.get("/api/user/integrations").body
    assert listed["total"] == 1 and listed["integrations"][0]["connected"] is True
    assert carol.get("/api/user/integrations").body["integrations"][0]["connected"] is False
    assert carol.get("/api/user/integrations", query={"connected": "true"}).body["total"] == 0


def test_a_user_disconnect_removes_only_their_own_connection(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    bob, carol = _user(sandbox_world, "bob"), _user(sandbox_world, "carol")
    sandbox_world.connect(integration_id, client=bob, user_scoped=True)
    sandbox_world.connect(integration_id, client=carol, user_scoped=True)
    carol_ref = secret_ref_of(ConnectionRepository().get_connection("acme", integration_id, "carol") or {})
    response = bob.post(f"/api/user/integrations/{integration_id}/disconnect")
    assert response.status == 200 and response.body["success"] is True
    assert bob.get(f"/api/user/integrations/{integration_id}/connection").body["connected"] is False
    assert carol.get(f"/api/user/integrations/{integration_id}/connection").body["connected"] is True
    assert get_vault().exists(carol_ref)
    # bob has nothing left to disconnect
    assert bob.post(f"/api/user/integrations/{integration_id}/disconnect").status == 404


def test_user_endpoints_only_see_user_scoped_integrations(sandbox_world: SandboxWorld) -> None:
    tenant_wide = sandbox_world.create_integration()
    bob = _user(sandbox_world, "bob")
    for response in (
        bob.get(f"/api/user/integrations/{tenant_wide}/connection"),
        bob.post(f"/api/user/integrations/{tenant_wide}/connect/oauth", {"returnUrl": RETURN_URL}),
        bob.post(f"/api/user/integrations/{tenant_wide}/disconnect"),
    ):
        assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"
    assert bob.get("/api/user/integrations").body["total"] == 0


def test_a_tenant_admin_cannot_connect_a_user_scoped_integration_for_everyone(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                      {"returnUrl": RETURN_URL})
    assert response.status == 400 and response.error["code"] == "USER_SCOPED_INTEGRATION"
    status = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/connection").body
    assert status["userScoped"] is True and status["connected"] is False


def test_a_user_connection_does_not_change_the_integration_status(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    sandbox_world.connect(integration_id, client=_user(sandbox_world, "bob"), user_scoped=True)
    integration = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}").body
    assert integration["status"] == "pending" and "connectionStatus" not in integration


def test_a_user_state_cannot_be_used_by_another_user(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    bob = _user(sandbox_world, "bob")
    started = sandbox_world.start(integration_id, client=bob, user_scoped=True)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    # the callback is bound to bob: whoever's browser brings it back, it is bob's connection
    assert sandbox_world.callback(answer).status == 302
    assert ConnectionRepository().get_connection("acme", integration_id, "bob") is not None
    assert ConnectionRepository().get_connection("acme", integration_id, "carol") is None


# ---- tenant isolation ---------------------------------------------------------------------

TENANT_CALLS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "connection", None),
    ("POST", "connection/test", None),
    ("POST", "connection/refresh", {"force": True}),
    ("POST", "connect/oauth", {"returnUrl": RETURN_URL}),
    ("POST", "connect/oauth/exchange", {"code": "c" * 20, "redirectUri": RETURN_URL, "state": "s" * 20}),
    ("POST", "connect/api-key", {"apiKey": API_KEY}),
    ("POST", "connect/basic", {"username": "u", "password": "p"}),
    ("POST", "connect/custom", {"credentials": {"x": "y"}}),
    ("PATCH", "credentials", {"credentialType": "oauth", "credentials": {"accessToken": "t"}}),
    ("POST", "disconnect", None),
]


@pytest.mark.parametrize(("method", "suffix", "body"), TENANT_CALLS, ids=[c[1] for c in TENANT_CALLS])
def test_tenant_b_cannot_touch_tenant_as_connection(sandbox_world: SandboxWorld, method: str, suffix: str,
                                                    body: dict[str, Any] | None) -> None:
    # Given acme's connected integration
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    before = ConnectionRepository().get_connection("acme", integration_id)
    assert before is not None
    # When globex's admin calls the endpoint with acme's integration id
    globex = sandbox_world.api.as_("tenant_admin", tenant="globex", user="gina")
    response = globex.request(method, f"/api/tenant/integrations/{integration_id}/{suffix}", json_body=body)
    # Then it does not exist for globex, and acme's connection is untouched
    assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND", response.raw_body
    assert ConnectionRepository().get_connection("acme", integration_id) == before
    assert get_vault().exists(secret_ref_of(before))


def test_tenant_b_users_cannot_see_tenant_as_user_connections(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    sandbox_world.connect(integration_id, client=_user(sandbox_world, "bob"), user_scoped=True)
    # the same user id in another tenant is another person
    other_bob = _user(sandbox_world, "bob", tenant="globex")
    assert other_bob.get(f"/api/user/integrations/{integration_id}/connection").status == 404
    assert other_bob.post(f"/api/user/integrations/{integration_id}/disconnect").status == 404
    assert other_bob.get("/api/user/integrations").body["total"] == 0
    assert ConnectionRepository().get_connection("acme", integration_id, "bob") is not None


def test_users_cannot_call_the_tenant_admin_connection_endpoints(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    bob = _user(sandbox_world, "bob")
    for method, suffix, body in TENANT_CALLS:
        response = bob.request(method, f"/api/tenant/integrations/{integration_id}/{suffix}", json_body=body)
        assert response.status == 403, suffix


def test_a_user_flow_fails_if_the_integration_stopped_being_user_scoped(sandbox_world: SandboxWorld) -> None:
    from urllib.parse import parse_qsl, urlsplit

    integration_id = sandbox_world.create_integration(user_scoped=True)
    bob = _user(sandbox_world, "bob")
    started = sandbox_world.start(integration_id, client=bob, user_scoped=True)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    patched = sandbox_world.api.patch(f"/api/tenant/integrations/{integration_id}", {"userScoped": False})
    assert patched.status == 200
    response = sandbox_world.callback(answer)
    outcome = dict(parse_qsl(urlsplit(response.header("Location") or "").query))
    assert outcome["status"] == "error" and outcome["error"] == "integration_not_found"
    assert ConnectionRepository().get_connection("acme", integration_id, "bob") is None


def test_a_user_tests_and_refreshes_their_own_connection_only(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration(user_scoped=True)
    bob, carol = _user(sandbox_world, "bob"), _user(sandbox_world, "carol")
    # Given bob connected his own account, carol did not
    sandbox_world.connect(integration_id, client=bob, user_scoped=True)
    before = ConnectionRepository().get_connection("acme", integration_id, "bob") or {}
    # When bob tests and force-refreshes his connection
    tested = bob.post(f"/api/user/integrations/{integration_id}/connection/test")
    refreshed = bob.post(f"/api/user/integrations/{integration_id}/connection/refresh", {"force": True})
    # Then both act on bob's connection
    assert tested.status == 200 and tested.body["success"] is True, tested.raw_body
    assert refreshed.status == 200, refreshed.raw_body
    after = ConnectionRepository().get_connection("acme", integration_id, "bob") or {}
    assert after.get("lastTestResult") == "success"
    assert after.get("tokenVersion", after.get("version")) != before.get("tokenVersion", before.get("version"))
    # And carol, who has no connection, gets 404 rather than bob's
    assert carol.post(f"/api/user/integrations/{integration_id}/connection/test").status == 404
    assert carol.post(f"/api/user/integrations/{integration_id}/connection/refresh", {"force": True}).status == 404
