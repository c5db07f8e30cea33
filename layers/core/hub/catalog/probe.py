"""The system-level connection test of a provider: checks what can be checked without a tenant.

- client-credentials providers: a real token request with the platform's client;
- authorization-code providers: exactly the token request a real exchange sends (same endpoint,
  client authentication, body format, parameter names, token params and a PKCE verifier when
  the provider uses PKCE; `hub.connections.tokens.exchange_code`), with a deliberately invalid
  code. A provider that answers `invalid_grant` / `invalid_request` has accepted the client
  credentials; one that answers `invalid_client` / 401 has rejected them (RFC 6749 §5.2);
- providers whose endpoints depend on the tenant's account (placeholders) or that have no
  OAuth client can only be tested per connection, and the answer says so.
Every request goes through the URL guard (no SSRF through a misconfigured provider).
"""

from __future__ import annotations

from typing import Any

from hub.connections.spec import spec_from_records
from hub.connections.state import new_pkce_verifier
from hub.connections.tokens import (
    InvalidGrant,
    TokenRequestRejected,
    TransientTokenError,
    exchange_code,
    post_token_endpoint,
)
from hub.errors import HubError, ValidationError
from hub.settings import get_settings

PROBE_CODE = "integration-hub-connection-test"


def probe_provider(record: dict[str, Any]) -> tuple[bool, str]:
    auth_type = record.get("authType", "")
    if not auth_type.startswith("oauth2"):
        return True, f"{auth_type} providers hold no platform credentials; each connection is tested on connect"
    try:
        spec = spec_from_records(record)
    except ValidationError as error:
        return False, error.message
    if not spec.client_id:
        return False, "No OAuth client is configured for this provider"
    if spec.oauth is None:
        return False, "The provider has no token endpoint"
    try:
        token_url = spec.token_url()
    except ValidationError:
        return False, "The token endpoint depends on each tenant's account; it is tested per connection"
    try:
        if auth_type == "oauth2_client_credentials":
            oauth = spec.oauth
            post_token_endpoint(
                token_url, {"grant_type": "client_credentials", **oauth.token_params}, client_id=spec.client_id,
                client_secret=spec.client_secret(), client_auth=oauth.token_client_auth,
                body_format=oauth.token_body_format, client_id_param=oauth.client_id_param,
                client_secret_param=oauth.client_secret_param,
            )
            return True, "The client credentials obtained a token"
        verifier = new_pkce_verifier() if spec.oauth.pkce else None
        exchange_code(spec, PROBE_CODE, get_settings().oauth_callback_url, verifier)
    except InvalidGrant:
        return True, "The token endpoint accepted the client credentials (it rejected only the test code)"
    except TokenRequestRejected as error:
        if error.error in ("invalid_request", "unsupported_grant_type") and auth_type == "oauth2":
            return True, "The token endpoint accepted the client credentials (it rejected only the test code)"
        status = error.details.get("providerStatus") if isinstance(error.details, dict) else None
        if error.error == "invalid_client" or status == 401:
            return False, "The token endpoint rejected the client credentials (invalid_client)"
        return False, f"The token endpoint refused the request ({error.error})"
    except TransientTokenError as error:
        return False, f"Inconclusive answer from the token endpoint ({error.message})"
    except HubError as error:
        return False, f"The token endpoint is not allowed: {error.message}"
    return False, "The token endpoint accepted a code that cannot be valid; the provider is misconfigured"
