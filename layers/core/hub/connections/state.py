"""OAuth `state`: created at the start of a flow, consumed exactly once at the callback.

The state string is `{tenant routing prefix}.{256 random bits}`: the prefix (the tenant id,
base64url) only says which tenant partition to look in, because the callback is public and has
no token to take the tenant from. It is not trusted on its own: the item is found by the SHA-256
of the *whole* string, so changing the prefix (or any character) finds nothing.

Item: pk `TENANT#{t}`, sk `OAUTHSTATE#{sha256(state)}`, `ttl` = expiry (DynamoDB removes stale
ones; the expiry is also checked on read because TTL deletion is lazy). The item binds tenant,
integration, user, scope (tenant or user connection), return URL, redirect URI, requested scopes,
the provider's issuer and the PKCE verifier, which is stored only Encryption-SDK-encrypted
(`encrypt_field`, context bound to tenant, state hash and purpose). Consumption is a conditional
delete that returns the old item: two callbacks racing with one state get one success.

Browser binding (login CSRF / connection fixation): the start answer does not send the browser
to the provider directly but to the hub's public `GET /api/integrations/oauth/start?flow=...`.
The flow id is `{tenant prefix}.{sha256(state)}` (never the state itself). That route binds the
flow to the first browser that opens it: a random nonce whose SHA-256 is written on the item
(conditional: only once) and set as an HttpOnly cookie; the provider authorization URL (which
holds the state) is stored encrypted and only revealed in that 302. The callback requires the
cookie: a browser that did not open the start URL cannot finish the flow.

Bound to its initiator (consent phishing): the start URL first answers a page naming the
tenant, the user who started the flow and the provider, with a Continue link that works only in
the browser that was shown the page (a random value in the link and in a cookie must match). A
forwarded link therefore always shows whose account will be connected before anything happens;
it can never bind or redirect silently.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hub import clock
from hub.connections.state_repository import STATE_SK_PREFIX, OAuthStateRepository, state_due_keys
from hub.errors import OAuthFailed
from hub.redaction import register_secret
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, tenant_pk

PURPOSE_PKCE_VERIFIER = "oauth-pkce-verifier"
PURPOSE_AUTHORIZATION_URL = "oauth-authorization-url"
BROWSER_COOKIE_PREFIX = "hub_oauth_"
CONFIRM_COOKIE_PREFIX = "hub_oauthc_"
_FLOW = re.compile(r"^([A-Za-z0-9_-]{2,100})\.([0-9a-f]{64})$")
STATE_RANDOM_BYTES = 32  # 256 bits
_STATE = re.compile(r"^([A-Za-z0-9_-]{2,100})\.([A-Za-z0-9_-]{43,64})$")
_TENANT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_state(tenant_id: str) -> str:
    return f"{_b64(tenant_id.encode())}.{secrets.token_urlsafe(STATE_RANDOM_BYTES)}"


def state_hash(state: str) -> str:
    return hashlib.sha256(state.encode("utf-8")).hexdigest()


def tenant_of_state(state: str) -> str | None:
    """The tenant a state claims to belong to, or None when it is not a state we could have made."""
    match = _STATE.match(state or "")
    if not match:
        return None
    return _tenant_of_prefix(match.group(1))


def flow_id(state: str) -> str:
    """The public id of a flow for the hub's start URL: the tenant prefix and the state's hash."""
    return f"{state.split('.', 1)[0]}.{state_hash(state)}"


def confirm_cookie_name(hashed_state: str) -> str:
    """The start page's cookie: the Continue link works only in the browser that was shown it."""
    return CONFIRM_COOKIE_PREFIX + hashed_state[:24]


def browser_cookie_name(hashed_state: str) -> str:
    """One cookie per flow, so two flows started in two tabs do not overwrite each other."""
    return BROWSER_COOKIE_PREFIX + hashed_state[:24]


def _nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode("utf-8")).hexdigest()


def browser_matches(binding: Mapping[str, Any], nonce: str | None) -> bool:
    """Whether the callback's cookie is the one the start route gave the binding browser."""
    expected = binding.get("browserHash")
    if not isinstance(expected, str) or not expected or not nonce:
        return False
    return hmac.compare_digest(_nonce_hash(nonce), expected)


@dataclass(frozen=True)
class FlowSummary:
    """What the start page tells the person who opened the link: whose flow this is."""

    tenant_id: str
    user_id: str
    provider_id: str
    integration_id: str
    hashed: str
    max_age: int


@dataclass(frozen=True)
class BrowserBinding:
    provider_url: str
    cookie_name: str
    nonce: str
    max_age: int
    # the start page's cookie, spent once the browser continued
    confirm_cookie: str = ""


def _tenant_of_prefix(prefix: str) -> str | None:
    try:
        tenant = base64.urlsafe_b64decode(prefix + "=" * (-len(prefix) % 4)).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return tenant if _TENANT_ID.match(tenant) else None


def new_pkce_verifier() -> str:
    """RFC 7636: 43-128 unreserved characters; 64 random bytes → 86 characters."""
    return secrets.token_urlsafe(64)


def pkce_challenge(verifier: str) -> str:
    return _b64(hashlib.sha256(verifier.encode("ascii")).digest())


def _verifier_context(tenant_id: str, hashed: str) -> dict[str, str]:
    return {"tenantId": tenant_id, "stateHash": hashed, "purpose": PURPOSE_PKCE_VERIFIER}


def _url_context(tenant_id: str, hashed: str) -> dict[str, str]:
    return {"tenantId": tenant_id, "stateHash": hashed, "purpose": PURPOSE_AUTHORIZATION_URL}


