"""The app factory every handler module uses, and the Lambda entry wrapper."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError, ResponseValidationError
from aws_lambda_powertools.logging import correlation_paths
from pydantic import ValidationError as PydanticValidationError

from hub.errors import HubError, RouteNotFound, ValidationError
from hub.http.context import current_request
from hub.http.pipeline import handle_http
from hub.http.responses import to_json
from hub.http.validation import JsonBodyValidation
from hub.invocation import running
from hub.observability import count_swallowed, logger, metrics, tracer
from hub.redaction import start_invocation


def _envelope(error: HubError) -> Response:
    return Response(
        status_code=error.status_code,
        content_type="application/json",
        body=to_json(error.to_body(current_request().request_id)),
        headers=error.headers or None,
    )


def validation_details(errors: Any) -> list[dict[str, Any]]:
    """Field-level details without echoing the input (it may be a credential)."""
    details = []
    for err in errors:
        loc = list(err.get("loc", ()))
        if len(loc) >= 3 and loc[0] == "query":
            loc = loc[2:]  # a query model's field: ("query", <parameter name>, <field>)
        loc = [str(part) for part in loc if part not in ("body", "query", "path", "header")]
        details.append({"field": ".".join(loc) or "body", "message": err.get("msg", "invalid"),
                        "type": err.get("type", "value_error")})
    return details


class _GreedyTailResolver(APIGatewayHttpResolver):
    """A resolver whose routes end in a greedy parameter, API Gateway's `{path+}`
    (hub/http/routing.py): the trailing `<path>` matches the rest of the path, slashes included.
    Powertools' own parameters stop at a slash."""

    def _compile_regex(self, rule: str, base_regex: str = "^{}$") -> re.Pattern[str]:  # type: ignore[override]
        head, _, tail = rule.rpartition("/")
        name = re.fullmatch(r"<(\w+)>", tail)
        if name is None:
            return super()._compile_regex(rule, base_regex)  # type: ignore[no-any-return]
        prefix = super()._compile_regex(head, "{}").pattern
        return re.compile(base_regex.format(f"{prefix}/(?P<{name.group(1)}>.+)"))


def create_app(*, greedy_tail: bool = False) -> APIGatewayHttpResolver:
    """The resolver of one handler module; `greedy_tail` for routes ending in `{name+}`."""
    # the return annotation is the answer's documented model (hub/openapi.py); an answer that does
    # not fit it is the hub's bug, not the caller's input: a 500, logged and counted
    resolver = _GreedyTailResolver if greedy_tail else APIGatewayHttpResolver
    app = resolver(enable_validation=True, response_validation_error_http_code=500)
    # Powertools keeps its request-validation middleware in this attribute and always runs it
    # first; ours reads the body by the hub's rules (hub/http/validation.py)
    app._request_validation_middleware = JsonBodyValidation()

    @app.exception_handler(HubError)
    def _hub_error(error: HubError) -> Response:
        return _envelope(error)

    @app.exception_handler(RequestValidationError)
    def _request_validation(error: RequestValidationError) -> Response:
        return _envelope(ValidationError(details=validation_details(error.errors())))

    @app.exception_handler(ResponseValidationError)
    def _answer_mismatch(error: ResponseValidationError) -> Response:
        # the details name fields and reasons, never the values (they may be credentials)
        logger.error("The answer does not match its model", extra={"fields": validation_details(error.errors())})
        count_swallowed("AnswerModelMismatch")
        return _envelope(HubError())

    @app.exception_handler(PydanticValidationError)
    def _model_validation(error: PydanticValidationError) -> Response:
        return _envelope(ValidationError(details=validation_details(error.errors())))

    @app.not_found
    def _not_found(_: NotFoundError) -> Response:
        return _envelope(RouteNotFound())

    return app


def lambda_entry(app: APIGatewayHttpResolver) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
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
