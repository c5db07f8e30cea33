"""The hosted connect page (GET /connect): one HTML document with its style and script inline,
no external asset, under a strict Content-Security-Policy whose nonce is new for every answer.

The page holds no data of its own: the script (assets/connect.js) reads the session's token from
the URL fragment and asks the session routes for the rest, so the same document serves every
session, and its OAuth popup's return (`?oauth=done`) as well.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    return tuple((ASSETS / name).read_text(encoding="utf-8")  # type: ignore[return-value]
                 for name in ("connect.html", "connect.css", "connect.js"))


def content_security_policy(nonce: str) -> str:
    # connect-src 'self': the page talks only to the hub's session routes; no framing (the page
    # is opened as a popup or a full page, so a hostile page cannot overlay it)
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def render_page() -> tuple[str, dict[str, str]]:
    """The document and its headers."""
    html, css, js = _assets()
    nonce = secrets.token_urlsafe(18)
    body = html.replace("{css}", css).replace("{js}", js).replace("{nonce}", nonce)
    headers = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": content_security_policy(nonce),
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
    }
    return body, headers
