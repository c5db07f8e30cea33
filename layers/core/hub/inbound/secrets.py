"""The keys that verify a provider's inbound webhooks.

A signing secret, a public key (Discord) and a subscription verify token (Meta) are stored by a
super admin in the vault under the platform's reserved tenant, like the provider's OAuth client
secret (hub/catalog/client_secrets.py, which loads the vault eagerly too), as one secret of their
own: `{prefix}/_system/{id}.inbound`.
Providers that sign with their OAuth client secret (Shopify, HubSpot, Meta) use that one.

The intake answers within the provider's timeout, so a warm function keeps what it read for
`inbound_secret_cache_seconds` (on hub/clock.py): a key changed by a super admin is honoured by
every function within that time.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hub import clock
from hub.catalog.client_secrets import read_client_secret
from hub.errors import SecretExists, SecretNotFound
from hub.inbound.spec import InboundWebhookSpec
from hub.settings import get_settings
from hub.vault import PURPOSE_PROVIDER_CLIENT, SYSTEM_TENANT, SecretRef, standalone_vault

FIELDS = ("signingSecret", "publicKey", "verifyToken")


@dataclass(frozen=True)
class ProviderKeys:
    """What verifies one provider's requests: the keys of its scheme and Meta's verify tokens."""

    keys: tuple[str, ...]
    verify_tokens: tuple[str, ...]


_cache: dict[str, tuple[float, ProviderKeys]] = {}
_lock = threading.Lock()


def _ref(provider_id: str) -> SecretRef:
    return SecretRef(SYSTEM_TENANT, provider_id, f"{provider_id}.inbound", PURPOSE_PROVIDER_CLIENT)


def read_stored(provider_id: str) -> dict[str, str]:
    """The stored inbound keys of a provider ({} when none)."""
    try:
        stored = standalone_vault().read(_ref(provider_id))
    except SecretNotFound:
        return {}
    return {name: str(stored[name]) for name in FIELDS if stored.get(name)}


def store(provider_id: str, changes: Mapping[str, str | None]) -> dict[str, str]:
    """Apply changes (None removes a key) and answer what is now stored."""
    current = read_stored(provider_id)
    updated = {k: v for k, v in {**current, **changes}.items() if v}
    vault, ref = standalone_vault(), _ref(provider_id)
    if not current:
        try:
            vault.store(ref, updated)
        except SecretExists:
            vault.replace(ref, updated)
    else:
        vault.replace(ref, updated)
    forget(provider_id)
    return updated


def forget(provider_id: str | None = None) -> None:
    with _lock:
        if provider_id is None:
            _cache.clear()
        else:
            _cache.pop(provider_id, None)


def provider_keys(provider: Mapping[str, Any], spec: InboundWebhookSpec) -> ProviderKeys:
    """The provider's keys for its scheme, from the warm cache or the vault."""
    provider_id = str(provider["id"])
    now = clock.monotonic()
    with _lock:
        cached = _cache.get(provider_id)
    if cached is not None and cached[0] > now:
        return cached[1]
    stored = read_stored(provider_id)
    source = spec.signature.key
    if source == "clientSecret":
        secret = read_client_secret(provider)
        keys: tuple[str, ...] = (secret,) if secret else ()
    else:
        keys = (stored[source],) if stored.get(source) else ()
    found = ProviderKeys(keys=keys, verify_tokens=(stored["verifyToken"],) if stored.get("verifyToken") else ())
    ttl = get_settings().inbound_secret_cache_seconds
    if ttl:
        with _lock:
            _cache[provider_id] = (now + ttl, found)
    return found
