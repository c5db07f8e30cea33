"""JSON responses and the error envelope in API Gateway HTTP API (payload v2) shape."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from hub.errors import HubError


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):  # e.g. OpenAPI's ParameterInType in documents with path parameters
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def to_json(body: Any) -> str:
    return json.dumps(body, default=_default, separators=(",", ":"))


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", **(headers or {})},
        "body": to_json(body),
        "isBase64Encoded": False,
    }


def error_response(error: HubError, request_id: str | None) -> dict[str, Any]:
    return json_response(error.status_code, error.to_body(request_id), error.headers)