_INVALID = "The OAuth state is unknown, expired or already used; start the connection again"
_UNUSABLE_FLOW = ("This connection link is unknown, expired or was already opened in another browser; "
                  "start the connection again")


class OAuthStateStore:
    """Creates, binds and consumes states; their storage is `OAuthStateRepository`'s."""

    def __init__(self) -> None:
        self.repository = OAuthStateRepository()

    def create(self, tenant_id: str, binding: dict[str, Any], *, verifier: str | None,
               authorization_url: Callable[[str], str] | None = None) -> tuple[str, dict[str, Any]]:
        """Store a new state bound to `binding`; returns (state string, stored binding).
        `authorization_url(state)` builds the provider URL kept (encrypted) for the start route."""
        from hub.vault import encrypt_field

        state = new_state(tenant_id)
        hashed = state_hash(state)
        now = clock.now()
        expires_at = now + get_settings().oauth_state_ttl_seconds
        item: dict[str, Any] = {
            "pk": tenant_pk(tenant_id),
            "sk": STATE_SK_PREFIX + hashed,
            "entity": "oauth-state",
            **binding,
            "tenantId": tenant_id,
            "createdAt": clock.iso(now),
            "expiresAt": int(expires_at),
            "ttl": int(expires_at),
            # the purge job finds states TTL has not removed yet through the due index, not a Scan
            **state_due_keys(tenant_id, hashed, expires_at),
        }
        if verifier is not None:
            item["verifierEnc"] = encrypt_field(verifier, _verifier_context(tenant_id, hashed))
        if authorization_url is not None:
            item["authorizationUrlEnc"] = encrypt_field(authorization_url(state), _url_context(tenant_id, hashed))
        self.repository.create_state(item)
        return state, item

    def summary(self, flow: str) -> FlowSummary:
        """The flow behind a start link, while it can still be opened (unbound, unexpired)."""
        match = _FLOW.match(flow or "")
        tenant = _tenant_of_prefix(match.group(1)) if match else None
        if match is None or tenant is None:
            raise OAuthFailed(_UNUSABLE_FLOW, details={"reason": "malformed_flow"})
        item = self.repository.get_state(tenant, match.group(2))
        now = clock.now()
        if (item is None or item.get("browserHash") or float(item.get("expiresAt", 0)) <= now
                or item.get("tenantId") != tenant or not item.get("authorizationUrlEnc")):
            raise OAuthFailed(_UNUSABLE_FLOW, details={"reason": "flow_unusable"})
        return FlowSummary(tenant_id=tenant, user_id=str(item.get("userId")), provider_id=str(item.get("providerId")),
                           integration_id=str(item.get("integrationId")), hashed=match.group(2),
                           max_age=max(1, int(float(item["expiresAt"]) - now)))

    def bind_browser(self, flow: str) -> BrowserBinding:
        """The start route: bind the flow to this browser (once) and reveal the provider URL.
        Raises OAuthFailed when the flow is malformed, unknown, expired or already bound."""
        from hub.vault import decrypt_field

        match = _FLOW.match(flow or "")
        tenant = _tenant_of_prefix(match.group(1)) if match else None
        if match is None or tenant is None:
            raise OAuthFailed(_UNUSABLE_FLOW, details={"reason": "malformed_flow"})
        hashed = match.group(2)

        nonce = secrets.token_urlsafe(STATE_RANDOM_BYTES)
        register_secret(nonce)  # a bearer of the flow: masked should it ever reach a log line
        now = clock.now()
        item = self.repository.bind_to_browser(
            tenant, hashed, {"browserHash": _nonce_hash(nonce), "browserBoundAt": clock.iso(now)}, now=now)
        if item is None:
            raise OAuthFailed(_UNUSABLE_FLOW, details={"reason": "flow_unusable"})
        provider_url = decrypt_field(item["authorizationUrlEnc"], _url_context(tenant, hashed))
        max_age = max(1, int(float(item["expiresAt"]) - now))
        return BrowserBinding(provider_url=provider_url, cookie_name=browser_cookie_name(hashed), nonce=nonce,
                              max_age=max_age, confirm_cookie=confirm_cookie_name(hashed))

    def consume(self, state: str, *, tenant_id: str | None = None, integration_id: str | None = None,
                user_id: str | None = None) -> dict[str, Any]:
        """Delete the state and return its binding (with `verifier` decrypted). Raises OAuthFailed
        when the state is malformed, unknown, already used, expired or bound elsewhere. With
        `tenant_id` / `integration_id` / `user_id` the delete only happens when they match, so
        presenting someone else's state does not spend it."""
        from hub.vault import decrypt_field

        claimed = tenant_of_state(state)
        if claimed is None:
            raise OAuthFailed(_INVALID, details={"reason": "malformed_state"})
        if tenant_id is not None and claimed != tenant_id:
            raise OAuthFailed(_INVALID, details={"reason": "unknown_state"})
        hashed = state_hash(state)
        item = self.repository.take_state(claimed, hashed, integration_id=integration_id, user_id=user_id)
        if item is None:
            raise OAuthFailed(_INVALID, details={"reason": "unknown_state"})
        if float(item.get("expiresAt", 0)) <= clock.now():
            raise OAuthFailed(_INVALID, details={"reason": "expired_state"})
        hidden = {"pk", "sk", "entity", "ttl", "verifierEnc", "authorizationUrlEnc", GSI2_PK, GSI2_SK}
        binding = {k: v for k, v in item.items() if k not in hidden}
        binding["stateHash"] = hashed
        if item.get("verifierEnc"):
            binding["verifier"] = decrypt_field(item["verifierEnc"], _verifier_context(claimed, hashed))
        return binding
