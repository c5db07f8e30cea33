"""The request pipeline every handler goes through: 401, 403, 400, 413, 429, envelope,
idempotent replay, audit — proven on a probe handler wired into the route table."""

from __future__ import annotations

import json

import pytest

from hub.audit import AuditRepository
from hub.settings import reset_settings
from tests.support import probe_handler
from tests.support.api import ApiClient


@pytest.fixture(autouse=True)
def _probes(probe_routes) -> None:
    """Given the probe handler wired into the route table."""


def assert_envelope(response, status: int, code: str) -> None:
    assert response.status == status, response.raw_body
    error = response.error
    assert error["code"] == code
    assert error["message"]
    assert "details" in error
    assert error["requestId"] and error["requestId"] == response.header("X-Request-Id")


def test_request_without_claims_is_401(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "first"}, claims=False)
    assert_envelope(response, 401, "UNAUTHORIZED")


def test_claims_without_tenant_are_401(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "first"}, claims={"sub": "alice", "roles": ["tenant_admin"]})
    assert_envelope(response, 401, "UNAUTHORIZED")


def test_wrong_role_is_403(api: ApiClient) -> None:
    # Given a plain user
    user = api.as_("user")
    # When they call an admin-only route
    response = user.post("/probes", {"name": "first"})
    # Then
    assert_envelope(response, 403, "PERMISSION_DENIED")
    assert probe_handler.CREATED == []


def test_bad_body_is_400_with_field_details_and_no_echo_of_input(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "x", "apiKey": "sk_live_do_not_echo_1234"})
    assert_envelope(response, 400, "VALIDATION_ERROR")
    assert [d["field"] for d in response.error["details"]] == ["name"]
    assert "sk_live_do_not_echo_1234" not in response.raw_body


def test_unknown_field_is_rejected(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "valid", "tenantId": "globex"})
    assert_envelope(response, 400, "VALIDATION_ERROR")
    assert response.error["details"][0]["field"] == "tenantId"
    assert response.error["details"][0]["type"] == "extra_forbidden"
    assert probe_handler.CREATED == []


def test_malformed_json_is_400(api: ApiClient) -> None:
    response = api.post("/probes", body="{not json", headers={"content-type": "application/json"})
    assert_envelope(response, 400, "VALIDATION_ERROR")


def test_unknown_query_parameter_is_rejected(api: ApiClient) -> None:
    response = api.get("/probes", query={"limit": "10", "drop": "table"})
    assert_envelope(response, 400, "VALIDATION_ERROR")
    assert response.error["details"][0]["field"] == "drop"


def test_limit_above_maximum_is_rejected(api: ApiClient) -> None:
    response = api.get("/probes", query={"limit": "101"})
    assert_envelope(response, 400, "VALIDATION_ERROR")


def test_body_over_256_kb_is_413(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "big", "apiKey": "x" * (256 * 1024)})
    assert_envelope(response, 413, "PAYLOAD_TOO_LARGE")


def test_rate_limit_answers_429_with_retry_after_and_headers(api: ApiClient, monkeypatch) -> None:
    # Given a limit of 3 requests a minute for the integration class
    monkeypatch.setenv("HUB_RATE_LIMITS", json.dumps({"integration": 3}))
    reset_settings()
    # When the tenant calls four times
    responses = [api.get("/probes") for _ in range(4)]
    # Then the first three pass with decreasing remaining counts, the fourth is refused
    assert [r.status for r in responses] == [200, 200, 200, 429]
    assert [r.header("X-RateLimit-Remaining") for r in responses] == ["2", "1", "0", "0"]
    assert all(r.header("X-RateLimit-Limit") == "3" for r in responses)
    assert all(r.header("X-RateLimit-Reset") for r in responses)
    assert_envelope(responses[3], 429, "RATE_LIMIT_EXCEEDED")
    assert responses[3].error["details"]["retryAfter"] >= 1
    assert responses[3].header("Retry-After")
    # And another tenant is not affected
    assert api.as_("tenant_admin", tenant="globex").get("/probes").status == 200


def test_a_busy_tenant_counts_hits_ahead_and_is_never_admitted_over_its_limit(api: ApiClient, monkeypatch) -> None:
    from hub.http import rate_limit
    from local.aws_calls import recording_aws_calls

    # Given a limit of 32 requests a minute (a warm function counts at most 4 hits per write)
    monkeypatch.setenv("HUB_RATE_LIMITS", json.dumps({"integration": 32}))
    reset_settings()
    # When the tenant calls 36 times within the window
    with recording_aws_calls() as calls:
        responses = [api.get("/probes") for _ in range(36)]
    # Then exactly 32 pass, with the remaining count going down one by one, and 4 are refused
    assert [r.status for r in responses] == [200] * 32 + [429] * 4
    assert [r.header("X-RateLimit-Remaining") for r in responses[:32]] == [str(n) for n in range(31, -1, -1)]
    # And the window was written 1 + 2 + 4 + 4 … times for the 32 admitted (10 writes), plus once
    # per refused request
    assert calls.counts()["dynamodb.UpdateItem"] == 10 + 4, calls.calls
    # And another warm function (no lease of its own) sees the hits this one counted
    rate_limit.forget_leases()
    assert api.get("/probes").status == 429


