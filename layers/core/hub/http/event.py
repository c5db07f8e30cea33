"""The two shapes a handler sees: the API Gateway HTTP API (payload v2) request, and the
`Response` it may return instead of a typed answer (redirects, pages, the proxy's bytes).

They read and write what Powertools' `APIGatewayProxyEventV2` and `Response` did, attribute for
attribute, so handlers did not change when the resolver was replaced (hub/http/app.py says why).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, Generic, TypeVar

from hub.http.responses import to_json

T = TypeVar("T")
JSON = "application/json"


class Headers(Mapping[str, str]):
    """Request headers looked up case-insensitively; iteration keeps the names as they came."""

    def __init__(self, raw: Mapping[str, str] | None) -> None:
        self._raw = dict(raw or {})
        self._lower = {key.lower(): value for key, value in self._raw.items()}

    def __getitem__(self, name: str) -> str:
        return self._lower[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._lower

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


# The payload-v2 fields the hub reads, with the type API Gateway always gives them and whether it
# always sends them. A Lambda function can be invoked with anything (a console test, a misrouted
# rule): an event that breaks this is answered 400 before anything reads it (hub/http/pipeline.py).
# Checked by hand, not by a pydantic model: building one costs every handler's cold start (issue 11)
# for twenty isinstance checks. The authorizer block is read by hub/principal.py (a 401).
_STR, _BOOL, _OBJECT, _STR_MAP, _STR_LIST = "string", "bool", "object", "str_map", "str_list"
_SHAPE: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    (("version",), _STR, False),
    (("routeKey",), _STR, False),
    (("rawPath",), _STR, True),
    (("rawQueryString",), _STR, False),
    (("cookies",), _STR_LIST, False),
    (("headers",), _STR_MAP, False),
    (("queryStringParameters",), _STR_MAP, False),
    (("pathParameters",), _STR_MAP, False),
    (("stageVariables",), _STR_MAP, False),
    (("body",), _STR, False),
    (("isBase64Encoded",), _BOOL, False),
    (("requestContext",), _OBJECT, True),
    (("requestContext", "requestId"), _STR, False),
    (("requestContext", "routeKey"), _STR, False),
    (("requestContext", "stage"), _STR, False),
    (("requestContext", "http"), _OBJECT, True),
    (("requestContext", "http", "method"), _STR, True),
    (("requestContext", "http", "path"), _STR, False),
    (("requestContext", "http", "sourceIp"), _STR, False),
    (("requestContext", "http", "userAgent"), _STR, False),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_EXPECTED = {  # kind: (the detail's message, its pydantic-style type)
    _STR: ("must be a string", "string_type"),
    _BOOL: ("must be a boolean", "bool_type"),
    _OBJECT: ("must be an object", "dict_type"),
    _STR_MAP: ("must be an object of strings", "dict_type"),
    _STR_LIST: ("must be a list of strings", "list_type"),
}


def _conforms(kind: str, value: Any) -> bool:
    if kind == _STR:
        return isinstance(value, str)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _STR_LIST:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, dict) and (kind == _OBJECT or all(isinstance(item, str) for item in value.values()))


def _unicode(value: Any) -> bool:
    """Text API Gateway builds is UTF-8: no unpaired surrogate, which a first `.encode()` raises on."""
    texts = [*value, *value.values()] if isinstance(value, dict) else value if isinstance(value, list) else [value]
    return not any(isinstance(text, str) and _SURROGATE.search(text) for text in texts)


def event_problems(raw: object) -> list[dict[str, str]]:
    """The envelope's details for every field of a payload-v2 event that API Gateway would never
    send that way (empty for every event it builds). Names fields, never values."""
    if not isinstance(raw, dict):
        return [{"field": "event", "message": "must be an object", "type": "dict_type"}]
    problems = []
    for path, kind, required in _SHAPE:
        parent: Any = raw
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if not isinstance(parent, dict):
            continue  # its parent is already reported
        value = parent.get(path[-1])
        if value is None and required:
            problems.append({"field": ".".join(path), "message": "Field required", "type": "missing"})
        elif value is not None and not _conforms(kind, value):
            message, kind_name = _EXPECTED[kind]
            problems.append({"field": ".".join(path), "message": message, "type": kind_name})
        elif kind != _OBJECT and value is not None and not _unicode(value):  # an unpaired surrogate
            problems.append({"field": ".".join(path), "message": "must be valid Unicode", "type": "string_unicode"})
    return problems


def sent_request_id(raw: object) -> str | None:
    """API Gateway's request id, when the event carries one where it puts it."""
    context = raw.get("requestContext") if isinstance(raw, dict) else None
    request_id = context.get("requestId") if isinstance(context, dict) else None
    return request_id if isinstance(request_id, str) and request_id else None


