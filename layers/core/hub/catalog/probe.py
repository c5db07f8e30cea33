"""The system-level connection test of a provider: checks what can be checked without a tenant.

- client-credentials providers: a real token request with the platform's client;
- authorization-code providers: a token request with a deliberately invalid code. A provider
  that answers `invalid_grant` / `invalid_request` has accepted the client credentials; one that
  answers `invalid_client` / 401 has rejected them (RFC 6749 §5.2);
- providers whose endpoints depend on the tenant's account (placeholders) or that have no
  OAuth client can only be tested per connection, and the answer says so.
Every request goes through the URL guard (no SSRF through a misconfigured provider).
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote

from hub.catalog.client_secrets import read_client_secret
from hub.errors import HubError, ValidationError
from hub.providers.templates import render_url
from hub.settings import get_settings


def _render(url: str | None, config: dict[str, str]) -> str | None:
    if not url:
        return None
    if "{" not in url:
        return url

    return render_url(url, config)  # type: ignore[no-any-return]


def probe_provider(record: dict[str, Any]) -> tuple[bool, str]:
    auth_type = record.get("authType", "")
    if not auth_type.startswith("oauth2"):
        return True, f"{auth_type} providers hold no platform credentials; each connection is tested on connect"
    oauth = record.get("oauthConfig") or {}
    client_id = oauth.get("clientId")
    client_secret = read_client_secret(record)
    if not client_id:
        return False, "No OAuth client is configured for this provider"
    try:
        token_url = _render(oauth.get("tokenUrl"), dict(record.get("connectionConfig") or {}))
    except ValidationError:
        return False, "The token endpoint depends on each tenant's account; it is tested per connection"
    if not token_url:
        return False, "The provider has no token endpoint"
    form = (
        {"grant_type": "client_credentials"}
        if auth_type == "oauth2_client_credentials"
        else {"grant_type": "authorization_code", "code": "integration-hub-connection-test",
              "redirect_uri": get_settings().oauth_callback_url}
    )
    headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
    if client_secret and oauth.get("tokenClientAuth", "basic") == "basic":
        raw = f"{quote(client_id, safe='')}:{quote(client_secret, safe='')}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(raw).decode()
    else:
        form["client_id"] = client_id
        if client_secret:
            form["client_secret"] = client_secret
    try:
        from urllib.parse import urlencode

        from hub.urlguard import safe_request

        response = safe_request("POST", token_url, headers=headers, content=urlencode(form).encode(),
                                timeout=get_settings().http_timeout_seconds)
    except HubError as error:
        return False, f"The token endpoint is not allowed: {error.message}"
    except Exception as error:  # noqa: BLE001 - any transport failure is a failed test
        return False, f"The token endpoint could not be reached ({type(error).__name__})"
    try:
        body = response.json()
    except ValueError:
        body = {}
    error_code = body.get("error") if isinstance(body, dict) else None
    if auth_type == "oauth2_client_credentials":
        if response.status_code == 200 and isinstance(body, dict) and body.get("access_token"):
            return True, "The client credentials obtained a token"
        return False, f"The token endpoint refused the client credentials ({error_code or response.status_code})"
    if error_code in ("invalid_grant", "invalid_request", "unsupported_grant_type") and response.status_code < 500:
        return True, "The token endpoint accepted the client credentials (it rejected only the test code)"
    if error_code == "invalid_client" or response.status_code == 401:
        return False, "The token endpoint rejected the client credentials (invalid_client)"
    return False, f"Inconclusive answer from the token endpoint ({error_code or response.status_code})"
