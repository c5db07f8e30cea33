"""`python -m hub.vault.migrate` moves every credential between the backends: both ways,
idempotently, resumably after a run that died halfway, and without a moment where a
connection's credential cannot be read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.errors import VaultError
from hub.settings import reset_settings
from hub.vault import (
    BACKEND_FIELD,
    SECRETSMANAGER,
    TABLE,
    SecretRef,
    read_credentials,
    standalone_vault,
    vault_named,
)
from hub.vault.migrate import MOVED_FROM_FIELD, Migration, main
from hub.vault.secretsmanager import SecretsManagerVault
from local.resources import LocalResources
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]

COUNT = 7


def _use_backend(monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    monkeypatch.setenv("HUB_VAULT_BACKEND", backend)
    reset_settings()


def _seed(backend: str, count: int = COUNT) -> list[dict[str, Any]]:
    """Given `count` connections (and one disconnected record) whose credentials are in `backend`."""
    repository = ConnectionRepository()
    records = []
    for n in range(count):
        record: dict[str, Any] = {"tenantId": "acme", "integrationId": "int_1", "userId": f"user-{n}",
                                  "connectionId": f"conn_{n}", "status": "active", "secretStored": True}
        ref = secret_ref_of(record)
        payload = {"accessToken": f"at-{n}-5f1e2d3c", "refreshToken": f"rt-{n}-9a8b7c6d"}
        if backend == TABLE:
            record[BACKEND_FIELD] = TABLE
            saved = repository.create_connection(record)
            vault_named(TABLE).store(ref, payload)
        else:
            vault_named(SECRETSMANAGER).store(ref, payload)
            saved = repository.create_connection(record)
        assert saved is not None
        records.append(dict(saved))
    repository.create_connection({"tenantId": "acme", "integrationId": "int_2", "connectionId": "conn_gone",
                                  "status": "disconnected", "secretStored": False})
    return records


def _current(record: dict[str, Any]) -> dict[str, Any]:
    found = ConnectionRepository().get_connection("acme", record["integrationId"], record.get("userId"), raw=True)
    assert found is not None
    return found


def _assert_all_in(backend: str, records: list[dict[str, Any]]) -> None:
    other = vault_named(TABLE if backend == SECRETSMANAGER else SECRETSMANAGER)
    for n, record in enumerate(records):
        current = _current(record)
        ref = secret_ref_of(current)
        assert current.get(BACKEND_FIELD) == backend
        assert read_credentials(ref, current) == {"accessToken": f"at-{n}-5f1e2d3c",
                                                  "refreshToken": f"rt-{n}-9a8b7c6d"}
        assert MOVED_FROM_FIELD not in current
        assert not other.exists(ref)
        assert "leaseOwner" not in current and "secretWriter" not in current


@pytest.mark.parametrize("source,target", [(SECRETSMANAGER, TABLE), (TABLE, SECRETSMANAGER)])
def test_a_migration_moves_every_credential_and_reports_it(aws_env: LocalResources,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           source: str, target: str) -> None:
    # Given connections and a provider client secret in the source backend
    _use_backend(monkeypatch, source)
    records = _seed(source)
    standalone_vault().store(SecretRef.for_provider_client("github"), {"clientSecret": "gh-secret-0011"})
    # When the deployment switches and the migration runs
    _use_backend(monkeypatch, target)
    report = Migration(target, page_size=3, grace_seconds=0).run()
    # Then every credential is in the target, readable, and gone from the source
    assert (report.moved, report.already, report.without_credential, report.busy) == (COUNT, 0, 1, 0)
    assert report.source_copies_deleted == COUNT and report.provider_secrets_moved == 1
    _assert_all_in(target, records)
    github = SecretRef.for_provider_client("github")
    assert vault_named(target).read(github) == {"clientSecret": "gh-secret-0011"}
    assert not vault_named(source).exists(github)


def test_a_second_run_moves_nothing(aws_env: LocalResources, monkeypatch: pytest.MonkeyPatch) -> None:
    records = _seed(SECRETSMANAGER)
    Migration(TABLE, grace_seconds=0).run()
    # When it runs again
    report = Migration(TABLE, grace_seconds=0).run()
    # Then
    assert (report.moved, report.already, report.resumed) == (0, COUNT, False)
    _assert_all_in(TABLE, records)


@pytest.mark.parametrize("source,target", [(SECRETSMANAGER, TABLE), (TABLE, SECRETSMANAGER)])
def test_a_run_that_dies_halfway_resumes_from_its_checkpoint(aws_env: LocalResources,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            source: str, target: str) -> None:
    # Given a run that dies while copying the fifth credential (pages of 2: two pages done)
    _use_backend(monkeypatch, source)
    records = _seed(source)
    copies = {"n": 0}
    writer = "store_message" if target == SECRETSMANAGER else "read_message"
    original = getattr(SecretsManagerVault, writer)

    def dies_on_the_fifth(self: SecretsManagerVault, *args: Any) -> Any:
        copies["n"] += 1
        if copies["n"] == 5:
            raise VaultError("the function timed out")
        return original(self, *args)

    monkeypatch.setattr(SecretsManagerVault, writer, dies_on_the_fifth)
    with pytest.raises(VaultError):
        Migration(target, page_size=2, grace_seconds=0).run()
    # meanwhile every credential stays readable where its record says it is
    for record in records:
        current = _current(record)
        assert read_credentials(secret_ref_of(current), current)["accessToken"].startswith("at-")
        assert "leaseOwner" not in current
    # When the migration runs again
    monkeypatch.setattr(SecretsManagerVault, writer, original)
    report = Migration(target, page_size=2, grace_seconds=0).run()
    # Then it resumed, and all of them are moved exactly once
    assert report.resumed is True
    assert report.moved == COUNT and report.busy == 0
    _assert_all_in(target, records)


def test_a_connection_being_refreshed_is_retried_after_the_pass(aws_env: LocalResources) -> None:
    from hub import clock

    # Given a connection whose refresh lease is held
    records = _seed(SECRETSMANAGER, 2)
    ConnectionRepository().update_connection("acme", "int_1", "user-0",
                                             {"leaseOwner": "job", "leaseExpiresAt": int(clock.now()) + 30})

    def lease_ends(seconds: float) -> None:
        clock.advance(60)  # the refresh finishes (its lease lapses) while the migration waits

    # When
    report = Migration(TABLE, grace_seconds=0, sleep=lease_ends).run()
    # Then it was moved on a later round
    assert report.moved == 2 and report.busy == 0
    _assert_all_in(TABLE, records)


def test_the_command_prints_a_json_report(aws_env: LocalResources, capsys: pytest.CaptureFixture[str]) -> None:
    _seed(SECRETSMANAGER, 2)
    assert main(["--to", "table", "--grace-seconds", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["source"] == "secretsmanager" and report["target"] == "table" and report["moved"] == 2


def test_a_real_connection_keeps_refreshing_across_both_migrations(sandbox_world: SandboxWorld,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from hub import clock
    from hub.connections.refresh import refresh_connection

    # Given a connection made while the deployment used Secrets Manager
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    for target in (TABLE, SECRETSMANAGER):
        # When the deployment switches and migrates
        _use_backend(monkeypatch, target)
        assert Migration(target, grace_seconds=0).run().moved == 1
        # Then the connection refreshes, with its tokens kept in the new backend
        clock.advance(61)  # past the forced-refresh interval
        outcome = refresh_connection("acme", integration_id, force=True, owner="job")
        assert outcome.status == "refreshed"
        record = ConnectionRepository().get_connection("acme", integration_id, raw=True)
        assert record is not None and record[BACKEND_FIELD] == target
        assert read_credentials(secret_ref_of(record), record)["refreshToken"]
