"""The contract test: every operation of the OpenAPI document is walked; each response it
declares is reached here or explained (with the test that reaches it), and no answer carries a
status the operation does not declare.

Reached here for every route: 401 (no identity), 403 (a role the route refuses), 400 (an
undeclared query parameter; every non-public route refuses them), 404 (ids nobody has), 429 (a
rate limit of zero), 413 and 415 (bodies), 422 and 409 (Idempotency-Key). Success answers and
the domain's own codes are reached by the area suites named in EXPLAINED.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from hub.http.routing import Route, route_table
from hub.openapi import build_openapi
from hub.settings import reset_settings
from hub.urlguard import use_resolver
from tests.support.api import ApiClient, ApiResponse

DOCUMENT = build_openapi()
ROUTES = sorted(route_table().values(), key=lambda r: r.key)
TESTS = Path(__file__).resolve().parent

# responses this file does not reach, and the suite that does (or why none can)
EXPLAINED_BY_AREA = {
    "system": "test_system.py", "providers": "test_catalog.py", "catalog": "test_catalog.py",
    "integrations": "test_catalog.py", "audit": "test_pipeline.py", "connections": "test_connections_credentials.py",
    "oauth": "test_oauth_browser_binding.py", "user_connections": "test_user_connections.py",
    "health": "test_health.py", "sync": "test_sync_logs.py", "search": "test_search.py",
    "widgets": "test_widgets.py", "webhooks": "test_webhooks_api.py", "proxy": "test_proxy.py",
    "inbound": "test_inbound_webhooks.py", "inbound_events": "test_inbound_payloads.py",
    "connect": "test_connect_sessions.py", "connect_page": "test_connect_sessions.py",
}
EXPLAINED_STATUS = {
    "409": "IDEMPOTENCY_CONFLICT needs a request still in flight; the domain's conflicts are in the area suite",
    "502": "needs a failing provider: the sandbox provider's switches in the area suite",
    "503": "needs the table to fail: test_system.py",
    "504": "needs a provider slower than the search deadline: test_search.py",
    "default": "the proxy's provider answer, any status: test_proxy.py",
}
# Success answers that are a provider's own JSON, not a hub model: their shape is the provider's,
# so the document can only say "an object or an array" (the answer's bytes are what was signed).
PROVIDER_OWN_JSON = {
    "GET /api/tenant/inbound-events/{inboundId}/payload": "a large provider event's payload: test_inbound_payloads.py",
}


def _documented(route: Route) -> dict:
    return DOCUMENT["paths"][route.openapi_path][route.method.lower()]["responses"]


def _concrete(route: Route) -> str:
    return re.sub(r"\{[^}]+\}", "nobody1", route.path)


def _allowed_role(route: Route) -> str | None:
    if route.public:
        return None  # anyone: no token at all
    return "tenant_admin" if "tenant_admin" in route.roles else route.roles[0]


def _refused_role(route: Route) -> str | None:
    for role in ("user", "tenant_admin", "guest"):
        if role not in route.roles:
            return role
    return None


def _body_for(route: Route) -> str | None:
    operation = DOCUMENT["paths"][route.openapi_path][route.method.lower()]
    return "{}" if "requestBody" in operation else None


def assert_documented(route: Route, response: ApiResponse, expected: int) -> None:
    """The answer is the expected status, the operation declares it, and the body is the envelope."""
    assert response.status == expected, f"{route.key}: {response.status} {response.raw_body[:300]}"
    declared = _documented(route)
    assert str(response.status) in declared, f"{route.key} answered undeclared {response.status}"
    if response.status >= 400:
        schema = {**DOCUMENT["components"]["schemas"]["ErrorEnvelope"]}
        jsonschema.validate(response.body, schema)
        assert response.body["error"]["code"] in declared[str(response.status)]["description"], route.key


def _call(client: ApiClient, route: Route, **kwargs) -> ApiResponse:
    body = kwargs.pop("body", _body_for(route))
    headers = kwargs.pop("headers", {"content-type": "application/json"} if body is not None else None)
    return client.request(route.method, _concrete(route), body=body, headers=headers, **kwargs)


PRIVATE = [r for r in ROUTES if not r.public]


def test_identity_role_and_query_errors_are_the_documented_ones(api: ApiClient) -> None:
    for route in PRIVATE:
        # Given no identity, Then 401
        assert_documented(route, _call(api, route, claims=False), 401)
        # Given a role the route refuses, Then 403
        refused = _refused_role(route)
        if refused:
            assert_documented(route, _call(api.as_(refused, tenant="t403"), route), 403)
        # Given an allowed role and a query parameter the route does not declare, Then 400 (the
        # proxy forwards every query parameter to the provider)
        if not route.passthrough:
            caller = api.as_(_allowed_role(route), tenant="t400")
            assert_documented(route, _call(caller, route, query={"undeclared": "1"}), 400)


def test_ids_nobody_has_answer_a_documented_status(api: ApiClient) -> None:
    for route in [r for r in PRIVATE if "{" in r.path]:
        # Given an allowed caller and ids that exist nowhere
        response = _call(api.as_(_allowed_role(route), tenant="t404"), route)
        # Then the answer is documented: 404, a 400 for the empty body some routes refuse first,
        # or an empty listing (a tenant with no integrations)
        assert response.status in (200, 400, 404), f"{route.key}: {response.status} {response.raw_body[:300]}"
        assert_documented(route, response, response.status)


def test_rate_limits_answer_the_documented_429(api: ApiClient, monkeypatch) -> None:
    # Given a limit of one request a minute per class, and a tenant per route
    monkeypatch.setenv("HUB_RATE_LIMITS", json.dumps(dict.fromkeys({r.rate_class for r in PRIVATE}, 1)))
    reset_settings()
    for n, route in enumerate([r for r in PRIVATE if r.rate_class]):
        caller = api.as_(_allowed_role(route), tenant=f"rate{n}")
        _call(caller, route)
        # When the route is called a second time, Then 429
        response = _call(caller, route)
        assert_documented(route, response, 429)
        assert response.header("Retry-After"), route.key


# JSON bodies; the proxy's bodies are any media type up to Lambda's limit (test_proxy.py)
WITH_BODY = [r for r in ROUTES if _body_for(r) is not None and not r.passthrough]


def test_bodies_too_large_or_not_json_answer_413_and_415(api: ApiClient) -> None:
    for route in WITH_BODY:
        caller = api.as_(_allowed_role(route), tenant="tbody")
        assert_documented(route, _call(caller, route, body="{" + " " * (257 * 1024) + "}"), 413)
        assert_documented(route, _call(caller, route, body="a=b", headers={"content-type": "text/plain"}), 415)


def test_a_reused_idempotency_key_answers_the_documented_422(api: ApiClient) -> None:
    route = route_table()["POST /api/tenant/webhooks"]
    headers = {"content-type": "application/json", "Idempotency-Key": "contract-1"}
    with use_resolver({"hooks.example.com": ["93.184.216.34"]}):
        # Given a webhook created with an Idempotency-Key
        body = {"url": "https://hooks.example.com/a", "events": ["*"]}
        first = api.request(route.method, route.path, body=json.dumps(body), headers=headers)
        assert_documented(route, first, 201)
        # When the key is used again with another body, Then 422
        other = json.dumps({**body, "url": "https://hooks.example.com/b"})
        assert_documented(route, api.request(route.method, route.path, body=other, headers=headers), 422)


def _component(ref: str) -> dict:
    return DOCUMENT["components"]["schemas"][ref.rpartition("/")[2]]


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_every_success_answer_has_a_typed_schema(route: Route) -> None:
    # Given the operation's success answers (every one a test reaches is validated against this
    # schema by tests/support/contract.py)
    if route.passthrough:  # the proxy answers the provider's answer, whatever it is
        assert _documented(route)["default"]["content"], route.key
        return
    successes = {s: r for s, r in _documented(route).items() if s[0] in "23"}
    assert successes, f"{route.key} declares no success answer"
    for status, response in successes.items():
        if status in ("204", "302"):
            assert "content" not in response, (route.key, status)
            continue
        # Then each carries a schema; a JSON one is a named model with its own fields, never "any object"
        for media_type, content in response["content"].items():
            schema = content.get("schema")
            assert schema, (route.key, status, media_type)
            if media_type == "application/json" and route.key in PROVIDER_OWN_JSON:
                assert {alt.get("type") for alt in schema["anyOf"]} == {"object", "array"}, (route.key, schema)
            elif media_type == "application/json":
                assert "$ref" in schema, (route.key, status, schema)
                model = _component(schema["$ref"])
                assert model.get("type") == "object" and model.get("properties"), (route.key, status, schema)


def _evidence(status: str, codes: list[str], suite_text: str, all_text: str) -> bool:
    """The area suite asserts this status, and (for an error) some suite asserts one of its codes."""
    if not re.search(rf"\b{status}\b", suite_text):
        return False
    return int(status) < 400 or any(code in all_text for code in codes)


ALL_TESTS_TEXT = "\n".join(p.read_text() for p in TESTS.parent.rglob("test_*.py"))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_every_declared_response_is_reached_or_explained(route: Route) -> None:
    reached_here = {"400", "401", "403", "413", "415", "429"} | ({"404"} if "{" in route.path else set())
    if route.idempotent:
        reached_here.add("422")
    suite_text = (TESTS / EXPLAINED_BY_AREA[route.area]).read_text()
    for status, response in _documented(route).items():
        if status in reached_here or status in EXPLAINED_STATUS:
            continue
        codes = re.findall(r"[A-Z][A-Z_]{3,}", response["description"].partition("Codes:")[2])
        assert _evidence(status, codes, suite_text, ALL_TESTS_TEXT), (route.key, status, codes)
