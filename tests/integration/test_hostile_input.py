"""Hostile input gets a 4xx in the error envelope on every route that reads a body: never a
500, never a half-written record (issue 16)."""

from __future__ import annotations

import importlib
import re

import pytest

from hub.http.routing import Route, match_route, route_table
from hub.openapi import build_openapi
from hub.urlguard import use_resolver
from hub.webhooks.repository import WebhookRepository
from local.apigw import LambdaContext, build_http_event
from tests.support import seed
from tests.support.api import ApiClient, ApiResponse, claims_for

# a lone UTF-16 surrogate, escaped as JSON allows it
SURROGATE_BODY = '{"name": "x\\ud800", "description": "x\\ud800", "events": ["x\\ud800"]}'
HOSTILE = {
    # variant: (body, content type, status, code)
    "not UTF-8": (b'{"name": "\xff\xfe"}', "application/json", 400, "VALIDATION_ERROR"),
    "multipart without boundary": ("--x\r\n", "multipart/form-data", 415, "UNSUPPORTED_MEDIA_TYPE"),
    "text/plain": ("hello", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"),
    "JSON null": ("null", "application/json", 400, "VALIDATION_ERROR"),
    "JSON array": ("[]", "application/json", 400, "VALIDATION_ERROR"),
    "unpaired surrogate": (SURROGATE_BODY, "application/json", 400, "VALIDATION_ERROR"),
    # past the parser's stack (RecursionError), and deeper than DynamoDB's 32 levels of maps
    "nested past the parser's stack": ('{"name":' + "[" * 5000 + "]" * 5000 + "}", "application/json", 400,
                                       "VALIDATION_ERROR"),
    "nested deeper than 32 levels": ('{"name":' + '{"a":' * 40 + "1" + "}" * 41, "application/json", 400,
                                     "VALIDATION_ERROR"),
    # Python refuses to read an integer of more than 4300 digits (ValueError, not a JSONDecodeError)
    "integer over Python's digit limit": ('{"name": ' + "9" * 5000 + "}", "application/json", 400,
                                          "VALIDATION_ERROR"),
}


def _routes_with_body() -> list[Route]:
    document = build_openapi()
    routes = []
    for route in route_table().values():
        operation = document["paths"][route.openapi_path][route.method.lower()]
        if "requestBody" in operation and not route.passthrough:  # the proxy's bodies go to the provider as they are
            routes.append(route)
    return routes


ROUTES_WITH_BODY = _routes_with_body()


def _caller(route: Route, tenant: str) -> ApiClient:
    if route.public:
        return ApiClient(None, tenant=tenant)  # the connect page's routes: bodies are checked before the token
    role = "tenant_admin" if "tenant_admin" in route.roles else route.roles[0]
    return ApiClient(role, tenant=tenant)


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", path)


@pytest.fixture(autouse=True)
def _public_hooks_host():
    """Given hooks.example.com resolves to a public address (no DNS in tests)."""
    with use_resolver({"hooks.example.com": ["93.184.216.34"]}):
        yield


def assert_envelope(response: ApiResponse, status: int, code: str) -> None:
    assert response.status == status, response.raw_body
    assert response.error["code"] == code
    assert response.error["requestId"] == response.header("X-Request-Id")


def test_every_route_that_reads_a_body_is_covered() -> None:
    assert len(ROUTES_WITH_BODY) >= 15


@pytest.mark.parametrize("variant", list(HOSTILE))
def test_hostile_bodies_get_a_4xx_envelope_on_every_route(api: ApiClient, variant: str) -> None:
    body, content_type, status, code = HOSTILE[variant]
    # Given a caller allowed on each route (a tenant per variant keeps rate limits out of the way)
    tenant = "t" + re.sub(r"\W", "", variant).lower()[:20]
    for route in ROUTES_WITH_BODY:
        # When the body is hostile
        response = _caller(route, tenant).request(route.method, _concrete(route.path), body=body,
                                                  headers={"content-type": content_type})
        # Then the answer is the documented 4xx inside the envelope
        assert response.status == status, f"{route.key}: {response.raw_body}"
        assert_envelope(response, status, code)


def test_a_non_ascii_api_key_is_refused_before_any_provider_call(api: ApiClient) -> None:
    # Given an integration, When an API key that no HTTP header can carry is sent
    seed.integration("acme", "int_1", status="pending")
    response = api.post("/api/tenant/integrations/int_1/connect/api-key", {"apiKey": "clé-secrète"})
    # Then it is a 400 naming the field, and the key is not echoed
    assert_envelope(response, 400, "VALIDATION_ERROR")
    assert response.error["details"][0]["field"] == "apiKey"
    assert "secrète" not in response.raw_body


def test_a_webhook_cannot_name_another_tenants_integration(api: ApiClient) -> None:
    # Given an integration of globex
    seed.integration("globex", "int_globex")
    # When acme registers a webhook filtered on it
    response = api.post("/api/tenant/webhooks", {"url": "https://hooks.example.com/x", "events": ["*"],
                                                 "integrationId": "int_globex"})
    # Then it is not found, and nothing was stored
    assert_envelope(response, 404, "INTEGRATION_NOT_FOUND")
    assert WebhookRepository().list_endpoints("acme") == []


def test_a_webhook_update_cannot_name_another_tenants_integration(api: ApiClient) -> None:
    # Given acme's webhook and globex's integration
    seed.integration("globex", "int_globex")
    created = api.post("/api/tenant/webhooks", {"url": "https://hooks.example.com/x", "events": ["*"]})
    assert created.status == 201, created.raw_body
    # When acme points its webhook at globex's integration
    response = api.patch(f"/api/tenant/webhooks/{created.body['id']}", {"integrationId": "int_globex"})
    # Then it is not found and the webhook is unchanged
    assert_envelope(response, 404, "INTEGRATION_NOT_FOUND")
    assert api.get(f"/api/tenant/webhooks/{created.body['id']}").body.get("integrationId") is None


def test_a_204_names_no_content_type(api: ApiClient) -> None:
    created = api.post("/api/tenant/webhooks", {"url": "https://hooks.example.com/x", "events": ["*"]})
    response = api.delete(f"/api/tenant/webhooks/{created.body['id']}")
    assert response.status == 204
    assert response.raw_body == "" and response.header("Content-Type") is None


def _event(route: Route, **changes: object) -> dict:
    """The payload-v2 event API Gateway would build for a caller allowed on the route."""
    role = None if route.public else ("tenant_admin" if "tenant_admin" in route.roles else route.roles[0])
    path = _concrete(route.path)
    found = match_route(route_table().values(), route.method, path)
    return build_http_event(route, path, path_params=(found[1] if found else None) or None,
                            claims=claims_for(role) if role else None, **changes)  # type: ignore[arg-type]


def _call(route: Route, event: dict) -> ApiResponse:
    answer = importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))
    return ApiResponse(int(answer["statusCode"]), dict(answer.get("headers") or {}), answer.get("body") or "")


