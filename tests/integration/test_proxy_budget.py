"""The proxy's other half: AWS connections signed with SigV4 (checked by botocore's own signer on
a loopback endpoint), the per-connection quota budget every caller shares, who may call through
which connection, what each call leaves behind, and how many AWS calls a warm call makes."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from hub import clock
from hub.settings import reset_settings
from local.aws_calls import recording_aws_calls
from tests.support.capture import CaptureProvider, Waits, capture, sigv4_check
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.search import user_integration

__all__ = ["capture", "sandbox_server", "sandbox_world"]

ROLE_ARN = "arn:aws:iam::111122223333:role/IntegrationHubAccess"
ACCESS_KEY = {"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}


def proxy(integration_id: str, path: str, *, user: bool = False) -> str:
    return f"/api/{'user' if user else 'tenant'}/integrations/{integration_id}/proxy/{path}"


def aws_integration(world: SandboxWorld, template: str) -> str:
    admin = world.api.as_("super_admin", tenant="platform", user="root")
    assert admin.post("/api/admin/integrations", {"provider": template, "templateId": template}).status == 201
    return world.create_integration(template)


@pytest.fixture
def aws_endpoint(capture: CaptureProvider, monkeypatch: pytest.MonkeyPatch) -> CaptureProvider:
    """AWS's regional endpoints, played by a loopback provider."""
    monkeypatch.setenv("HUB_PROXY_AWS_ENDPOINT", capture.base_url)
    reset_settings()
    return capture


# ---- SigV4 -------------------------------------------------------------------------------------


def test_an_aws_access_key_connection_signs_for_the_service_and_region_the_caller_names(
        sandbox_world: SandboxWorld, aws_endpoint: CaptureProvider) -> None:
    # Given a tenant's AWS connection by access key
    integration_id = aws_integration(sandbox_world, "aws-access-keys")
    connected = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/custom",
                                       {"credentials": ACCESS_KEY})
    assert connected.status == 200, connected.raw_body
    # When the caller lists an S3 bucket in eu-west-1 through it
    response = sandbox_world.api.get(proxy(integration_id, "my-bucket"), query={"list-type": "2"},
                                     headers={"X-Hub-Aws-Service": "s3", "X-Hub-Aws-Region": "eu-west-1"})
    # Then the request is signed for s3 / eu-west-1 and botocore's signer agrees with the signature
    assert response.status == 200, response.raw_body
    (seen,) = aws_endpoint.seen
    credentials = {"AccessKeyId": ACCESS_KEY["accessKeyId"], "SecretAccessKey": ACCESS_KEY["secretAccessKey"]}
    assert "/eu-west-1/s3/aws4_request" in seen.headers["authorization"]
    assert sigv4_check(seen, credentials, "s3", "eu-west-1")
    assert not sigv4_check(seen, {**credentials, "SecretAccessKey": "x" * 40}, "s3", "eu-west-1")
    assert ACCESS_KEY["secretAccessKey"] not in response.raw_body


def test_an_aws_api_served_at_the_root_is_called_at_proxy_without_a_path(
        sandbox_world: SandboxWorld, aws_endpoint: CaptureProvider) -> None:
    # Given a tenant's AWS connection by access key
    integration_id = aws_integration(sandbox_world, "aws-access-keys")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/custom",
                                  {"credentials": ACCESS_KEY}).status == 200
    aws_endpoint.reset()
    # When the caller posts a DynamoDB JSON request (an API served at `/`) to `.../proxy`
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/proxy", {"TableName": "t"},
                                      headers={"X-Hub-Aws-Service": "dynamodb",
                                               "X-Amz-Target": "DynamoDB_20120810.DescribeTable"})
    # Then it reaches the service's root, signed for it, and botocore's signer agrees
    assert response.status == 200, response.raw_body
    (seen,) = aws_endpoint.seen
    assert seen.path == "/" and seen.headers["x-amz-target"] == "DynamoDB_20120810.DescribeTable"
    credentials = {"AccessKeyId": ACCESS_KEY["accessKeyId"], "SecretAccessKey": ACCESS_KEY["secretAccessKey"]}
    assert sigv4_check(seen, credentials, "dynamodb", "us-east-1")


