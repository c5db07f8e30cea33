"""Sandbox OAuth2 provider of the local stack (docs/sandbox.md).

A small, in-memory authorization server and resource API on loopback, so the hub's whole
connect → refresh → health → webhook story runs offline and tests can drive provider
behaviour (failures, latency, denial, expiry) through a control plane under `/_sandbox`.

    OAuth2     GET  /oauth/authorize               code flow, PKCE S256, RFC 9207 `iss`
               POST /oauth/authorize/decision      approve / deny page (authorize_mode "page")
               POST /oauth/token                   authorization_code, refresh_token (rotating),
                                                   client_credentials
               POST /oauth/revoke                  RFC 7009
               GET  /.well-known/oauth-authorization-server   RFC 8414 metadata
    API        GET  /api/me                        Bearer token or X-API-Key (verification)
               GET  /api/items?q=&limit=&cursor=   searchable fake data
               POST /api/publish                   accepts published content (201)
    Control    GET|POST /_sandbox/config, GET /_sandbox/stats, POST /_sandbox/tokens/expire,
               POST /_sandbox/reset, POST /_sandbox/webhooks/emit (a signed webhook to the hub)
                                                   (loopback callers only)

Tokens and codes are random and kept only as SHA-256 fingerprints; the stats expose those
fingerprints (`token_fingerprint`) so tests can assert what the sandbox saw without the sandbox
ever echoing a credential.

Run standalone: `python -m local.sandbox --port 9100`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import html
import ipaddress
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

DEFAULT_CLIENT_ID = "sandbox-client"
DEFAULT_CLIENT_SECRET = "sandbox-secret"  # noqa: S105 - a published sandbox credential, not a secret
CALLBACK_PATH = "/api/integrations/oauth/callback"
# `:*` matches any port; host, scheme and path must match exactly (no prefix tricks such as
# http://127.0.0.1.evil.test or userinfo).
DEFAULT_REDIRECT_URIS: tuple[str, ...] = (
    f"http://127.0.0.1:*{CALLBACK_PATH}",
    f"http://localhost:*{CALLBACK_PATH}",
)
DEFAULT_API_KEYS: tuple[str, ...] = ("sbx_test_key_valid_0001",)


def sandbox_account_id(subject: str) -> str:
    """The sandbox account of a user: stable, so its webhook events name the account the hub
    recorded when that user connected (docs/inbound-webhooks.md)."""
    return "acct_" + hashlib.sha256(subject.encode("utf-8")).hexdigest()[:12]
SUPPORTED_SCOPES: tuple[str, ...] = ("profile", "email", "items:read", "items:write", "offline_access")
DEFAULT_SCOPE: tuple[str, ...] = ("profile", "items:read")
GRANT_TYPES: tuple[str, ...] = ("authorization_code", "refresh_token", "client_credentials")
# RFC 6749 §5.2 errors plus the two the token endpoint may use for transient trouble.
TOKEN_ERRORS = Literal[
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
    "temporarily_unavailable",
    "server_error",
]
CODE_TTL_SECONDS = 600  # RFC 6749 §4.1.2 recommends at most ten minutes
RATE_WINDOW_SECONDS = 60
MAX_RECORDED = 200  # revocations / publications kept for inspection

SANDBOX_USER = {"id": "sbx-user-1", "name": "Sandbox User", "email": "sandbox.user@example.test"}

_VERIFIER_RE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_S256_CHALLENGE_RE = re.compile(r"^[A-Za-z0-9\-_]{43}$")
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def token_fingerprint(token: str) -> str:
    """The SHA-256 hex digest under which the sandbox stores (and reports) a token or code."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def s256_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


# ---------------------------------------------------------------------------------------------
# Clients and redirect URIs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RedirectPattern:
    """A registered redirect URI; `port=None` means any port (written `host:*`)."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str

    @classmethod
    def parse(cls, pattern: str) -> RedirectPattern:
        any_port = ":*/" in pattern or pattern.endswith(":*")
        parts = urlsplit(pattern.replace(":*", "", 1) if any_port else pattern)
        if not parts.scheme or not parts.hostname or parts.fragment or parts.username:
            raise ValueError(f"not a usable redirect URI pattern: {pattern!r}")
        return cls(
            scheme=parts.scheme.lower(),
            host=parts.hostname.lower(),
            port=None if any_port else (parts.port or _default_port(parts.scheme)),
            path=parts.path or "/",
            query=parts.query,
        )

    def matches(self, uri: str) -> bool:
        try:
            parts = urlsplit(uri)
            port = parts.port or _default_port(parts.scheme)
        except ValueError:
            return False
        if parts.fragment or parts.username is not None or parts.password is not None:
            return False
        return (
            parts.scheme.lower() == self.scheme
            and (parts.hostname or "").lower() == self.host
            and (self.port is None or port == self.port)
            and (parts.path or "/") == self.path
            and parts.query == self.query
        )


def _default_port(scheme: str) -> int | None:
    return {"http": 80, "https": 443}.get(scheme.lower())


@dataclass(frozen=True)
class SandboxClient:
    """A registered OAuth client; `client_secret=None` makes it public (PKCE required)."""

    client_id: str
    client_secret: str | None
    redirect_uris: tuple[RedirectPattern, ...]

    def allows_redirect(self, uri: str) -> bool:
        return any(pattern.matches(uri) for pattern in self.redirect_uris)


_ECHO_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

# ---------------------------------------------------------------------------------------------
# Switches
# ---------------------------------------------------------------------------------------------


@dataclass
class SandboxConfig:
    """Current control switches (see docs/sandbox.md)."""

    token_error: str | None = None
    token_status: int | None = None
    latency_ms: int = 0
    expires_in: int = 3600
    authorize_mode: Literal["auto", "page", "deny"] = "auto"
    fail_count: int = 0
    api_status: int | None = None
    # how many API requests `api_status` answers before it switches itself off (0: all of them)
    api_status_count: int = 0
    # every API request (/api/...) waits this long before it answers, like a real provider's API
    api_latency_ms: int = 0
    issue_refresh_token: bool = True
    rate_limit: int = 100
    api_keys: tuple[str, ...] = DEFAULT_API_KEYS
    # a new authorization of the same client joins its live grant (a same-browser reconnect at a
    # server that keeps the user's grant, like node oidc-provider): revoking any refresh token of
    # that grant then ends the tokens of the reconnect too
    reuse_grant: bool = False

    def public(self) -> dict[str, Any]:
        """The switches as JSON, with the API keys reduced to a count."""
        data = asdict(self)
        data["api_keys"] = len(self.api_keys)
        return data


class ConfigUpdate(BaseModel):
    """Body of POST /_sandbox/config: any subset of the switches, plus `reset`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    reset: bool = False
    token_error: TOKEN_ERRORS | None = None
    token_status: int | None = Field(default=None, ge=400, le=599)
    latency_ms: int = Field(default=0, ge=0, le=30_000)
    expires_in: int = Field(default=3600, ge=0, le=31_536_000)
    authorize_mode: Literal["auto", "page", "deny"] = "auto"
    fail_count: int = Field(default=0, ge=0, le=10_000)
    api_status: int | None = Field(default=None, ge=200, le=599)
    api_status_count: int = Field(default=0, ge=0, le=10_000)
    api_latency_ms: int = Field(default=0, ge=0, le=30_000)
    issue_refresh_token: bool = True
    reuse_grant: bool = False
    rate_limit: int = Field(default=100, ge=1, le=1_000_000)
    api_keys: list[str] | None = Field(default=None, max_length=100)


