"""Which error statuses (and codes) each route can answer: the OpenAPI document is built from it,
and the contract test (tests/integration/test_api_contract.py) holds the routes to it.

The pipeline's own answers follow from the route itself (public or not, rate class, body,
Idempotency-Key); the domain's answers are listed per area of the route table, from the error
classes that area raises (hub/errors.py and the areas' own subclasses).
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.http.routing import Route

Codes = dict[int, tuple[str, ...]]

DESCRIPTIONS = {
    400: "The request is not valid",
    401: "No valid identity, or the connection's token expired",
    403: "The caller's role may not use this route",
    404: "Not found (another tenant's ids answer this too)",
    409: "Conflict with the current state",
    413: "The body is larger than the limit",
    415: "The body is not JSON",
    422: "The Idempotency-Key was used with another body",
    429: "Rate limit of the tenant and endpoint class exceeded (see Retry-After)",
    502: "The provider failed or could not be reached",
    503: "A dependency is not available",
    504: "The provider did not answer in time",
}

_CONNECTION_400 = ("INVALID_CREDENTIALS", "OAUTH_FAILED", "AUTH_TYPE_MISMATCH", "PROVIDER_DISABLED",
                   "PROVIDER_NOT_CONFIGURED", "PROVIDER_MISCONFIGURED", "USER_SCOPED_INTEGRATION",
                   "REFRESH_FAILED", "UNSAFE_URL")
_PROVIDER_CALL_5XX: Codes = {502: ("CONNECTION_FAILED", "REFRESH_FAILED")}

# the domain's errors by the route table's area (besides VALIDATION_ERROR, which every area has)
AREA_ERRORS: dict[str, Codes] = {
    "providers": {404: ("PROVIDER_NOT_FOUND",), 409: ("PROVIDER_EXISTS", "PROVIDER_IN_USE", "VERSION_CONFLICT"),
                  502: ("CONNECTION_FAILED",)},
    "catalog": {404: ("PROVIDER_NOT_FOUND",)},
    "integrations": {400: ("PROVIDER_DISABLED", "USER_SCOPED_INTEGRATION"),
                     404: ("INTEGRATION_NOT_FOUND", "PROVIDER_NOT_FOUND"),
                     409: ("INTEGRATION_EXISTS", "VERSION_CONFLICT")},
    "audit": {},
    "connections": {400: _CONNECTION_400, 401: ("TOKEN_EXPIRED",),
                    404: ("INTEGRATION_NOT_FOUND", "PROVIDER_NOT_FOUND", "CONNECTION_NOT_FOUND", "SECRET_NOT_FOUND"),
                    409: ("CONFLICT", "REFRESH_IN_PROGRESS", "INTEGRATION_DISABLED"), **_PROVIDER_CALL_5XX},
    "user_connections": {400: _CONNECTION_400,
                         404: ("INTEGRATION_NOT_FOUND", "PROVIDER_NOT_FOUND", "CONNECTION_NOT_FOUND"),
                         409: ("CONFLICT", "INTEGRATION_DISABLED"), **_PROVIDER_CALL_5XX},
    "oauth": {400: ("OAUTH_FAILED",)},
    "health": {404: ("INTEGRATION_NOT_FOUND",)},
    "sync": {400: ("SYNC_NOT_SUPPORTED",), 401: ("TOKEN_EXPIRED",), 404: ("INTEGRATION_NOT_FOUND",
                                                                          "CONNECTION_NOT_FOUND"),
             409: ("INTEGRATION_DISABLED", "CONFLICT"), 502: ("SYNC_FAILED", "CONNECTION_FAILED", "REFRESH_FAILED")},
    "search": {400: ("SEARCH_DISABLED", "SEARCH_NOT_SUPPORTED"), 401: ("TOKEN_EXPIRED",),
               404: ("INTEGRATION_NOT_FOUND", "PROVIDER_NOT_FOUND", "CONNECTION_NOT_FOUND"),
               409: ("INTEGRATION_DISABLED",), **_PROVIDER_CALL_5XX, 504: ("SEARCH_TIMEOUT",)},
    "widgets": {400: ("ENTITY_NOT_READABLE",), 401: ("TOKEN_EXPIRED",),
                404: ("INTEGRATION_NOT_FOUND", "CONNECTION_NOT_FOUND"), 409: ("INTEGRATION_DISABLED",),
                **_PROVIDER_CALL_5XX},
    # the intake reads the raw body itself (no JSON body model): 413 from the pipeline's size check
    "inbound": {400: ("VALIDATION_ERROR",), 401: ("INVALID_SIGNATURE",), 404: ("PROVIDER_NOT_FOUND",),
                413: ("PAYLOAD_TOO_LARGE",), 503: ("SERVICE_UNAVAILABLE",)},
    "proxy": {400: ("INVALID_PROVIDER_PATH", "UNSAFE_URL", "USER_SCOPED_INTEGRATION", "PROVIDER_DISABLED",
                    "TOKEN_EXPIRED"),
              404: ("INTEGRATION_NOT_FOUND", "PROVIDER_NOT_FOUND", "CONNECTION_NOT_FOUND"),
              409: ("INTEGRATION_DISABLED",), 413: ("PAYLOAD_TOO_LARGE", "RESPONSE_TOO_LARGE"),
              429: ("PROVIDER_RATE_LIMITED",),
              502: ("CONNECTION_FAILED", "PROVIDER_TIMEOUT", "REFRESH_FAILED", "PROVIDER_MISCONFIGURED")},
    "webhooks": {400: ("UNSAFE_URL",), 404: ("WEBHOOK_NOT_FOUND", "INTEGRATION_NOT_FOUND"),
                 409: ("CONFLICT", "VERSION_CONFLICT", "WEBHOOK_DISABLED", "DELIVERY_IN_PROGRESS")},
}

# errors only one route answers
ROUTE_ERRORS: dict[str, Codes] = {
    "GET /ready": {503: ("SERVICE_UNAVAILABLE",)},
    "GET /api/admin/integrations/{category}/{id}/inbound-webhooks": {400: ("INBOUND_NOT_SUPPORTED",)},
    "PUT /api/admin/integrations/{category}/{id}/inbound-webhooks": {400: ("INBOUND_NOT_SUPPORTED",)},
    "GET /api/tenant/integrations/{id}/inbound-webhooks": {400: ("INBOUND_NOT_SUPPORTED",)},
    "PUT /api/tenant/integrations/{id}/inbound-webhooks": {400: ("INBOUND_NOT_SUPPORTED",)},
}


@dataclass(frozen=True)
class RouteShape:
    """What the pipeline needs to know about a route's inputs."""

    has_body: bool
    has_query: bool
    has_path: bool


