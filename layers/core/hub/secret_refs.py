"""What a credential is for: the reference whose fields form the encryption context.

Outside the hub.vault package, whose import sets up the vault's crypto and clients: the
repositories that name a connection's secret (hub/connections/repository.py,
hub/catalog/client_secrets.py) open no credential at import (cold starts, bench/imports.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hub.errors import VaultError
from hub.settings import get_settings

SYSTEM_TENANT = "_system"
"""Reserved tenant id for secrets that belong to the hub rather than to a tenant."""

PURPOSE_CONNECTION = "connection"
PURPOSE_PROVIDER_CLIENT = "provider-client"
PURPOSE_WEBHOOK_SIGNING = "webhook-signing"
# pending grants stored before they were sealed once as the vault message (hub/connections/pending.py
# still reads them)
PURPOSE_PENDING_GRANT = "pending-grant"

# Secrets Manager name characters minus "/", so that one id can never spill into the next
# path segment and make two references share a name.
_ID_PATTERN = re.compile(r"^[A-Za-z0-9._+=@-]{1,128}$")


@dataclass(frozen=True)
class SecretRef:
    """Which credential, for whom, for what. The four id fields form the encryption context.

    `record_key` is where the `table` backend finds a connection's credential: the (pk, sk) of
    the connection's own item. It locates, it does not authorize: the item must also carry the
    same connectionId, and the message must decrypt under the four ids."""

    tenant_id: str
    integration_id: str
    connection_id: str
    purpose: str = PURPOSE_CONNECTION
    record_key: tuple[str, str] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for value in (self.tenant_id, self.integration_id, self.connection_id, self.purpose):
            if not isinstance(value, str) or not _ID_PATTERN.match(value):
                raise VaultError("The secret reference is not valid")
        # The reserved tenant holds only provider client secrets, and provider client secrets live
        # only there, so a tenant can never address (or collide with) a hub-owned secret.
        if (self.tenant_id == SYSTEM_TENANT) != (self.purpose == PURPOSE_PROVIDER_CLIENT):
            raise VaultError("The secret reference is not valid")

    @classmethod
    def for_provider_client(cls, provider_id: str) -> SecretRef:
        """A provider's OAuth client secret (set by a super admin): `{prefix}/_system/{providerId}`."""
        return cls(SYSTEM_TENANT, provider_id, provider_id, PURPOSE_PROVIDER_CLIENT)

    def secret_name(self, prefix: str | None = None) -> str:
        prefix = prefix if prefix is not None else get_settings().secret_prefix
        return f"{prefix}/{self.tenant_id}/{self.connection_id}"

    def encryption_context(self) -> dict[str, str]:
        return {
            "tenantId": self.tenant_id,
            "integrationId": self.integration_id,
            "connectionId": self.connection_id,
            "purpose": self.purpose,
        }
