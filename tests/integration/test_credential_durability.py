"""No credential is lost on a single fault. Once the provider has issued tokens (a connect, a
reconnect, a refresh), a failing vault write, a failing table write, a failing event publish or
the function dying between two steps leaves the new grant either stored or pending in the
connection record, and the connection still refreshes afterwards.

The provider is the sandbox, which rotates refresh tokens and treats the reuse of a rotated one
as theft (the whole grant is revoked): a refresh that used the vault's old token after a lost
write would end the connection, so "still refreshes" proves nothing was lost. Faults are
injected through seams: a vault wrapper, a repository method wrapper, the lifecycle hooks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hub import clock
from hub.connections import lifecycle
from hub.connections.connect import store_tokens
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.connections.spec import provider_spec_for
from hub.connections.state import OAuthStateStore
from hub.connections.tokens import TokenSet, exchange_code
from hub.connections.use import run_verification
from hub.errors import VaultError
from hub.integrations.service import get_integration
from hub.settings import get_settings
from hub.vault import (
    MESSAGE_FIELD,
    PURPOSE_PENDING_GRANT,
    CredentialVault,
    SecretRef,
    encrypt_field,
    get_vault,
    set_vault,
)
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


class Crash(BaseException):
    """The function dies here: nothing after this point runs (not even `except Exception`)."""


class FaultyVault:
    """The real vault, except that the next `times` calls of `method` fail (before writing, or
    after writing with `after=True`, like a function that dies once the vault answered)."""

    def __init__(self, real: CredentialVault, method: str, *, times: int = 1, error: BaseException | None = None,
                 after: bool = False) -> None:
        self.real, self.method, self.left, self.after = real, method, times, after
        self.error = error or VaultError("throttled (injected)")
        self.calls: list[str] = []

    def _call(self, name: str, *args: Any, real_name: str | None = None) -> Any:
        self.calls.append(name)
        failing = name == self.method and self.left > 0
        if failing:
            self.left -= 1
            if not self.after:
                raise self.error
        result = getattr(self.real, real_name or name)(*args)
        if failing:
            raise self.error
        return result

    @property
    def name(self) -> str:  # it stands for the backend it wraps
        return str(self.real.name)

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        return str(self._call("store", ref, payload))

    def read(self, ref: SecretRef) -> dict[str, Any]:
        return dict(self._call("read", ref))

    def replace(self, ref: SecretRef, payload: dict[str, Any]) -> None:
        self._call("replace", ref, payload)

    def delete(self, ref: SecretRef) -> None:
        self._call("delete", ref)

    def exists(self, ref: SecretRef) -> bool:
        return bool(self._call("exists", ref))

    # the grant writes store the message they sealed once (hub.connections.store.write_vault):
    # a fault injected into `store` / `replace` hits those writes too
    def store_message(self, ref: SecretRef, message: str) -> str:
        return str(self._call("store", ref, message, real_name="store_message"))

    def replace_message(self, ref: SecretRef, message: str) -> None:
        self._call("replace", ref, message, real_name="replace_message")

    def read_message(self, ref: SecretRef) -> str:
        return str(self._call("read", ref, real_name="read_message"))


@pytest.fixture
def faulty_vault() -> Iterator[Callable[..., FaultyVault]]:
    real = get_vault()

    def install(method: str, **kwargs: Any) -> FaultyVault:
        vault = FaultyVault(real, method, **kwargs)
        set_vault(vault)
        return vault

    yield install
    set_vault(real)


def _fail_once(monkeypatch: pytest.MonkeyPatch, method: str, when: Callable[..., bool] = lambda *a, **k: True
               ) -> list[int]:
    """The next table write through ConnectionRepository.`method` for which `when(*args)` holds
    fails (a throttled or failed write)."""
    original = getattr(ConnectionRepository, method)
    failures = [1]

    def flaky(self: ConnectionRepository, *args: Any, **kwargs: Any) -> Any:
        if failures[0] and when(*args, **kwargs):
            failures[0] -= 1
            raise RuntimeError("ProvisionedThroughputExceededException (injected)")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ConnectionRepository, method, flaky)
    return failures


def _record(integration_id: str) -> dict[str, Any]:
    record = ConnectionRepository().get_connection("acme", integration_id)
    assert record is not None
    return dict(record)


def _vault_refresh_token(integration_id: str) -> str:
    return str(get_vault().read(secret_ref_of(_record(integration_id)))["refreshToken"])


def _connected(world: SandboxWorld) -> str:
    integration_id = world.create_integration()
    world.connect(integration_id)
    return integration_id


def _still_refreshes(world: SandboxWorld, integration_id: str, times: int = 2) -> None:
    """The connection refreshes (twice: the second proves the stored refresh token is the live
    one), the vault ends up holding the grant, and the provider never saw a token reused."""
    clock.advance(get_settings().refresh_lease_seconds + 1)  # any lease of a dead function is over
    for _ in range(times):
        outcome = refresh_connection("acme", integration_id, force=True, owner="after-the-fault")
        assert outcome.status == "refreshed", outcome
    record = _record(integration_id)
    assert "pendingWrite" not in record and record["status"] == "active"
    # and the message the record carries (the refresh opens it) is the one the vault holds
    assert record[MESSAGE_FIELD] == get_vault().read_message(secret_ref_of(record))
    assert run_verification(record)["success"] is True
    assert world.provider.stats()["family_revocations"] == 0


def test_a_failed_vault_write_after_a_rotation_keeps_the_new_grant_pending(
        sandbox_world: SandboxWorld, faulty_vault: Callable[..., FaultyVault]) -> None:
    # Given a connection to a provider that rotates refresh tokens
    integration_id = _connected(sandbox_world)
    old_refresh = _vault_refresh_token(integration_id)
    # When the vault write fails after the provider answered the refresh (throttling, quota, KMS)
    faulty_vault("replace")
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then the refresh still counts: the new grant is sealed in the record, not lost
    assert outcome.status == "refreshed"
    record = _record(integration_id)
    assert record["pendingWrite"] and old_refresh not in str(record)
    # And a reader gets the new grant, and writes it to the vault on the way
    assert run_verification(record)["success"] is True
    assert _vault_refresh_token(integration_id) != old_refresh
    assert "pendingWrite" not in _record(integration_id)
    _still_refreshes(sandbox_world, integration_id)


def test_a_vault_that_stays_down_is_bridged_by_the_pending_grant(
        sandbox_world: SandboxWorld, faulty_vault: Callable[..., FaultyVault]) -> None:
    # Given a connection whose vault writes keep failing for two refreshes
    integration_id = _connected(sandbox_world)
    faulty_vault("replace", times=3)
    # When it is refreshed twice meanwhile, each refresh rotating the token again
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"
    clock.advance(get_settings().refresh_lease_seconds + 1)
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"
    # Then the second refresh used the pending (newest) refresh token, not the vault's spent one
    assert _record(integration_id)["pendingWrite"]
    _still_refreshes(sandbox_world, integration_id)


def test_a_pending_grant_in_the_legacy_format_is_reconciled_and_the_records_message_follows(
        sandbox_world: SandboxWorld) -> None:
    # Given a connection whose live grant sits in a pending write of the older format (a message
    # of its own, purpose pending-grant), while its secret and the record's message hold the
    # grant before it, whose refresh token the provider has already rotated away
    integration_id = _connected(sandbox_world)
    ref = secret_ref_of(_record(integration_id))
    spent = get_vault().read_message(ref)
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"
    live = get_vault().read(ref)
    context = {**ref.encryption_context(), "purpose": PURPOSE_PENDING_GRANT}
    legacy = encrypt_field(json.dumps({"payload": live, "fields": {}}), context)
    get_vault().replace_message(ref, spent)
    ConnectionRepository().update_connection("acme", integration_id, None,
                                             {"pendingWrite": legacy, MESSAGE_FIELD: spent})
    # When it is refreshed (and refreshed again from what that left in the record)
    clock.advance(get_settings().refresh_lease_seconds + 1)
    assert refresh_connection("acme", integration_id, force=True, owner="job").status == "refreshed"
    # Then the live grant was used, written, and the record's message is the vault's again
    _still_refreshes(sandbox_world, integration_id)


@pytest.mark.parametrize("write", ["pendingWrite", "lastRefreshedAt"], ids=["the-claim", "the-record-write"])
def test_a_failed_table_write_during_a_refresh_loses_nothing(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch, write: str) -> None:
    # Given a connection, and the refresh's claim (which carries the new grant) or its final
    # record write failing once
    integration_id = _connected(sandbox_world)
    _fail_once(monkeypatch, "_update", lambda record, fields, **_: write in fields)
    # When the refresh runs
    outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then the write is tried again and the refresh stands
    assert outcome.status == "refreshed"
    _still_refreshes(sandbox_world, integration_id)


def test_a_record_write_that_keeps_failing_leaves_the_grant_in_the_vault_and_pending(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the record write after the vault write fails every time during one refresh
    integration_id = _connected(sandbox_world)
    original = ConnectionRepository.update_if_leased

    def down(self: ConnectionRepository, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("InternalServerError (injected)")

    monkeypatch.setattr(ConnectionRepository, "update_if_leased", down)
    with pytest.raises(RuntimeError):
        refresh_connection("acme", integration_id, force=True, owner="job")
    monkeypatch.setattr(ConnectionRepository, "update_if_leased", original)
    # Then the next refresh reconciles the pending grant first and refreshes with it
    assert _record(integration_id)["pendingWrite"]
    _still_refreshes(sandbox_world, integration_id)


def test_a_failed_event_publish_does_not_undo_a_refresh(sandbox_world: SandboxWorld) -> None:
    # Given a connection, and an event bus that fails
    integration_id = _connected(sandbox_world)

    class BusDown(lifecycle.StoredHooks):
        def event(self, event_type: str, record: Any, fields: dict[str, Any]) -> None:
            raise RuntimeError("EventBridge unavailable (injected)")

    # When the refresh publishes `integration.refreshed`
    with lifecycle.use_hooks(BusDown()):
        outcome = refresh_connection("acme", integration_id, force=True, owner="job")
    # Then the refresh is stored all the same
    assert outcome.status == "refreshed"
    _still_refreshes(sandbox_world, integration_id)


@pytest.mark.parametrize("after", [False, True], ids=["before-the-vault-write", "after-the-vault-write"])
def test_a_function_that_dies_during_a_refresh_loses_nothing(
        sandbox_world: SandboxWorld, faulty_vault: Callable[..., FaultyVault], after: bool) -> None:
    # Given a connection, and a function that dies just before (or just after) its vault write
    integration_id = _connected(sandbox_world)
    faulty_vault("replace", error=Crash(), after=after)
    # When the refresh dies there
    with pytest.raises(Crash):
        refresh_connection("acme", integration_id, force=True, owner="doomed")
    # Then the grant the provider issued is in the record, and the next refresh carries on with it
    assert _record(integration_id)["pendingWrite"]
    _still_refreshes(sandbox_world, integration_id)


def _fresh_grant(world: SandboxWorld, integration_id: str) -> TokenSet:
    """Tokens of a new authorization at the sandbox, not stored anywhere yet."""
    started = world.start(integration_id)
    answer = world.authorize(world.provider_url(started))
    binding = OAuthStateStore().consume(answer["state"])
    spec = provider_spec_for(get_integration("acme", integration_id))
    return exchange_code(spec, answer["code"], str(binding["redirectUri"]), binding.get("verifier"), spec.config)


def _store(integration_id: str, grant: TokenSet) -> dict[str, Any]:
    integration = get_integration("acme", integration_id)
    return dict(store_tokens(integration, provider_spec_for(integration), grant, user_id=None, actor="alice"))


@pytest.mark.parametrize("method", ["store", "replace"])
def test_a_connect_whose_vault_write_fails_is_still_connected(
        sandbox_world: SandboxWorld, faulty_vault: Callable[..., FaultyVault], method: str) -> None:
    # Given a first connect (store) or a reconnect (replace) whose vault write fails
    integration_id = sandbox_world.create_integration()
    if method == "replace":
        sandbox_world.connect(integration_id)
    grant = _fresh_grant(sandbox_world, integration_id)
    faulty_vault(method, times=3)
    # When the tokens of the finished authorization are stored
    saved = _store(integration_id, grant)
    # Then the connection is active on the new grant, which waits in the record
    assert saved["status"] == "active" and saved["pendingWrite"]
    # And it refreshes with the new grant's refresh token
    _still_refreshes(sandbox_world, integration_id)
    assert grant.refresh_token not in str(_record(integration_id))


def test_a_connect_that_dies_before_the_vault_write_is_still_connected(
        sandbox_world: SandboxWorld, faulty_vault: Callable[..., FaultyVault]) -> None:
    # Given a first connect whose function dies right after the record was written
    integration_id = sandbox_world.create_integration()
    grant = _fresh_grant(sandbox_world, integration_id)
    faulty_vault("replace", error=Crash())
    with pytest.raises(Crash):
        _store(integration_id, grant)
    # Then the record holds the grant and the connection refreshes with it
    assert _record(integration_id)["pendingWrite"]
    _still_refreshes(sandbox_world, integration_id)


def test_a_connect_whose_record_write_fails_once_is_still_connected(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a first connect whose record write fails once
    integration_id = sandbox_world.create_integration()
    grant = _fresh_grant(sandbox_world, integration_id)
    _fail_once(monkeypatch, "_put")
    # When the tokens are stored
    saved = _store(integration_id, grant)
    # Then the write is tried again, and the connection refreshes
    assert saved["status"] == "active"
    _still_refreshes(sandbox_world, integration_id)