def route_errors(route: Route, shape: RouteShape) -> Codes:
    """Every error status the route can answer, with the codes it carries."""
    errors: dict[int, list[str]] = {}

    def add(status: int, *codes: str) -> None:
        bucket = errors.setdefault(status, [])
        bucket.extend(code for code in codes if code not in bucket)

    # non-public routes refuse query parameters they do not declare, so every one can answer 400
    if not route.public or shape.has_body or shape.has_query:
        add(400, "VALIDATION_ERROR")
    if not route.public:
        add(401, "UNAUTHORIZED")
        add(403, "PERMISSION_DENIED")
    if route.rate_class:
        add(429, "RATE_LIMIT_EXCEEDED")
    if shape.has_body:
        add(413, "PAYLOAD_TOO_LARGE")
        if not route.passthrough:  # the proxy takes any media type
            add(415, "UNSUPPORTED_MEDIA_TYPE")
    if route.idempotent:
        add(409, "IDEMPOTENCY_CONFLICT")
        add(422, "IDEMPOTENCY_KEY_REUSED")
    for status, codes in AREA_ERRORS.get(route.area, {}).items():
        if status == 404 and not shape.has_path and route.method == "GET":
            continue  # a listing without ids finds nothing missing
        add(status, *codes)
    for status, codes in ROUTE_ERRORS.get(route.key, {}).items():
        add(status, *codes)
    return {status: tuple(codes) for status, codes in sorted(errors.items())}
