"""Signing secrets at rest: Encryption-SDK ciphertext in the endpoint item (docs/architecture.md, Credential vault).

The encryption context binds tenant, webhook and purpose, so a ciphertext copied onto another
tenant's endpoint does not decrypt. Decrypted secrets are cached briefly per process (a warm
Lambda signs many deliveries for the same endpoint) and registered for redaction by the vault.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from hub.webhooks import signing

PURPOSE = "webhook-signing"
CACHE_SECONDS = 300.0

_cache: dict[str, tuple[float, str]] = {}
_lock = threading.Lock()


def _context(tenant_id: str, webhook_id: str) -> dict[str, str]:
    return {"tenantId": tenant_id, "webhookId": webhook_id, "purpose": PURPOSE}


def seal(tenant_id: str, webhook_id: str, secret: str) -> str:
    from hub.vault import encrypt_field  # lazily: only functions that sign pay the SDK import

    return encrypt_field(secret, _context(tenant_id, webhook_id))


def unseal(tenant_id: str, webhook_id: str, ciphertext: str) -> str:
    cache_key = f"{tenant_id}\0{webhook_id}\0{ciphertext}"
    now = time.monotonic()
    with _lock:
        cached = _cache.get(cache_key)
    if cached and cached[0] > now:
        return cached[1]
    from hub.vault import decrypt_field

    secret = decrypt_field(ciphertext, _context(tenant_id, webhook_id))
    with _lock:
        if len(_cache) > 1000:
            _cache.clear()
        _cache[cache_key] = (now + CACHE_SECONDS, secret)
    return secret


def signing_secrets(endpoint: dict[str, Any], now: float) -> list[str]:
    """The secrets that sign a delivery now: the current one, and the previous one while its
    overlap after a rotation lasts."""
    tenant_id, webhook_id = endpoint["tenantId"], endpoint["id"]
    found = [unseal(tenant_id, webhook_id, endpoint["secretCiphertext"])]
    previous = endpoint.get("previousSecretCiphertext")
    if previous and float(endpoint.get("previousSecretExpiresEpoch") or 0) > now:
        found.append(unseal(tenant_id, webhook_id, previous))
    return found


def new_secret() -> str:
    return signing.generate_secret()


def clear_cache() -> None:
    with _lock:
        _cache.clear()
