"""The two shapes a handler sees: the API Gateway HTTP API (payload v2) request, and the
`Response` it may return instead of a typed answer (redirects, pages, the proxy's bytes).

They read and write what Powertools' `APIGatewayProxyEventV2` and `Response` did, attribute for
attribute, so handlers did not change when the resolver was replaced (hub/http/app.py says why).
"""

from __future__ import annotations

import base64
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
