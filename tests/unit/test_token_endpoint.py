"""How token endpoint answers are classified, and how verification answers are judged, with
the HTTP call replaced by canned responses."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from hub import urlguard
from hub.connections.tokens import InvalidGrant, TokenRequestRejected, TransientTokenError, post_token_endpoint
from hub.connections.verify import _body_problem

URL = "https://login.example.com/oauth/token"


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace the HTTP call: set `answer["response"]` (an httpx.Response or an exception)."""
    state: dict[str, Any] = {"requests": []}

    def fake(method: str, url: str, **kwargs: Any) -> httpx.Response:
        state["requests"].append({"method": method, "url": url, **kwargs})
        result = state["response"]
        if isinstance(result, Exception):
            raise result
        return result  # type: ignore[no-any-return]

    monkeypatch.setattr(urlguard, "safe_request", fake)
    return state


def _post(**kwargs: Any) -> dict[str, Any]:
    return post_token_endpoint(URL, {"grant_type": "refresh_token", "refresh_token": "r"},
                               client_id=kwargs.pop("client_id", "cid"),
                               client_secret=kwargs.pop("client_secret", "se:cret"), **kwargs)


def test_basic_client_auth_form_encodes_then_base64s(answer: dict[str, Any]) -> None:
    answer["response"] = httpx.Response(200, json={"access_token": "a"})
    assert _post(client_auth="basic") == {"access_token": "a"}
    sent = answer["requests"][0]
    assert sent["headers"]["Authorization"] == "Basic " + base64.b64encode(b"cid:se%3Acret").decode()
    assert "client_secret" not in sent["content"] and sent["headers"]["Accept"] == "application/json"


def test_body_and_json_client_auth(answer: dict[str, Any]) -> None:
    answer["response"] = httpx.Response(200, json={"access_token": "a"})
    _post(client_auth="body", client_id_param="client_key")
    assert "client_key=cid" in answer["requests"][0]["content"]
    _post(client_auth="json", body_format="json")
    assert answer["requests"][1]["json"]["client_secret"] == "se:cret"


@pytest.mark.parametrize(("response", "error"), [
    (httpx.Response(400, json={"error": "invalid_grant"}), InvalidGrant),
    (httpx.Response(200, json={"error": "bad_verification_code"}), InvalidGrant),
    (httpx.Response(401, json={"error": "invalid_client"}), TokenRequestRejected),
    (httpx.Response(400, json={"error": {"code": "weird"}}), TokenRequestRejected),
    (httpx.Response(403, text="<html>nope</html>"), TokenRequestRejected),
    (httpx.Response(503, headers={"Retry-After": "7"}), TransientTokenError),
    (httpx.Response(429), TransientTokenError),
    (httpx.Response(400, json={"error": "temporarily_unavailable"}), TransientTokenError),
    (httpx.ConnectError("refused"), TransientTokenError),
    (httpx.ReadTimeout("slow"), TransientTokenError),
])
def test_answers_are_classified(answer: dict[str, Any], response: Any, error: type[Exception]) -> None:
    answer["response"] = response
    with pytest.raises(error) as caught:
        _post()
    assert "se:cret" not in str(caught.value) and "se:cret" not in str(getattr(caught.value, "details", ""))


def test_retry_after_is_read_in_seconds_or_as_a_date(answer: dict[str, Any]) -> None:
    answer["response"] = httpx.Response(503, headers={"Retry-After": "7"})
    with pytest.raises(TransientTokenError) as caught:
        _post()
    assert caught.value.retry_after == 7 and caught.value.headers["Retry-After"] == "7"
    answer["response"] = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    with pytest.raises(TransientTokenError) as caught:
        _post()
    assert caught.value.retry_after == 0


def test_a_form_encoded_success_is_read(answer: dict[str, Any]) -> None:
    answer["response"] = httpx.Response(200, text="access_token=abc&token_type=bearer")
    assert _post() == {"access_token": "abc", "token_type": "bearer"}


class _Answer:
    """An httpx answer's body: JSON of `body`, or bytes that are no JSON for an exception."""

    def __init__(self, body: Any) -> None:
        self.content = b"<html>not json" if isinstance(body, Exception) else json.dumps(body).encode()


def test_verification_bodies_are_judged_by_the_template() -> None:
    assert _body_problem(_Answer({"ok": True}), None, {"ok": True}) is None
    assert "unexpected 'ok'" in str(_body_problem(_Answer({"ok": False, "error": "invalid_auth"}), None, {"ok": True}))
    assert "no 'data.id'" in str(_body_problem(_Answer({"data": {}}), "data.id", {}))
    assert "not JSON" in str(_body_problem(_Answer(ValueError("x")), "id", {}))
    assert _body_problem(_Answer(ValueError("x")), None, {}) is None
