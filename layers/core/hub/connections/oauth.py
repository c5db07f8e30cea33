"""The OAuth 2.0 authorization code flow (RFC 6749 §4.1) with PKCE (RFC 7636) and the
authorization server issuer check (RFC 9207), for tenant and user-scoped connections.

start  → a state bound to tenant, integration, user, return URL, redirect URI, scopes, issuer
         and the (encrypted) PKCE verifier; `authorizationUrl` is the hub's own start URL
         (`/api/integrations/oauth/start?flow=...`), the provider URL is kept encrypted.
browser start (public) → a page naming tenant, user and provider; its Continue link (valid only
         in the browser shown the page) binds the flow to that browser (nonce cookie, once) and
         redirects it to the provider (`hub.connections.state` explains the binding).
callback (public) → the state is consumed (once, unexpired, unmodified); a browser without the
         start cookie fails the flow (nothing stored: login CSRF / fixation); the provider's `error`
         or a wrong `iss` ends the flow with nothing stored; otherwise the code is exchanged with
         the template's client authentication, the tokens go to the vault, and the browser is
         sent (302) to the stored return URL with the outcome in its query string.
exchange → the same exchange for frontends that receive the code themselves:
         code + redirect URI (+ the PKCE verifier they made, or the hub's state).

Return URLs and frontend redirect URIs must be on the allowed origins (no open redirect).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hub import clock
from hub.audit import AuditRepository
from hub.connections.access import integration_for
from hub.connections.connect import store_tokens
from hub.connections.eligibility import connectable_spec
from hub.connections.record import MODE_ENDPOINTS, connection_view
from hub.connections.state import (
    BrowserBinding,
    FlowSummary,
    OAuthStateStore,
    browser_cookie_name,
    browser_matches,
    confirm_cookie_name,
    flow_id,
    new_pkce_verifier,
    pkce_challenge,
    state_hash,
)
from hub.connections.tokens import InvalidGrant, TokenRequestRejected, exchange_code
from hub.errors import HubError, IntegrationNotFound, OAuthFailed, ValidationError
from hub.integrations.records import get_integration
from hub.observability import logger
from hub.request import current_request
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec
    from hub.principal import Principal

_ERROR_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_CALLBACK_VALUE = re.compile(r"^[A-Za-z0-9._:@-]{1,256}$")
MAX_CALLBACK_PARAM = 4096


def _check_redirect_uri(uri: str) -> str:
    """The hub's own callback, or a frontend page on an allowed origin."""
    from hub.urlguard import check_return_url

    if uri == get_settings().oauth_callback_url:
        return uri
    return check_return_url(uri, field="redirectUri")


def _require_client(spec: ProviderSpec) -> str:
    if not spec.client_id:
        raise HubError("The provider has no OAuth client configured; a super admin must set its client id",
                       code="PROVIDER_NOT_CONFIGURED", status_code=400, details={"providerId": spec.provider_id})
    return spec.client_id


