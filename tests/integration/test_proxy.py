"""The proxy: a caller's request goes to the provider through the connection, with the
connection's credentials and nothing of the caller's, and the provider's answer comes back as
it is (docs/proxy.md)."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import unquote

import pytest

from hub import clock
from hub.audit import AuditRepository
from hub.errors import ValidationError
from hub.proxy.paths import provider_path
from tests.support.capture import CaptureProvider, Scripted, Waits, capture
from tests.support.connections import API_KEY, SandboxWorld, sandbox_server, sandbox_world
from tests.support.search import user_integration

__all__ = ["capture", "sandbox_server", "sandbox_world"]


def proxy(integration_id: str, path: str, *, user: bool = False) -> str:
    return f"/api/{'user' if user else 'tenant'}/integrations/{integration_id}/proxy/{path}"


def custom_provider(world: SandboxWorld, base: str, provider: str, auth_type: str, **api: Any) -> str:
    """A provider typed in by a super admin, on a loopback provider; one tenant integration of it."""
    admin = world.api.as_("super_admin", tenant="platform", user="root")
    body = {"provider": provider, "name": provider, "displayName": provider, "category": "custom",
            "authType": auth_type, "audience": "tenant", "status": "active", "api": {"baseUrl": base, **api}}
    response = admin.post("/api/admin/integrations", body)
    assert response.status == 201, response.raw_body
    return world.create_integration(provider)


# ---- credentials per auth mode ---------------------------------------------------------------


def test_an_oauth_connection_calls_the_provider_with_its_bearer_token(sandbox_world: SandboxWorld) -> None:
    # Given a tenant's OAuth connection to the sandbox
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    # When the tenant admin calls a provider path with a repeated query parameter
    response = sandbox_world.api.get(proxy(integration_id, "api/echo/a/b") + "?x=1", query={"x": "1", "y": "two"})
    # Then the provider accepted the connection's token and saw the path and the query
    assert response.status == 200, response.raw_body
    echoed = json.loads(response.content)
    assert echoed["method"] == "GET" and echoed["path"] == "/api/echo/a/b"
    assert echoed["query"] == [["x", "1"], ["y", "two"]]
    # and the answer says what the hub did
    assert response.header("X-Hub-Attempts") == "1" and response.header("X-Hub-Refreshed") == "false"
    assert int(response.header("X-Hub-Provider-Latency-Ms") or "-1") >= 0


def test_an_api_key_connection_sends_its_key_in_the_templates_header(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                                  {"apiKey": API_KEY}).status == 200
    response = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert response.status == 200, response.raw_body
    assert json.loads(response.content)["id"]
    assert API_KEY not in response.raw_body


def test_an_api_key_in_the_query_goes_where_the_template_says_and_a_callers_one_is_dropped(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-query", "api_key",
                                     apiKeyIn="query", apiKeyName="api_key")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                                  {"apiKey": "the-tenants-key-123"}).status == 200
    capture.reset()
    # When the caller also sends an api_key of its own
    response = sandbox_world.api.get(proxy(integration_id, "v1/things"), query={"api_key": "mine", "page": "2"})
    assert response.status == 200, response.raw_body
    (seen,) = capture.seen
    assert seen.path == "/v1/things" and seen.query == [("page", "2"), ("api_key", "the-tenants-key-123")]


def test_a_basic_connection_sends_basic_auth(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-basic", "basic")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                                  {"username": "ada", "password": "lovelace-1815"}).status == 200
    capture.reset()
    response = sandbox_world.api.post(proxy(integration_id, "v1/things"), {"name": "x"})
    assert response.status == 200, response.raw_body
    (seen,) = capture.seen
    assert seen.headers["authorization"] == "Basic " + base64.b64encode(b"ada:lovelace-1815").decode()
    assert seen.method == "POST" and json.loads(seen.body) == {"name": "x"}


def test_custom_placeholders_fill_the_auth_value_and_extra_headers(sandbox_world: SandboxWorld,
                                                                   capture: CaptureProvider) -> None:
    # Given a provider whose auth header is a template of the credential, plus an extra header
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-placeholder", "api_key",
                                     authHeader="X-Token", authValue='Token token="{apiKey}"',
                                     extraHeaders={"X-Key-Id": "id-{apiKey}"})
    admin = sandbox_world.api
    assert admin.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                      {"apiKey": "placeholder-key-9"}).status == 200
    capture.reset()
    # When the caller calls through it, Then both are filled with the connection's credential
    assert admin.get(proxy(integration_id, "v2/me")).status == 200
    (seen,) = capture.seen
    assert seen.headers["x-token"] == 'Token token="placeholder-key-9"'
    assert seen.headers["x-key-id"] == "id-placeholder-key-9"


# ---- what passes, what does not ----------------------------------------------------------------


def test_caller_credentials_and_hop_by_hop_headers_are_dropped_and_allow_listed_ones_pass(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-headers", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.reset()
    capture.answer(Scripted(200, b"{}", {"Content-Type": "application/json", "Set-Cookie": "s=1",
                                         "Link": '<https://x/?page=2>; rel="next"', "X-RateLimit-Remaining": "9",
                                         "Connection": "close"}))
    response = sandbox_world.api.get(proxy(integration_id, "v1/things"), headers={
        "X-Api-Key": "callers-key", "Cookie": "c=1", "Proxy-Authorization": "Basic eA==", "TE": "trailers",
        "X-Hub-Retry": "false", "X-Custom-Trace": "t-1", "Notion-Version": "2022-06-28", "If-None-Match": '"abc"',
        "X-Forwarded-For": "10.0.0.1"})
    (seen,) = capture.seen
    assert seen.headers["authorization"].startswith("Basic ")  # the connection's, not the caller's JWT
    for dropped in ("x-api-key", "cookie", "proxy-authorization", "te", "x-hub-retry", "x-forwarded-for"):
        assert dropped not in seen.headers, dropped
    assert seen.headers["x-custom-trace"] == "t-1" and seen.headers["notion-version"] == "2022-06-28"
    assert seen.headers["if-none-match"] == '"abc"'
    assert response.header("Set-Cookie") is None and response.header("Connection") is None
    assert response.header("Link") and response.header("x-ratelimit-remaining") == "9"


@pytest.mark.parametrize("path", ["..%2F..%2Fadmin", "a/../b", "a/./b", "%2e%2e/x", "a/%252e%252e/b",
                                  "https:/evil.example.net/x", "http://evil.example.net/", "a\\b"])
def test_traversal_and_absolute_urls_are_refused_before_anything_is_sent(
        sandbox_world: SandboxWorld, capture: CaptureProvider, path: str) -> None:
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-paths", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.reset()
    # API Gateway hands the path parameter over percent-decoded once
    with pytest.raises(ValidationError):
        provider_path(unquote(path))
    response = sandbox_world.api.get(proxy(integration_id, unquote(path)))
    assert response.status in (400, 404), response.raw_body
    assert capture.seen == []


def test_the_providers_api_base_url_itself_is_called_through_proxy_without_a_path(
        sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    # Given a provider whose API base URL is a JSON-RPC endpoint with a path of its own
    integration_id = custom_provider(sandbox_world, f"{capture.base_url}/rpc", "by-root", "basic")
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                                  {"username": "ada", "password": "lovelace-1815"}).status == 200
    capture.reset()
    # When the caller posts to `.../proxy` with no path, with a query
    response = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/proxy",
                                      {"jsonrpc": "2.0", "method": "ping", "id": 1}, query={"v": "2"})
    # Then the provider got it at its base URL itself, authenticated, and its answer came back
    assert response.status == 200, response.raw_body
    assert response.headers["X-Hub-Attempts"] == "1"
    (seen,) = capture.seen
    assert (seen.method, seen.path, seen.query) == ("POST", "/rpc", [("v", "2")])
    assert seen.headers["authorization"].startswith("Basic ") and json.loads(seen.body)["method"] == "ping"


def test_a_users_own_connection_reaches_the_api_base_url_too(sandbox_world: SandboxWorld) -> None:
    # Given bob's own connection of a user-scoped sandbox integration
    integration_id = user_integration(sandbox_world, "bob")
    bob = sandbox_world.api.as_("user", user="bob")
    # When bob calls `.../proxy` with no path
    response = bob.get(f"/api/user/integrations/{integration_id}/proxy")
    # Then the sandbox answered it (whatever it serves at its root), not the hub's router
    assert response.headers.get("X-Hub-Attempts") == "1", response.raw_body
    # And the tenant's root route is for tenant admins, as the tenant's `{path+}` route is
    assert bob.get(f"/api/tenant/integrations/{integration_id}/proxy").status == 403


def test_json_text_and_binary_bodies_pass_both_ways(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    picture = bytes(range(256)) * 4
    raw = {"X-Echo-Raw": "true"}
    binary = sandbox_world.api.put(proxy(integration_id, "api/echo/file"), body=picture,
                                   headers={**raw, "Content-Type": "image/png"})
    assert binary.status == 200 and binary.content == picture and binary.header("Content-Type") == "image/png"
    text = sandbox_world.api.post(proxy(integration_id, "api/echo"), body="héllo", headers={
        **raw, "Content-Type": "text/plain; charset=utf-8"})
    assert text.content.decode() == "héllo"
    as_json = sandbox_world.api.patch(proxy(integration_id, "api/echo"), {"a": [1, 2]}, headers=raw)
    assert json.loads(as_json.content) == {"a": [1, 2]}


def test_a_body_over_lambdas_limit_is_a_413_and_reaches_no_provider(sandbox_world: SandboxWorld,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_PROXY_MAX_PAYLOAD_BYTES", "2048")
    reset_settings()
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    before = sandbox_world.provider.stats()["api_requests"]
    response = sandbox_world.api.post(proxy(integration_id, "api/echo"), body="x" * 2049,
                                      headers={"Content-Type": "text/plain"})
    assert response.status == 413 and response.error["code"] == "PAYLOAD_TOO_LARGE"
    # and an answer too large to return is a 413 too, in the envelope
    big = sandbox_world.api.post(proxy(integration_id, "api/echo"), body="y" * 2000,
                                 headers={"Content-Type": "text/plain", "X-Echo-Raw": "true"})
    assert big.status == 200
    bigger = sandbox_world.api.get(proxy(integration_id, "api/echo"))  # a JSON echo of ~2 kB of headers
    assert bigger.status in (200, 413)
    assert sandbox_world.provider.stats()["api_requests"] - before >= 1


def test_the_providers_error_comes_back_as_it_is(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    integration_id = custom_provider(sandbox_world, capture.base_url, "by-errors", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.answer(Scripted(404, b'{"message":"no such thing"}', {"Content-Type": "application/json"}))
    response = sandbox_world.api.delete(proxy(integration_id, "v1/things/42"))
    assert response.status == 404 and json.loads(response.content) == {"message": "no such thing"}
    assert response.header("X-Hub-Attempts") == "1"


def test_a_disabled_integration_is_a_409_and_a_missing_connection_a_404(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    missing = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert missing.status == 404 and missing.error["code"] == "CONNECTION_NOT_FOUND"
    sandbox_world.connect(integration_id)
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/deactivate").status == 200
    clock.advance(30)  # a warm function reuses what it read of the integration for proxy_cache_seconds
    disabled = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert disabled.status == 409 and disabled.error["code"] == "INTEGRATION_DISABLED"


# ---- refresh, retries ----------------------------------------------------------------------------


def test_a_401_refreshes_the_token_once_and_the_call_succeeds(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    # Given the provider ended the access token before its time
    sandbox_world.provider.expire_access_tokens()
    # When the caller calls through the connection
    response = sandbox_world.api.get(proxy(integration_id, "api/me"))
    # Then the hub refreshed once and tried again
    assert response.status == 200, response.raw_body
    assert response.header("X-Hub-Refreshed") == "true" and response.header("X-Hub-Attempts") == "2"
    assert sandbox_world.provider.stats()["token_requests"]["refresh_token"] == 1


def test_a_proxied_post_that_refreshes_on_the_way_is_audited_once_with_its_own_facts(
        sandbox_world: SandboxWorld) -> None:
    # Given a connection whose access token the provider ended early
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.expire_access_tokens()
    # When the caller POSTs through it (a mutation: audited), the hub refreshing on the way
    response = sandbox_world.api.post(proxy(integration_id, "api/echo"), {"hello": "world"})
    assert response.status == 200 and response.header("X-Hub-Refreshed") == "true", response.raw_body
    # Then the request has one audit record, the proxy's, with the facts of the proxied call
    # (the refresh inside it carries no audit record of its own request)
    records = [a for a in AuditRepository().list_for_tenant("acme") if a["target"].get("route", "").endswith(
        "/proxy/{path+}")]
    assert len(records) == 1, records
    assert records[0]["target"]["providerId"] == "sandbox" and records[0]["target"]["refreshed"] is True


def test_a_second_401_goes_back_to_the_caller_without_another_refresh(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.configure(api_status=401)
    response = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert response.status == 401 and response.header("X-Hub-Refreshed") == "true"
    assert sandbox_world.provider.stats()["token_requests"]["refresh_token"] == 1


def test_a_503_with_retry_after_is_retried_after_the_wait_it_asked_for(sandbox_world: SandboxWorld) -> None:
    from hub.proxy.retry import use_sleeper

    integration_id = sandbox_world.create_integration()
    sandbox_world.connect(integration_id)
    sandbox_world.provider.configure(api_status=503, api_status_count=2)  # Retry-After: 1
    waits = Waits()
    with use_sleeper(waits):
        response = sandbox_world.api.get(proxy(integration_id, "api/me"))
    assert response.status == 200 and response.header("X-Hub-Attempts") == "3"
    assert len(waits.waited) == 2 and all(wait >= 1 for wait in waits.waited)


def test_a_post_is_not_retried_unless_the_caller_asks(sandbox_world: SandboxWorld, capture: CaptureProvider) -> None:
    from hub.proxy.retry import use_sleeper

    integration_id = custom_provider(sandbox_world, capture.base_url, "by-retries", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.reset()
    failing = Scripted(502, b"{}", {"Content-Type": "application/json"})
    capture.answer(failing)
    with use_sleeper(Waits()):
        once = sandbox_world.api.post(proxy(integration_id, "v1/charges"), {"amount": 1})
        assert once.status == 502 and once.header("X-Hub-Attempts") == "1" and len(capture.seen) == 1
        capture.answer(failing)
        asked = sandbox_world.api.post(proxy(integration_id, "v1/charges"), {"amount": 1},
                                       headers={"X-Hub-Retry": "true"})
    assert asked.status == 200 and asked.header("X-Hub-Attempts") == "2"


def test_a_retry_after_longer_than_the_limit_is_not_waited(sandbox_world: SandboxWorld,
                                                           capture: CaptureProvider) -> None:
    from hub.proxy.retry import use_sleeper

    integration_id = custom_provider(sandbox_world, capture.base_url, "by-long-wait", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.reset()
    capture.answer(Scripted(429, b"{}", {"Content-Type": "application/json", "Retry-After": "120"}))
    waits = Waits()
    with use_sleeper(waits):
        response = sandbox_world.api.get(proxy(integration_id, "v1/things"))
    assert response.status == 429 and response.header("Retry-After") == "120" and waits.waited == []


def test_an_encoded_path_reaches_the_provider_encoded_once(sandbox_world: SandboxWorld,
                                                          capture: CaptureProvider) -> None:
    import importlib

    from hub.http.routing import route_for_key
    from local.apigw import LambdaContext, build_http_event
    from tests.support.api import claims_for

    integration_id = custom_provider(sandbox_world, capture.base_url, "by-encoding", "basic")
    sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connect/basic",
                           {"username": "ada", "password": "lovelace-1815"})
    capture.reset()
    # Given API Gateway's event: the raw path still encoded, the {path+} parameter decoded once
    route = route_for_key("GET /api/tenant/integrations/{id}/proxy/{path+}")
    assert route is not None
    event = build_http_event(route, f"/api/tenant/integrations/{integration_id}/proxy/files/a%20b",
                             path_params={"id": integration_id, "path": "files/a b"}, claims=claims_for())
    # When the proxy handles it
    result = importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))
    # Then the provider gets the segment encoded once, not twice
    assert result["statusCode"] == 200, result
    (seen,) = capture.seen
    assert seen.path == "/files/a b" and "/files/a%20b" in seen.url
