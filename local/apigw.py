"""API Gateway HTTP API (payload format 2.0) events, built the way API Gateway builds them."""

from __future__ import annotations

import base64
import importlib
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from hub import clock
from hub.http import routing
from hub.http.routing import Route, match_route


def _flatten_claim(value: Any) -> Any:
    # API Gateway hands array claims to Lambda as "[a b c]" strings
    if isinstance(value, list):
        return "[" + " ".join(str(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    return value


def build_http_event(
    route: Route,
    path: str,
    *,
    path_params: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    body: bytes | str | None = None,
    claims: dict[str, Any] | None = None,
    source_ip: str = "127.0.0.1",
    request_id: str | None = None,
    domain: str = "127.0.0.1",
) -> dict[str, Any]:
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    # payload v2: API Gateway moves the Cookie header into the `cookies` list
    cookie_header = lowered.pop("cookie", None)
    raw_body: str | None
    is_b64 = False
    if body is None or body == b"" or body == "":
        raw_body = None
    elif isinstance(body, bytes):
        try:
            raw_body = body.decode("utf-8")
        except UnicodeDecodeError:
            raw_body, is_b64 = base64.b64encode(body).decode(), True
    else:
        raw_body = body
    now = time.time()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route.key,
        "rawPath": path,
        "rawQueryString": urlencode(query or {}),
        "headers": lowered,
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": domain,
            "domainPrefix": "local",
            "http": {
                "method": route.method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": lowered.get("user-agent", ""),
            },
            "requestId": request_id or uuid.uuid4().hex[:20],
            "routeKey": route.key,
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "isBase64Encoded": is_b64,
    }
    if cookie_header:
        event["cookies"] = [part.strip() for part in cookie_header.split(";") if part.strip()]
    if query:
        event["queryStringParameters"] = dict(query)
    if path_params:
        event["pathParameters"] = dict(path_params)
    if raw_body is not None:
        event["body"] = raw_body
    if claims is not None:
        event["requestContext"]["authorizer"] = {
            "jwt": {"claims": {k: _flatten_claim(v) for k, v in claims.items()}, "scopes": None}
        }
    return event


class LambdaContext:
    """Enough of the Lambda context object for Powertools and the jobs' time budget."""

    def __init__(self, function_name: str, timeout_seconds: float = 30.0) -> None:
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:000000000000:function:{function_name}"
        self.memory_limit_in_mb = 512
        self.aws_request_id = uuid.uuid4().hex
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = "local"
        # on the hub's clock (hub/clock.py): a test that freezes it gives a job all its time
        self._deadline = clock.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - clock.monotonic()) * 1000))


def invoke(method: str, path: str, **event: Any) -> dict[str, Any]:
    """Call the handler of `method path` in this process as API Gateway would: the route table's
    match, a payload v2 event (`event`: build_http_event's keywords), the module imported once."""
    found = match_route(routing.route_table().values(), method, path)
    if found is None:
        raise LookupError(f"no route for {method} {path}")
    route, params = found
    request = build_http_event(route, path, path_params=params or None, **event)
    result: dict[str, Any] = importlib.import_module(route.module).handler(request, LambdaContext(route.function_name))
    return result
