"""The CORS policy of the API, declared once: the CDK stack gives it to API Gateway's
`corsPreflight` (infra/constructs/api.py) and the local emulator applies it the way API Gateway
HTTP APIs do (local/emulator.py): preflights are answered before any route or authorizer, and
an allowed origin's answers carry the headers.

The origins are the one setting `allowed_return_origins` (HUB_ALLOWED_RETURN_ORIGINS, CDK context
allowedReturnOrigins), the same list OAuth return URLs and connect-session origins must match.
Credentials stay off on purpose: browsers call the API with a bearer token (or a connect
session's token), never with cookies, so no origin is ever allowed to send the hub's cookies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# request headers a browser may send: the bearer token, JSON bodies, the create routes'
# Idempotency-Key and a caller-chosen request id
ALLOWED_HEADERS: tuple[str, ...] = ("authorization", "content-type", "idempotency-key", "x-request-id")
# response headers a browser's script may read: the rate-limit budget, the request id to quote
# in a support request, and Retry-After of a 429
EXPOSED_HEADERS: tuple[str, ...] = (
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-request-id",
    "retry-after",
)
ALLOWED_METHODS: tuple[str, ...] = ("GET", "POST", "PUT", "PATCH", "DELETE")
MAX_AGE_SECONDS = 3600
ALLOW_CREDENTIALS = False


@dataclass(frozen=True)
class CorsPolicy:
    origins: tuple[str, ...]
    allowed_headers: tuple[str, ...] = ALLOWED_HEADERS
    exposed_headers: tuple[str, ...] = EXPOSED_HEADERS
    methods: tuple[str, ...] = ALLOWED_METHODS
    max_age_seconds: int = MAX_AGE_SECONDS
    allow_credentials: bool = ALLOW_CREDENTIALS

    @classmethod
    def from_origins(cls, origins: Iterable[str]) -> CorsPolicy:
        return cls(origins=tuple(origin.rstrip("/") for origin in origins if origin.strip()))

    @property
    def enabled(self) -> bool:
        """API Gateway configures CORS only when origins are given; without them an OPTIONS
        request is routed like any other (and finds no route)."""
        return bool(self.origins)

    def allows(self, origin: str | None) -> bool:
        # exact match, as API Gateway compares them (scheme, host and port)
        return bool(origin) and origin in self.origins

    def preflight_headers(self, origin: str | None, request_headers: str | None) -> dict[str, str]:
        """The answer to an OPTIONS preflight: the policy when the origin is allowed, nothing
        (so the browser refuses the call) when it is not."""
        if not self.allows(origin):
            return {}
        asked = [h.strip().lower() for h in (request_headers or "").split(",") if h.strip()]
        allowed = [h for h in asked if h in self.allowed_headers]
        headers = {
            "Access-Control-Allow-Origin": str(origin),
            "Access-Control-Allow-Methods": ",".join(self.methods),
            "Access-Control-Max-Age": str(self.max_age_seconds),
            "Vary": "Origin",
        }
        if allowed:
            headers["Access-Control-Allow-Headers"] = ",".join(allowed)
        if self.allow_credentials:
            headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    def response_headers(self, origin: str | None) -> dict[str, str]:
        """Added to every answer to an allowed origin (errors included)."""
        if not self.allows(origin):
            return {}
        headers = {
            "Access-Control-Allow-Origin": str(origin),
            "Access-Control-Expose-Headers": ",".join(self.exposed_headers),
            "Vary": "Origin",
        }
        if self.allow_credentials:
            headers["Access-Control-Allow-Credentials"] = "true"
        return headers

