"""Token endpoint calls (RFC 6749) and the template rules for reading their answers.

- `exchange_code`: authorization code (+ PKCE verifier) for tokens;
- `refresh_tokens`: a refresh token for new tokens;
- `client_credentials_token`: the client credentials grant (a tenant's own app);
- `jwt_bearer_token`: the RFC 7523 JWT bearer grant (Google service accounts);
- `revoke_token`: RFC 7009 revocation, best effort;
- `parse_token_response`: the template's rules (nested paths, expiry units, string or absolute
  expiry, scope as string or list, default lifetime, missing refresh token).

Failures are classified once, here: `InvalidGrant` (the grant is dead: reconnect), `TokenRequestRejected`
(any other refusal, e.g. `invalid_client`), `TransientTokenError` (5xx, 429, timeouts: try
again later, `.retry_after` seconds when the provider said). Messages carry the provider's error
code, never its free-text description (which may echo what we sent) and never a token.

Every call goes through `hub.urlguard.safe_request` (no SSRF through a template placeholder or a
super admin's endpoint override).
"""

# S107: "client_secret" below is a parameter name, not a secret.
# ruff: noqa: S107
from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode

from hub import clock
from hub.errors import ConnectionFailed, HubError, OAuthFailed
from hub.providers.templates import TokenResponseSpec, json_path_value
from hub.redaction import register_secret
from hub.validation import parse_json

if TYPE_CHECKING:  # pragma: no cover - typing only
    import httpx

    from hub.connections.spec import ProviderSpec
    from hub.providers.templates import TokenResponseSpec

# RFC 6749 says invalid_grant; GitHub says bad_verification_code / bad_refresh_token
INVALID_GRANT_ERRORS = frozenset({"invalid_grant", "bad_verification_code", "bad_refresh_token"})
TRANSIENT_ERRORS = frozenset({"temporarily_unavailable", "server_error", "slow_down"})
_ERROR_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_UNIT_SECONDS = {"seconds": 1, "milliseconds": 0.001, "minutes": 60, "hours": 3600}


class TokenRequestRejected(OAuthFailed):
    """The token endpoint refused the request for good (wrong client, bad request, no token)."""

    def __init__(self, error: str, message: str | None = None, *, details: dict[str, Any] | None = None) -> None:
        self.error = error
        super().__init__(message or f"The provider refused the token request ({error})",
                         details={"providerError": error, **(details or {})})


class InvalidGrant(TokenRequestRejected):
    """`invalid_grant`: the code or refresh token is invalid, expired, spent or revoked. Final."""

    def __init__(self, error: str = "invalid_grant") -> None:
        super().__init__(
            error,
            f"The provider rejected the grant ({error}): the authorization code or refresh token is invalid, "
            "expired or revoked",
        )


class TransientTokenError(ConnectionFailed):
    """5xx, 429, timeouts or a provider saying `temporarily_unavailable`: retry later."""

    def __init__(self, message: str, *, retry_after: int | None = None, status: int | None = None) -> None:
        self.retry_after = retry_after
        details: dict[str, Any] = {}
        if retry_after is not None:
            details["retryAfter"] = retry_after
        if status is not None:
            details["providerStatus"] = status
        super().__init__(message, details=details,
                         headers={"Retry-After": str(retry_after)} if retry_after is not None else None)


@dataclass(frozen=True, repr=False)
class TokenSet:
    """Tokens as read from a token response. `repr` never shows a token."""

    access_token: str
    refresh_token: str | None = None
    token_type: str | None = None
    expires_at: float | None = None
    scopes: tuple[str, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    id_token: str | None = None

    def __repr__(self) -> str:
        return (f"TokenSet(token_type={self.token_type!r}, expires_at={self.expires_at!r}, "
                f"scopes={self.scopes!r}, has_refresh_token={self.refresh_token is not None})")

    def vault_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"accessToken": self.access_token, "tokenType": self.token_type or "Bearer"}
        if self.refresh_token:
            payload["refreshToken"] = self.refresh_token
        if self.id_token:
            payload["idToken"] = self.id_token
        return payload


# ---- reading token responses -----------------------------------------------------------


def _rules(spec: Any) -> TokenResponseSpec:
    if isinstance(spec, TokenResponseSpec):
        return spec
    oauth = getattr(spec, "oauth", None)
    if oauth is not None:
        return oauth.token_response  # type: ignore[no-any-return]
    if hasattr(spec, "token_response"):
        return spec.token_response  # type: ignore[no-any-return]
    return TokenResponseSpec()


def _separator(spec: Any) -> str:
    oauth = getattr(spec, "oauth", spec)
    return getattr(oauth, "scope_separator", " ") or " "


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.strip():
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _absolute_expiry(value: Any) -> float | None:
    number = _number(value)
    if number is not None:
        # epoch milliseconds are 13 digits; seconds 10
        return number / 1000 if number > 10**11 else number
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


