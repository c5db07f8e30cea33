"""Cross-cutting security checks over EVERY route in the table (new routes are covered
automatically): authentication, roles, unknown fields, and the error envelope."""

from __future__ import annotations

import re

import pytest

from functions.routes import ROUTES
from hub.http.routing import Route
from hub.openapi import build_openapi
from tests.support.api import ApiClient

PROTECTED = [r for r in ROUTES if not r.public]
NOT_FOR_USERS = [r for r in PROTECTED if "user" not in r.roles]
SUPER_ONLY = [r for r in PROTECTED if set(r.roles) == {"super_admin"}]


def concrete_path(route: Route) -> str:
    values = {"category": "crm", "tenantId": "acme"}
    return re.sub(r"\{([^}+]+)\+?\}", lambda m: values.get(m.group(1), f"{m.group(1)}-missing"), route.path)


def call(client: ApiClient, route: Route, body: dict | None = None, **kwargs):
    if route.method in {"POST", "PUT", "PATCH"}:
        return client.request(route.method, concrete_path(route), json_body=body if body is not None else {}, **kwargs)
    return client.request(route.method, concrete_path(route), **kwargs)


def assert_envelope(response, status: int) -> None:
    assert response.status == status, (response.status, response.raw_body)
    assert set(response.error) == {"code", "message", "details", "requestId"}
    assert response.error["requestId"] == response.header("X-Request-Id")


@pytest.mark.parametrize("route", PROTECTED, ids=lambda r: r.key)
def test_every_protected_route_is_401_without_identity(api: ApiClient, route: Route) -> None:
    assert_envelope(call(api, route, claims=False), 401)


@pytest.mark.parametrize("route", NOT_FOR_USERS, ids=lambda r: r.key)
def test_admin_routes_are_403_for_plain_users(api: ApiClient, route: Route) -> None:
    assert_envelope(call(api.as_("user", user="bob"), route), 403)


@pytest.mark.parametrize("route", SUPER_ONLY, ids=lambda r: r.key)
def test_super_admin_routes_are_403_for_tenant_admins(api: ApiClient, route: Route) -> None:
    assert_envelope(call(api, route), 403)


def _routes_with_bodies() -> list[Route]:
    document = build_openapi()
    # the proxy's bodies go to the provider as they are (tests/integration/test_proxy.py)
    return [r for r in PROTECTED if r.method in {"POST", "PUT", "PATCH"} and not r.passthrough
            and "requestBody" in document["paths"][r.openapi_path][r.method.lower()]]


@pytest.mark.parametrize("route", _routes_with_bodies(), ids=lambda r: r.key)
def test_mass_assignment_is_rejected_everywhere(api: ApiClient, route: Route) -> None:
    caller = api.as_(route.roles[0] if route.roles[0] != "super_admin" else "super_admin", tenant="acme")
    response = call(caller, route, body={"tenantId": "globex", "status": "active", "__proto__": {}})
    assert_envelope(response, 400)
    assert response.error["code"] == "VALIDATION_ERROR"
    assert "tenantId" in {d.get("field") for d in response.error["details"]}
