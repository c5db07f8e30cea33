"""Search across integrations and in one integration, against the sandbox provider on loopback:
grouping, paging, filters, failing and slow providers, user scoping, tenant isolation, bad
input, and that no credential ever shows in an answer."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hub.settings import get_settings
from local.sandbox import RunningSandbox
from tests.support.api import ApiResponse
from tests.support.connections import SandboxWorld, sandbox_world
from tests.support.search import (
    _clear_switches,
    admin,
    apikey_integration,
    assert_no_secret,
    oauth_integration,
    stored_secrets,
    switchable_sandbox_server,
    user,
    user_integration,
)

__all__ = ["_clear_switches", "sandbox_world"]

SEARCH = "/api/integrations/search"


@pytest.fixture(scope="module")
def sandbox_server() -> Iterator[RunningSandbox]:
    yield from switchable_sandbox_server()


@pytest.fixture
def two(sandbox_world: SandboxWorld) -> dict[str, str]:
    """Given acme's `sandbox` (OAuth) and `sandbox-apikey` integrations, both connected."""
    return {"oauth": oauth_integration(sandbox_world), "apikey": apikey_integration(sandbox_world)}


def search(world: SandboxWorld, body: dict[str, Any], **who: str) -> ApiResponse:
    return user(world, **who).post(SEARCH, body)


def test_a_search_runs_across_both_integrations_and_groups_the_results(sandbox_world: SandboxWorld,
                                                                      two: dict[str, str]) -> None:
    # When a user searches both integrations for "report", 4 per integration
    response = search(sandbox_world, {"query": "report", "limit": 4})
    # Then each integration answers its first four matches, grouped by integration and by entity
    assert response.status == 200, response.raw_body
    body = response.body
    assert body["errors"] == []
    assert set(body["byIntegration"]) == {two["oauth"], two["apikey"]}
    assert [len(items) for items in body["byIntegration"].values()] == [4, 4]
    assert len(body["results"]) == 8
    assert sum(len(items) for items in body["byEntity"].values()) == 8
    for entity, items in body["byEntity"].items():
        assert all(item["entity"] == entity for item in items)
    # And the sandbox has 10 "report" items each, so 20 in all and more to page through
    assert body["total"] == 20 and body["hasMore"] is True
    assert isinstance(body["took"], int) and body["took"] >= 0
    # And every result is a SearchResultItem mapped from the sandbox record
    first = body["byIntegration"][two["apikey"]][0]
    assert first == {
        "id": "item-001", "integrationId": two["apikey"], "providerId": "sandbox-apikey", "entity": "document",
        "title": "Quarterly Report", "updatedAt": "2026-01-01T00:00:00.000Z",
        "raw": {"id": "item-001", "title": "Quarterly Report", "type": "document",
                "updatedAt": "2026-01-01T00:00:00Z"},
    }
    assert all("report" in item["title"].lower() for item in body["results"])


def test_a_warm_search_makes_one_aws_call_per_integration_beside_a_fixed_few(sandbox_world: SandboxWorld,
                                                                              two: dict[str, str]) -> None:
    from local.aws_calls import recording_aws_calls

    # Given a search this (warm) function has already run once
    assert search(sandbox_world, {"query": "report"}).status == 200
    # When the user searches both integrations again
    with recording_aws_calls() as calls:
        response = search(sandbox_world, {"query": "report"})
    assert response.status == 200 and set(response.body["byIntegration"]) == set(two.values())
    # Then: the rate limit, the tenant's integrations, both connections in one read, one quota
    # budget per integration, and the audit line; the providers come from the warm cache
    assert sorted(calls.calls) == ["dynamodb.BatchGetItem", "dynamodb.PutItem", "dynamodb.Query",
                                   "dynamodb.UpdateItem", "dynamodb.UpdateItem", "dynamodb.UpdateItem"], calls.calls


