"""Which headers pass the proxy, each way.

To the provider: content negotiation, conditional requests, ranges, provider API versions
(`Notion-Version`, `Stripe-Version`, …) and `X-…` headers, except anything that is or looks like
a credential (the hub injects the connection's own, hub.proxy.auth), the hub's own controls
(`X-Hub-…`), forwarding and AWS signing headers (`X-Amz-Target`, an AWS JSON API's operation,
passes), method overrides, and hop-by-hop headers
(RFC 9110 §7.6.1); a forwarded value no HTTP header can carry (CR, LF, NUL, non-ASCII) is a 400.
Back to the caller: the representation, caching, pagination (`Link`), rate-limit and `X-…`
headers, never cookies or anything credential-like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from hub.errors import ValidationError

HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length", "content-encoding", "expect",
})
_REQUEST_ALLOWED = frozenset({
    "accept", "accept-language", "content-type", "content-language", "content-md5", "if-match",
    "if-none-match", "if-modified-since", "if-unmodified-since", "if-range", "range", "prefer",
    "idempotency-key", "user-agent",
    # the operation of AWS's JSON APIs served at `/` (DynamoDB, KMS, …): an action name, never a
    # credential, and signed with the request (hub/proxy/auth.py)
    "x-amz-target",
})
_RESPONSE_ALLOWED = frozenset({
    "content-type", "content-language", "content-disposition", "content-range", "accept-ranges", "etag",
    "last-modified", "cache-control", "expires", "vary", "link", "location", "retry-after", "www-authenticate",
    "preference-applied", "deprecation", "sunset", "ratelimit", "ratelimit-policy", "ratelimit-limit",
    "ratelimit-remaining", "ratelimit-reset",
})
_CREDENTIAL_LIKE = re.compile(r"auth|token|secret|key|session|signature|cookie|password|credential|amz",
                              re.IGNORECASE)
# method overrides too: a GET the provider runs as a POST would be retried as if it were safe
_NOT_FORWARDED = ("x-hub-", "x-forwarded-", "x-real-ip", "x-amzn-", "x-request-id", "x-http-method",
                  "x-method-override")
# what an HTTP/1.1 field value may carry and httpx can send (visible ASCII, space, tab): a CR or
# LF would end the header, a NUL or non-ASCII letter makes the request unsendable (a 502 before)
_NOT_FIELD_VALUE = re.compile(r"[^\t\x20-\x7e]")


def _passes(name: str, allowed: frozenset[str]) -> bool:
    lowered = name.lower()
    if lowered in HOP_BY_HOP or lowered.startswith(_NOT_FORWARDED):
        return False
    if lowered in allowed:
        return True
    custom = lowered.startswith("x-") or lowered.endswith("-version")
    return custom and not _CREDENTIAL_LIKE.search(lowered)


def request_headers(given: Mapping[str, str], *, auth_headers: Iterable[str] = ()) -> dict[str, str]:
    """The caller's headers that go on to the provider (names lower-cased)."""
    injected = {name.lower() for name in auth_headers}
    kept = {name.lower(): value for name, value in given.items()
            if name.lower() not in injected and _passes(name, _REQUEST_ALLOWED)}
    for name, value in kept.items():
        if _NOT_FIELD_VALUE.search(value):
            raise ValidationError(f"The header {name} holds characters an HTTP header cannot carry",
                                  details={"field": name})
    return kept


def response_headers(given: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The provider's headers the caller gets back (repeated ones joined by commas, as HTTP allows)."""
    kept: dict[str, str] = {}
    for name, value in given:
        if not _passes(name, _RESPONSE_ALLOWED):
            continue
        key = name.lower()
        kept[key] = f"{kept[key]}, {value}" if key in kept else value
    return kept
