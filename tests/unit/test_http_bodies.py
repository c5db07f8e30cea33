"""Request bodies the adapter reads (hub/http/validation.py): every malformed one is a 400 in the
error envelope's terms, never an exception the pipeline turns into a 500."""

from __future__ import annotations

import base64

import pytest

from hub.errors import ValidationError
from hub.http.validation import MAX_BODY_DEPTH, body_bytes, body_text, parse_json_object


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def test_a_body_as_deep_as_dynamodb_holds_is_read() -> None:
    # Given an object nested MAX_BODY_DEPTH levels, When it is parsed, Then it is read as sent
    assert parse_json_object(_nested(MAX_BODY_DEPTH))["a"]


@pytest.mark.parametrize(
    ("variant", "text"),
    [
        ("one level deeper than DynamoDB holds", _nested(MAX_BODY_DEPTH + 1)),
        ("past the parser's stack", '{"a":' + "[" * 5000 + "]" * 5000 + "}"),
        ("an integer over Python's digit limit", '{"a": ' + "9" * 5000 + "}"),
    ],
)
def test_bodies_python_cannot_hold_are_a_400(variant: str, text: str) -> None:
    # When the body is parsed, Then it is a 400 naming the body, not a RecursionError or ValueError
    with pytest.raises(ValidationError) as refused:
        parse_json_object(text)
    assert refused.value.details[0]["field"] == "body"


def test_a_body_flagged_base64_that_is_not_is_a_400_as_bytes_and_as_text() -> None:
    for read in (body_bytes, body_text):
        with pytest.raises(ValidationError, match="base64"):
            read("{not base64!}", base64_encoded=True)


def test_base64_bodies_come_back_as_sent() -> None:
    raw = b"\xff\x00signed bytes"
    assert body_bytes(base64.b64encode(raw).decode(), base64_encoded=True) == raw
    assert body_text(base64.b64encode(b'{"a": 1}').decode(), base64_encoded=True) == '{"a": 1}'