def _scopes(value: Any, separator: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if str(v).strip())
    if isinstance(value, str):
        pattern = r"[\s,]+" if separator in (" ", ",", "+") else re.escape(separator)
        return tuple(part for part in re.split(pattern, value.replace("+", " ")) if part)
    return None


def parse_token_response(spec: Any, body: Mapping[str, Any], now: float | None = None) -> TokenSet:
    """Read a token response with the template's rules (`spec`: a ProviderSpec, an OAuthSpec or a
    TokenResponseSpec). Raises TokenRequestRejected when there is no access token."""

    rules = _rules(spec)
    moment = clock.now() if now is None else now
    access = json_path_value(body, rules.access_token_path)
    if not isinstance(access, str) or not access:
        raise TokenRequestRejected("no_access_token", "The provider's token response carries no access token")
    register_secret(access)
    refresh = json_path_value(body, rules.refresh_token_path)
    refresh = refresh if isinstance(refresh, str) and refresh else None
    register_secret(refresh)
    id_token = body.get("id_token") if isinstance(body.get("id_token"), str) else None
    register_secret(id_token)
    token_type = json_path_value(body, rules.token_type_path)

    expires_at: float | None = None
    if rules.expires_at_path:
        expires_at = _absolute_expiry(json_path_value(body, rules.expires_at_path))
    if expires_at is None:
        lifetime = _number(json_path_value(body, rules.expires_in_path))
        # 0 or negative means "not said" for several providers, not "already expired"
        if lifetime is not None and lifetime > 0:
            expires_at = moment + lifetime * _UNIT_SECONDS[rules.expires_in_unit]
    if expires_at is None and rules.default_lifetime_seconds:
        expires_at = moment + rules.default_lifetime_seconds

    extra: dict[str, Any] = {}
    for path in rules.extra_fields:
        value = json_path_value(body, path)
        if value is not None and isinstance(value, str | int | float | bool):
            extra[path] = value
    return TokenSet(
        access_token=access,
        refresh_token=refresh,
        token_type=str(token_type) if isinstance(token_type, str) and token_type else None,
        expires_at=round(expires_at, 3) if expires_at is not None else None,
        scopes=_scopes(json_path_value(body, rules.scope_path), _separator(spec)),
        extra=extra,
        id_token=id_token,
    )


# ---- talking to the token endpoint -----------------------------------------------------


def _retry_after(response: httpx.Response) -> int | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    number = _number(raw)
    if number is not None:
        return max(0, int(number))
    try:
        from email.utils import parsedate_to_datetime

        return max(0, int(parsedate_to_datetime(raw).timestamp() - clock.now()))
    except (TypeError, ValueError):
        return None


def _decode(response: httpx.Response) -> dict[str, Any]:
    text = response.text
    try:
        body = parse_json(text) if text else {}
    except ValueError:
        # some providers (GitHub without Accept) answer form-encoded
        body = dict(parse_qsl(text)) if "=" in text else {}
    return body if isinstance(body, dict) else {}


def _error_code(body: Mapping[str, Any]) -> str | None:
    error = body.get("error")
    if isinstance(error, dict):
        error = error.get("code") or error.get("type") or "error"
    if error is None:
        return None
    text = str(error)
    return text if _ERROR_CODE.match(text) else "error"


def post_token_endpoint(url: str, params: Mapping[str, str], *, client_id: str | None,
                        client_secret: str | None, client_auth: str = "body", body_format: str = "form",
                        client_id_param: str = "client_id", client_secret_param: str = "client_secret",
                        purpose: str = "oauth-token") -> dict[str, Any]:
    """POST to a token-like endpoint with the template's client authentication; return the JSON
    body of a success or raise the classified error."""
    import httpx

    from hub.urlguard import safe_request

    values = dict(params)
    headers = {"Accept": "application/json"}
    if client_auth == "basic" and client_id and client_secret is not None:
        # RFC 6749 §2.3.1: form-urlencode both parts before base64
        raw = f"{quote(client_id, safe='')}:{quote(client_secret, safe='')}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(raw).decode("ascii")
    else:
        if client_id:
            values[client_id_param] = client_id
        if client_secret:
            values[client_secret_param] = client_secret
    try:
        if body_format == "json":
            response = safe_request("POST", url, headers=headers, json=values, purpose=purpose)
        else:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            response = safe_request("POST", url, headers=headers, content=urlencode(values), purpose=purpose)
    except httpx.TimeoutException:
        raise TransientTokenError("The provider's token endpoint did not answer in time") from None
    except httpx.HTTPError:
        raise TransientTokenError("The provider's token endpoint could not be reached") from None
    body = _decode(response)
    error = _error_code(body)
    status = response.status_code
    if status == 429 or status >= 500 or error in TRANSIENT_ERRORS:
        raise TransientTokenError(
            f"The provider's token endpoint is unavailable (HTTP {status}{', ' + error if error else ''})",
            retry_after=_retry_after(response), status=status,
        )
    if error in INVALID_GRANT_ERRORS:
        raise InvalidGrant(error or "invalid_grant")
    if status >= 400 or error:
        raise TokenRequestRejected(error or f"http_{status}", details={"providerStatus": status})
    return body