def build_authorization_url(spec: ProviderSpec, *, redirect_uri: str, state: str, scopes: list[str],
                            code_challenge: str | None) -> str:
    oauth = spec.oauth
    assert oauth is not None
    client_id = _require_client(spec)
    params: dict[str, str] = {"response_type": "code", **oauth.authorization_params}
    params[oauth.client_id_param] = client_id
    params["redirect_uri"] = redirect_uri
    if scopes:
        # "+" as a separator is a form-encoded space: urlencode writes spaces as "+"
        separator = " " if oauth.scope_separator == "+" else oauth.scope_separator
        params["scope"] = separator.join(scopes)
    params["state"] = state
    if code_challenge is not None:
        params["code_challenge"] = code_challenge
        params["code_challenge_method"] = "S256"
    base = spec.authorization_url()
    parts = urlsplit(base)
    query = urlencode([*parse_qsl(parts.query, keep_blank_values=True), *params.items()])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def start_oauth(principal: Principal, integration_id: str, *, return_url: str, scopes: list[str] | None = None,
                metadata: dict[str, Any] | None = None, redirect_uri: str | None = None,
                user_scoped: bool = False, return_origins: Sequence[str] | None = None) -> dict[str, Any]:
    """`return_origins`: where the browser may return (default: the allowed return origins); the
    connect page (hub/sessions) returns to the hub's own origin."""
    from hub.urlguard import check_return_url

    integration = integration_for(principal, integration_id, user_scoped=user_scoped)
    spec = connectable_spec(integration, user_scoped=user_scoped)
    if not spec.is_authorization_code:
        raise ValidationError(
            f"This integration does not use the OAuth authorization code flow; use "
            f"{MODE_ENDPOINTS.get(spec.auth_mode, 'another connect endpoint')}",
            code="AUTH_TYPE_MISMATCH", details={"authType": spec.auth_mode},
        )
    check_return_url(return_url, return_origins)
    _require_client(spec)
    spec.authorization_url()  # placeholders resolve before anything is stored
    callback = _check_redirect_uri(redirect_uri) if redirect_uri else get_settings().oauth_callback_url
    requested = spec.scopes(scopes)
    assert spec.oauth is not None
    verifier = new_pkce_verifier() if spec.oauth.pkce else None
    binding = {
        "integrationId": integration_id,
        "providerId": spec.provider_id,
        "userId": principal.user_id,
        "connectionScope": "user" if user_scoped else "tenant",
        "returnUrl": return_url,
        "redirectUri": callback,
        "scopes": requested,
        "issuer": spec.issuer(),
        # RFC 9207 §2.4: a server that advertises `iss` must send it; a response without it fails
        "issRequired": True if spec.oauth.authorization_response_iss_parameter_supported else None,
        "metadata": metadata or None,
    }
    challenge = pkce_challenge(verifier) if verifier else None

    def provider_url(state: str) -> str:
        return build_authorization_url(spec, redirect_uri=callback, state=state, scopes=requested,
                                       code_challenge=challenge)

    state, item = OAuthStateStore().create(principal.tenant_id, {k: v for k, v in binding.items() if v is not None},
                                           verifier=verifier, authorization_url=provider_url)
    answer = {"authorizationUrl": hub_start_url(state), "state": state,
              "expiresAt": clock.iso(float(item["expiresAt"])), "redirectUri": callback, "scopes": requested}
    if callback != get_settings().oauth_callback_url:
        # Frontend-exchange mode: the code comes back to the frontend's page, which exchanges it
        # with POST .../connect/oauth/exchange under the caller's own JWT (and the state, bound to
        # that user), so the browser binding of the hub callback is not needed there.
        answer["providerAuthorizationUrl"] = provider_url(state)
    return answer


def hub_start_url(state: str) -> str:
    return get_settings().public_api_url.rstrip("/") + "/api/integrations/oauth/start?" + urlencode(
        {"flow": flow_id(state)})


# ---- the browser start ------------------------------------------------------------------------

OAUTH_ROUTES_PATH = "/api/integrations/oauth"


def browser_cookie_path() -> str:
    """The OAuth routes' path as the browser sees it: behind a custom domain with a base path
    (`https://api.example.com/hub`) the routes live under `/hub/api/integrations/oauth`."""
    return get_settings().public_base_path + OAUTH_ROUTES_PATH


@dataclass(frozen=True)
class StartPage:
    """The page the start URL answers first: whose flow it is, and the Continue link's token."""

    summary: FlowSummary
    confirm: str
    cookie_name: str


def start_in_browser(flow: str | None, confirm: str | None, cookies: Mapping[str, str]) -> StartPage | BrowserBinding:
    """GET /api/integrations/oauth/start: first a page naming the tenant, the user and the
    provider; its Continue link (only in the browser shown the page) binds the flow to this
    browser and reveals the provider URL."""
    import hmac
    import secrets

    for value in (flow, confirm):
        if value is not None and len(value) > MAX_CALLBACK_PARAM:
            raise OAuthFailed("A start parameter is too long")
    store = OAuthStateStore()
    summary = store.summary(flow or "")
    cookie_name = confirm_cookie_name(summary.hashed)
    shown = cookies.get(cookie_name)
    if confirm and shown and hmac.compare_digest(confirm, shown):
        return store.bind_browser(flow or "")
    return StartPage(summary=summary, confirm=secrets.token_urlsafe(24), cookie_name=cookie_name)


def browser_cookie(name: str, value: str, max_age: int) -> Any:
    """HttpOnly, SameSite=Lax (sent on the provider's top-level redirect back), Secure when the
    hub is served over https, only for the OAuth routes."""
    from aws_lambda_powertools.shared.cookies import Cookie, SameSite

    secure = get_settings().public_api_url.lower().startswith("https://")
    return Cookie(name=name, value=value, path=browser_cookie_path(), secure=secure, http_only=True,
                  max_age=max_age, same_site=SameSite.LAX_MODE)