# ---------------------------------------------------------------------------------------------
# State records (only fingerprints of credentials are kept)
# ---------------------------------------------------------------------------------------------


@dataclass
class _AuthRequest:
    client_id: str
    redirect_uri: str
    scope: tuple[str, ...]
    state: str | None
    code_challenge: str | None


@dataclass
class _Code:
    request: _AuthRequest
    expires_at: float
    used: bool = False
    family_id: str | None = None


@dataclass
class _Family:
    client_id: str
    revoked: bool = False


@dataclass
class _AccessToken:
    client_id: str
    subject: str
    scope: tuple[str, ...]
    expires_at: float
    family_id: str | None
    revoked: bool = False


@dataclass
class _RefreshToken:
    client_id: str
    subject: str
    scope: tuple[str, ...]
    family_id: str
    status: Literal["active", "rotated", "revoked"] = "active"


@dataclass
class _Stats:
    authorize_requests: int = 0
    token_requests: dict[str, int] = field(default_factory=dict)
    token_failures_injected: int = 0
    revocations: list[dict[str, Any]] = field(default_factory=list)
    revocation_count: int = 0
    family_revocations: int = 0
    api_requests: int = 0
    published: list[dict[str, Any]] = field(default_factory=list)


class _OAuthError(Exception):
    """An RFC 6749 error answer of the token or revocation endpoint."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status


class _BadAuthorizeRequest(Exception):
    """Authorize request that must not redirect (unknown client or unregistered redirect URI)."""


# ---------------------------------------------------------------------------------------------
# Fake data
# ---------------------------------------------------------------------------------------------

_ADJECTIVES = tuple("Quarterly Annual Draft Final Shared Archived Weekly Internal Public Pending".split())
_NOUNS = ("Report", "Roadmap", "Invoice", "Meeting notes", "Design review")
_TYPES = ("document", "note", "task", "contact", "event")
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC).timestamp()


def _build_items() -> tuple[dict[str, str], ...]:
    items = []
    for index in range(50):
        title = f"{_ADJECTIVES[index % len(_ADJECTIVES)]} {_NOUNS[index // len(_ADJECTIVES)]}"
        updated = datetime.fromtimestamp(_EPOCH + index * 86_400 + index * 3_600, tz=UTC)
        items.append(
            {
                "id": f"item-{index + 1:03d}",
                "title": title,
                "type": _TYPES[index % len(_TYPES)],
                "updatedAt": updated.isoformat().replace("+00:00", "Z"),
            }
        )
    return tuple(items)


ITEMS: tuple[dict[str, str], ...] = _build_items()


# ---------------------------------------------------------------------------------------------
# The provider
# ---------------------------------------------------------------------------------------------


class SandboxProvider:
    """In-memory OAuth2 provider + resource API; `wsgi_app` is the WSGI callable.

    `issuer` defaults to the request's host URL; `start_sandbox` pins it to the bound base URL.
    `clock` (seconds since the epoch) drives expiry, so tests may pass a controllable one.
    """

    def __init__(
        self,
        *,
        issuer: str | None = None,
        clock: Callable[[], float] = time.time,
        default_redirect_uris: Sequence[str] = DEFAULT_REDIRECT_URIS,
    ) -> None:
        self.issuer = issuer.rstrip("/") if issuer else None
        self._clock = clock
        self._lock = threading.RLock()
        self._clients: dict[str, SandboxClient] = {}
        self.register_client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, default_redirect_uris)
        self.config = SandboxConfig()
        self._failures_left: int | None = None  # None: failure switches apply to every request
        self._reset_state()
        self._url_map = Map(
            [
                Rule("/health", endpoint="health", methods=["GET"]),
                Rule("/.well-known/oauth-authorization-server", endpoint="metadata", methods=["GET"]),
                Rule("/oauth/authorize", endpoint="authorize", methods=["GET"]),
                Rule("/oauth/authorize/decision", endpoint="authorize_decision", methods=["POST"]),
                Rule("/oauth/token", endpoint="token", methods=["POST"]),
                Rule("/oauth/revoke", endpoint="revoke", methods=["POST"]),
                Rule("/api/me", endpoint="api_me", methods=["GET"]),
                Rule("/api/items", endpoint="api_items", methods=["GET"]),
                Rule("/api/publish", endpoint="api_publish", methods=["POST"]),
                Rule("/api/echo", endpoint="api_echo", methods=_ECHO_METHODS),
                Rule("/api/echo/<path:rest>", endpoint="api_echo", methods=_ECHO_METHODS),
                Rule("/_sandbox/config", endpoint="control_config", methods=["GET", "POST"]),
                Rule("/_sandbox/stats", endpoint="control_stats", methods=["GET"]),
                Rule("/_sandbox/tokens/expire", endpoint="control_expire", methods=["POST"]),
                Rule("/_sandbox/reset", endpoint="control_reset", methods=["POST"]),
                Rule("/_sandbox/webhooks/emit", endpoint="control_emit", methods=["POST"]),
            ]
        )
        self._handlers: dict[str, Callable[[Request], Response]] = {
            "health": lambda _request: _json({"status": "ok"}),
            "metadata": self._metadata,
            "authorize": self._authorize,
            "authorize_decision": self._authorize_decision,
            "token": self._token,
            "revoke": self._revoke,
            "api_me": self._api_me,
            "api_items": self._api_items,
            "api_publish": self._api_publish,
            "api_echo": self._api_echo,
            "control_config": self._control_config,
            "control_stats": lambda _request: _json(self.stats()),
            "control_expire": self._control_expire,
            "control_reset": self._control_reset,
            "control_emit": self._control_emit,
        }

    # ---- public API ---------------------------------------------------------------------

    def register_client(
        self, client_id: str, client_secret: str | None, redirect_uris: Iterable[str]
    ) -> SandboxClient:
        """Register (or replace) a client; redirect URIs may use `host:*` for any port."""
        client = SandboxClient(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uris=tuple(RedirectPattern.parse(uri) for uri in redirect_uris),
        )
        with self._lock:
            self._clients[client_id] = client
        return client

    def configure(self, **switches: Any) -> SandboxConfig:
        """Set switches as POST /_sandbox/config does; raises pydantic.ValidationError."""
        update = ConfigUpdate.model_validate(switches)
        with self._lock:
            if update.reset:
                self.reset()
            for name, value in update.model_dump(exclude_unset=True, exclude={"reset"}).items():
                if name == "api_keys":
                    value = tuple(value) if value is not None else DEFAULT_API_KEYS
                setattr(self.config, name, value)
            if "fail_count" in update.model_fields_set:
                self._failures_left = update.fail_count if update.fail_count > 0 else None
            return self.config

    def reset(self) -> None:
        """Forget tokens, codes, counters and switches; registered clients stay."""
        with self._lock:
            self.config = SandboxConfig()
            self._failures_left = None
            self._reset_state()

    def expire_access_tokens(self) -> int:
        with self._lock:
            now = self._clock()
            live = [t for t in self._access.values() if t.expires_at > now]
            for token in live:
                token.expires_at = now
            return len(live)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            now = self._clock()
            return {
                "authorize_requests": self._stats.authorize_requests,
                "token_requests": dict(self._stats.token_requests),
                "token_requests_total": sum(self._stats.token_requests.values()),
                "token_failures_injected": self._stats.token_failures_injected,
                "revocation_count": self._stats.revocation_count,
                "revocations": [dict(r) for r in self._stats.revocations],
                "last_revocation_hint": (
                    self._stats.revocations[-1]["token_type_hint"] if self._stats.revocations else None
                ),
                "family_revocations": self._stats.family_revocations,
                "active_access_tokens": sum(1 for t in self._access.values() if self._access_live(t, now)),
                "active_refresh_tokens": sum(1 for t in self._refresh.values() if self._refresh_live(t)),
                "api_requests": self._stats.api_requests,
                "published": [dict(p) for p in self._stats.published],
            }

    def wsgi_app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        adapter = self._url_map.bind_to_environ(environ)
        try:
            endpoint, _args = adapter.match()
            if str(endpoint).startswith("control_") and not _is_loopback(request.remote_addr):
                response = _json({"error": "forbidden", "error_description": "loopback only"}, 403)
            else:
                response = self._handlers[str(endpoint)](request)
        except MethodNotAllowed as exc:
            response = _json({"error": "method_not_allowed"}, 405)
            response.headers["Allow"] = ", ".join(exc.valid_methods or [])
        except HTTPException as exc:
            response = _json({"error": (exc.name or "error").lower().replace(" ", "_")}, exc.code or 500)
        return response(environ, start_response)

    __call__ = wsgi_app

    # ---- state ---------------------------------------------------------------------------

    def _reset_state(self) -> None:
        self._codes: dict[str, _Code] = {}
        self._pending: dict[str, _AuthRequest] = {}
        self._families: dict[str, _Family] = {}
        self._access: dict[str, _AccessToken] = {}
        self._refresh: dict[str, _RefreshToken] = {}
        self._rate: dict[str, tuple[float, int]] = {}
        self._stats = _Stats()

    def _issuer_for(self, request: Request) -> str:
        return self.issuer or request.host_url.rstrip("/")

    def _access_live(self, token: _AccessToken, now: float) -> bool:
        family = self._families.get(token.family_id) if token.family_id else None
        return not token.revoked and token.expires_at > now and not (family and family.revoked)

    def _refresh_live(self, token: _RefreshToken) -> bool:
        family = self._families.get(token.family_id)
        return token.status == "active" and not (family and family.revoked)

    def _live_family(self, client_id: str) -> str | None:
        """The newest unrevoked grant of a client (there is one sandbox user); caller holds the lock."""
        live = [fid for fid, family in self._families.items() if family.client_id == client_id and not family.revoked]
        return live[-1] if live else None

    def _revoke_family(self, family_id: str) -> None:
        family = self._families.get(family_id)
        if family is None or family.revoked:
            return
        family.revoked = True
        self._stats.family_revocations += 1
        for access in self._access.values():
            if access.family_id == family_id:
                access.revoked = True
        for refresh in self._refresh.values():
            if refresh.family_id == family_id and refresh.status == "active":
                refresh.status = "revoked"

    # ---- discovery -----------------------------------------------------------------------

    def _metadata(self, request: Request) -> Response:
        issuer = self._issuer_for(request)
        return _json(
            {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/oauth/authorize",
                "token_endpoint": f"{issuer}/oauth/token",
                "revocation_endpoint": f"{issuer}/oauth/revoke",
                "userinfo_endpoint": f"{issuer}/api/me",
                "response_types_supported": ["code"],
                "grant_types_supported": list(GRANT_TYPES),
                "code_challenge_methods_supported": ["S256"],
                "scopes_supported": list(SUPPORTED_SCOPES),
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                    "none",
                ],
                "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "authorization_response_iss_parameter_supported": True,
            }
        )

    # ---- authorization endpoint ----------------------------------------------------------

    def _authorize(self, request: Request) -> Response:
        with self._lock:
            self._stats.authorize_requests += 1
            mode = self.config.authorize_mode
        issuer = self._issuer_for(request)
        try:
            client, redirect_uri = self._client_and_redirect(request.args)
        except _BadAuthorizeRequest as exc:
            return _error_page(str(exc))
        args = request.args
        state = args.get("state")
        duplicated = [name for name in args if len(args.getlist(name)) > 1]
        if duplicated:
            return _redirect(
                redirect_uri,
                issuer,
                state,
                error="invalid_request",
                error_description=f"repeated parameter: {duplicated[0]}",
            )
        if args.get("response_type") != "code":
            return _redirect(
                redirect_uri,
                issuer,
                state,
                error="unsupported_response_type",
                error_description="only response_type=code is supported",
            )
        challenge = args.get("code_challenge")
        method = args.get("code_challenge_method")
        if challenge is None:
            if method is not None or client.client_secret is None:
                return _redirect(
                    redirect_uri,
                    issuer,
                    state,
                    error="invalid_request",
                    error_description="code_challenge is required",
                )
        elif method != "S256" or not _S256_CHALLENGE_RE.match(challenge):
            return _redirect(
                redirect_uri,
                issuer,
                state,
                error="invalid_request",
                error_description="code_challenge_method must be S256 with a 43-character challenge",
            )
        scope = _parse_scope(args.get("scope"))
        if scope is None:
            return _redirect(
                redirect_uri,
                issuer,
                state,
                error="invalid_scope",
                error_description=f"supported scopes: {' '.join(SUPPORTED_SCOPES)}",
            )
        auth_request = _AuthRequest(
            client_id=client.client_id,
            redirect_uri=redirect_uri,
            scope=scope or DEFAULT_SCOPE,
            state=state,
            code_challenge=challenge,
        )
        if mode == "deny":
            return _redirect(
                redirect_uri, issuer, state, error="access_denied", error_description="the user denied access"
            )
        if mode == "page":
            request_id = secrets.token_urlsafe(24)
            with self._lock:
                self._pending[request_id] = auth_request
            return _approval_page(request_id, auth_request)
        return self._approve(auth_request, issuer)

    def _authorize_decision(self, request: Request) -> Response:
        request_id = request.form.get("request_id", "")
        with self._lock:
            auth_request = self._pending.pop(request_id, None)
        if auth_request is None:
            return _error_page("unknown or already decided authorization request")
        issuer = self._issuer_for(request)
        if request.form.get("decision") != "approve":
            return _redirect(
                auth_request.redirect_uri,
                issuer,
                auth_request.state,
                error="access_denied",
                error_description="the user denied access",
            )
        return self._approve(auth_request, issuer)

    def _client_and_redirect(self, args: Any) -> tuple[SandboxClient, str]:
        for name in ("client_id", "redirect_uri"):
            if len(args.getlist(name)) != 1:
                raise _BadAuthorizeRequest(f"exactly one {name} is required")
        with self._lock:
            client = self._clients.get(args["client_id"])
        if client is None:
            raise _BadAuthorizeRequest("unknown client_id")
        redirect_uri = args["redirect_uri"]
        if not client.allows_redirect(redirect_uri):
            raise _BadAuthorizeRequest("redirect_uri is not registered for this client")
        return client, redirect_uri

    def _approve(self, auth_request: _AuthRequest, issuer: str) -> Response:
        code = secrets.token_urlsafe(32)
        with self._lock:
            now = self._clock()
            # drop spent and stale codes so a long-running sandbox does not grow without bound
            for key in [k for k, c in self._codes.items() if c.expires_at <= now - CODE_TTL_SECONDS]:
                del self._codes[key]
            self._codes[token_fingerprint(code)] = _Code(
                request=auth_request, expires_at=now + CODE_TTL_SECONDS
            )
        return _redirect(auth_request.redirect_uri, issuer, auth_request.state, code=code)

    # ---- token endpoint ------------------------------------------------------------------

    def _token(self, request: Request) -> Response:
        latency_ms = self.config.latency_ms
        if latency_ms:
            time.sleep(latency_ms / 1000)  # outside the lock: concurrent requests wait in parallel
        form = request.form
        grant_type = form.get("grant_type") or "missing"
        with self._lock:
            counted = grant_type if grant_type in GRANT_TYPES else "unsupported"
            self._stats.token_requests[counted] = self._stats.token_requests.get(counted, 0) + 1
            injected = self._injected_failure()
        if injected is not None:
            return injected
        try:
            if request.mimetype != "application/x-www-form-urlencoded":
                raise _OAuthError("invalid_request", "the body must be application/x-www-form-urlencoded")
            duplicated = [name for name in form if len(form.getlist(name)) > 1]
            if duplicated:
                raise _OAuthError("invalid_request", f"repeated parameter: {duplicated[0]}")
            client = self._authenticate_client(request, allow_public=grant_type == "authorization_code")
            if grant_type == "authorization_code":
                body = self._grant_authorization_code(client, form)
            elif grant_type == "refresh_token":
                body = self._grant_refresh_token(client, form)
            elif grant_type == "client_credentials":
                body = self._grant_client_credentials(client, form)
            else:
                raise _OAuthError("unsupported_grant_type", f"supported: {', '.join(GRANT_TYPES)}")
        except _OAuthError as exc:
            return _oauth_error(exc)
        return _json(body, 200, _NO_STORE)

    def _injected_failure(self) -> Response | None:
        """Apply token_error / token_status / fail_count; caller holds the lock."""
        config = self.config
        if self._failures_left is None and config.token_error is None and config.token_status is None:
            return None
        if self._failures_left is not None:
            self._failures_left -= 1
            if self._failures_left <= 0:
                # the last planned failure: recover afterwards
                self._failures_left = None
                error, status = config.token_error, config.token_status
                config.token_error, config.token_status, config.fail_count = None, None, 0
            else:
                error, status = config.token_error, config.token_status
                config.fail_count = self._failures_left
        else:
            error, status = config.token_error, config.token_status
        self._stats.token_failures_injected += 1
        if status is None:
            status = 401 if error == "invalid_client" else 400 if error else 503
        if error is None:
            error = (
                "temporarily_unavailable"
                if status in (429, 503)
                else "server_error"
                if status >= 500
                else "invalid_request"
            )
        response = _oauth_error(_OAuthError(error, "failure injected by the sandbox", status))
        if status in (429, 503):
            response.headers["Retry-After"] = "1"
        return response

    def _authenticate_client(self, request: Request, *, allow_public: bool) -> SandboxClient:
        basic = _basic_credentials(request.headers.get("Authorization"))
        body_id, body_secret = request.form.get("client_id"), request.form.get("client_secret")
        if basic is not None and body_secret is not None:
            raise _OAuthError("invalid_request", "use one client authentication method")
        secret: str | None
        if basic is not None:
            client_id, secret = basic
            if body_id is not None and body_id != client_id:
                raise _OAuthError("invalid_request", "client_id differs from the authenticated client")
        elif body_id is not None:
            client_id, secret = body_id, body_secret
        else:
            raise _OAuthError("invalid_client", "client authentication is required", 401)
        with self._lock:
            client = self._clients.get(client_id)
        if client is None:
            raise _OAuthError("invalid_client", "client authentication failed", 401)
        if client.client_secret is None:
            if allow_public and secret is None:
                return client
            raise _OAuthError("invalid_client", "client authentication failed", 401)
        if secret is None or not hmac.compare_digest(secret.encode(), client.client_secret.encode()):
            raise _OAuthError("invalid_client", "client authentication failed", 401)
        return client

    def _grant_authorization_code(self, client: SandboxClient, form: Any) -> dict[str, Any]:
        code, redirect_uri, verifier = form.get("code"), form.get("redirect_uri"), form.get("code_verifier")
        if not code:
            raise _OAuthError("invalid_request", "code is required")
        with self._lock:
            record = self._codes.get(token_fingerprint(code))
            if record is None or record.request.client_id != client.client_id:
                raise _OAuthError("invalid_grant", "unknown authorization code")
            if record.used:
                # RFC 6749 §4.1.2: a replayed code revokes what it already granted
                if record.family_id:
                    self._revoke_family(record.family_id)
                raise _OAuthError("invalid_grant", "authorization code already used")
            record.used = True  # spent by any attempt, so a failed PKCE guess cannot be retried
            if record.expires_at <= self._clock():
                raise _OAuthError("invalid_grant", "authorization code expired")
            if redirect_uri != record.request.redirect_uri:
                raise _OAuthError("invalid_grant", "redirect_uri does not match the authorization request")
            challenge = record.request.code_challenge
            if challenge is None:
                if verifier is not None:
                    raise _OAuthError("invalid_grant", "code_verifier sent but no code_challenge was given")
            elif verifier is None or not _VERIFIER_RE.match(verifier):
                raise _OAuthError("invalid_grant", "a valid code_verifier is required")
            elif not hmac.compare_digest(s256_challenge(verifier), challenge):
                raise _OAuthError("invalid_grant", "PKCE verification failed")
            family_id = self._live_family(client.client_id) if self.config.reuse_grant else None
            if family_id is None:
                family_id = secrets.token_hex(8)
                self._families[family_id] = _Family(client_id=client.client_id)
            record.family_id = family_id
            return self._issue(client.client_id, SANDBOX_USER["id"], record.request.scope, family_id)

    def _grant_refresh_token(self, client: SandboxClient, form: Any) -> dict[str, Any]:
        presented = form.get("refresh_token")
        if not presented:
            raise _OAuthError("invalid_request", "refresh_token is required")
        requested = _parse_scope(form.get("scope"))
        with self._lock:
            fingerprint = token_fingerprint(presented)
            record = self._refresh.get(fingerprint)
            if record is None or record.client_id != client.client_id:
                raise _OAuthError("invalid_grant", "unknown refresh token")
            if record.status == "rotated":
                # a rotated token presented again: assume theft and kill the whole family
                self._revoke_family(record.family_id)
                raise _OAuthError("invalid_grant", "refresh token reused; the token family is revoked")
            if not self._refresh_live(record):
                raise _OAuthError("invalid_grant", "refresh token revoked")
            if requested is None or (requested and not set(requested) <= set(record.scope)):
                raise _OAuthError("invalid_scope", "the requested scope exceeds the original grant")
            scope = requested or record.scope
            if self.config.issue_refresh_token:
                record.status = "rotated"
            # without rotation the client keeps (and may reuse) the refresh token it has
            return self._issue(
                record.client_id, record.subject, scope, record.family_id, refresh_scope=record.scope
            )

    def _grant_client_credentials(self, client: SandboxClient, form: Any) -> dict[str, Any]:
        if client.client_secret is None:
            raise _OAuthError("unauthorized_client", "public clients cannot use client_credentials")
        scope = _parse_scope(form.get("scope"))
        if scope is None:
            raise _OAuthError("invalid_scope", f"supported scopes: {' '.join(SUPPORTED_SCOPES)}")
        with self._lock:
            access = secrets.token_urlsafe(32)
            expires_in = self.config.expires_in
            granted = scope or DEFAULT_SCOPE
            self._access[token_fingerprint(access)] = _AccessToken(
                client_id=client.client_id,
                subject=f"client:{client.client_id}",
                scope=granted,
                expires_at=self._clock() + expires_in,
                family_id=None,
            )
        return {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": expires_in,
            "scope": " ".join(granted),
        }

    def _issue(
        self,
        client_id: str,
        subject: str,
        scope: tuple[str, ...],
        family_id: str,
        *,
        refresh_scope: tuple[str, ...] | None = None,
    ) -> dict[str, Any]:
        """Mint an access token (and a refresh token when the switch allows); caller holds the lock."""
        access = secrets.token_urlsafe(32)
        expires_in = self.config.expires_in
        self._access[token_fingerprint(access)] = _AccessToken(
            client_id=client_id,
            subject=subject,
            scope=scope,
            expires_at=self._clock() + expires_in,
            family_id=family_id,
        )
        body: dict[str, Any] = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": expires_in,
            "scope": " ".join(scope),
            # the provider account the grant belongs to: inbound webhooks name it (account_id)
            "account_id": sandbox_account_id(subject),
        }
        if self.config.issue_refresh_token:
            refresh = secrets.token_urlsafe(32)
            self._refresh[token_fingerprint(refresh)] = _RefreshToken(
                client_id=client_id, subject=subject, scope=refresh_scope or scope, family_id=family_id
            )
            body["refresh_token"] = refresh
        return body

    # ---- revocation endpoint (RFC 7009) ----------------------------------------------------

    def _revoke(self, request: Request) -> Response:
        try:
            client = self._authenticate_client(request, allow_public=True)
            token = request.form.get("token")
            if not token:
                raise _OAuthError("invalid_request", "token is required")
        except _OAuthError as exc:
            return _oauth_error(exc)
        hint = request.form.get("token_type_hint")
        fingerprint = token_fingerprint(token)
        with self._lock:
            kind = "unknown"
            access = self._access.get(fingerprint)
            refresh = self._refresh.get(fingerprint)
            # tokens of another client are left alone, but the answer is the same 200
            if access is not None and access.client_id == client.client_id:
                access.revoked, kind = True, "access_token"
            elif refresh is not None and refresh.client_id == client.client_id:
                kind = "refresh_token"
                # RFC 7009 §2.1: revoking a refresh token also ends its access tokens
                self._revoke_family(refresh.family_id)
                refresh.status = "revoked"
            self._stats.revocation_count += 1
            self._stats.revocations.append(
                {
                    "token_fingerprint": fingerprint,
                    "token_type_hint": hint,
                    "token_type": kind,
                    "client_id": client.client_id,
                    "at": self._clock(),
                }
            )
            del self._stats.revocations[:-MAX_RECORDED]
        return Response(b"", status=200, headers=_NO_STORE)

    # ---- resource API ----------------------------------------------------------------------

    def _api_caller(self, request: Request) -> tuple[dict[str, Any], str] | Response:
        """The identity behind the request, with its rate-limit bucket, or the error response."""
        with self._lock:
            self._stats.api_requests += 1
            forced = self.config.api_status
            api_keys = self.config.api_keys
            now = self._clock()
            if forced is not None:
                response = _json({"error": "forced_status", "status": forced}, forced)
                if forced in (429, 503):
                    response.headers["Retry-After"] = "1"
                if self.config.api_status_count:
                    self.config.api_status_count -= 1
                    if not self.config.api_status_count:
                        self.config.api_status = None
                return response
            api_key = request.headers.get("X-API-Key")
            if api_key is not None:
                if not any(hmac.compare_digest(api_key.encode(), key.encode()) for key in api_keys):
                    return _json({"error": "invalid_api_key"}, 401)
                caller = {
                    **SANDBOX_USER,
                    "scopes": [s for s in SUPPORTED_SCOPES if s != "offline_access"],
                    "authType": "api_key",
                }
                return caller, f"key:{token_fingerprint(api_key)}"
            authorization = request.headers.get("Authorization", "")
            scheme, _, credential = authorization.partition(" ")
            if scheme.lower() != "bearer" or not credential.strip():
                return _unauthorized(None)
            token = self._access.get(token_fingerprint(credential.strip()))
            if token is None or not self._access_live(token, now):
                return _unauthorized("invalid_token")
            if token.subject.startswith("client:"):
                identity = {"id": token.subject, "name": f"Client {token.client_id}", "email": None}
            else:
                identity = dict(SANDBOX_USER)
            return {
                **identity,
                "scopes": list(token.scope),
                "authType": "oauth2",
            }, f"client:{token.client_id}"

    def _rate_limited(self, bucket: str) -> tuple[dict[str, str], bool]:
        """Fixed-window counter per caller: the headers and whether the call is over the limit."""
        with self._lock:
            now = self._clock()
            limit = self.config.rate_limit
            window_start, used = self._rate.get(bucket, (now, 0))
            if now - window_start >= RATE_WINDOW_SECONDS:
                window_start, used = now, 0
            over = used >= limit
            used = used if over else used + 1
            self._rate[bucket] = (window_start, used)
        reset_at = int(window_start + RATE_WINDOW_SECONDS)
        headers = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(limit - used, 0)),
            "X-RateLimit-Reset": str(reset_at),
        }
        if over:
            headers["Retry-After"] = str(max(reset_at - int(now), 1))
        return headers, over

    def _api(
        self, request: Request, needed_scope: str | None, work: Callable[[dict[str, Any]], Response]
    ) -> Response:
        if self.config.api_latency_ms:
            time.sleep(self.config.api_latency_ms / 1000)  # outside the lock, like the token endpoint's
        caller = self._api_caller(request)
        if isinstance(caller, Response):
            return caller
        identity, bucket = caller
        headers, over = self._rate_limited(bucket)
        if over:
            response = _json({"error": "rate_limited"}, 429)
        elif needed_scope and needed_scope not in identity["scopes"]:
            response = _json({"error": "insufficient_scope", "scope": needed_scope}, 403)
            response.headers["WWW-Authenticate"] = (
                f'Bearer error="insufficient_scope", scope="{needed_scope}"'
            )
        else:
            response = work(identity)
        response.headers.update(headers)
        return response

    def _api_me(self, request: Request) -> Response:
        return self._api(
            request, None, lambda identity: _json({k: identity[k] for k in ("id", "name", "email", "scopes")})
        )

    def _api_items(self, request: Request) -> Response:
        def search(_identity: dict[str, Any]) -> Response:
            query = (request.args.get("q") or "").strip().lower()
            try:
                limit = int(request.args.get("limit", "10"))
                offset = _decode_cursor(request.args.get("cursor"))
            except ValueError:
                return _json({"error": "invalid_request", "error_description": "bad limit or cursor"}, 400)
            if not 1 <= limit <= 50:
                return _json({"error": "invalid_request", "error_description": "limit must be 1..50"}, 400)
            matches = [i for i in ITEMS if not query or query in i["title"].lower() or query == i["type"]]
            page = matches[offset : offset + limit]
            next_offset = offset + limit
            return _json(
                {
                    "items": [dict(i) for i in page],
                    "total": len(matches),
                    "nextCursor": _encode_cursor(next_offset) if next_offset < len(matches) else None,
                }
            )

        return self._api(request, "items:read", search)

    def _api_publish(self, request: Request) -> Response:
        def publish(identity: dict[str, Any]) -> Response:
            payload = request.get_json(silent=True)
            if not isinstance(payload, dict):
                return _json(
                    {"error": "invalid_request", "error_description": "a JSON object is required"}, 400
                )
            with self._lock:
                record = {
                    "id": f"pub-{secrets.token_hex(6)}",
                    "receivedAt": self._clock(),
                    "caller": identity["id"],
                    "payload": payload,
                }
                self._stats.published.append(record)
                del self._stats.published[:-MAX_RECORDED]
            return _json({"id": record["id"], "status": "published"}, 201)

        return self._api(request, "items:write", publish)

    def _api_echo(self, request: Request, rest: str = "") -> Response:
        """What the caller sent (the proxy's tests and bench): method, path, query, headers
        (credentials left out) and body; with `X-Echo-Raw: true` the body itself comes back."""

        def echo(_identity: dict[str, Any]) -> Response:
            body = request.get_data()
            if request.headers.get("X-Echo-Raw") == "true":
                return Response(body, status=200, content_type=request.content_type or "application/octet-stream")
            hidden = {"authorization", "x-api-key", "cookie"}
            return _json({
                "method": request.method,
                "path": request.path,
                "query": [[name, value] for name, value in request.args.items(multi=True)],
                "headers": {k.lower(): v for k, v in request.headers.items() if k.lower() not in hidden},
                "bodyBase64": base64.b64encode(body).decode("ascii"),
            })

        return self._api(request, None, echo)

    # ---- control plane ---------------------------------------------------------------------

    def _control_config(self, request: Request) -> Response:
        if request.method == "GET":
            with self._lock:
                return _json(self.config.public())
        switches = request.get_json(silent=True)
        if not isinstance(switches, dict):
            return _json({"error": "invalid_config", "details": ["a JSON object is required"]}, 400)
        try:
            config = self.configure(**switches)
        except ValidationError as exc:
            details = [
                {"switch": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
            ]
            return _json({"error": "invalid_config", "details": details}, 400)
        with self._lock:
            return _json(config.public())

    def _control_expire(self, _request: Request) -> Response:
        return _json({"expired": self.expire_access_tokens()})

    def _control_reset(self, _request: Request) -> Response:
        self.reset()
        return _json(self.config.public())

    def _control_emit(self, request: Request) -> Response:
        """A signed webhook event to the hub's intake (local/sandbox_webhooks.py)."""
        import httpx

        from local.sandbox_webhooks import EmitRequest, emit

        try:
            status, body = emit(EmitRequest.model_validate_json(request.get_data()),
                                sandbox_account_id(SANDBOX_USER["id"]), self._clock)
        except (ValidationError, ValueError) as error:
            return _json({"error": "invalid_request", "error_description": str(error)[:300]}, 400)
        except httpx.HTTPError as error:
            return _json({"error": "not_sent", "error_description": type(error).__name__}, 502)
        return _json({"status": status, "answer": body[:2000]})


# ---------------------------------------------------------------------------------------------
# Response helpers
# ---------------------------------------------------------------------------------------------


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers, mimetype="application/json")


