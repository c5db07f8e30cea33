"""Event shapes API Gateway never builds answer a 400 in the error envelope on every route, and
never raise (hub/http/event.py, `event_problems`).

API Gateway HTTP APIs (payload v2) always build `requestContext` as an object, `headers` as an
object of strings, `rawPath` as a string, and so on. A Lambda function can still be invoked with
anything (a test console, a misrouted rule, another service's event): the handler must answer a
clear 400 naming the fields, not raise or answer a 500. The property is checked over generated
events: an event API Gateway would build, with one to three fields given a type it never sends.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws

from hub.http.routing import Route, route_table
from local.apigw import LambdaContext, build_http_event
from tests.support.api import claims_for

# the payload-v2 fields the hub reads, with the type API Gateway gives them, and whether it
# always sends them (https://docs.aws.amazon.com/apigateway/latest/developerguide/
# http-api-develop-integrations-lambda.html, "Payload format version 2.0")
STR, BOOL, OBJECT, STR_MAP, STR_LIST = "string", "boolean", "object", "object of strings", "list of strings"
FIELDS: dict[tuple[str, ...], tuple[str, bool]] = {
    ("version",): (STR, False),
    ("routeKey",): (STR, False),
    ("rawPath",): (STR, True),
    ("rawQueryString",): (STR, False),
    ("cookies",): (STR_LIST, False),
    ("headers",): (STR_MAP, False),
    ("queryStringParameters",): (STR_MAP, False),
    ("pathParameters",): (STR_MAP, False),
    ("stageVariables",): (STR_MAP, False),
    ("body",): (STR, False),
    ("isBase64Encoded",): (BOOL, False),
    ("requestContext",): (OBJECT, True),
    ("requestContext", "requestId"): (STR, False),
    ("requestContext", "routeKey"): (STR, False),
    ("requestContext", "stage"): (STR, False),
    ("requestContext", "http"): (OBJECT, True),
    ("requestContext", "http", "method"): (STR, True),
    ("requestContext", "http", "path"): (STR, False),
    ("requestContext", "http", "sourceIp"): (STR, False),
    ("requestContext", "http", "userAgent"): (STR, False),
}

ROUTES = sorted(route_table().values(), key=lambda route: route.key)
ABSENT = object()  # a field API Gateway always sends, removed

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def conforms(kind: str, value: Any) -> bool:
    if kind == STR:
        return isinstance(value, str)
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == OBJECT:
        return isinstance(value, dict)
    if kind == STR_MAP:
        return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[tuple[str, ...], Any]:
    """One field given a value API Gateway never sends (or, for a field it always sends, removed)."""
    path = draw(st.sampled_from(list(FIELDS)))
    kind, required = FIELDS[path]
    wrong = json_values.filter(lambda v: not conforms(kind, v) and (v is not None or required))
    return path, draw((st.just(ABSENT) | wrong) if required else wrong)


def apply(event: dict[str, Any], path: tuple[str, ...], value: Any) -> bool:
    """Set (or, for ABSENT, remove) the field; False when its parent is no object now."""
    parent: Any = event
    for part in path[:-1]:
        parent = parent.get(part) if isinstance(parent, dict) else None
    if not isinstance(parent, dict):
        return False
    if value is ABSENT:
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value
    return True


def still_reachable(event: dict[str, Any], path: tuple[str, ...]) -> bool:
    parent: Any = event
    for part in path[:-1]:
        parent = parent.get(part) if isinstance(parent, dict) else None
    return isinstance(parent, dict)


def sent_event(route: Route) -> dict[str, Any]:
    """The event API Gateway builds for an allowed caller of the route."""
    role = None if route.public else ("tenant_admin" if "tenant_admin" in route.roles else route.roles[0])
    path = re.sub(r"\{[^}]+\}", "x1", route.path)
    return build_http_event(route, path, headers={"content-type": "application/json"}, body="{}",
                            claims=claims_for(role) if role else None, request_id="req-malformed")


def call(route: Route, event: Any) -> dict[str, Any]:
    return importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))


@pytest.fixture(scope="module", autouse=True)
def _no_aws_beyond_moto() -> Iterator[None]:
    """A malformed event is answered before any AWS call; if one slipped through it would meet
    an empty in-process moto (and fail the test with a 5xx), never the network."""
    with mock_aws():
        yield


def assert_bad_request(answer: dict[str, Any]) -> dict[str, Any]:
    assert answer["statusCode"] == 400, answer
    error = json.loads(answer["body"])["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["requestId"] == answer["headers"]["X-Request-Id"]
    return error  # type: ignore[no-any-return]


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(route=st.sampled_from(ROUTES), changes=st.lists(mutations(), min_size=1, max_size=3))
def test_an_event_api_gateway_never_builds_answers_400_naming_the_fields(
        route: Route, changes: list[tuple[tuple[str, ...], Any]]) -> None:
    # Given the event API Gateway builds for an allowed caller, with fields of types it never sends
    event = sent_event(route)
    changed = [path for path, value in changes if apply(event, path, value)]
    # When the route's function is invoked with it
    answer = call(route, event)
    # Then it answers a 400 in the envelope naming exactly the fields that are wrong (never their values)
    error = assert_bad_request(answer)
    named = {detail["field"] for detail in error["details"]}
    assert named == {".".join(path) for path in changed if still_reachable(event, path)}


@pytest.mark.parametrize("event", [None, [], "GET /health", 7, True], ids=repr)
def test_an_event_that_is_no_object_answers_400(event: Any) -> None:
    # Given an invocation whose event is not a JSON object, When a route's function gets it
    for route in ROUTES:
        # Then it answers a 400 in the envelope that names the event
        error = assert_bad_request(call(route, event))
        assert [detail["field"] for detail in error["details"]] == ["event"]


def test_the_request_id_api_gateway_sent_is_kept_when_another_field_is_malformed() -> None:
    # Given an event whose headers are a list, with API Gateway's request id
    route = next(route for route in ROUTES if route.key == "GET /health")
    event = sent_event(route)
    event["headers"] = [["content-type", "application/json"]]
    # When the function answers
    error = assert_bad_request(call(route, event))
    # Then the envelope and X-Request-Id carry that request id, and the details name the field only
    assert error["requestId"] == "req-malformed"
    assert error["details"] == [{"field": "headers", "message": "must be an object of strings", "type": "dict_type"}]