class HttpEvent:
    """One payload-v2 event, read the way API Gateway HTTP APIs define it."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw_event: Mapping[str, Any] = raw

    @property
    def _context(self) -> Mapping[str, Any]:
        return self.raw_event.get("requestContext") or {}

    @property
    def http_method(self) -> str:
        return str((self._context.get("http") or {}).get("method") or "").upper()

    @property
    def path(self) -> str:
        """The path the routes match: rawPath without the stage (absent on `$default`)."""
        raw = str(self.raw_event.get("rawPath") or "/")
        stage = self._context.get("stage")
        if stage and stage != "$default" and (raw == f"/{stage}" or raw.startswith(f"/{stage}/")):
            return raw[len(stage) + 1:] or "/"
        return raw

    @cached_property
    def headers(self) -> Headers:
        return Headers(self.raw_event.get("headers"))

    @property
    def query_string_parameters(self) -> dict[str, str]:
        return dict(self.raw_event.get("queryStringParameters") or {})

    @property
    def raw_query_string(self) -> str:
        return str(self.raw_event.get("rawQueryString") or "")

    @property
    def path_parameters(self) -> dict[str, str]:
        return dict(self.raw_event.get("pathParameters") or {})

    @property
    def cookies(self) -> list[str]:
        return list(self.raw_event.get("cookies") or [])

    @property
    def body(self) -> str | None:
        return self.raw_event.get("body")

    @property
    def is_base64_encoded(self) -> bool:
        return bool(self.raw_event.get("isBase64Encoded"))


class Response(Generic[T]):
    """An answer the handler shapes itself: status, body, headers and Set-Cookie values.

    `Response[T]` documents the body's type (hub/http/openapi_bridge.py); a bytes body goes out
    base64-encoded, a non-str body with a JSON content type is serialized."""

    def __init__(
        self,
        status_code: int,
        content_type: str | None = None,
        body: T | None = None,
        headers: Mapping[str, str | list[str]] | None = None,
        cookies: list[Any] | None = None,
    ) -> None:
        self.status_code = status_code
        self.body: Any = body
        self.headers: dict[str, str | list[str]] = dict(headers or {})
        self.cookies = list(cookies or [])
        if content_type:
            self.headers.setdefault("Content-Type", content_type)

    def is_json(self) -> bool:
        content_type = self.headers.get("Content-Type", "")
        first = content_type[0] if isinstance(content_type, list) else content_type
        return first.startswith(JSON)

    def to_event_answer(self) -> dict[str, Any]:
        """The payload-v2 answer API Gateway expects (multi-value headers joined with ", ")."""
        body = self.body
        if self.is_json() and not isinstance(body, str):
            body = to_json(body)
        encoded = isinstance(body, bytes)
        if encoded:
            body = base64.b64encode(body).decode()
        headers = {name: value if isinstance(value, str) else ", ".join(value)
                   for name, value in self.headers.items() if value is not None}
        return {"statusCode": self.status_code, "body": body, "isBase64Encoded": encoded, "headers": headers,
                "cookies": [str(cookie) for cookie in self.cookies]}
