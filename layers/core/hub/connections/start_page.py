"""The HTML page the OAuth start URL answers before anything happens (hub.connections.state,
"Bound to its initiator"): it says which tenant, which user and which provider the link
connects, so a person who received a forwarded link sees that it is someone else's before
they continue. Plain HTML, every value escaped; framing is refused (clickjacking)."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from hub.connections.oauth import StartPage

HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
}


def render(page: StartPage, flow: str) -> str:
    summary = page.summary
    link = "?" + urlencode({"flow": flow, "confirm": page.confirm})
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Connect "
        f"{escape(summary.provider_id)}</title></head><body style='font-family:sans-serif;max-width:40em'>"
        f"<h1>Connect {escape(summary.provider_id)}</h1>"
        f"<p>This link was created by <strong>{escape(summary.user_id)}</strong> in the workspace "
        f"<strong>{escape(summary.tenant_id)}</strong>. Continuing signs you in at "
        f"<strong>{escape(summary.provider_id)}</strong> and connects the account you use there to "
        f"<strong>{escape(summary.user_id)}</strong>'s integration.</p>"
        "<p>If you did not start this yourself, close this page.</p>"
        f"<p><a id='continue' href='{escape(link, quote=True)}'>Continue to {escape(summary.provider_id)}</a></p>"
        "</body></html>"
    )
