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
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from typing import Any

from hub import clock
from hub.errors import OAuthFailed
from hub.jobs.purge import state_due_keys
from hub.repository import ConditionFailed, Repository
from hub.settings import get_settings
from hub.table import GSI2_PK, GSI2_SK, tenant_pk

STATE_SK_PREFIX = "OAUTHSTATE#"
PURPOSE_PKCE_VERIFIER = "oauth-pkce-verifier"
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
    prefix = match.group(1)
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


_INVALID = "The OAuth state is unknown, expired or already used; start the connection again"


class OAuthStateStore(Repository):
    def create(self, tenant_id: str, binding: dict[str, Any], *, verifier: str | None) -> tuple[str, dict[str, Any]]:
        """Store a new state bound to `binding`; returns (state string, stored binding)."""
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
        self.put_new(item)
        return state, item

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
        conditions = ["attribute_exists(pk)", "#tenant = :tenant"]
        values: dict[str, Any] = {":tenant": claimed}
        names = {"#tenant": "tenantId"}
        if integration_id is not None:
            conditions.append("#integration = :integration")
            names["#integration"] = "integrationId"
            values[":integration"] = integration_id
        if user_id is not None:
            conditions.append("#user = :user")
            names["#user"] = "userId"
            values[":user"] = user_id
        try:
            item = self.delete(tenant_pk(claimed), STATE_SK_PREFIX + hashed, condition=" AND ".join(conditions),
                               names=names, values=values, return_old=True)
        except ConditionFailed:
            raise OAuthFailed(_INVALID, details={"reason": "unknown_state"}) from None
        if item is None:  # pragma: no cover - the condition makes this unreachable
            raise OAuthFailed(_INVALID, details={"reason": "unknown_state"})
        if float(item.get("expiresAt", 0)) <= clock.now():
            raise OAuthFailed(_INVALID, details={"reason": "expired_state"})
        binding = {k: v for k, v in item.items()
                   if k not in {"pk", "sk", "entity", "ttl", "verifierEnc", GSI2_PK, GSI2_SK}}
        if item.get("verifierEnc"):
            binding["verifier"] = decrypt_field(item["verifierEnc"], _verifier_context(claimed, hashed))
        return binding
