"""The request's cookies, as the public OAuth routes read them."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie
from typing import Any


def request_cookies(event: Any) -> dict[str, str]:
    """HTTP API payload v2 moves the Cookie header into `cookies`; read both to be safe."""
    parts = [*(event.cookies or []), *(event.headers or {}).get("cookie", "").split(";")]
    found: dict[str, str] = {}
    for part in parts:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(part.strip())
        except CookieError:
            continue  # a malformed foreign cookie is not ours; ignore it
        for name, morsel in jar.items():
            found.setdefault(name, morsel.value)
    return found
