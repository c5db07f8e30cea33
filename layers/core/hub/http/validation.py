"""Request bodies before the models see them: JSON only, valid UTF-8, an object, encodable text;
query strings without parameters the route does not declare; validation errors as the envelope's
field details.

The hub takes JSON objects only, so the body is parsed here, once, and every failure is a
HubError rendered in the error envelope (hub/http/endpoint.py binds the parsed body to its model).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from pydantic import BaseModel

from hub.errors import ValidationError
from hub.validation import encodable

MAX_REPORTED_CONTENT_TYPE = 100
# deeper than DynamoDB's 32 levels of nested maps no body can be stored, and far deeper ones
# overflow Python's stack in the parser or in any walk over the document (a 500, not a 400)
MAX_BODY_DEPTH = 32


def is_json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def body_text(body: str | None, *, base64_encoded: bool) -> str:
    """The body as text, or a 400 when it is not base64 (when flagged so) or not UTF-8."""
    try:
        return body_bytes(body, base64_encoded=base64_encoded).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("The body is not valid UTF-8",
                              details=[_detail("body", "not valid UTF-8", "unicode_error")]) from None


def body_bytes(body: str | None, *, base64_encoded: bool) -> bytes:
    """The body's bytes as sent, or a 400 when it is flagged base64 and is not base64, or is text
    that cannot be UTF-8 (API Gateway hands over text; such a str came from a broken decoder)."""
    if not body:
        return b""
    if not base64_encoded:
        try:
            return body.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("The body is not valid UTF-8",
                                  details=[_detail("body", "not valid UTF-8", "unicode_error")]) from None
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("The body is not valid base64",
                              details=[_detail("body", "not valid base64", "base64_error")]) from None


def parse_json_object(text: str) -> dict[str, Any]:
    """A JSON object whose every key and string is valid Unicode; anything else is a 400."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        detail = _detail("body", f"{error.msg} at position {error.pos}", "json_invalid")
        raise ValidationError("The body is not valid JSON", details=[detail]) from None
    except RecursionError:
        raise _too_deep() from None
    except ValueError:  # an integer over Python's digit limit (sys.int_info.default_max_str_digits)
        raise ValidationError("The body is not valid JSON",
                              details=[_detail("body", "a number has too many digits", "json_invalid")]) from None
    if not isinstance(value, dict):
        raise ValidationError("The body must be a JSON object",
                              details=[_detail("body", "must be a JSON object", "model_type")])
    _check_text(value, [])
    return value


def _too_deep() -> ValidationError:
    return ValidationError("The body nests too deeply",
                           details=[_detail("body", f"nests deeper than {MAX_BODY_DEPTH} levels", "json_invalid")])


def _check_text(node: Any, path: list[str]) -> None:
    if len(path) > MAX_BODY_DEPTH:
        raise _too_deep()
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


def refuse_unknown_query(model: type[BaseModel] | None, given: dict[str, Any] | None, *, public: bool) -> None:
    """A query model with extra="forbid" refuses parameters it does not declare (binding would
    silently drop them): a typo in a filter must not widen a listing. A non-public route that
    declares no query parameters refuses them all; public routes (the OAuth redirects) take what
    providers add."""
    known: set[str] = set()
    forbid = not public and model is None
    if model is not None:
        forbid = forbid or model.model_config.get("extra") == "forbid"
        known.update(field.alias or name for name, field in model.model_fields.items())
        known.update(model.model_fields)
    unknown = sorted(set(given or {}) - known) if forbid else []
    if unknown:
        raise ValidationError(details=[_detail(name, "Extra inputs are not permitted", "extra_forbidden")
                                       for name in unknown])


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