def test_a_busy_search_makes_the_same_aws_calls_over_one_integration_as_over_two(sandbox_world: SandboxWorld,
                                                                                   two: dict[str, str]) -> None:
    from local.aws_calls import recording_aws_calls

    # Given globex with one connected integration and acme with two, each allowed 100 provider
    # calls a second and searched four times by this (warm) function: its budget leases and
    # rate-limit hits are then held in memory
    quota = {"providerQuota": {"requests": 6000, "perSeconds": 60}}
    single = apikey_integration(sandbox_world, tenant="globex")
    assert admin(sandbox_world, "globex").patch(f"/api/tenant/integrations/{single}", quota).status == 200
    for integration_id in two.values():
        assert admin(sandbox_world).patch(f"/api/tenant/integrations/{integration_id}", quota).status == 200
    for tenant in ("globex", "acme"):
        for _ in range(4):
            assert search(sandbox_world, {"query": "report"}, tenant=tenant).status == 200
    # When each tenant searches once more
    made: dict[str, list[str]] = {}
    for tenant in ("globex", "acme"):
        with recording_aws_calls() as calls:
            response = search(sandbox_world, {"query": "report"}, tenant=tenant)
        assert response.status == 200 and not response.body["errors"], response.raw_body
        made[tenant] = sorted(calls.calls)
    # Then both make the same two calls: the tenant's integrations and the audit line (the
    # connections and their budgets come from the leases, the rate-limit hit from memory)
    assert made["globex"] == made["acme"] == ["dynamodb.PutItem", "dynamodb.Query"], made


def test_a_global_search_spends_the_integrations_own_quota(sandbox_world: SandboxWorld,
                                                           two: dict[str, str]) -> None:
    # Given the apikey integration allowed one provider call an hour (its `providerQuota`, which
    # the search's list of integrations must carry: hub/integrations/repository.py)
    quota = {"providerQuota": {"requests": 1, "perSeconds": 3600}}
    assert admin(sandbox_world).patch(f"/api/tenant/integrations/{two['apikey']}", quota).status == 200
    assert search(sandbox_world, {"query": "report"}).body["errors"] == []
    # When the user searches again
    body = search(sandbox_world, {"query": "report"}).body
    # Then that integration is over its budget and the other still answers
    assert [(e["integrationId"], e["code"]) for e in body["errors"]] == [(two["apikey"], "PROVIDER_RATE_LIMITED")]
    assert list(body["byIntegration"]) == [two["oauth"]]


def test_paging_is_per_integration(sandbox_world: SandboxWorld, two: dict[str, str]) -> None:
    # When the user asks for the third page of four ("report" has 10 matches per integration)
    body = search(sandbox_world, {"query": "report", "limit": 4, "offset": 8}).body
    # Then each integration answers its last two, and there is nothing more
    assert [len(items) for items in body["byIntegration"].values()] == [2, 2]
    assert body["hasMore"] is False
    ids = [item["id"] for item in body["byIntegration"][two["oauth"]]]
    assert ids == ["item-009", "item-010"]
    # And the page before it says there is more
    assert search(sandbox_world, {"query": "report", "limit": 4, "offset": 4}).body["hasMore"] is True


def test_entities_dates_and_custom_filters_narrow_the_results(sandbox_world: SandboxWorld,
                                                             two: dict[str, str]) -> None:
    # "report" matches items 1-10, whose types cycle document, note, task, contact, event
    documents = search(sandbox_world, {"query": "report", "entities": ["document"], "limit": 50}).body
    assert {item["id"] for item in documents["results"]} == {"item-001", "item-006"}
    assert set(documents["byEntity"]) == {"document"} and documents["total"] == 4
    # an entity filter on the template's collection keeps everything
    everything = search(sandbox_world, {"query": "report", "entities": ["items"], "limit": 50}).body
    assert len(everything["results"]) == 20
    # entityTypes in filters works like entities
    tasks = search(sandbox_world, {"query": "report", "filters": {"entityTypes": ["TASK"]}, "limit": 50}).body
    assert {item["id"] for item in tasks["results"]} == {"item-003", "item-008"}
    # item n was updated n-1 days (and hours) after 2026-01-01
    recent = search(sandbox_world, {"query": "report", "limit": 50, "integrations": [two["oauth"]],
                                    "filters": {"dateRange": {"start": "2026-01-05T00:00:00Z",
                                                              "end": "2026-01-08"}}}).body
    assert [item["id"] for item in recent["results"]] == ["item-005", "item-006", "item-007"]
    custom = search(sandbox_world, {"query": "report", "limit": 50, "integrations": [two["apikey"]],
                                    "filters": {"customFilters": {"type": "contact"}}}).body
    assert [item["id"] for item in custom["results"]] == ["item-004", "item-009"]


