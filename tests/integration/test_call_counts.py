"""The AWS calls one refresh makes, counted (deterministic, unlike timing) for each vault
backend. Warm container: the provider record, its client secret and the integration are cached
(hub/cache.py); the first refresh of the minute pays for them (see docs/cost.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hub import clock
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository
from local.aws_calls import AwsCalls, recording_aws_calls
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]

# (scheduled refresh, forced refresh through the API, GET connection) per backend. Secrets
# Manager adds the secret read, its write, and the write claim that keeps a reconnect from
# being overwritten by a refresh's vault write (hub/connections/refresh.py); a forced refresh
# through the API adds the request's rate-limit window and its audit line.
BUDGETS = {"secretsmanager": (8, 10, 2), "table": (5, 7, 2)}


def _during(calls: AwsCalls, action: Callable[[], Any]) -> tuple[Any, list[str]]:
    calls.clear()
    result = action()
    return result, list(calls.calls)


def _users_connected(world: SandboxWorld, *names: str) -> str:
    integration_id = world.create_integration(user_scoped=True)
    for name in names:
        world.connect(integration_id, client=world.api.as_("user", user=name), user_scoped=True)
    return integration_id


@pytest.mark.parametrize("backend", ["secretsmanager", "table"])
def test_refresh_and_read_call_budgets(sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch,
                                       backend: str) -> None:
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_VAULT_BACKEND", backend)
    reset_settings()
    scheduled_budget, forced_budget, read_budget = BUDGETS[backend]
    # Given two users' connections of one integration, both due, and another tenant's connection
    integration_id = _users_connected(sandbox_world, "bob", "carol")
    globex_id = sandbox_world.create_integration(tenant="globex")
    sandbox_world.connect(globex_id, client=sandbox_world.api.as_("tenant_admin", tenant="globex"))
    due = max(float((ConnectionRepository().get_connection("acme", integration_id, user) or {})["refreshDueAt"])
              for user in ("bob", "carol"))
    clock.advance(due - clock.now() + 1)
    with recording_aws_calls() as calls:
        # When the scheduled job refreshes them, one after the other in a warm container
        first, _ = _during(calls, lambda: refresh_connection("acme", integration_id, "bob", owner="job"))
        outcome, scheduled = _during(calls, lambda: refresh_connection("acme", integration_id, "carol", owner="job"))
        # Then a warm refresh stays within its budget
        assert first.status == outcome.status == "refreshed"
        assert len(scheduled) <= scheduled_budget, scheduled
        # When globex's admin reads the tenant-wide connection and then forces a refresh of its
        # still-fresh token through the API
        globex = sandbox_world.api.as_("tenant_admin", tenant="globex")
        path = f"/api/tenant/integrations/{globex_id}"
        globex.get(f"{path}/connection")
        clock.advance(30)
        response, forced = _during(calls, lambda: globex.post(f"{path}/connection/refresh", {"force": True}))
        assert response.status == 200 and response.body["refreshed"] is True, response.raw_body
        assert len(forced) <= forced_budget, forced
        # and reads the connection again
        response, read = _during(calls, lambda: globex.get(f"{path}/connection"))
        assert response.status == 200 and response.body["connected"] is True
        assert len(read) <= read_budget, read
    # and reading a connection's status never touches its credential
    assert not [call for call in read if call.startswith(("secretsmanager.", "kms."))]