def _oauth_error(exc: _OAuthError) -> Response:
    response = _json({"error": exc.error, "error_description": exc.description}, exc.status, _NO_STORE)
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="sandbox"'
    return response


def _unauthorized(error: str | None) -> Response:
    response = _json({"error": error or "unauthorized"}, 401)
    challenge = 'Bearer realm="sandbox"' + (f', error="{error}"' if error else "")
    response.headers["WWW-Authenticate"] = challenge
    return response


def _redirect(redirect_uri: str, issuer: str, state: str | None, **params: str) -> Response:
    parts = urlsplit(redirect_uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.extend(params.items())
    if state is not None:
        query.append(("state", state))
    query.append(("iss", issuer))
    location = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return Response(b"", status=302, headers={"Location": location, **_NO_STORE})


_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Frame-Options": "DENY",
    **_NO_STORE,
}


def _error_page(message: str) -> Response:
    body = (
        "<!doctype html><title>Sandbox authorization error</title>"
        f"<h1>Authorization error</h1><p>{html.escape(message)}</p>"
    )
    return Response(body, status=400, mimetype="text/html", headers=_PAGE_HEADERS)


def _approval_page(request_id: str, auth_request: _AuthRequest) -> Response:
    body = (
        "<!doctype html><title>Sandbox authorization</title>"
        f"<h1>Authorize {html.escape(auth_request.client_id)}?</h1>"
        f"<p>Requested scope: {html.escape(' '.join(auth_request.scope))}</p>"
        '<form method="post" action="/oauth/authorize/decision">'
        f'<input type="hidden" name="request_id" value="{html.escape(request_id)}">'
        '<button type="submit" name="decision" value="approve">Approve</button> '
        '<button type="submit" name="decision" value="deny">Deny</button>'
        "</form>"
    )
    return Response(body, status=200, mimetype="text/html", headers=_PAGE_HEADERS)


