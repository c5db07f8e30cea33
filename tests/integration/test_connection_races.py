"""Connections under concurrency: a refresh racing a disconnect or a reconnect, and two first
connects racing each other. Nothing may be written over a newer grant, and no secret may be
left behind that no record points at."""

from __future__ import annotations

import threading
from typing import Any

import boto3
import pytest

from hub.connections import refresh as refresh_module
from hub.connections.connect import store_tokens
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.connections.spec import provider_spec_for
from hub.connections.state import OAuthStateStore
from hub.connections.store import ConnectionConflict
from hub.connections.tokens import exchange_code
from hub.errors import HubError
from hub.integrations.service import get_integration
from hub.settings import get_settings
from hub.vault import SecretsManagerVault, get_vault
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


def _record(integration_id: str) -> dict[str, Any]:
    record = ConnectionRepository().get_connection("acme", integration_id, raw=True)
    assert record is not None
    return record


def _stored_secret_names(integration_id: str) -> list[str]:
    client = boto3.client("secretsmanager", region_name="us-east-1")
    prefix = f"{get_settings().secret_prefix}/acme/"
    names = [s["Name"] for page in client.get_paginator("list_secrets").paginate() for s in page["SecretList"]]
    return [n for n in names if n.startswith(prefix)]


def _run_during_token_call(monkeypatch: pytest.MonkeyPatch, action: Any) -> None:
    """`action` runs once, after the provider answered the refresh and before anything is written."""
    original = refresh_module._new_tokens
    pending = [action]

    def slow_provider(*args: Any) -> Any:
        tokens = original(*args)
        while pending:
            pending.pop()()
        return tokens

    monkeypatch.setattr(refresh_module, "_new_tokens", slow_provider)


# ---- refresh vs disconnect / reconnect -----------------------------------------------------


