"""Which error statuses (and codes) each route can answer: the OpenAPI document is built from it,
and the contract test (tests/integration/test_api_contract.py) holds the routes to it.

The pipeline's own answers follow from the route itself (public or not, rate class, body,
Idempotency-Key); the domain's answers are declared by each route of the route table
(functions/routes.py, `errors`), from the errors its domain call raises (hub/errors.py and the
areas' own subclasses).
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
    410: "Gone: the connect session expired",
    413: "The body is larger than the limit",
    415: "The body is not JSON",
    422: "The Idempotency-Key was used with another body",
    429: "Rate limit of the tenant and endpoint class exceeded (see Retry-After)",
    502: "The provider failed or could not be reached",
    503: "A dependency is not available",
    504: "The provider did not answer in time",
}



def declared_errors(route: Route) -> Codes:
    """The route table's `errors` of a route, by status."""
    by_status: dict[int, list[str]] = {}
    for entry in route.errors:
        status, _, code = entry.partition(" ")
        if not status.isdigit() or int(status) not in DESCRIPTIONS or not code.isupper():
            raise ValueError(f"{route.key}: error {entry!r} is not '<status> <CODE>' with a documented status")
        by_status.setdefault(int(status), []).append(code)
    return {status: tuple(codes) for status, codes in by_status.items()}


@dataclass(frozen=True)
class RouteShape:
    """What the pipeline needs to know about a route's inputs."""

    has_body: bool
    has_query: bool
    # a path parameter the handler can refuse (a pattern, a length, a type other than plain str);
    # a plain str takes every segment API Gateway's {param} matches (hub/http/endpoint.py)
    has_refusable_path: bool


def route_errors(route: Route, shape: RouteShape) -> Codes:
    """Every error status the route can answer, with the codes it carries."""
    errors: dict[int, list[str]] = {}

    def add(status: int, *codes: str) -> None:
        bucket = errors.setdefault(status, [])
        bucket.extend(code for code in codes if code not in bucket)

    # non-public routes refuse query parameters they do not declare, and a path parameter outside
    # its pattern is refused too, so every one of those can answer 400
    if not route.public or shape.has_body or shape.has_query or shape.has_refusable_path:
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
    for status, codes in declared_errors(route).items():
        add(status, *codes)
    return {status: tuple(codes) for status, codes in sorted(errors.items())}