def _parse_scope(raw: str | None) -> tuple[str, ...] | None:
    """Requested scopes in order without duplicates; () when none; None when one is unknown."""
    if raw is None or not raw.strip():
        return ()
    scopes = tuple(dict.fromkeys(raw.split()))
    return scopes if all(s in SUPPORTED_SCOPES for s in scopes) else None


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    """HTTP Basic client credentials, form-urldecoded as RFC 6749 §2.3.1 requires."""
    if not header:
        return None
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise _OAuthError("invalid_client", "malformed Basic credentials", 401) from None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise _OAuthError("invalid_client", "malformed Basic credentials", 401)
    return unquote_plus(client_id), unquote_plus(secret)


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).rstrip(b"=").decode()


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        raise ValueError("bad cursor") from None
    prefix, _, number = decoded.partition(":")
    if prefix != "o" or not number.isdigit():
        raise ValueError("bad cursor")
    return int(number)


def _is_loopback(address: str | None) -> bool:
    if address is None:
        return True  # no socket peer: an in-process WSGI call (tests), not the network
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------------------------------


class _QuietHandler(WSGIRequestHandler):
    """Request handler that skips the per-request access log (errors are still logged)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


@dataclass
class RunningSandbox:
    """A sandbox served by a threaded werkzeug server in a daemon thread."""

    provider: SandboxProvider
    server: BaseWSGIServer
    thread: threading.Thread
    base_url: str

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)
        self.server.server_close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_sandbox(
    host: str = "127.0.0.1", port: int = 0, *, provider: SandboxProvider | None = None, quiet: bool = True
) -> RunningSandbox:
    """Serve a sandbox on host:port (0 picks a free port); the issuer becomes the base URL."""
    provider = provider or SandboxProvider()
    server = make_server(
        host, port, provider.wsgi_app, threaded=True, request_handler=_QuietHandler if quiet else None
    )
    url_host = f"[{host}]" if ":" in host else host
    base_url = f"http://{url_host}:{server.server_port}"
    provider.issuer = base_url
    thread = threading.Thread(target=server.serve_forever, name=f"sandbox-{server.server_port}", daemon=True)
    thread.start()
    return RunningSandbox(provider=provider, server=server, thread=thread, base_url=base_url)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Sandbox OAuth2 provider (local stack)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--expires-in", type=int, default=3600, help="access-token lifetime in seconds")
    args = parser.parse_args(argv)
    provider = SandboxProvider()
    provider.configure(expires_in=args.expires_in)
    running = start_sandbox(args.host, args.port, provider=provider, quiet=False)
    credentials = f"{DEFAULT_CLIENT_ID} / {DEFAULT_CLIENT_SECRET}"
    print(f"sandbox OAuth2 provider on {running.base_url} (client {credentials})", flush=True)
    try:
        running.thread.join()
    except KeyboardInterrupt:
        running.stop()


if __name__ == "__main__":
    main()
