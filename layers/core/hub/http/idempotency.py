"""Idempotent creates: an `Idempotency-Key` header replays the first successful response.

Built on Powertools' idempotency utility with the single table as its persistence layer
(pk `TENANT#{tenant}#IDEMPOTENCY`, the table's `ttl` as expiry). The key is scoped per tenant,
per caller and per route (the route's template and the concrete path): another admin of the
same tenant who happens to send the same key runs their own request and never receives the
first caller's response. A reused key with another body is refused, and a request still in
flight answers 409. Error responses are not stored: a failed create can be retried.

The stored response is sealed with the Encryption SDK (context: tenant, route, purpose) because
some creates answer a secret exactly once (a webhook's signing secret): the replay must answer
it again, but the table must never hold it in clear.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)

from hub import aws
from hub.errors import IdempotencyConflict, IdempotencyKeyReused, ValidationError
from hub.settings import get_settings
from hub.table import tenant_pk

MAX_KEY_LENGTH = 255


class _ErrorResponse(Exception):
    """Carries a non-2xx response out of the idempotent function so it is not stored."""

    def __init__(self, response: dict[str, Any]) -> None:
        super().__init__("error response")
        self.response = response


def run_idempotent(
    *,
    tenant_id: str,
    caller_id: str,
    route_key: str,
    path: str,
    idempotency_key: str,
    body: str | None,
    execute: Callable[[], dict[str, Any]],
    lambda_context: Any = None,
) -> dict[str, Any]:
    if not idempotency_key or len(idempotency_key) > MAX_KEY_LENGTH:
        raise ValidationError(
            "Idempotency-Key must be 1 to 255 characters",
            details={"field": "Idempotency-Key"},
        )
    settings = get_settings()
    persistence = DynamoDBPersistenceLayer(
        table_name=settings.table_name,
        key_attr="pk",
        sort_key_attr="sk",
        static_pk_value=f"{tenant_pk(tenant_id)}#IDEMPOTENCY",
        expiry_attr="ttl",
        boto3_client=aws.client("dynamodb"),
    )
    config = IdempotencyConfig(
        event_key_jmespath="[caller, path, key]",
        payload_validation_jmespath="bodyHash",
        expires_after_seconds=settings.idempotency_ttl_seconds,
        raise_on_no_idempotency_key=True,
    )
    if lambda_context is not None:
        config.register_lambda_context(lambda_context)
    executed = False

    @idempotent_function(
        data_keyword_argument="request",
        persistence_store=persistence,
        config=config,
        key_prefix=f"IDEMPOTENCY#{route_key}",
    )
    def _execute(request: dict[str, Any]) -> dict[str, Any]:
        nonlocal executed
        executed = True
        response = execute()
        if int(response.get("statusCode", 500)) >= 400:
            raise _ErrorResponse(response)
        return {"sealed": _seal(response, tenant_id, caller_id, route_key)}

    request = {
        "caller": caller_id,
        "path": path,
        "key": idempotency_key,
        "bodyHash": hashlib.sha256((body or "").encode()).hexdigest(),
    }
    try:
        stored = _execute(request=request)
        response = _unseal(stored, tenant_id, caller_id, route_key)
    except _ErrorResponse as error:
        return error.response
    except IdempotencyAlreadyInProgressError:
        raise IdempotencyConflict() from None
    except IdempotencyValidationError:
        raise IdempotencyKeyReused() from None
    if not executed:
        response = {**response, "headers": {**(response.get("headers") or {}), "Idempotent-Replayed": "true"}}
    return response


def _context(tenant_id: str, caller_id: str, route_key: str) -> dict[str, str]:
    return {"tenantId": tenant_id, "caller": caller_id, "route": route_key, "purpose": "idempotent-response"}


def _seal(response: dict[str, Any], tenant_id: str, caller_id: str, route_key: str) -> str:
    from hub.vault import encrypt_field

    context = _context(tenant_id, caller_id, route_key)
    return encrypt_field(json.dumps(response, separators=(",", ":")), context)


def _unseal(stored: dict[str, Any], tenant_id: str, caller_id: str, route_key: str) -> dict[str, Any]:
    from hub.vault import decrypt_field

    context = _context(tenant_id, caller_id, route_key)
    response: dict[str, Any] = json.loads(decrypt_field(stored["sealed"], context))
    return response