def test_idempotency_key_replays_the_first_response(api: ApiClient) -> None:
    headers = {"Idempotency-Key": "create-probe-1"}
    first = api.post("/probes", {"name": "once"}, headers=headers)
    second = api.post("/probes", {"name": "once"}, headers=headers)
    assert first.status == second.status == 201
    assert first.body == second.body
    assert second.header("Idempotent-Replayed") == "true"
    assert len(probe_handler.CREATED) == 1
    # the same key with another body is refused
    third = api.post("/probes", {"name": "other"}, headers=headers)
    assert_envelope(third, 422, "IDEMPOTENCY_KEY_REUSED")
    # another tenant's identical key is independent
    fourth = api.as_("tenant_admin", tenant="globex").post("/probes", {"name": "once"}, headers=headers)
    assert fourth.status == 201 and fourth.header("Idempotent-Replayed") is None
    assert len(probe_handler.CREATED) == 2


def test_another_admin_of_the_same_tenant_never_receives_the_first_callers_response(api: ApiClient) -> None:
    # Given alice created a probe with an Idempotency-Key
    headers = {"Idempotency-Key": "shared-key"}
    first = api.post("/probes", {"name": "once"}, headers=headers)
    assert first.status == 201
    # When bob, an admin of the same tenant, sends the same key and body
    second = api.as_("tenant_admin", user="bob").post("/probes", {"name": "once"}, headers=headers)
    # Then bob's request runs on its own: nothing of alice's response is replayed to him
    assert second.status == 201 and second.header("Idempotent-Replayed") is None
    assert len(probe_handler.CREATED) == 2


def test_the_same_key_on_another_route_or_path_runs_its_own_request(api: ApiClient) -> None:
    # Given alice created a probe with an Idempotency-Key
    headers = {"Idempotency-Key": "one-key"}
    assert api.post("/probes", {"name": "once"}, headers=headers).status == 201
    # When she sends the same key and body to another route, and to another path of that route
    other_route = api.post("/probes/blue", {"name": "once"}, headers=headers)
    other_path = api.post("/probes/red", {"name": "once"}, headers=headers)
    # Then each runs on its own: no replay of another route's answer, no "key reused" refusal
    for response in (other_route, other_path):
        assert response.status == 201 and response.header("Idempotent-Replayed") is None, response.raw_body
    assert [p.get("group") for p in probe_handler.CREATED] == [None, "blue", "red"]
    # and a retry on one of them replays that one's answer
    again = api.post("/probes/red", {"name": "once"}, headers=headers)
    assert again.header("Idempotent-Replayed") == "true" and again.body == other_path.body


def test_failed_create_is_not_replayed(api: ApiClient) -> None:
    headers = {"Idempotency-Key": "retry-me"}
    assert api.post("/probes", {"name": "x"}, headers=headers).status == 400
    # the client fixes the body and retries with the same key... but a new body is a new request
    assert api.post("/probes", {"name": "x"}, headers=headers).status == 400
    assert probe_handler.CREATED == []


def test_every_successful_mutation_is_audited_without_secrets(api: ApiClient) -> None:
    response = api.post("/probes", {"name": "audited", "apiKey": "sk_live_SECRET_VALUE_42"})
    assert response.status == 201
    records = AuditRepository().list_for_tenant("acme")
    assert len(records) == 1
    record = records[0]
    assert record["action"] == "probe.create"
    assert record["actor"]["userId"] == "alice"
    assert record["requestId"] == response.header("X-Request-Id")
    assert record["changes"][0]["targetId"] == response.body["id"]
    assert record["changes"][0]["diff"]["name"]["to"] == "audited"
    assert record["changes"][0]["diff"]["name"].get("from") is None
    assert "sk_live_SECRET_VALUE_42" not in json.dumps(record)
    # reads and failures are not audited
    api.get("/probes")
    api.post("/probes", {"name": "x"})
    assert len(AuditRepository().list_for_tenant("acme")) == 1


def test_list_is_paginated(api: ApiClient) -> None:
    for i in range(5):
        api.post("/probes", {"name": f"probe-{i}"})
    page = api.get("/probes", query={"limit": "2", "offset": "2"}).body
    assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == 2
    assert page["hasMore"] is True and page["nextOffset"] == 4
    assert len(page["items"]) == 2


def test_event_logging_switch_never_logs_bodies_with_secrets(api: ApiClient, monkeypatch, capsys) -> None:
    monkeypatch.setenv("POWERTOOLS_LOGGER_LOG_EVENT", "true")
    response = api.post("/probes", {"name": "logged", "apiKey": "sk_live_NEVER_IN_LOGS_77"})
    assert response.status == 201
    captured = capsys.readouterr()
    assert "sk_live_NEVER_IN_LOGS_77" not in captured.out + captured.err