def test_a_failing_provider_lands_in_errors_while_the_other_answers(sandbox_world: SandboxWorld,
                                                                   two: dict[str, str]) -> None:
    # Given the provider answers 500 to the API-key connection only
    sandbox_world.provider.api_key_status = 500
    response = search(sandbox_world, {"query": "roadmap"})
    # Then the search answers with the OAuth integration's results and one error
    assert response.status == 200
    body = response.body
    assert set(body["byIntegration"]) == {two["oauth"]} and len(body["results"]) == 10
    assert body["errors"] == [{"integrationId": two["apikey"], "providerId": "sandbox-apikey",
                               "code": "CONNECTION_FAILED", "message": "The provider answered with status 500",
                               "details": {"statusCode": 500}}]


def test_when_every_provider_fails_the_search_still_answers(sandbox_world: SandboxWorld,
                                                           two: dict[str, str]) -> None:
    # Given the sandbox answers 500 to every API call
    sandbox_world.provider.configure(api_status=500)
    response = search(sandbox_world, {"query": "roadmap"})
    # Then the search is a 200 with no results and both integrations in errors
    assert response.status == 200
    assert response.body["results"] == [] and response.body["total"] == 0
    assert sorted(e["integrationId"] for e in response.body["errors"]) == sorted(two.values())
    assert {e["details"]["statusCode"] for e in response.body["errors"]} == {500}


