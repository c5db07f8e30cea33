"""Request bodies before the models see them: JSON only, valid UTF-8, an object, encodable text.

Powertools' request validation parses the body itself and lets decoding failures escape as
UnicodeDecodeError (a body that is not UTF-8) or ValueError (multipart without a boundary), and
answers an unsupported media type with its own 415 body. The hub takes JSON objects only, so the
body is parsed here, once, and every failure is a HubError rendered in the error envelope.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from aws_lambda_powertools.event_handler.middlewares.openapi_validation import OpenAPIRequestValidationMiddleware
from pydantic import BaseModel

from hub.errors import UnsupportedMediaType, ValidationError
from hub.http.context import current_request
from hub.http.routing import route_for_key
from hub.validation import encodable

MAX_REPORTED_CONTENT_TYPE = 100


def is_json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def body_text(body: str | None, *, base64_encoded: bool) -> str:
    """The body as text, or a 400 when it is not base64 (when flagged so) or not UTF-8."""
    if not body:
        return ""
    if not base64_encoded:
        # API Gateway hands over text; a str that cannot be encoded came from a broken decoder
        try:
            body.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("The body is not valid UTF-8", details=[_detail("body", "not valid UTF-8",
                                                                                  "unicode_error")]) from None
        return body
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("The body is not valid base64",
                              details=[_detail("body", "not valid base64", "base64_error")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("The body is not valid UTF-8",
                              details=[_detail("body", "not valid UTF-8", "unicode_error")]) from None


def parse_json_object(text: str) -> dict[str, Any]:
    """A JSON object whose every key and string is valid Unicode; anything else is a 400."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        detail = _detail("body", f"{error.msg} at position {error.pos}", "json_invalid")
        raise ValidationError("The body is not valid JSON", details=[detail]) from None
    if not isinstance(value, dict):
        raise ValidationError("The body must be a JSON object",
                              details=[_detail("body", "must be a JSON object", "model_type")])
    _check_text(value, [])
    return value


def _check_text(node: Any, path: list[str]) -> None:
    if isinstance(node, dict):
        for key, item in node.items():
            _check_string(key, [*path, str(key)])
            _check_text(item, [*path, key])
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _check_text(item, [*path, str(index)])
    elif isinstance(node, str):
        _check_string(node, path)


def _check_string(text: str, path: list[str]) -> None:
    try:
        encodable(text)
    except ValueError as error:
        # the path itself may hold the bad key: report it in an encodable form
        field = ".".join(part.encode("utf-8", "backslashreplace").decode("utf-8") for part in path) or "body"
        raise ValidationError(details=[_detail(field, str(error), "string_unicode")]) from None


def _detail(field: str, message: str, kind: str) -> dict[str, str]:
    return {"field": field, "message": message, "type": kind}


def refuse_unknown_query(route: Any, given: dict[str, Any] | None, *, public: bool) -> None:
    """A query model with extra="forbid" refuses parameters it does not declare (Powertools
    would silently drop them): a typo in a filter must not widen a listing. A non-public route
    that declares no query parameters refuses them all; public routes (the OAuth redirects)
    take what providers add."""
    known: set[str] = set()
    forbid = not public and not route.dependant.query_params
    for param in route.dependant.query_params:
        model = param.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            forbid = forbid or model.model_config.get("extra") == "forbid"
            known.update(field.alias or name for name, field in model.model_fields.items())
            known.update(model.model_fields)
        else:
            known.add(param.alias)
    unknown = sorted(set(given or {}) - known) if forbid else []
    if unknown:
        raise ValidationError(details=[_detail(name, "Extra inputs are not permitted", "extra_forbidden")
                                       for name in unknown])


class JsonBodyValidation(OpenAPIRequestValidationMiddleware):
    """Powertools' request validation with the body read by the rules above, and unknown query
    parameters refused."""

    def handler(self, app: Any, next_middleware: Any) -> Any:
        hub_route = route_for_key(current_request().route_key)
        refuse_unknown_query(app.context["_route"], app.current_event.query_string_parameters,
                             public=hub_route is None or hub_route.public)
        return super().handler(app, next_middleware)

    def _get_body(self, app: Any) -> dict[str, Any]:
        event = app.current_event
        content_type = event.headers.get("content-type", "") or ""
        if not is_json_media_type(content_type):
            raise UnsupportedMediaType(details={"contentType": content_type[:MAX_REPORTED_CONTENT_TYPE],
                                                "supported": ["application/json"]})
        return parse_json_object(body_text(event.body, base64_encoded=event.is_base64_encoded))
