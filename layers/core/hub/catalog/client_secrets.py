"""A provider's OAuth client secret (set by a super admin), kept in the vault under the reserved
tenant (`SecretRef.for_provider_client`). The catalog writes it; the OAuth code, refreshes and
the provider probe read it. A warm container keeps it for `settings.catalog_cache_seconds`
(hub/cache.py): a refresh would otherwise pay a vault read and a KMS call for it every time.
Writing or deleting it here drops it in this container at once; other containers see a new
secret within that time (the old one keeps working at the provider until it is revoked there)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.cache import TtlCache, catalog_seconds
from hub.errors import SecretExists
from hub.redaction import register_secret
from hub.secret_refs import SecretRef

if TYPE_CHECKING:
    from hub.vault import CredentialVault

_cached: TtlCache[str | None] = TtlCache(catalog_seconds, 512)


def _vault() -> CredentialVault:
    # lazily: every connection handler imports this module, only the ones that read the secret
    # pay for the vault's crypto (tests/unit/test_import_structure.py)
    from hub.vault import standalone_vault

    return standalone_vault()


def client_secret_ref(provider_id: str) -> SecretRef:
    return SecretRef.for_provider_client(provider_id)


def store_client_secret(provider_id: str, client_secret: str) -> None:
    """Store or replace: a secret left by an earlier failed attempt must not block this one."""
    _cached.discard(provider_id)
    ref = client_secret_ref(provider_id)
    try:
        _vault().store(ref, {"clientSecret": client_secret})
    except SecretExists:
        _vault().replace(ref, {"clientSecret": client_secret})


def delete_client_secret(provider_id: str) -> None:
    _cached.discard(provider_id)
    _vault().delete(client_secret_ref(provider_id))


def read_client_secret(provider: Mapping[str, Any]) -> str | None:
    """The provider's client secret (from the vault at most once per cache period)."""
    if not provider.get("clientSecretConfigured"):
        return None
    provider_id = str(provider["id"])

    def load() -> str | None:
        secret = _vault().read(client_secret_ref(provider_id)).get("clientSecret")
        return str(secret) if secret is not None else None

    secret = _cached.get(provider_id, load)
    register_secret(secret)  # masked in this invocation's logs, cached or not
    return secret
