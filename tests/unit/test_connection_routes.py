"""The connection routes in the route table: the public callback wins over the catalog's
`/api/integrations/{category}/{id}`, and the rest carry the right roles, rate class and area."""

from __future__ import annotations

from functions.routes import ROUTES
from hub.http.routing import match_route


def test_the_oauth_callback_is_a_literal_route_that_beats_the_catalog() -> None:
    found = match_route(ROUTES, "GET", "/api/integrations/oauth/callback")
    assert found is not None and found[0].module == "functions.oauth.callback" and found[1] == {}
    start = match_route(ROUTES, "GET", "/api/integrations/oauth/start")
    assert start is not None and start[0].module == "functions.oauth.start" and start[1] == {}
    catalog = match_route(ROUTES, "GET", "/api/integrations/crm/hubspot")
    assert catalog is not None and catalog[0].module == "functions.catalog.get"


def test_connection_routes_are_admin_user_or_public_as_designed() -> None:
    by_area: dict[str, list] = {}
    for route in ROUTES:
        by_area.setdefault(route.area, []).append(route)
    assert len(by_area["connections"]) == 10 and len(by_area["user_connections"]) == 6
    for route in by_area["connections"]:
        assert route.roles == ("tenant_admin", "super_admin") and route.rate_class == "connection"
        assert route.action is None or route.action.startswith("connection.")
    for route in by_area["user_connections"]:
        assert "user" in route.roles and route.rate_class == "connection"
    assert sorted(r.path for r in by_area["oauth"]) == ["/api/integrations/oauth/callback",
                                                        "/api/integrations/oauth/start"]
    for route in by_area["oauth"]:
        assert route.public and route.rate_class is None and route.method == "GET"
