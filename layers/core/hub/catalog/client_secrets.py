"""A provider's OAuth client secret (set by a super admin), kept in the vault under the reserved
tenant (`SecretRef.for_provider_client`). The catalog writes it; the OAuth code and the
provider probe read it on demand, never caching it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.errors import SecretExists
from hub.vault import SecretRef, standalone_vault


def client_secret_ref(provider_id: str) -> SecretRef:
    return SecretRef.for_provider_client(provider_id)


def store_client_secret(provider_id: str, client_secret: str) -> None:
    """Store or replace: a secret left by an earlier failed attempt must not block this one."""
    ref = client_secret_ref(provider_id)
    try:
        standalone_vault().store(ref, {"clientSecret": client_secret})
    except SecretExists:
        standalone_vault().replace(ref, {"clientSecret": client_secret})


def delete_client_secret(provider_id: str) -> None:
    standalone_vault().delete(client_secret_ref(provider_id))


def read_client_secret(provider: Mapping[str, Any]) -> str | None:
    """The provider's client secret, straight from the vault."""
    if not provider.get("clientSecretConfigured"):
        return None
    secret = standalone_vault().read(client_secret_ref(str(provider["id"]))).get("clientSecret")
    return str(secret) if secret is not None else None
