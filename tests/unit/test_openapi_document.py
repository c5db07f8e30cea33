"""The OpenAPI document is the API's contract: complete, valid OpenAPI 3.1, and committed as
docs/openapi.json exactly as the handlers produce it (`make openapi` rewrites it)."""

from __future__ import annotations

import json
import re
from pathlib import Path as FilePath
from typing import Annotated

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from hub.http import Path, create_app
from hub.http.contract import RouteShape, route_errors
from hub.http.routing import Route, route_table
from hub.openapi import ENVELOPE, build_openapi

COMMITTED = FilePath(__file__).resolve().parents[2] / "docs" / "openapi.json"


@pytest.fixture(scope="module")
def document() -> dict:
    return build_openapi()


def operations(document: dict):
    for route in route_table().values():
        yield route, document["paths"][route.openapi_path][route.method.lower()]


def test_the_committed_document_is_what_the_handlers_produce(document) -> None:
    # Given the committed document, When the handlers' document is built, Then they are equal
    committed = json.loads(COMMITTED.read_text())
    assert committed == json.loads(json.dumps(document)), "docs/openapi.json is stale: run `make openapi`"


def test_the_document_is_valid_openapi_3_1(document) -> None:
    assert document["openapi"].startswith("3.1")
    errors = [str(error.message) for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == []


def test_operation_ids_are_short_stable_and_unique(document) -> None:
    ids = [operation["operationId"] for _, operation in operations(document)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z]*_[a-z][A-Za-z]*", i) and len(i) <= 40 for i in ids), ids
    assert dict(operations(document)).__len__() == len(route_table())


def test_every_error_a_route_can_answer_is_documented_with_the_envelope(document) -> None:
    for route, operation in operations(document):
        responses = operation["responses"]
        errors = {status: r for status, r in responses.items() if status.isdigit() and int(status) >= 400}
        for status, response in errors.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": f"#/components/schemas/{ENVELOPE}"}, (route.key, status)
            assert "Codes: " in response["description"]
        if not route.public:
            assert {"400", "401", "403"} <= set(errors), route.key
            assert operation["security"] == [{"bearerAuth": []}]
        elif route.path.startswith("/api/connect/"):  # the connect page's routes: the session's token
            assert "401" in errors and operation["security"] == [{"connectSession": []}], route.key
        else:
            assert operation["security"] == []
        if route.rate_class:
            assert "429" in errors
        # Powertools' generic 422 is gone; only a reused Idempotency-Key answers 422
        assert ("422" in errors) == route.idempotent, route.key
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_deletes_are_documented_as_the_204_they_answer(document) -> None:
    for route, operation in operations(document):
        if route.method == "DELETE" and not route.passthrough:  # the proxy answers what the provider does
            assert operation["responses"]["204"] == {"description": "Done; no content"}
            assert "200" not in operation["responses"]


def test_parameters_are_described_and_typed(document) -> None:
    for route, operation in operations(document):
        for parameter in operation.get("parameters", []):
            assert parameter["description"], (route.key, parameter["name"])
            assert parameter["schema"], (route.key, parameter["name"])
        names = {(p["in"], p["name"]) for p in operation.get("parameters", [])}
        assert {("path", n) for n in re.findall(r"\{(\w+)\+?\}", route.path)} <= names, route.key
        assert (("header", "Idempotency-Key") in names) == route.idempotent, route.key


def test_list_routes_declare_their_query_parameters_with_bounds(document) -> None:
    # Given the tenant's integration list, Then limit/offset carry the bounds the handler enforces
    parameters = {p["name"]: p for p in document["paths"]["/api/tenant/integrations"]["get"]["parameters"]}
    assert parameters["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 50}
    assert parameters["status"]["schema"]["enum"] == ["pending", "connected", "error", "disabled"]
    with_query = [r.key for r, o in operations(document) if any(p["in"] == "query" for p in o.get("parameters", []))]
    assert len(with_query) >= 18


def test_every_tag_is_described(document) -> None:
    described = {tag["name"] for tag in document["tags"] if tag["description"]}
    used = {tag for _, operation in operations(document) for tag in operation["tags"]}
    assert used <= described


def test_a_path_parameter_400_is_documented_only_where_the_parameter_can_be_refused() -> None:
    # Given two public routes without body or query: one takes its path parameter as any string,
    # the other only when it matches a pattern
    app = create_app()

    @app.get("/open/<id>")
    def read_open(id: str) -> dict[str, str]:
        return {"id": id}

    @app.get("/strict/<id>")
    def read_strict(id: Annotated[str, Path(pattern=r"^[a-z]{1,8}$")]) -> dict[str, str]:
        return {"id": id}

    def answers(path: str) -> tuple[int, str]:
        answer = app.resolve({"rawPath": path, "requestContext": {"http": {"method": "GET"}}}, None)
        return answer["statusCode"], json.loads(answer["body"] or "{}").get("error", {}).get("code", "")

    # When segments a client can send reach them (a CR, a space, "%", non-ASCII, 300 characters)
    segments = ["a\r", "a b", "100%", "é", "x" * 300]
    # Then the open one refuses none of them, and the strict one refuses them with a 400
    assert {answers(f"/open/{segment}")[0] for segment in segments} == {200}
    assert {answers(f"/strict/{segment}") for segment in segments} == {(400, "VALIDATION_ERROR")}
    # And only the strict one documents that 400
    for rule, refusable in (("/open/{id}", False), ("/strict/{id}", True)):
        route = Route("GET", rule, "tests.unit.test_openapi_document")
        shape = RouteShape(has_body=False, has_query=False, has_refusable_path=app.refuses_path("GET", rule))
        assert (400 in route_errors(route, shape)) is refusable, rule
