"""purge_expired_states: OAuth states past their ttl are found through the due index and removed."""

from __future__ import annotations

from typing import Any

from hub import clock
from hub.connections.state_repository import state_due_keys
from hub.repository import Repository
from hub.settings import get_settings
from local.apigw import LambdaContext
from tests.support.jobs import dynamodb_operations, emitted_metrics


def put_state(tenant: str, state_hash: str, expires_at: float, *, ttl: float | None = None) -> None:
    item: dict[str, Any] = {"pk": f"TENANT#{tenant}", "sk": f"OAUTHSTATE#{state_hash}", "entity": "oauth-state",
                            "integrationId": "int_1", "ttl": int(ttl if ttl is not None else expires_at),
                            **state_due_keys(tenant, state_hash, expires_at)}
    Repository().put(item)


def exists(tenant: str, state_hash: str) -> bool:
    return Repository().get(f"TENANT#{tenant}", f"OAUTHSTATE#{state_hash}") is not None


def test_expired_states_are_removed_and_counted_without_a_scan(aws_env, capsys) -> None:
    # Given two expired states of two tenants, one still valid, and one that expired in the
    # index but was given a longer life since (its ttl moved on)
    now = clock.now()
    put_state("acme", "a1", now - 120)
    put_state("globex", "g1", now - 5)
    put_state("acme", "fresh", now + 600)
    put_state("acme", "extended", now - 60, ttl=now + 600)
    # When the scheduled purge runs
    from functions.jobs.purge_expired_states import handler

    with dynamodb_operations() as operations:
        result = handler({"source": "aws.events"}, LambdaContext("purge-expired-states"))
    # Then exactly the two expired states are gone, counted in the result and the metric
    assert result == {"expired": 3, "removed": 2}
    assert not exists("acme", "a1") and not exists("globex", "g1")
    assert exists("acme", "fresh") and exists("acme", "extended")
    assert emitted_metrics(capsys.readouterr().out)["ExpiredStatesPurged"] == 2
    assert "Scan" not in operations and operations["Query"] >= 8


def test_nothing_due_removes_nothing(aws_env) -> None:
    put_state("acme", "fresh", clock.now() + 600)
    from functions.jobs.purge_expired_states import handler

    assert handler({}, LambdaContext("purge-expired-states")) == {"expired": 0, "removed": 0}
    assert exists("acme", "fresh")


def test_a_real_oauth_state_is_in_the_due_index_and_purged_once_expired(aws_env) -> None:
    # Given a state created by the OAuth code, as a connect flow does
    from hub.connections.state import OAuthStateStore

    _state, item = OAuthStateStore().create("acme", {"integrationId": "int_1"}, verifier=None)
    assert item["gsi2pk"].startswith("DUE#state#")
    from functions.jobs.purge_expired_states import handler

    # When the purge runs before expiry, nothing goes; after expiry (TTL not run yet), it goes
    assert handler({}, LambdaContext("purge-expired-states"))["removed"] == 0
    clock.advance(get_settings().oauth_state_ttl_seconds + 1)
    assert handler({}, LambdaContext("purge-expired-states"))["removed"] == 1
    assert Repository().get(item["pk"], item["sk"]) is None


def test_a_consumed_state_hands_back_its_binding_without_index_keys(aws_env) -> None:
    from hub.connections.state import OAuthStateStore

    store = OAuthStateStore()
    state, _ = store.create("acme", {"integrationId": "int_1"}, verifier=None)
    binding = store.consume(state)
    assert binding["integrationId"] == "int_1" and "gsi2pk" not in binding and "gsi2sk" not in binding