def test_an_aws_role_connection_signs_with_the_assumed_roles_temporary_credentials(
        sandbox_world: SandboxWorld, aws_endpoint: CaptureProvider, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.connections import aws_sts

    assumed: list[dict[str, str]] = []
    real_assume = aws_sts.assume_role

    def recording(*args: Any, **kwargs: Any) -> dict[str, str]:
        assumed.append(real_assume(*args, **kwargs))
        return assumed[-1]

    monkeypatch.setattr(aws_sts, "assume_role", recording)
    integration_id = aws_integration(sandbox_world, "aws")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/custom",
                                  {"credentials": {"roleArn": ROLE_ARN}}).status == 200
    aws_endpoint.reset()
    body = b'{"orderId":"o-1"}'
    for _ in range(2):
        response = sandbox_world.api.post(proxy(integration_id, "prod/orders"), body=body, headers={
            "X-Hub-Aws-Service": "execute-api", "Content-Type": "application/json"})
        assert response.status == 200, response.raw_body
    # the role was assumed once for both calls (connect's own verification assumed it before)
    proxied = assumed[-1]
    assert len(assumed) == 2
    for seen in aws_endpoint.seen:
        assert seen.headers["x-amz-security-token"] == proxied["SessionToken"]
        assert sigv4_check(seen, proxied, "execute-api", "us-east-1")
        assert seen.body == body


def test_an_aws_call_without_a_service_is_a_400(sandbox_world: SandboxWorld, aws_endpoint: CaptureProvider) -> None:
    integration_id = aws_integration(sandbox_world, "aws-access-keys")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/custom", {"credentials": ACCESS_KEY})
    response = sandbox_world.api.get(proxy(integration_id, "x"))
    assert response.status == 400 and response.error["details"]["field"] == "X-Hub-Aws-Service"
    assert aws_endpoint.seen == []


# ---- the quota budget ------------------------------------------------------------------------------


def budgeted(world: SandboxWorld, requests: int, per_seconds: int) -> str:
    integration_id = world.create_integration()
    patched = world.api.patch(f"/api/tenant/integrations/{integration_id}",
                              {"providerQuota": {"requests": requests, "perSeconds": per_seconds}})
    assert patched.status == 200, patched.raw_body
    world.connect(integration_id)
    return integration_id


def test_over_budget_is_429_provider_rate_limited_with_retry_after_and_nothing_is_sent(
        sandbox_world: SandboxWorld) -> None:
    # Given a connection allowed 2 requests a minute
    integration_id = budgeted(sandbox_world, 2, 60)
    before = sandbox_world.provider.stats()["api_requests"]
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    # When a third comes within the minute
    third = sandbox_world.api.get(proxy(integration_id, "api/me"))
    # Then the hub answers for the provider, which never sees it
    assert third.status == 429 and third.error["code"] == "PROVIDER_RATE_LIMITED"
    assert third.error["details"]["retryAfter"] == 30 and third.header("Retry-After") == "30"
    assert sandbox_world.provider.stats()["api_requests"] - before == 2
    # and once the budget refilled, calls go through again
    clock.advance(30)
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200


