"""The AWS calls of a refresh and of reading a connection, counted for each vault backend.
Counting is deterministic where timing is not (docs/cost.md prices the same counts, from the
bench). Warm container: the first refresh pays for the provider record, its client secret and
the integration (hub/cache.py); the counted ones do not."""

from __future__ import annotations

import pytest

from hub import clock
from hub.audit import AuditRepository
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository
from hub.settings import reset_settings
from hub.vault import set_vault
from local.aws_calls import CALL_BUDGETS, counted, recording_aws_calls
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


@pytest.fixture(params=["secretsmanager", "table"])
def backend(request: pytest.FixtureRequest, sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HUB_VAULT_BACKEND", request.param)
    reset_settings()
    set_vault(None)
    return str(request.param)


def _due_user_connections(world: SandboxWorld, *users: str) -> str:
    integration_id = world.create_integration(user_scoped=True)
    for user in users:
        world.connect(integration_id, client=world.api.as_("user", user=user), user_scoped=True)
    due = max(float((ConnectionRepository().get_connection("acme", integration_id, user) or {})["refreshDueAt"])
              for user in users)
    clock.advance(due - clock.now() + 1)
    return integration_id


def test_a_scheduled_refresh_stays_within_its_calls(sandbox_world: SandboxWorld, backend: str) -> None:
    # Given two users' connections of one integration, both due, in a warm container
    integration_id = _due_user_connections(sandbox_world, "bob", "carol")
    with recording_aws_calls() as calls:
        first, _ = counted(calls, lambda: refresh_connection("acme", integration_id, "bob", owner="job"))
        # When the scheduled job refreshes the next one
        outcome, made = counted(calls, lambda: refresh_connection("acme", integration_id, "carol", owner="job"))
    # Then it is refreshed within the backend's budget
    assert first.status == outcome.status == "refreshed"
    assert len(made) <= CALL_BUDGETS[backend]["scheduled refresh"], made
    # And with `table` it never calls Secrets Manager; with Secrets Manager it writes the new
    # version once and reads nothing (the grant it replaces came with the leased record)
    secrets = [call for call in made if call.startswith("secretsmanager.")]
    if backend == "table":
        assert not secrets
    else:
        assert secrets == ["secretsmanager.PutSecretValue"]
    # And the grant is sealed once (one data key), the stored one opened once
    assert made.count("kms.GenerateDataKey") == 1 and made.count("kms.Decrypt") == 1


def test_reading_and_forcing_a_refresh_through_the_api_stay_within_their_calls(
        sandbox_world: SandboxWorld, backend: str) -> None:
    # Given globex's connection, read once by its admin in this warm container
    integration_id = sandbox_world.create_integration(tenant="globex")
    globex = sandbox_world.api.as_("tenant_admin", tenant="globex")
    sandbox_world.connect(integration_id, client=globex)
    path = f"/api/tenant/integrations/{integration_id}"
    assert globex.get(f"{path}/connection").status == 200
    clock.advance(30)
    with recording_aws_calls() as calls:
        # When the admin forces a refresh of the still-fresh token
        response, forced = counted(calls, lambda: globex.post(f"{path}/connection/refresh", {"force": True}))
        # and reads the connection again
        read, reading = counted(calls, lambda: globex.get(f"{path}/connection"))
    # Then each stays within its budget
    assert response.status == 200 and response.body["refreshed"] is True, response.raw_body
    assert len(forced) <= CALL_BUDGETS[backend]["forced refresh"], forced
    assert read.status == 200 and read.body["connected"] is True
    assert len(reading) <= CALL_BUDGETS[backend]["GET connection"], reading
    # And reading a connection's status never touches its credential
    assert not [call for call in reading if call.startswith(("secretsmanager.", "kms."))]
    # And the forced refresh is audited once: its record went with the refresh's final write
    [audit] = [a for a in AuditRepository().list_for_tenant("globex") if a["action"] == "connection.refresh"]
    assert audit["statusCode"] == 200 and audit["actor"]["roles"] == ["tenant_admin"]
    assert integration_id in audit["targetIds"] and "dynamodb.PutItem" not in forced
    # And a request that refreshes nothing (not due) is audited by the pipeline as before
    assert globex.post(f"{path}/connection/refresh", {}).body["refreshed"] is False
    audits = [a for a in AuditRepository().list_for_tenant("globex") if a["action"] == "connection.refresh"]
    assert len(audits) == 2
