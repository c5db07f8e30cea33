"""The typed adapter that serves each handler module's routes (hub/http/app.py): matching, input
binding, answers, and the shapes of a payload-v2 answer. App.resolve is called directly: no
pipeline, no AWS. The pipeline and the routes themselves are proven in tests/integration."""

from __future__ import annotations

import base64
import importlib
import json
import threading
from inspect import Parameter
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, ConfigDict, Field

from functions.routes import ROUTES
from hub.http import App, Body, Path, Query, Response, create_app
from hub.http.endpoint import route_pattern
from hub.http.event import HttpEvent


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = Field(default=50, ge=1, le=100)
    tags: list[str] = []
    name: str | None = None


class Create(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=3)


class Item(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    item_id: str = Field(alias="itemId")


Slug = Annotated[str, Path(pattern=r"^[a-z]+$", max_length=8)]


def event(method: str, path: str, *, query: str = "", body: str | None = None, **extra: Any) -> dict[str, Any]:
    params: dict[str, str] = {}
    for pair in filter(None, query.split("&")):
        name, _, value = pair.partition("=")
        params[name] = f"{params[name]},{value}" if name in params else value
    return {"rawPath": path, "rawQueryString": query, "queryStringParameters": params or None,
            "requestContext": {"http": {"method": method}, "stage": "$default"}, "body": body,
            "headers": {"content-type": "application/json"}, **extra}


@pytest.fixture
def app() -> App:
    app = App()

    @app.get("/items/<slug>")
    def get_item(slug: Slug, query: Annotated[Filters, Query()]) -> Item:
        return Item(itemId=f"{slug}:{query.limit}:{','.join(query.tags)}:{query.name}")

    @app.get("/items/special")
    def get_special() -> Item:
        return Item(itemId="special")

    @app.post("/items", status_code=201)
    def post_item(body: Annotated[Create, Body()]) -> Item:
        return Item(itemId=body.name)

    @app.get("/broken")
    def get_broken() -> Item:
        return {"nothing": "here"}  # type: ignore[return-value]

    @app.get("/raw", enable_validation=False)  # as the proxy routes: the bytes pass untouched
    def get_raw() -> Response[bytes]:
        return Response(status_code=200, body=b"\x00\x01", headers={"content-type": "application/octet-stream"})

    return app


def answer_of(response: dict[str, Any]) -> Any:
    return json.loads(response["body"])


def test_every_route_module_binds_its_functions() -> None:
    # Given every handler module of the route table
    for module in sorted({route.module for route in ROUTES}):
        for endpoint in importlib.import_module(module).app.endpoints:
            # Then each function's inputs are readable (a parameter neither in its path nor marked
            # Query()/Body() raises) and it declares its answer
            assert all(f"<{item.name}>" in endpoint.rule for item in endpoint.path_inputs)
            assert endpoint.answer_type is not Parameter.empty, f"{module} {endpoint.rule} declares no answer"


def test_literal_routes_win_over_parameters_and_answers_are_written_by_alias(app: App) -> None:
    # When the literal path and a parameterized one are asked for
    special = app.resolve(event("GET", "/items/special"), None)
    other = app.resolve(event("GET", "/items/abc", query="tags=a,b&name=x"), None)
    # Then each reaches its own function, and the answer uses the model's aliases
    assert special["statusCode"] == 200 and answer_of(special) == {"itemId": "special"}
    assert answer_of(other) == {"itemId": "abc:50:a,b:x"}
    assert other["headers"]["Content-Type"] == "application/json" and other["cookies"] == []


def test_a_scalar_query_value_keeps_its_commas_and_a_repeated_one_takes_the_first(app: App) -> None:
    # Given a name sent once with a comma, and once repeated (API Gateway joins both with commas)
    once = app.resolve(event("GET", "/items/abc", query="name=a,b"), None)
    repeated = app.resolve(event("GET", "/items/abc", query="name=a&name=b"), None)
    # Then the value sent once is kept whole, and the repeated one is its first value
    assert answer_of(once)["itemId"].endswith(":a,b")
    assert answer_of(repeated)["itemId"].endswith(":a")


def test_bad_inputs_answer_400_with_the_fields_named(app: App) -> None:
    # When a path parameter breaks its pattern and a query value its bound
    response = app.resolve(event("GET", "/items/ABC", query="limit=500"), None)
    # Then one 400 names both fields
    assert response["statusCode"] == 400
    assert [d["field"] for d in answer_of(response)["error"]["details"]] == ["slug", "limit"]


def test_unknown_query_parameters_are_refused(app: App) -> None:
    response = app.resolve(event("GET", "/items/abc", query="tenantId=globex"), None)
    assert response["statusCode"] == 400
    assert answer_of(response)["error"]["details"][0]["field"] == "tenantId"


def test_a_body_is_bound_to_its_model_and_the_route_status_is_used(app: App) -> None:
    # When a valid body is posted, then one too short, then one that is not JSON
    created = app.resolve(event("POST", "/items", body='{"name":"abcd"}'), None)
    short = app.resolve(event("POST", "/items", body='{"name":"a"}'), None)
    not_json = app.resolve(event("POST", "/items", body="{"), None)
    # Then the first answers the route's 201, the others a 400 naming the field or the body
    assert created["statusCode"] == 201 and answer_of(created) == {"itemId": "abcd"}
    assert short["statusCode"] == 400 and answer_of(short)["error"]["details"][0]["field"] == "name"
    assert not_json["statusCode"] == 400 and answer_of(not_json)["error"]["details"][0]["field"] == "body"


def test_a_base64_body_is_decoded_and_another_media_type_is_415(app: App) -> None:
    encoded = base64.b64encode(b'{"name":"abcd"}').decode()
    assert app.resolve(event("POST", "/items", body=encoded, isBase64Encoded=True), None)["statusCode"] == 201
    form = event("POST", "/items", body="name=abcd", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert app.resolve(form, None)["statusCode"] == 415


def test_an_answer_that_does_not_fit_its_model_is_a_500_not_the_callers_fault(app: App) -> None:
    response = app.resolve(event("GET", "/broken"), None)
    assert response["statusCode"] == 500
    assert answer_of(response)["error"]["code"] == "INTERNAL_ERROR"


def test_bytes_go_out_base64_and_an_unknown_route_is_the_404_envelope(app: App) -> None:
    raw = app.resolve(event("GET", "/raw"), None)
    assert raw["isBase64Encoded"] is True and base64.b64decode(raw["body"]) == b"\x00\x01"
    missing = app.resolve(event("DELETE", "/items/abc"), None)
    assert missing["statusCode"] == 404 and answer_of(missing)["error"]["code"] == "ROUTE_NOT_FOUND"


def test_a_greedy_tail_takes_the_rest_of_the_path_and_a_plain_parameter_stops_at_a_slash() -> None:
    greedy = route_pattern("/p/<id>/proxy/<path>", greedy_tail=True)
    plain = route_pattern("/p/<id>/proxy/<path>", greedy_tail=False)
    found = greedy.match("/p/int_1/proxy/v1/users/me")
    assert found is not None and found.groupdict() == {"id": "int_1", "path": "v1/users/me"}
    assert plain.match("/p/int_1/proxy/v1/users/me") is None


# ---- the local stack serves a warm module on several threads (local/stack.py) -----------------


def _get_event(path: str) -> dict:
    return {"rawPath": path, "requestContext": {"http": {"method": "GET"}, "stage": "$default"}}


def test_a_request_never_reads_the_event_of_another_served_at_the_same_time() -> None:
    # Given a module whose handler reads the request's event, and request "a" paused inside it
    app = create_app()
    b_answered = threading.Event()

    @app.get("/items/<name>")
    def read(name: str) -> dict[str, str]:
        if name == "a":
            assert b_answered.wait(timeout=30)  # a guard against a hang, not a timing assumption
        return {"path": app.current_event.path}

    seen: dict[str, dict] = {}
    first = threading.Thread(target=lambda: seen.update(a=app.resolve(_get_event("/items/a"), None)))
    first.start()
    # When request "b" is served meanwhile on another thread
    seen["b"] = app.resolve(_get_event("/items/b"), None)
    b_answered.set()
    first.join()
    # Then each request read its own event
    assert json.loads(seen["b"]["body"]) == {"path": "/items/b"}
    assert json.loads(seen["a"]["body"]) == {"path": "/items/a"}


def test_a_named_stage_is_taken_off_the_path_only_as_a_whole_segment() -> None:
    def path(raw: str) -> str:
        return HttpEvent({"rawPath": raw, "requestContext": {"stage": "prod"}}).path

    # Given a stage named "prod", When paths start with it as a segment or as a mere prefix
    # Then only the segment is the stage
    assert path("/prod/api/x") == "/api/x" and path("/prod") == "/"
    assert path("/products/x") == "/products/x"
