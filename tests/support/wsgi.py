"""The handlers behind a WSGI app that behaves like API Gateway (HTTP API, payload v2) with a
fixed verified identity: what in-process tools that speak WSGI (schemathesis) call."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from hub.http import routing
from hub.http.routing import match_route
from local.apigw import LambdaContext, build_http_event

NOT_FOUND = b'{"message":"Not Found"}'  # API Gateway's own answer when no route matches


def _status_line(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Unknown"


def hub_wsgi_app(claims: dict[str, Any] | None) -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        # WSGI hands the path over as latin-1 text of the raw bytes
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        found = match_route(routing.route_table().values(), method, path)
        if found is None:
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [NOT_FOUND]
        route, params = found
        headers = {key[5:].replace("_", "-").lower(): value for key, value in environ.items()
                   if key.startswith("HTTP_")}
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = environ["CONTENT_TYPE"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        # API Gateway joins a repeated query parameter with commas
        query = {k: ",".join(v) for k, v in parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True).items()}
        event = build_http_event(route, path, path_params=params or None, query=query or None, headers=headers,
                                 body=body, claims=None if route.public else claims)
        result = importlib.import_module(route.module).handler(event, LambdaContext(route.function_name))
        response_headers = [(k, str(v)) for k, v in (result.get("headers") or {}).items()]
        response_headers += [("Set-Cookie", cookie) for cookie in result.get("cookies") or ()]
        start_response(_status_line(int(result["statusCode"])), response_headers)
        return [(result.get("body") or "").encode("utf-8")]

    return app
