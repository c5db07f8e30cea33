"""The app every handler module creates, and the Lambda entry wrapper.

Each Lambda function serves one route of the route table (functions/routes.py; a few serve two
or three), so a resolver that routes is not needed: the app matches the event's path against
its few routes, binds the inputs to the function's typed parameters (hub/http/endpoint.py),
checks the answer against its declared model and writes the payload-v2 answer.

It replaced Powertools' `APIGatewayHttpResolver` for cold starts (issue 11): importing the
`aws_lambda_powertools.event_handler` package took every HTTP handler to 1.63x `import boto3`
before any hub code (measured by `make bench`, bench/imports.py), over the 1.5x goal. Powertools
still builds the OpenAPI document from the same functions (hub/http/openapi_bridge.py), and
Logger and Metrics stay. Behaviour is the resolver's: the same path matching, the same 400
details, answers validated and serialized by alias, an answer that does not fit its model a 500.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from aws_lambda_powertools.logging import correlation_paths
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from hub.errors import HubError, RouteNotFound, ValidationError
from hub.http.context import current_request
from hub.http.endpoint import AnswerMismatch, Endpoint, route_pattern
from hub.http.event import JSON, HttpEvent, Response
from hub.http.pipeline import handle_http
from hub.http.responses import to_json
from hub.http.routing import route_for_key
from hub.http.validation import validation_details
from hub.invocation import running
from hub.observability import count_swallowed, logger, metrics, tracer
from hub.redaction import start_invocation

F = TypeVar("F", bound=Callable[..., Any])


def _envelope(error: HubError) -> Response[str]:
    return Response(status_code=error.status_code, content_type=JSON,
                    body=to_json(error.to_body(current_request().request_id)), headers=error.headers or None)


class App:
    """The routes of one handler module."""

    def __init__(self, *, greedy_tail: bool = False) -> None:
        self.greedy_tail = greedy_tail
        self.endpoints: list[Endpoint] = []
        # per thread, like the request state (hub/request.py): the local stack serves a warm
        # module's requests on several threads at once (local/stack.py), and one request must
        # never read another's body, query or cookies
        self._event: ContextVar[HttpEvent | None] = ContextVar(f"hub_http_event_{id(self)}", default=None)

    @property
    def current_event(self) -> HttpEvent:
        """The request being served (in this thread)."""
        return self._event.get() or HttpEvent({})

    def route(self, rule: str, method: str | list[str], *, status_code: int = 200, enable_validation: bool = True,
              **options: Any) -> Callable[[F], F]:
        methods = tuple(m.upper() for m in ([method] if isinstance(method, str) else method))

        def register(func: F) -> F:
            self.endpoints.append(Endpoint(func, rule, methods, route_pattern(rule, greedy_tail=self.greedy_tail),
                                           status_code, enable_validation, options))
            # literal routes are tried before parameterized ones, as API Gateway and Powertools do
            self.endpoints.sort(key=lambda endpoint: "<" in endpoint.rule)
            return func

        return register

    def get(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "GET", **options)

    def post(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "POST", **options)

    def put(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "PUT", **options)

    def patch(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "PATCH", **options)

    def delete(self, rule: str, **options: Any) -> Callable[[F], F]:
        return self.route(rule, "DELETE", **options)

    def resolve(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        """The payload-v2 answer to one event; errors answer the envelope."""
        request = HttpEvent(event)
        self._event.set(request)
        try:
            endpoint, path_values = self._match(request)
            hub_route = route_for_key(current_request().route_key)
            response = endpoint.call(request, path_values, public=hub_route is None or hub_route.public)
        except HubError as error:
            response = _envelope(error)
        except PydanticValidationError as error:  # a model the domain built from the request
            response = _envelope(ValidationError(details=validation_details(error.errors())))
        except AnswerMismatch as error:
            # the details name fields and reasons, never the values (they may be credentials)
            logger.error("The answer does not match its model", extra={"fields": validation_details(error.errors)})
            count_swallowed("AnswerModelMismatch")
            response = _envelope(HubError())
        return response.to_event_answer()

    def _match(self, request: HttpEvent) -> tuple[Endpoint, dict[str, str]]:
        method, path = request.http_method, request.path
        for endpoint in self.endpoints:
            found = endpoint.pattern.match(path) if method in endpoint.methods else None
            if found:
                return endpoint, found.groupdict()
        raise RouteNotFound()

    def query_model(self, method: str) -> type[BaseModel] | None:
        """The pydantic model the method's function reads its query string with, if any."""
        return next((e.query_model for e in self.endpoints if method.upper() in e.methods and e.query_model), None)

    def refuses_path(self, method: str, path: str) -> bool:
        """Whether the function serving `method path` (the route table's `{name}` form) can refuse
        one of its path parameters with a 400."""
        rule = re.sub(r"\{(\w+)\+?\}", r"<\1>", path)
        return any(e.refuses_path for e in self.endpoints if method.upper() in e.methods and e.rule == rule)

    def get_openapi_schema(self) -> Any:
        """This module's part of the OpenAPI document, built by Powertools (hub/openapi.py merges them)."""
        from hub.http.openapi_bridge import openapi_schema

        return openapi_schema(self)


def create_app(*, greedy_tail: bool = False) -> App:
    """The app of one handler module; `greedy_tail` for routes ending in `{name+}`."""
    return App(greedy_tail=greedy_tail)


def lambda_entry(app: App) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    module = str(sys._getframe(1).f_globals.get("__name__", ""))  # the handler module calling us
    # log_event stays off whatever POWERTOOLS_LOGGER_LOG_EVENT says: events carry credentials in
    # bodies and OAuth codes in query strings; the pipeline logs what is safe to log
    @logger.inject_lambda_context(
        correlation_id_path=correlation_paths.API_GATEWAY_HTTP, clear_state=True, log_event=False
    )
    @tracer.capture_lambda_handler(capture_response=False)
    @metrics.log_metrics(raise_on_empty_metrics=False)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        start_invocation()  # secrets registered by an earlier invocation mask nothing here
        with running(module):
            return handle_http(app, event, context)

    return handler
