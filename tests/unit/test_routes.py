"""The route table and the handler modules agree, and no two routes are ambiguous."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from functions.routes import ROUTES
from hub.http.routing import Route, ambiguous_pairs, match_route
from hub.settings import DEFAULT_RATE_LIMITS

ROOT = Path(__file__).resolve().parents[2]
KNOWN_RATE_CLASSES = set(DEFAULT_RATE_LIMITS)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_every_route_module_exists_exposes_handler_and_declares_the_route(route: Route) -> None:
    module = importlib.import_module(route.module)
    assert callable(getattr(module, "handler", None)), f"{route.module} has no handler"
    schema_paths = module.app.get_openapi_schema().paths or {}
    assert route.openapi_path in schema_paths, f"{route.module} does not declare {route.path}"
    assert getattr(schema_paths[route.openapi_path], route.method.lower()) is not None, route.key


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_every_route_has_known_rate_class_and_roles(route: Route) -> None:
    assert route.rate_class is None or route.rate_class in KNOWN_RATE_CLASSES
    assert set(route.roles) <= {"super_admin", "tenant_admin", "user"}
    if not route.public:
        assert route.rate_class, f"{route.key} is authenticated but has no rate class"
    if route.is_mutation and not route.public:
        assert route.action, f"{route.key} mutates but names no audit action"


def test_every_handler_module_is_in_the_table() -> None:
    listed = {route.module for route in ROUTES}
    try:
        from functions.workers import WORKERS

        listed |= {worker.module for worker in WORKERS}
    except ImportError:
        pass
    on_disk = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "functions").rglob("*.py")
        if path.name not in {"__init__.py", "routes.py", "workers.py"}
    }
    assert on_disk - listed == set(), "handler modules missing from functions/routes.py or workers.py"


def test_no_two_routes_are_ambiguous() -> None:
    assert ambiguous_pairs(ROUTES) == []
    assert len({r.key for r in ROUTES}) == len(ROUTES)


def test_literal_segments_beat_parameters() -> None:
    routes = [
        Route("GET", "/api/tenant/integrations/{id}", "m1"),
        Route("GET", "/api/tenant/integrations/health", "m2"),
    ]
    found = match_route(routes, "GET", "/api/tenant/integrations/health")
    assert found is not None and found[0].module == "m2"
    found = match_route(routes, "GET", "/api/tenant/integrations/int_1")
    assert found is not None and found[0].module == "m1" and found[1] == {"id": "int_1"}
    assert match_route(routes, "POST", "/api/tenant/integrations/health") is None
    assert match_route(routes, "GET", "/api/tenant/integrations/a/b") is None


def test_ambiguity_is_detected() -> None:
    routes = [Route("GET", "/a/{x}", "m1"), Route("GET", "/a/{y}", "m2")]
    assert ambiguous_pairs(routes) == [("GET /a/{x}", "GET /a/{y}")]


def test_every_function_has_a_sample_event() -> None:
    names = {route.function_name for route in ROUTES}
    try:
        from functions.workers import WORKERS

        names |= {worker.name for worker in WORKERS}
    except ImportError:
        pass
    missing = sorted(n for n in names if not (ROOT / "events" / f"{n}.json").exists())
    assert missing == [], f"run `make events` to write sample events for {missing}"


HUB_SOURCE = "\n".join(p.read_text() for p in (ROOT / "layers" / "core" / "hub").rglob("*.py"))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_every_declared_error_is_a_status_and_a_code_the_hub_raises(route: Route) -> None:
    from hub.http.contract import declared_errors

    # Given the errors the route table declares for the route (the OpenAPI document lists them)
    declared = declared_errors(route)  # raises on anything but "<documented status> <CODE>"
    # Then each code is one the domain raises, and none is declared twice
    for codes in declared.values():
        assert len(set(codes)) == len(codes), route.key
        for code in codes:
            assert f'"{code}"' in HUB_SOURCE, f"{route.key}: nothing in hub/ answers {code}"
    assert len(route.errors) == len(set(route.errors)), f"{route.key} declares an error twice"


@pytest.mark.parametrize(("public_url", "raw_path", "routed_path"), [
    # behind https://api.example.com/hub: the base path comes off
    ("https://api.example.com/hub", "/hub/api/tenant/integrations/int_1", "/api/tenant/integrations/int_1"),
    # the execute-api URL of the same deployment: nothing to take off
    ("https://api.example.com/hub", "/api/tenant/integrations/int_1", "/api/tenant/integrations/int_1"),
    # a base path that is also the routes' first segment: only a doubled one comes off
    ("https://example.com/api", "/api/tenant/integrations/int_1", "/api/tenant/integrations/int_1"),
    ("https://example.com/api", "/api/api/tenant/integrations/int_1", "/api/tenant/integrations/int_1"),
    # no base path at all
    ("https://api.example.com", "/api/tenant/integrations/int_1", "/api/tenant/integrations/int_1"),
])
def test_the_handler_sees_the_path_below_the_public_base_path(monkeypatch, public_url, raw_path,
                                                               routed_path) -> None:
    from hub.http.pipeline import below_base_path
    from hub.settings import reset_settings
    from local.apigw import build_http_event

    # Given the hub's public URL and a request API Gateway routed to GET /api/tenant/integrations/{id}
    monkeypatch.setenv("HUB_PUBLIC_API_URL", public_url)
    reset_settings()
    route = next(r for r in ROUTES if r.key == "GET /api/tenant/integrations/{id}")
    try:
        # When the pipeline hands the event to the handler's resolver
        event = below_base_path(build_http_event(route, raw_path), route)
        # Then its path is the route's
        assert event["rawPath"] == event["requestContext"]["http"]["path"] == routed_path
    finally:
        monkeypatch.delenv("HUB_PUBLIC_API_URL")
        reset_settings()
