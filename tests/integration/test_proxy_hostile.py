"""The proxy under attack: a caller (or a provider) trying to reach elsewhere, to read the
connection's credential, to reach another tenant's or user's connection, or to make the hub
answer a 5xx with bad input (docs/proxy.md). Every test calls the real handlers."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from hub.http import routing
from hub.http.routing import match_route
from local.apigw import LambdaContext, build_http_event
from tests.integration.test_proxy import custom_provider, proxy
from tests.support.api import claims_for
from tests.support.capture import CaptureProvider, Scripted, Waits, capture
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["capture", "sandbox_server", "sandbox_world"]

KEY = "the-tenants-key-5d1e"


def by_query_key(world: SandboxWorld, capture: CaptureProvider, name: str) -> str:
    """An integration whose API key rides in the query (`api_key`), connected, capture reset."""
    integration_id = custom_provider(world, capture.base_url, name, "api_key", apiKeyIn="query",
                                     apiKeyName="api_key")
    assert world.api.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                          {"apiKey": KEY}).status == 200
    capture.reset()
    return integration_id


# ---- credentials never reach the caller ----------------------------------------------------------


def test_a_redirect_that_echoes_the_query_does_not_hand_the_api_key_to_the_caller(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given a provider that redirects to the trailing-slash form, echoing the query (and so the key)
    integration_id = by_query_key(sandbox_world, capture, "by-redirect")
    capture.answer(Scripted(301, b"", {"Location": f"{capture.base_url}/v1/things/?page=2&api_key={KEY}",
                                       "X-Debug-Url": f"/v1/things?api_key={KEY}"}))
    # When the caller calls through the connection
    response = sandbox_world.api.get(proxy(integration_id, "v1/things"), query={"page": "2"})
    # Then the redirect comes back (not followed) without the key anywhere in it
    assert response.status == 301 and len(capture.seen) == 1
    assert KEY not in repr(response.headers) and KEY not in response.raw_body
    location = response.header("Location") or ""
    assert location.startswith(f"{capture.base_url}/v1/things/?page=2")


def test_an_error_body_that_repeats_the_key_comes_back_masked(sandbox_world: SandboxWorld,
                                                              capture: CaptureProvider) -> None:
    # Given a provider whose error body repeats the request URL, key and all
    integration_id = by_query_key(sandbox_world, capture, "by-echo-body")
    capture.answer(Scripted(400, json.dumps({"message": f"bad key {KEY}",
                                             "url": f"/v1/x?api_key={KEY}"}).encode()))
    # When the caller calls through the connection
    response = sandbox_world.api.get(proxy(integration_id, "v1/x"))
    # Then the provider's answer comes back with the key masked, and the rest as it was
    assert response.status == 400 and KEY not in response.raw_body
    assert json.loads(response.content) == {"message": "bad key ***", "url": "/v1/x?api_key=***"}


def test_a_callers_header_cannot_ride_beside_an_injected_one_of_another_case(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given a provider whose credential also goes in a plainly named extra header
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-extra", "api_key",
                                     extraHeaders={"X-Client": "{apiKey}"})
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                                  {"apiKey": KEY}).status == 200
    capture.reset()
    # When the caller sends that header too
    response = sandbox_world.api.get(proxy(integration_id, "v1/me"), headers={"X-Client": "callers-own"})
    # Then the provider sees the connection's value only
    assert response.status == 200, response.raw_body
    (seen,) = capture.seen
    assert seen.headers["x-client"] == KEY


def test_a_hub_error_after_the_key_was_injected_never_repeats_the_url(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given the provider is gone after the connection was made
    integration_id = by_query_key(sandbox_world, capture, "by-gone")
    capture.stop()
    # When the caller calls through it
    response = sandbox_world.api.get(proxy(integration_id, "v1/things"), headers={"X-Hub-Retry": "false"})
    # Then a 502 in the envelope, with neither the key nor the URL
    assert response.status == 502 and response.error["code"]
    assert KEY not in response.raw_body and "api_key" not in response.raw_body


# ---- bad input is a 4xx, never a 5xx ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["caf\u00e9", "\u2603 snow", "a\r\nX-Injected: 1", "a\nb", "a\x00b"])
def test_a_header_value_no_http_request_can_carry_is_a_400(
        sandbox_world: SandboxWorld, capture: CaptureProvider, value: str) -> None:
    integration_id = by_query_key(sandbox_world, capture, "by-bad-header")
    response = sandbox_world.api.get(proxy(integration_id, "v1/things"), headers={"X-Trace": value})
    assert response.status == 400, response.raw_body
    assert response.error["details"]["field"].lower() == "x-trace"
    assert capture.seen == []


def test_invalid_base64_with_is_base64_encoded_is_a_400(sandbox_world: SandboxWorld,
                                                        capture: CaptureProvider) -> None:
    # Given an event that says its body is base64 but whose body is not
    integration_id = by_query_key(sandbox_world, capture, "by-b64")
    path = proxy(integration_id, "v1/things")
    found = match_route(routing.route_table().values(), "POST", path)
    assert found is not None
    route, params = found
    event = build_http_event(route, path, path_params=params, body="%%% not base64 %%%", claims=claims_for())
    event["isBase64Encoded"] = True
    # When the handler gets it
    answer = importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))
    # Then a 400 in the envelope and nothing sent
    assert int(answer["statusCode"]) == 400 and json.loads(answer["body"])["error"]["details"] == {"field": "body"}
    assert capture.seen == []


# ---- tenants and users -----------------------------------------------------------------------------


def test_another_tenants_integration_is_a_404(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    integration_id = by_query_key(sandbox_world, capture, "by-tenant")
    other = sandbox_world.api.as_("tenant_admin", tenant="globex", user="mallory")
    response = other.get(proxy(integration_id, "v1/things"))
    assert response.status == 404 and capture.seen == []
    assert sandbox_world.api.as_("user").get(proxy(integration_id, "v1/things")).status == 403


def test_a_retry_after_as_an_http_date_or_garbage_never_waits_past_the_deadline(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    from hub.proxy.retry import use_sleeper

    integration_id = by_query_key(sandbox_world, capture, "by-dates")
    capture.answer(Scripted(503, b"{}", {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}),
                   Scripted(503, b"{}", {"Retry-After": "-5"}),
                   Scripted(503, b"{}", {"Retry-After": "nan"}),
                   Scripted(503, b"{}", {"Retry-After": "soon"}))
    waits = Waits()
    with use_sleeper(waits):
        first = sandbox_world.api.get(proxy(integration_id, "v1/things"))
        assert first.status == 503 and waits.waited == []
        second = sandbox_world.api.get(proxy(integration_id, "v1/things"))
    assert second.status in (200, 503) and all(0 <= wait < 60 for wait in waits.waited)


def test_another_users_connection_is_a_404_through_the_user_proxy(sandbox_world: SandboxWorld) -> None:
    # Given alice's own connection to a user-scoped integration
    integration_id = sandbox_world.create_integration(user_scoped=True)
    alice = sandbox_world.api.as_("user", user="alice")
    sandbox_world.connect(integration_id, client=alice, user_scoped=True)
    assert alice.get(proxy(integration_id, "api/me", user=True)).status == 200
    # When bob, of the same tenant, calls the same integration through the user proxy
    bob = sandbox_world.api.as_("user", user="bob")
    response = bob.get(proxy(integration_id, "api/me", user=True))
    # Then he has no connection there: a 404, and the tenant proxy refuses the user-scoped one
    assert response.status == 404 and response.error["code"] == "CONNECTION_NOT_FOUND"
    assert sandbox_world.api.get(proxy(integration_id, "api/me")).status == 400


# ---- where a request may go -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["v1/..;/admin", "v1/.;x/admin", "v1/\uff0e\uff0e/admin", "v1/..%20/admin",
                                  "v1/..../admin"])
def test_segments_a_provider_server_may_read_as_dot_dot_are_refused(
        sandbox_world: SandboxWorld, capture: CaptureProvider, path: str) -> None:
    # Given servers that read `..;` as `..` (path parameters) or fold full-width dots and spaces
    integration_id = by_query_key(sandbox_world, capture, "by-dots")
    # When the caller names such a segment
    response = sandbox_world.api.get(proxy(integration_id, path.replace("%20", " ")))
    # Then the hub refuses it and sends nothing
    assert response.status == 400 and response.error["code"] == "INVALID_PROVIDER_PATH", response.raw_body
    assert capture.seen == []


def test_a_method_override_header_is_not_forwarded(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given a provider that honours X-HTTP-Method-Override (a GET would be retried as if it were safe)
    integration_id = by_query_key(sandbox_world, capture, "by-override")
    # When the caller's GET asks the provider to treat it as a POST
    response = sandbox_world.api.get(proxy(integration_id, "v1/charges"), headers={
        "X-HTTP-Method-Override": "POST", "X-Method-Override": "POST", "X-HTTP-Method": "POST"})
    # Then the provider sees a plain GET
    assert response.status == 200
    (seen,) = capture.seen
    assert seen.method == "GET"
    assert not {"x-http-method-override", "x-method-override", "x-http-method"} & set(seen.headers)


@pytest.mark.parametrize("base", ["http://169.254.169.254/latest", "https://169.254.169.254/latest",
                                  "http://[fd00:ec2::254]/latest", "https://0xa9fea9fe/latest"])
def test_a_provider_base_url_on_the_metadata_service_is_never_called(
        sandbox_world: SandboxWorld, base: str) -> None:
    # Given a provider typed in with its API on the instance metadata service
    admin = sandbox_world.api.as_("super_admin", tenant="platform", user="root")
    body = {"provider": "by-imds", "name": "by-imds", "displayName": "by-imds", "category": "custom",
            "authType": "basic", "audience": "tenant", "status": "active", "api": {"baseUrl": base}}
    created = admin.post("/api/admin/integrations", body)
    if created.status != 201:  # refused where it is typed in: held
        assert created.status == 400, created.raw_body
        return
    integration_id = sandbox_world.create_integration("by-imds")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    # When a caller calls through it, Then the URL guard refuses it with a 400
    response = sandbox_world.api.get(proxy(integration_id, "meta-data/iam"))
    assert response.status == 400 and response.error["code"] == "UNSAFE_URL", response.raw_body


@pytest.mark.parametrize("quota", [{"requests": 0, "perSeconds": 1}, {"requests": -5, "perSeconds": 1},
                                   {"requests": 5, "perSeconds": 0}, {"requests": 5, "perSeconds": 1, "burst": 0},
                                   {"requests": "many", "perSeconds": 1}, {"requests": 5}])
def test_a_zero_or_negative_quota_override_is_a_400_where_it_is_written(sandbox_world: SandboxWorld,
                                                                        quota: dict[str, Any]) -> None:
    integration_id = sandbox_world.create_integration()
    response = sandbox_world.api.patch(f"/api/tenant/integrations/{integration_id}", {"providerQuota": quota})
    assert response.status == 400, response.raw_body
    created = sandbox_world.api.post("/api/tenant/integrations", {"providerId": "sandbox", "name": "q",
                                                                  "providerQuota": quota})
    assert created.status == 400, created.raw_body


@pytest.mark.parametrize(("path", "query", "headers"), [
    ("v1/" + "a" * 2100, None, {}),
    ("v1/things", {"q": "x" * 9000}, {}),
    ("v1/things", None, {"X-Hub-Retry": "maybe"}),
])
def test_a_path_or_query_too_long_or_a_bad_control_header_is_a_400_and_nothing_is_sent(
        sandbox_world: SandboxWorld, capture: CaptureProvider, path: str, query: dict[str, str] | None,
        headers: dict[str, str]) -> None:
    integration_id = by_query_key(sandbox_world, capture, "by-sizes")
    response = sandbox_world.api.get(proxy(integration_id, path), query=query, headers=headers)
    assert response.status == 400 and response.error["code"], response.raw_body
    assert capture.seen == []


def test_a_query_string_that_is_not_utf8_is_a_400(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given an API Gateway event whose raw query string percent-encodes bytes that are not UTF-8
    integration_id = by_query_key(sandbox_world, capture, "by-bytes")
    path = proxy(integration_id, "v1/things")
    found = match_route(routing.route_table().values(), "GET", path)
    assert found is not None
    route, params = found
    event = build_http_event(route, path, path_params=params, claims=claims_for())
    event["rawQueryString"] = "bad=%FF%FE&api_key=%C0"
    # When the handler gets it, Then a 400 and nothing sent
    answer = importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))
    assert int(answer["statusCode"]) == 400 and json.loads(answer["body"])["error"]["details"] == {"field": "query"}
    assert capture.seen == []
