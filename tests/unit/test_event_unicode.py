"""An event API Gateway never builds: text that is not valid Unicode (an unpaired surrogate, which
only a hand-written invocation can carry) answers 400 naming the field, like every other shape
API Gateway never builds (hub/http/event.py), not a 500 from the first read that encodes it."""

from __future__ import annotations

import json

import pytest

from hub.http.event import event_problems
from local.apigw import LambdaContext, build_http_event
from tests.support.api import claims_for


def _event(**fields: object) -> dict:
    from hub.http import routing

    route = routing.route_table()["POST /api/tenant/webhooks"]
    event = build_http_event(route, "/api/tenant/webhooks", claims=claims_for(),
                             headers={"content-type": "application/json"}, body="{}")
    event.update(fields)
    return event


@pytest.mark.parametrize("field,value", [
    ("body", '{"url": "\udcff"}'),
    ("rawPath", "/api/tenant/webhooks\ud800"),
    ("headers", {"content-type": "application/json", "x-note": "\udfff"}),
    ("queryStringParameters", {"q\ud800": "x"}),
    ("cookies", ["a=\udcff"]),
])
def test_text_with_an_unpaired_surrogate_is_a_problem_naming_its_field(field: str, value: object) -> None:
    # Given an event whose field holds an unpaired surrogate, When checked, Then that field is named
    assert [p["field"] for p in event_problems(_event(**{field: value}))] == [field]


def test_a_body_with_an_unpaired_surrogate_answers_400_in_the_envelope(aws_env) -> None:
    # Given a hand-written invocation of a JSON route whose body holds an unpaired surrogate
    from functions.webhooks.create import handler

    # When the handler runs
    result = handler(_event(body='{"url": "\udcff"}'), LambdaContext("webhooks-create"))
    # Then it answers 400 VALIDATION_ERROR naming the body, not a 500
    assert result["statusCode"] == 400
    error = json.loads(result["body"])["error"]
    assert error["code"] == "VALIDATION_ERROR" and [d["field"] for d in error["details"]] == ["body"]