def callback_cookie_name(params: Mapping[str, str]) -> str | None:
    """The cookie the callback's browser should have (to clear it after the callback)."""
    state = params.get("state")
    return browser_cookie_name(state_hash(state)) if state and len(state) <= MAX_CALLBACK_PARAM else None


# ---- the callback -------------------------------------------------------------------------


def outcome_url(return_url: str, outcome: Mapping[str, str | None]) -> str:
    """The return URL with the outcome added to its query (replacing same-named parameters)."""
    parts = urlsplit(return_url)
    names = set(outcome)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names]
    query = urlencode([*kept, *((k, v) for k, v in outcome.items() if v is not None)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _safe_code(value: str | None, fallback: str) -> str:
    return value if value and _ERROR_CODE.match(value) else fallback


def _callback_fields(spec: ProviderSpec, params: Mapping[str, str]) -> dict[str, str] | None:
    if spec.oauth is None or not spec.oauth.callback_fields:
        return None
    kept = {}
    for name in spec.oauth.callback_fields:
        value = params.get(name)
        if value is not None:
            if not _CALLBACK_VALUE.match(value):
                raise OAuthFailed("The provider sent an unexpected callback parameter", details={"field": name})
            kept[name] = value
    return kept or None


def _audit_callback(binding: Mapping[str, Any], outcome: str, error: str | None) -> None:
    """The callback is public (no principal for the pipeline's audit): write the line here."""
    try:
        request = current_request()
        AuditRepository().write(
            tenant_id=str(binding["tenantId"]),
            actor={"userId": binding.get("userId"), "tenantId": binding["tenantId"], "via": "oauth_callback"},
            action="connection.oauth_callback",
            target={"integrationId": binding.get("integrationId"), "providerId": binding.get("providerId"),
                    "connectionScope": binding.get("connectionScope")},
            request_id=request.request_id,
            changes=list(request.changes),
            status_code=302,
            source_ip=request.source_ip,
        )
    except Exception:  # noqa: BLE001 - the connection happened; a lost audit line is logged loudly
        logger.exception("audit record not written", extra={"action": "connection.oauth_callback",
                                                           "outcome": outcome, "error": error})


def handle_callback(params: Mapping[str, str], cookies: Mapping[str, str]) -> str:
    """The provider sent the browser back. Returns the URL to redirect to (the stored return URL
    with the outcome). Raises OAuthFailed (400) when the state is missing, malformed, unknown,
    used, expired or tampered with: then there is no trusted place to send the browser. A
    browser without the cookie of the start route fails the flow (the state is spent)."""

    if any(len(v) > MAX_CALLBACK_PARAM for v in params.values()):
        raise OAuthFailed("A callback parameter is too long")
    state = params.get("state")
    if not state:
        raise OAuthFailed("The state parameter is missing", details={"reason": "missing_state"})
    binding = OAuthStateStore().consume(state)
    return_url = str(binding["returnUrl"])
    base_outcome = {"integrationId": str(binding["integrationId"])}
    try:
        if not browser_matches(binding, cookies.get(browser_cookie_name(str(binding["stateHash"])))):
            raise OAuthFailed("This browser did not start the connection; start it again from the app",
                              details={"reason": "browser_mismatch"})
        _check_issuer(binding, params.get("iss"))
        if params.get("error"):
            provider_error = _safe_code(params.get("error"), "provider_error")
            _audit_callback(binding, "error", provider_error)
            return outcome_url(return_url, {**base_outcome, "status": "error", "error": provider_error,
                                            "message": "The provider did not authorize the connection"})
        code = params.get("code")
        if not code:
            raise OAuthFailed("The provider sent neither a code nor an error", details={"reason": "missing_code"})
        integration = get_integration(str(binding["tenantId"]), str(binding["integrationId"]))
        user_scoped = binding.get("connectionScope") == "user"
        spec = connectable_spec(integration, user_scoped=user_scoped)
        if spec.provider_id != binding.get("providerId"):
            raise OAuthFailed("The integration changed provider during the flow", details={"reason": "provider"})
        tokens = _exchange(spec, code, str(binding["redirectUri"]), binding.get("verifier"))
        record = store_tokens(
            integration, spec, tokens, user_id=str(binding["userId"]) if user_scoped else None,
            actor=str(binding.get("userId")), requested_scopes=list(binding.get("scopes") or []),
            callback_fields=_callback_fields(spec, params), metadata=binding.get("metadata"), via="oauth",
        )
    except InvalidGrant as error:
        _audit_callback(binding, "error", error.error)
        return outcome_url(return_url, {**base_outcome, "status": "error", "error": "invalid_grant",
                                        "message": error.message})
    except TokenRequestRejected as error:
        _audit_callback(binding, "error", error.error)
        return outcome_url(return_url, {**base_outcome, "status": "error", "error": _safe_code(error.error, "oauth"),
                                        "message": error.message})
    except IntegrationNotFound:
        _audit_callback(binding, "error", "integration_not_found")
        return outcome_url(return_url, {**base_outcome, "status": "error", "error": "integration_not_found",
                                        "message": "The integration no longer exists"})
    except HubError as error:
        reason = error.details.get("reason") if isinstance(error.details, dict) else None
        _audit_callback(binding, "error", str(reason or error.code))
        return outcome_url(return_url, {**base_outcome, "status": "error",
                                        "error": _safe_code(str(reason or ""), error.code.lower()),
                                        "message": error.message})
    _audit_callback(binding, "connected", None)
    return outcome_url(return_url, {**base_outcome, "status": "connected", "connectionId": record["connectionId"]})


def _check_issuer(binding: Mapping[str, Any], returned: str | None) -> None:
    """RFC 9207 whenever the issuer is known: an `iss` that differs, or no `iss` from a server
    that advertises it, ends the flow (nothing stored; the browser gets error=invalid_issuer)."""
    issuer = binding.get("issuer")
    if returned is None:
        if binding.get("issRequired"):
            raise OAuthFailed("The provider did not identify itself (RFC 9207 iss)",
                              details={"reason": "invalid_issuer"})
        return
    if issuer and returned.rstrip("/") != str(issuer).rstrip("/"):
        raise OAuthFailed("The authorization response came from another issuer (RFC 9207)",
                          details={"reason": "invalid_issuer"})


def _exchange(spec: ProviderSpec, code: str, redirect_uri: str, verifier: str | None) -> Any:
    return exchange_code(spec, code, redirect_uri, verifier, spec.config)


# ---- frontend-driven exchange ---------------------------------------------------------------


def exchange_for_integration(principal: Principal, integration_id: str, *, code: str, redirect_uri: str,
                             state: str, iss: str | None = None, user_scoped: bool = False) -> dict[str, Any]:
    """POST .../connect/oauth/exchange: the frontend received the code on its own page of a flow
    the hub started. Only with the hub's state (bound to this tenant, integration and user); the
    verifier, redirect URI and scopes are the ones stored with it. The hub's own callback is
    refused here: codes sent there are finished by the hub, in the browser that started the flow."""

    integration = integration_for(principal, integration_id, user_scoped=user_scoped)
    spec = connectable_spec(integration, user_scoped=user_scoped)
    if not spec.is_authorization_code:
        raise ValidationError("This integration does not use the OAuth authorization code flow",
                              code="AUTH_TYPE_MISMATCH", details={"authType": spec.auth_mode})
    if redirect_uri == get_settings().oauth_callback_url:
        raise ValidationError("The hub's callback finishes its own flows; exchange only codes sent to your page",
                              details={"field": "redirectUri"})
    _check_redirect_uri(redirect_uri)
    binding = OAuthStateStore().consume(state, tenant_id=principal.tenant_id, integration_id=integration_id,
                                        user_id=principal.user_id)
    if binding.get("redirectUri") != redirect_uri:
        raise OAuthFailed("redirectUri differs from the one the flow was started with",
                          details={"reason": "redirect_uri_mismatch"})
    if binding.get("connectionScope") != ("user" if user_scoped else "tenant"):
        raise OAuthFailed("The state belongs to another kind of connection", details={"reason": "scope"})
    _check_issuer(binding, iss)  # RFC 9207 as at the hub's callback: the code goes to no other server
    try:
        tokens = _exchange(spec, code, redirect_uri, binding.get("verifier"))
    except InvalidGrant as error:
        raise OAuthFailed(error.message, details={"providerError": error.error}) from None
    record = store_tokens(integration, spec, tokens, user_id=principal.user_id if user_scoped else None,
                          actor=principal.user_id, requested_scopes=list(binding.get("scopes") or spec.scopes()),
                          metadata=binding.get("metadata"), via="oauth_exchange")
    return connection_view(record)
