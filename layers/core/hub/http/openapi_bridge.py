"""A handler module's part of the OpenAPI document, still built by Powertools.

Only the document imports Powertools' event handler (hub/openapi.py, `make openapi`, the
synth): the Lambda functions serve their routes with hub/http/app.py. Each function of an app
is registered on an `APIGatewayHttpResolver` under a signature whose markers and `Response`
are Powertools' own, so the document is what the resolver wrote when it served the routes.
"""

from __future__ import annotations

import functools
import typing
from inspect import Parameter, Signature, signature
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin

from hub.http.endpoint import Body, Param, Path, Query
from hub.http.event import Response

if TYPE_CHECKING:
    from hub.http.app import App


def openapi_schema(app: App) -> Any:
    from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

    resolver = APIGatewayHttpResolver(enable_validation=True, response_validation_error_http_code=500)
    for endpoint in app.endpoints:
        resolver.route(endpoint.rule, list(endpoint.methods), status_code=endpoint.status_code,
                       enable_validation=endpoint.validate, **endpoint.options)(_as_powertools(endpoint.func))
    return resolver.get_openapi_schema()


def _as_powertools(func: Any) -> Any:
    hints = typing.get_type_hints(func, include_extras=True)
    parameters = [parameter.replace(annotation=_translate(hints.get(name, parameter.annotation)))
                  for name, parameter in signature(func).parameters.items()]
    answer = _translate(hints.get("return", Signature.empty))

    @functools.wraps(func)
    def documented(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    del documented.__wrapped__  # Powertools reads the signature below, not the original's
    documented.__signature__ = Signature(parameters, return_annotation=answer)  # type: ignore[attr-defined]
    documented.__annotations__ = {p.name: p.annotation for p in parameters if p.annotation is not Parameter.empty}
    if answer is not Signature.empty:
        documented.__annotations__["return"] = answer
    return documented


def _translate(annotation: Any) -> Any:
    from aws_lambda_powertools.event_handler import Response as PowertoolsResponse
    from aws_lambda_powertools.event_handler.openapi import params

    markers = {Path: params.Path, Query: params.Query, Body: params.Body}
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        translated = [markers[type(m)](**m.options) if isinstance(m, Param) else m for m in metadata]
        return Annotated[(_translate(base), *translated)]  # type: ignore[valid-type]
    if get_origin(annotation) is Response:
        return PowertoolsResponse[get_args(annotation)]  # type: ignore[misc]
    if annotation is Response:
        return PowertoolsResponse
    return annotation
