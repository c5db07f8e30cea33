"""Health, readiness and the OpenAPI document through the real handlers."""

from __future__ import annotations

from tests.support.api import ApiClient


def test_health_answers_without_a_token(api: ApiClient) -> None:
    # When
    response = api.get("/health", claims=False)
    # Then
    assert response.status == 200
    assert response.body["status"] == "ok"
    assert response.header("X-Request-Id")


def test_ready_checks_the_table(api: ApiClient) -> None:
    response = api.get("/ready", claims=False)
    assert response.status == 200
    assert response.body["checks"]["table"]["status"] == "ok"


def test_openapi_document_lists_every_route(api: ApiClient) -> None:
    from hub.http.routing import route_table

    response = api.get("/openapi.json", claims=False)
    assert response.status == 200
    paths = response.body["paths"]
    for route in route_table().values():
        assert route.openapi_path in paths, route.key
        assert route.method.lower() in paths[route.openapi_path], route.key