def _call(spec: ProviderSpec, url: str, params: Mapping[str, str], *, client_id: str | None = None,
          client_secret: str | None = None, use_platform_client: bool = True) -> dict[str, Any]:
    oauth = spec.oauth
    if oauth is None:
        raise TokenRequestRejected("no_oauth", "This provider has no token endpoint")
    if use_platform_client:
        client_id = spec.client_id
        client_secret = spec.client_secret()
        if not client_id:
            raise HubError("The provider has no OAuth client configured; a super admin must set its client id",
                           code="PROVIDER_NOT_CONFIGURED", status_code=400,
                           details={"providerId": spec.provider_id})
    return post_token_endpoint(
        url, params, client_id=client_id, client_secret=client_secret, client_auth=oauth.token_client_auth,
        body_format=oauth.token_body_format, client_id_param=oauth.client_id_param,
        client_secret_param=oauth.client_secret_param,
    )


def exchange_code(provider_spec: ProviderSpec, code: str, redirect_uri: str, code_verifier: str | None,
                  config: Mapping[str, str] | None = None) -> TokenSet:
    """Authorization code (+ PKCE verifier) → tokens, with the platform's OAuth client."""
    oauth = provider_spec.oauth
    if oauth is None:
        raise TokenRequestRejected("no_oauth", "This provider has no token endpoint")
    params: dict[str, str] = {"grant_type": "authorization_code", **oauth.token_params}
    params[oauth.code_param] = code
    params["redirect_uri"] = redirect_uri
    if code_verifier:
        params["code_verifier"] = code_verifier
    body = _call(provider_spec, provider_spec.token_url(config), params)
    return parse_token_response(provider_spec, body)


def refresh_tokens(provider_spec: ProviderSpec, refresh_token: str, config: Mapping[str, str] | None = None,
                   *, scopes: list[str] | None = None) -> TokenSet:
    """A refresh token → new tokens. The caller keeps the old refresh token when none comes back."""
    oauth = provider_spec.oauth
    params: dict[str, str] = {"grant_type": "refresh_token", **(oauth.refresh_params if oauth is not None else {})}
    params["refresh_token"] = refresh_token
    if scopes:
        params["scope"] = " ".join(scopes)
    body = _call(provider_spec, provider_spec.refresh_url(config), params)
    return parse_token_response(provider_spec, body)


def client_credentials_token(provider_spec: ProviderSpec, client_id: str, client_secret: str,
                             config: Mapping[str, str] | None = None) -> TokenSet:
    """RFC 6749 §4.4 with the tenant's own client (templates with authMode oauth2_client_credentials)."""
    oauth = provider_spec.oauth
    params: dict[str, str] = {"grant_type": "client_credentials", **(oauth.token_params if oauth is not None else {})}
    scopes = provider_spec.scopes()
    if scopes:
        params["scope"] = (oauth.scope_separator if oauth is not None else " ").replace("+", " ").join(scopes)
    body = _call(provider_spec, provider_spec.token_url(config), params, client_id=client_id,
                 client_secret=client_secret, use_platform_client=False)
    return parse_token_response(provider_spec, body)


def jwt_bearer_token(provider_spec: ProviderSpec, assertion: str, config: Mapping[str, str] | None = None) -> TokenSet:
    """RFC 7523 JWT bearer grant (the assertion is signed by the caller)."""
    oauth = provider_spec.oauth
    params: dict[str, str] = {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                              **(oauth.token_params if oauth is not None else {})}
    params["assertion"] = assertion
    body = _call(provider_spec, provider_spec.token_url(config), params, use_platform_client=False)
    return parse_token_response(provider_spec, body)


def introspect_token(provider_spec: ProviderSpec, token: str, config: Mapping[str, str] | None = None) -> bool:
    """RFC 7662 introspection with the platform client: whether the provider says the access
    token is active. Raises the classified token-endpoint errors (transient, rejected)."""
    url = provider_spec.introspection_url(config)
    if not url:
        raise TokenRequestRejected("no_introspection", "This provider has no introspection endpoint")
    body = _call(provider_spec, url, {"token": token, "token_type_hint": "access_token"})
    return body.get("active") is True


def revoke_token(provider_spec: ProviderSpec, token: str, token_type_hint: str | None = None,
                 config: Mapping[str, str] | None = None) -> bool:
    """RFC 7009 revocation with the platform client. True when the provider answered 200.
    Never raises for provider trouble: disconnecting must not depend on the provider."""
    url = provider_spec.revocation_url(config)
    if not url:
        return False
    params = {"token": token}
    if token_type_hint:
        params["token_type_hint"] = token_type_hint
    try:
        _call(provider_spec, url, params)
    except (HubError, OSError):
        return False
    return True
