"""The API Gateway HTTP API emulator: matches a request to the route table exactly as API
Gateway does, verifies the bearer token like the JWT authorizer, builds a payload-v2 event and
runs the real handler module (imported once, warm, like Lambda). CORS is applied as API Gateway's
`corsPreflight` does, from the same policy the CDK stack configures (hub/http/cors.py)."""

from __future__ import annotations

import base64
import importlib
import json
import threading
import time
from typing import Any

from werkzeug.wrappers import Request, Response

from hub.http import routing
from hub.http.cors import CorsPolicy
from hub.http.routing import Route, match_route
from hub.settings import get_settings
from local.apigw import LambdaContext, build_http_event
from local.issuer import LocalIssuer, TokenRejected


def _envelope(status: int, code: str, message: str, request_id: str) -> Response:
    body = {"error": {"code": code, "message": message, "details": {}, "requestId": request_id}}
    return Response(json.dumps(body), status=status, content_type="application/json",
                    headers={"X-Request-Id": request_id})


class ApiGatewayEmulator:
    def __init__(self, issuer: LocalIssuer, *, log: bool = True) -> None:
        self.issuer = issuer
        self.log = log
        self._modules: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _module(self, route: Route) -> Any:
        module = self._modules.get(route.module)
        if module is None:
            with self._lock:
                module = self._modules.get(route.module) or importlib.import_module(route.module)
                self._modules[route.module] = module
        return module

    def docs_page(self) -> Response:
        from pathlib import Path

        from aws_lambda_powertools.event_handler.openapi import swagger_ui
        from aws_lambda_powertools.event_handler.openapi.swagger_ui.html import generate_swagger_html

        from hub.http.responses import to_json
        from hub.openapi import openapi_document

        assets = Path(swagger_ui.__file__).parent
        html = generate_swagger_html(
            to_json(openapi_document()).replace("</", "<\\/"),
            (assets / "swagger-ui-bundle.min.js").read_text(encoding="utf-8"),
            (assets / "swagger-ui.min.css").read_text(encoding="utf-8"),
            "",
            None,
            True,
        )
        return Response(html, content_type="text/html; charset=utf-8")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        started = time.perf_counter()
        response = self.dispatch(request)
        if self.log:
            elapsed = (time.perf_counter() - started) * 1000
            print(f"{request.method} {request.full_path.rstrip('?')} -> {response.status_code} ({elapsed:.0f} ms)",
                  flush=True)
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        cors = CorsPolicy.from_origins(get_settings().allowed_return_origins)
        origin = request.headers.get("Origin")
        if cors.enabled and request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            # API Gateway answers a preflight itself, before routes and the authorizer
            return Response(status=204, headers=cors.preflight_headers(
                origin, request.headers.get("Access-Control-Request-Headers")))
        response = self._dispatch(request)
        if cors.enabled:
            for key, value in cors.response_headers(origin).items():
                response.headers[key] = value
        return response

    def _dispatch(self, request: Request) -> Response:
        request_id = base64.b32encode(__import__("os").urandom(10)).decode().rstrip("=")
        if request.path in ("/docs", "/docs/") and request.method == "GET":
            return self.docs_page()
        found = match_route(routing.route_table().values(), request.method, request.path)
        if found is None:
            return _envelope(404, "ROUTE_NOT_FOUND", "No route matches this request", request_id)
        route, params = found
        claims = None
        if not route.public:
            try:
                claims = self.issuer.bearer_claims(request.headers.get("Authorization"))
            except TokenRejected:
                return _envelope(401, "UNAUTHORIZED", "A valid bearer token is required", request_id)
        query = {k: ",".join(request.args.getlist(k)) for k in request.args}
        event = build_http_event(
            route,
            request.path,
            path_params=params or None,
            query=query or None,
            headers=dict(request.headers.items()),
            body=request.get_data(),
            claims=claims,
            source_ip=request.remote_addr or "127.0.0.1",
            request_id=request_id,
            domain=request.host,
        )
        result = self._module(route).handler(event, LambdaContext(route.function_name))
        return self._to_response(result)

    @staticmethod
    def _to_response(result: dict[str, Any]) -> Response:
        body = result.get("body") or ""
        data = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode("utf-8")
        response = Response(data, status=int(result.get("statusCode", 200)))
        response.headers.clear()
        for key, value in (result.get("headers") or {}).items():
            response.headers[key] = value
        for key, values in (result.get("multiValueHeaders") or {}).items():
            for value in values:
                response.headers.add(key, value)
        for cookie in result.get("cookies") or []:
            response.headers.add("Set-Cookie", cookie)
        if "Content-Type" not in response.headers:
            response.headers["Content-Type"] = "application/json"
        return response
