"""A provider's answer that is JSON nested past the parser's stack is "not JSON" like any other
unreadable answer (the connect, refresh or health check fails cleanly), never a RecursionError
that escapes as a 500 or stops a job."""

from __future__ import annotations

import httpx

from hub.connections.tokens import _decode
from hub.connections.verify import _body_problem

DEEP = "[" * 5000 + "]" * 5000


def test_a_token_answer_nested_too_deep_reads_as_no_token_fields() -> None:
    # Given a token endpoint answering JSON nested 5,000 deep, When it is decoded, Then it has no fields
    assert _decode(httpx.Response(200, text=DEEP)) == {}


def test_a_verification_answer_nested_too_deep_is_not_json() -> None:
    # Given a verification endpoint answering JSON nested 5,000 deep, When its body is checked
    problem = _body_problem(httpx.Response(200, text=DEEP), "id", {})
    # Then it is a problem to report, not an exception
    assert problem == "The provider's answer is not JSON"