def _authorizer(block: object):
    def change(event: dict) -> None:
        event["requestContext"]["authorizer"] = block
    return change


def _method(method: str):
    def change(event: dict) -> None:
        event["requestContext"]["http"]["method"] = method
    return change


def _base64_flag(event: dict) -> None:
    event["body"], event["isBase64Encoded"] = "{not base64!}", True


# variant: (change to the event, (status, code) on routes behind the JWT authorizer or None when
# only "a 4xx envelope" is asserted, whether only routes that read a body are concerned)
MALFORMED_EVENTS = {
    "authorizer block not an object": (_authorizer("jwt"), (401, "UNAUTHORIZED"), False),
    "jwt block not an object": (_authorizer({"jwt": ["claims"]}), (401, "UNAUTHORIZED"), False),
    "claims a list": (_authorizer({"jwt": {"claims": ["sub", "tenant_id"]}}), (401, "UNAUTHORIZED"), False),
    "roles claim a number": (_authorizer({"jwt": {"claims": {"sub": "alice", "tenant_id": "acme", "roles": 7}}}),
                             (403, "PERMISSION_DENIED"), False),
    "HEAD": (_method("HEAD"), (404, "ROUTE_NOT_FOUND"), False),
    "OPTIONS": (_method("OPTIONS"), (404, "ROUTE_NOT_FOUND"), False),
    "a body flagged base64 that is not": (_base64_flag, None, True),
}


@pytest.mark.parametrize("variant", list(MALFORMED_EVENTS))
def test_every_route_answers_a_malformed_event_with_a_4xx_envelope(aws_env, variant: str) -> None:
    change, expected, body_only = MALFORMED_EVENTS[variant]
    seed.integration("acme", "x1")
    failures = []
    for route in route_table().values():
        if body_only and route.method in ("GET", "DELETE"):
            continue
        # Given the event API Gateway would build for an allowed caller, When one part is malformed
        event = _event(route, headers={"content-type": "application/json"}, body="{}")
        change(event)
        response = _call(route, event)
        # Then no answer is a 5xx, every error is the envelope, and routes behind the authorizer
        # answer the expected 4xx
        wanted = expected if expected and (not route.public or expected[0] == 404) else None
        enveloped = response.status < 400 or response.error.get("requestId") == response.header("X-Request-Id")
        if response.status >= 500 or not enveloped:
            failures.append(f"{route.key}: {response.status} {response.raw_body[:200]}")
        elif wanted and (response.status, response.body["error"]["code"]) != wanted:
            failures.append(f"{route.key}: {response.status} {response.raw_body[:100]}, wanted {wanted}")
    assert failures == []