def test_a_busy_connection_spends_leased_requests_and_never_more_than_its_quota(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a connection allowed 16 requests a second (no waiting for the budget; the rate limit
    # written once per request, so that the writes left are the budget's)
    monkeypatch.setenv("HUB_PROVIDER_QUOTA_WAIT_SECONDS", "0")
    monkeypatch.setenv("HUB_RATE_LIMIT_LEASE_MAX", "1")
    reset_settings()
    integration_id = budgeted(sandbox_world, 16, 1)
    before = sandbox_world.provider.stats()["api_requests"]
    # When 17 calls come within that second (the hub's clock is frozen)
    with recording_aws_calls() as calls:
        answers = [sandbox_world.api.get(proxy(integration_id, "api/me")).status for _ in range(17)]
    # Then 16 reach the provider and the 17th is the hub's 429
    assert answers == [200] * 16 + [429]
    assert sandbox_world.provider.stats()["api_requests"] - before == 16
    # And the budget was written far less often than it was spent: 1 and 2 requests taken by the
    # first two calls' writes, then 4, 4 and 4 (a quarter of the bucket at most) by refills ahead
    # beside the 3rd, 7th and 11th calls' provider calls; the 15th's refill found one request left
    # and took none; the 16th refused 4 and took 1 (two writes), the 17th refused 2, then 1
    budget_writes = calls.counts()["dynamodb.UpdateItem"] - 17  # the rest: each call's rate-limit window
    assert budget_writes == 10, calls.calls


def test_leased_requests_end_with_their_second(sandbox_world: SandboxWorld) -> None:
    # Given a busy connection of a warm function, holding leased requests
    integration_id = budgeted(sandbox_world, 600, 60)
    for _ in range(2):  # the second call's writes take two requests and count two rate-limit hits
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    with recording_aws_calls() as calls:
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    # (the third spent the request and the hit the second one leased, and its provider call ran
    # beside the budget's refill ahead: four more requests)
    assert sorted(calls.calls) == ["dynamodb.PutItem", "dynamodb.UpdateItem"], calls.calls
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200  # counts 4 hits at once
    with recording_aws_calls() as calls:
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    # (the fifth spent a request and a hit from memory: the activity line only)
    assert calls.calls == ["dynamodb.PutItem"], calls.calls
    # When the connection is disconnected and a second passes
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect").status in (200, 204)
    clock.advance(1)
    # Then the next call reads the connection again and finds it gone
    refused = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert refused.status == 404 and refused.error["code"] == "CONNECTION_NOT_FOUND"


def _refills_seen(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> threading.Event:
    """An event set once a budget write made on the refill-ahead thread has ended (failing it
    when `fail`)."""
    from hub.proxy.quota_repository import QuotaRepository

    refilled = threading.Event()
    real_spend = QuotaRepository.spend

    def spend(self: QuotaRepository, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread().name != "budget-refill":
            return real_spend(self, *args, **kwargs)
        try:
            if fail:
                raise RuntimeError("throttled")
            return real_spend(self, *args, **kwargs)
        finally:
            refilled.set()

    monkeypatch.setattr(QuotaRepository, "spend", spend)
    return refilled


def test_a_busy_connections_budget_refill_runs_beside_its_provider_call_and_ends_before_the_answer(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.proxy import core

    # Given a busy connection whose second call leased two requests
    integration_id = budgeted(sandbox_world, 600, 60)
    for _ in range(2):
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    refilled = _refills_seen(monkeypatch)
    real_send = core._send
    refill_done_while_calling: list[bool] = []

    def send(*args: Any, **kwargs: Any) -> Any:
        # the provider call stays in flight until the refill has written (or 10 s pass)
        refill_done_while_calling.append(refilled.wait(10))
        return real_send(*args, **kwargs)

    monkeypatch.setattr(core, "_send", send)
    # When the third call spends the last leased request
    response = sandbox_world.api.get(proxy(integration_id, "api/me"))
    # Then the budget's next write ran while the provider call was under way, and none of it is
    # still running once the call answered (Lambda may freeze the function after that)
    assert response.status == 200 and refill_done_while_calling == [True]
    assert not [thread for thread in threading.enumerate() if thread.name == "budget-refill"]
    # And the next call spends what the refill took: no budget write (the activity line and one
    # rate-limit window write, which counts four hits at once)
    with recording_aws_calls() as calls:
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert sorted(calls.calls) == ["dynamodb.PutItem", "dynamodb.UpdateItem"], calls.calls


def test_a_failed_refill_ahead_fails_no_call(sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a busy connection whose budget writes ahead fail
    integration_id = budgeted(sandbox_world, 600, 60)
    for _ in range(2):
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    refilled = _refills_seen(monkeypatch, fail=True)
    # When the third call's refill fails
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert refilled.is_set()
    # Then the next call takes its budget with its own write, as without a lease
    with recording_aws_calls() as calls:
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert calls.counts()["dynamodb.UpdateItem"] == 2, calls.calls  # the budget and the rate-limit window


def test_warm_functions_sharing_a_connection_never_call_its_provider_over_the_quota(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.proxy import budget

    # Given a connection allowed 16 requests a second (no waiting for the budget) and three warm
    # functions, each with its own leases and refills ahead, taking turns on it
    monkeypatch.setenv("HUB_PROVIDER_QUOTA_WAIT_SECONDS", "0")
    reset_settings()
    integration_id = budgeted(sandbox_world, 16, 1)
    functions: list[dict[Any, Any]] = [{}, {}, {}]
    before = sandbox_world.provider.stats()["api_requests"]

    def call(turn: int) -> int:
        own, budget._leases = budget._leases, functions[turn % 3]  # type: ignore[assignment]
        try:
            return sandbox_world.api.get(proxy(integration_id, "api/me")).status
        finally:
            budget._leases = own  # type: ignore[assignment]

    # When they make 30 calls within one second (the hub's clock is frozen), then 30 more a
    # second later
    first = [call(turn) for turn in range(30)]
    clock.advance(1)
    second = [call(turn) for turn in range(30)]
    # Then the provider was called at most 16 times in each second, once per call answered 200,
    # and the rest were the hub's 429 (requests leased and not spent are lost, never added)
    assert set(first) == set(second) == {200, 429}
    assert first.count(200) <= 16 and second.count(200) <= 16
    assert sandbox_world.provider.stats()["api_requests"] - before == first.count(200) + second.count(200)


def test_a_call_just_over_budget_waits_briefly_instead(sandbox_world: SandboxWorld) -> None:
    from hub.proxy.retry import use_sleeper

    integration_id = budgeted(sandbox_world, 1, 1)
    waits = Waits()
    with use_sleeper(waits):
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert waits.waited == [pytest.approx(1.0)]


def test_the_budget_is_shared_by_the_proxy_widget_data_and_search(sandbox_world: SandboxWorld) -> None:
    integration_id = budgeted(sandbox_world, 3, 60)
    assert sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/widgets/data",
                                 query={"entity": "items"}).status in (200, 400)
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    searched = sandbox_world.api.as_("user", user="bob").get(f"/api/integrations/{integration_id}/search",
                                                             query={"query": "a"})
    assert searched.status == 200, searched.raw_body
    over = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert over.status == 429 and over.error["code"] == "PROVIDER_RATE_LIMITED"


def test_a_health_check_spends_the_budget_but_is_never_refused_by_it(sandbox_world: SandboxWorld) -> None:
    # Given a connection allowed one request a minute
    integration_id = budgeted(sandbox_world, 1, 60)
    test_path = f"/api/tenant/integrations/{integration_id}/connection/test"
    # When a check runs, Then it spends the request, so the proxy has none left
    assert sandbox_world.api.post(test_path).body["success"] is True
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 429
    # and a check over budget still runs (a skipped check would read as a failing connection)
    assert sandbox_world.api.post(test_path).body["success"] is True


def test_a_bad_quota_override_is_a_400(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    response = sandbox_world.api.patch(f"/api/tenant/integrations/{integration_id}",
                                       {"providerQuota": {"requests": 0, "perSeconds": 60}})
    assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR"


# ---- who may call through which connection ---------------------------------------------------------


def test_a_user_calls_through_their_own_connection_only(sandbox_world: SandboxWorld) -> None:
    integration_id = user_integration(sandbox_world, "bob")
    bob = sandbox_world.api.as_("user", user="bob")
    carol = sandbox_world.api.as_("user", user="carol")
    assert bob.get(proxy(integration_id, "api/me", user=True)).status == 200
    refused = carol.get(proxy(integration_id, "api/me", user=True))
    assert refused.status == 404 and refused.error["code"] == "CONNECTION_NOT_FOUND"
    tenant_route = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert tenant_route.status == 400 and tenant_route.error["code"] == "USER_SCOPED_INTEGRATION"
    assert bob.get(proxy(integration_id, "api/me")).status == 403  # the tenant route is for admins


def test_another_tenants_integration_is_not_found(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    other = sandbox_world.api.as_("tenant_admin", tenant="globex", user="mallory")
    response = other.get(proxy(integration_id, "api/me"))
    assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"


# ---- what a call leaves behind -------------------------------------------------------------------------


def test_each_call_leaves_an_activity_line_and_a_mutation_an_audit_record_never_a_body(
        sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    secret_body = {"note": "do-not-log-this-body"}
    assert sandbox_world.api.post(proxy(integration_id, "api/echo/orders/12345"), secret_body).status == 200
    activity = sandbox_world.api.get(f"/api/tenant/integrations/{integration_id}/widgets/activity").body
    text = json.dumps(activity)
    assert "do-not-log-this-body" not in text and "12345" not in text
    line = next(entry for entry in activity["activities"] if entry.get("type") == "proxy")
    assert line["details"]["method"] == "POST" and line["details"]["pathTemplate"] == "/api/echo/orders/{id}"
    assert line["details"]["statusCode"] == 200 and line["details"]["latencyMs"] >= 0
    audit = sandbox_world.api.get("/api/tenant/audit-logs", query={"action": "proxy."}).body
    (record,) = audit["auditLogs"]
    assert record["target"]["method"] == "POST" and record["target"]["pathTemplate"] == "/api/echo/orders/{id}"
    assert "do-not-log-this-body" not in json.dumps(audit)
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    assert len(sandbox_world.api.get("/api/tenant/audit-logs", query={"action": "proxy."}).body["auditLogs"]) == 1


# ---- AWS calls per proxied request -------------------------------------------------------------------


def test_a_warm_proxied_call_makes_at_most_three_aws_calls(sandbox_world: SandboxWorld) -> None:
    # Given a connection already used once by this (warm) function
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    # When it is used again
    with recording_aws_calls() as calls:
        assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 200
    # Then: the tenant's rate limit, the budget (which also reads the connection), the activity line
    assert sorted(calls.calls) == ["dynamodb.PutItem", "dynamodb.UpdateItem", "dynamodb.UpdateItem"], calls.calls