def test_a_disconnect_during_a_refresh_stays_disconnected_with_no_secret(sandbox_world: SandboxWorld,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a connected integration whose refresh is waiting for the provider
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    ref = secret_ref_of(_record(integration_id))

    def disconnect() -> None:
        response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect")
        assert response.status == 200, response.raw_body

    _run_during_token_call(monkeypatch, disconnect)
    # When the admin disconnects meanwhile and the refresh then finishes
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then the refresh is superseded: the connection stays disconnected, no secret, no due keys
    assert outcome.status == "superseded"
    record = _record(integration_id)
    assert record["status"] == "disconnected" and record["secretStored"] is False
    assert not {"leaseOwner", "secretWriter", "gsi2pk", "refreshDueAt"} & set(record)
    assert get_vault().exists(ref) is False
    assert _stored_secret_names(integration_id) == []


def test_a_reconnect_during_a_refresh_keeps_the_new_grant(sandbox_world: SandboxWorld,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a connected integration whose refresh is waiting for the provider
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    ref = secret_ref_of(_record(integration_id))
    after_reconnect: dict[str, Any] = {}

    def reconnect() -> None:
        sandbox_world.connect(integration_id)
        after_reconnect["secret"] = get_vault().read(ref)
        after_reconnect["record"] = _record(integration_id)

    _run_during_token_call(monkeypatch, reconnect)
    # When the admin reconnects meanwhile and the refresh then finishes
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then the refresh is superseded and the new grant's secret and record are untouched
    assert outcome.status == "superseded"
    assert get_vault().read(ref) == after_reconnect["secret"]
    record = _record(integration_id)
    assert record["version"] == after_reconnect["record"]["version"]
    assert record.get("lastRefreshedAt") == after_reconnect["record"].get("lastRefreshedAt")
    assert not {"leaseOwner", "secretWriter"} & set(record)
    # and the new grant still works
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"


def test_an_invalid_grant_after_a_disconnect_does_not_mark_the_connection_expired(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the provider refuses the refresh, and the admin disconnects while it answers
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    from hub.connections.tokens import InvalidGrant

    def refused(*_args: Any) -> Any:
        sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect")
        raise InvalidGrant()

    monkeypatch.setattr(refresh_module, "_new_tokens", refused)
    # When the refresh records its outcome
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then nothing is written over the disconnect
    assert outcome.status == "superseded"
    assert _record(integration_id)["status"] == "disconnected"


def test_an_api_refresh_superseded_by_a_reconnect_answers_409(sandbox_world: SandboxWorld,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    _run_during_token_call(monkeypatch, lambda: sandbox_world.connect(integration_id))
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh",
                                      {"force": True})
    assert response.status == 409 and response.error["code"] == "CONFLICT"


# ---- two first connects ----------------------------------------------------------------------


def _fresh_grant(world: SandboxWorld, integration_id: str) -> Any:
    """Tokens of a new authorization at the sandbox, not stored anywhere yet."""
    started = world.start(integration_id)
    answer = world.authorize(world.provider_url(started))
    binding = OAuthStateStore().consume(answer["state"])
    spec = provider_spec_for(get_integration("acme", integration_id))
    return exchange_code(spec, answer["code"], str(binding["redirectUri"]), binding.get("verifier"), spec.config)


def test_two_simultaneous_first_connects_leave_one_connection_and_one_secret(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given two finished authorizations for the same, not yet connected integration
    integration_id = sandbox_world.create_integration()
    grants = [_fresh_grant(sandbox_world, integration_id) for _ in range(2)]
    integration = get_integration("acme", integration_id)
    spec = provider_spec_for(integration)
    # and both requests have stored their secret before either writes the record
    both_stored = threading.Barrier(2, timeout=20)
    original_store = SecretsManagerVault.store

    def store_then_wait(self: SecretsManagerVault, ref: Any, payload: dict[str, Any]) -> str:
        arn = original_store(self, ref, payload)
        both_stored.wait()
        return arn

    monkeypatch.setattr(SecretsManagerVault, "store", store_then_wait)
    results: list[Any] = [None, None]

    def connect(index: int) -> None:
        try:
            results[index] = store_tokens(integration, spec, grants[index], user_id=None, actor="alice")
        except HubError as error:
            results[index] = error

    # When both write at once
    threads = [threading.Thread(target=connect, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # Then one wins, the other answers 409 CONFLICT
    winners = [r for r in results if isinstance(r, dict)]
    losers = [r for r in results if isinstance(r, ConnectionConflict)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert losers[0].status_code == 409 and losers[0].code == "CONFLICT"
    # and the record points at the only secret left; the loser's grant was revoked
    record = _record(integration_id)
    assert record["connectionId"] == winners[0]["connectionId"]
    assert _stored_secret_names(integration_id) == [secret_ref_of(record).secret_name()]
    loser_grant = grants[results.index(losers[0])]
    assert sandbox_world.provider.stats()["family_revocations"] == 1
    winner_secret = get_vault().read(secret_ref_of(record))
    assert winner_secret["refreshToken"] != loser_grant.refresh_token
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"


def test_a_reconnect_waits_for_a_vault_write_in_progress_then_gives_up_with_409(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a connection whose secret another writer is writing right now
    from hub import clock
    from hub.connections import store as service

    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    ref = secret_ref_of(_record(integration_id))
    before = get_vault().read(ref)
    ConnectionRepository().update_connection("acme", integration_id, None,
                                             {"secretWriter": "other", "secretWriteUntil": int(clock.now()) + 30})
    grant = _fresh_grant(sandbox_world, integration_id)
    monkeypatch.setattr(service, "_CLAIM_PAUSE_SECONDS", 0.01)
    integration = get_integration("acme", integration_id)
    # When a reconnect arrives
    with pytest.raises(ConnectionConflict):
        store_tokens(integration, provider_spec_for(integration), grant, user_id=None, actor="alice")
    # Then the secret is untouched and the new grant is revoked, not left live
    assert get_vault().read(ref) == before
    assert sandbox_world.provider.stats()["family_revocations"] == 1