def test_a_slow_provider_times_out_without_holding_the_search(sandbox_world: SandboxWorld, two: dict[str, str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from hub import clock
    from hub.search import service

    # Given one provider that hangs (until the test is over) and the search's deadline on the
    # hub's frozen clock: the provider call's own real-time timeout follows that clock
    # (hub.clock.io_timeout), so only moving the clock can make the call late, however slow
    # the machine is
    limit = get_settings().search_timeout_seconds
    clock_moved: list[bool] = []
    hold = sandbox_world.provider.api_key_hold = threading.Event()
    real_wait = service.wait

    def time_passes_while_only_the_hung_one_is_left(pending: Any, **options: Any) -> Any:
        # the hub's clock is frozen: move it past the limit once the other provider has answered
        # and the hung one's call is in flight (held by the provider), however long that took on
        # this machine (a call not yet sent when the clock moves would find no time left)
        if len(pending) == 1 and sandbox_world.provider.api_key_held.wait(30) and not clock_moved:
            clock_moved.append(True)
            clock.advance(limit + 1)
        return real_wait(pending, **options)

    monkeypatch.setattr(service, "wait", time_passes_while_only_the_hung_one_is_left)
    # When the tenant searches both
    response = search(sandbox_world, {"query": "roadmap"})
    # Then the search answered while the hung provider was still hanging: its results, and the late one reported
    body = response.body
    assert response.status == 200 and not hold.is_set()
    assert set(body["byIntegration"]) == {two["oauth"]}
    assert [(e["integrationId"], e["code"]) for e in body["errors"]] == [(two["apikey"], "SEARCH_TIMEOUT")]


def test_a_user_scoped_integration_is_searched_through_the_callers_own_connection(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.search import calls as service

    # Given a user-scoped integration that bob connected and carol did not
    integration_id = user_integration(sandbox_world, "bob")
    used: list[Any] = []
    real = service.provider_request

    def spy(record: Any, *args: Any, **kwargs: Any) -> Any:
        used.append(record.get("userId"))
        return real(record, *args, **kwargs)

    monkeypatch.setattr(service, "provider_request", spy)
    # When bob searches, his own connection is used
    bob = search(sandbox_world, {"query": "roadmap"}, name="bob").body
    assert set(bob["byIntegration"]) == {integration_id} and used == ["bob"]
    # When carol searches, the integration is left out (not an error), and nobody's connection is used
    carol = search(sandbox_world, {"query": "roadmap"}, name="carol").body
    assert carol["results"] == [] and carol["errors"] == [] and used == ["bob"]
    # And naming it, or searching it alone, says she has not connected it
    named = search(sandbox_world, {"query": "roadmap", "integrations": [integration_id]}, name="carol").body
    assert [e["code"] for e in named["errors"]] == ["CONNECTION_NOT_FOUND"]
    alone = user(sandbox_world, "carol").get(f"/api/integrations/{integration_id}/search",
                                             query={"query": "roadmap"})
    assert alone.status == 404 and alone.error["code"] == "CONNECTION_NOT_FOUND"
    # And a tenant admin without a connection of their own does not search through bob's either
    assert admin(sandbox_world).post(SEARCH, {"query": "roadmap"}).body["results"] == []
    assert used == ["bob"]


def test_another_tenants_integrations_cannot_be_searched(sandbox_world: SandboxWorld, two: dict[str, str]) -> None:
    globex = user(sandbox_world, "gina", tenant="globex")
    # Given tenant globex has no integrations: its search sees none of acme's
    everything = globex.post(SEARCH, {"query": "report"}).body
    assert everything["results"] == [] and everything["errors"] == [] and everything["byIntegration"] == {}
    # Naming acme's integrations finds nothing
    named = globex.post(SEARCH, {"query": "report", "integrations": list(two.values())}).body
    assert named["results"] == []
    assert sorted((e["integrationId"], e["code"]) for e in named["errors"]) == sorted(
        (i, "INTEGRATION_NOT_FOUND") for i in two.values())
    # And searching one of them alone is a 404
    for integration_id in two.values():
        response = globex.get(f"/api/integrations/{integration_id}/search", query={"query": "report"})
        assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"


def test_searching_one_integration(sandbox_world: SandboxWorld, two: dict[str, str]) -> None:
    path = f"/api/integrations/{two['oauth']}/search"
    response = user(sandbox_world).get(path, query={"query": "roadmap", "limit": "3", "entities": "note,task"})
    assert response.status == 200, response.raw_body
    body = response.body
    assert body["integrationId"] == two["oauth"]
    assert [item["entity"] for item in body["results"]] == ["note", "task", "note"]
    assert body["hasMore"] is True and body["total"] == 4
    assert set(body) == {"integrationId", "results", "total", "took", "hasMore"}
    # the search rate class (30/min by default) is on the answer
    assert response.header("X-RateLimit-Limit") == "30"
    # A provider failure is this request's failure
    sandbox_world.provider.configure(api_status=503)
    failed = user(sandbox_world).get(path, query={"query": "roadmap"})
    assert failed.status == 502 and failed.error["code"] == "CONNECTION_FAILED"
    assert failed.error["details"] == {"statusCode": 503}


def test_disabled_integrations_and_search_turned_off_are_left_out(sandbox_world: SandboxWorld,
                                                                 two: dict[str, str]) -> None:
    tenant_admin = admin(sandbox_world)
    # Given search is turned off for one integration and the other is deactivated
    turned_off = tenant_admin.patch(f"/api/tenant/integrations/{two['oauth']}",
                                    {"name": "sandbox integration", "searchEnabled": False})
    assert turned_off.status == 200, turned_off.raw_body
    assert tenant_admin.post(f"/api/tenant/integrations/{two['apikey']}/deactivate").status == 200
    # Then a search finds nothing and reports nothing
    assert search(sandbox_world, {"query": "report"}).body == {
        "results": [], "total": 0, "took": pytest.approx(0, abs=5000), "hasMore": False, "byIntegration": {},
        "byEntity": {}, "errors": []}
    # But naming them says why
    named = search(sandbox_world, {"query": "report", "integrations": [two["oauth"], two["apikey"]]}).body
    assert [e["code"] for e in named["errors"]] == ["SEARCH_DISABLED", "INTEGRATION_DISABLED"]
    alone = user(sandbox_world).get(f"/api/integrations/{two['apikey']}/search", query={"query": "report"})
    assert alone.status == 409 and alone.error["code"] == "INTEGRATION_DISABLED"


@pytest.mark.parametrize("body", [
    {"query": ""},
    {"query": "   "},
    {"query": "x" * 501},
    {"query": "a", "limit": 51},
    {"query": "a", "limit": 0},
    {"query": "a", "offset": -1},
    {"query": "a", "userId": "carol"},
    {"query": "a", "tenantId": "globex"},
    {"query": "a", "integrations": []},
    {"query": "a", "integrations": ["../x"]},
    {"query": "a", "filters": {"dateRange": {"start": "2026-02-01", "end": "2026-01-01"}}},
    {"query": "a", "filters": {"customFilters": {"type": {"$ne": 1}}}},
    {"query": "a", "filters": {"other": 1}},
    {},
])
def test_bad_search_bodies_are_refused(sandbox_world: SandboxWorld, body: dict[str, Any]) -> None:
    response = search(sandbox_world, body)
    assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize("query", [
    {}, {"query": ""}, {"query": "a", "limit": "100"}, {"query": "a", "userId": "carol"},
    {"query": "a", "entities": "bad entity"},
])
def test_bad_search_query_strings_are_refused(sandbox_world: SandboxWorld, query: dict[str, str]) -> None:
    # the query string is checked before anything is looked up
    response = user(sandbox_world).get("/api/integrations/int_any/search", query=query)
    assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR"


def test_no_credential_appears_in_any_search_answer(sandbox_world: SandboxWorld, two: dict[str, str]) -> None:
    responses = [
        search(sandbox_world, {"query": "report", "limit": 50}),
        user(sandbox_world).get(f"/api/integrations/{two['apikey']}/search", query={"query": "a"}),
    ]
    sandbox_world.provider.api_key_status = 401
    responses.append(search(sandbox_world, {"query": "report"}))
    responses.append(user(sandbox_world).get(f"/api/integrations/{two['apikey']}/search", query={"query": "a"}))
    assert responses[-1].status == 502
    assert_no_secret(responses, stored_secrets())


@pytest.mark.parametrize(("answer", "code", "message"), [
    (httpx.ConnectTimeout("timed out calling http://127.0.0.1/api/items?key=sbx_test_key_valid_0001"),
     "PROVIDER_TIMEOUT", "The provider did not answer in time"),
    (httpx.ConnectError("refused: http://127.0.0.1/api/items?key=sbx_test_key_valid_0001"),
     "CONNECTION_FAILED", "The provider could not be reached"),
    (httpx.Response(200, text="<html>not json</html>"), "CONNECTION_FAILED", "The provider's answer is not JSON"),
    (httpx.Response(200, json={"results": []}), "CONNECTION_FAILED",
     "The provider's answer has no list of records where the template expects one"),
    (httpx.Response(429, headers={"Retry-After": "7"}, json={}), "PROVIDER_RATE_LIMITED",
     "The provider is rate limiting this connection"),
])
def test_network_failures_and_odd_answers_become_clean_errors(sandbox_world: SandboxWorld,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              answer: Any, code: str, message: str) -> None:
    from hub.proxy import core, retry

    integration_id = apikey_integration(sandbox_world)

    def provider(*_args: Any, **_kwargs: Any) -> httpx.Response:
        if isinstance(answer, Exception):
            raise answer
        return answer  # type: ignore[no-any-return]

    # the network itself fails or answers oddly, under the one provider-call core (its retries
    # wait on nothing here)
    monkeypatch.setattr(core, "safe_request", provider)
    monkeypatch.setattr(retry, "_sleeper", lambda _seconds: None)
    body = search(sandbox_world, {"query": "a"}).body
    assert [(e["code"], e["message"]) for e in body["errors"]] == [(code, message)]
    assert "sbx_test_key" not in json.dumps(body)
    alone = user(sandbox_world).get(f"/api/integrations/{integration_id}/search", query={"query": "a"})
    assert alone.status == 502 and alone.error["code"] == code and "sbx_test_key" not in alone.raw_body
