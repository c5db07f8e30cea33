"""A provider's answer never hands the connection's credential to the caller.

Providers echo what they were sent: a trailing-slash redirect repeats the query (and with it an
API key sent as a query parameter) in `Location`, a debug header or an error body repeats the
URL or the token. Before an answer leaves hub.proxy.core, every credential value that went out
on the request, in clear or URL-encoded, is replaced by the redaction mask in its headers and
body; the same values are registered for this invocation, so logs mask them too (hub/redaction.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

from hub.redaction import MASK, MIN_SECRET_LENGTH, is_secret_key, register_secret


def _secret_fields(value: Any) -> Iterable[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(item, str) and isinstance(key, str) and is_secret_key(key):
                yield item
            else:
                yield from _secret_fields(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _secret_fields(item)


def sent_secrets(payload: Mapping[str, Any], *, auth_value: str | None = None,
                 query: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The credential values a request carries, each also as a query string would encode it,
    longest first (so a longer secret is masked whole before a shorter one inside it)."""
    values = {*_secret_fields(payload), *(query or {}).values()}
    if auth_value:
        values.add(auth_value.rsplit(" ", 1)[-1])  # the credential after its scheme (Basic's base64)
    found: set[str] = set()
    for value in values:
        if len(value) < MIN_SECRET_LENGTH:
            continue
        register_secret(value)
        found.update((value, quote_plus(value), quote(value, safe="")))
    return tuple(sorted(found, key=len, reverse=True))


def scrub_headers(headers: Iterable[tuple[str, str]], secrets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, _mask_text(value, secrets)) for name, value in headers)


def scrub_body(body: bytes, secrets: tuple[str, ...]) -> bytes:
    # bytes.replace runs in C: a few secrets over a 6 MB body cost milliseconds
    for secret in secrets:
        body = body.replace(secret.encode(), MASK.encode())
    return body


def _mask_text(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text
