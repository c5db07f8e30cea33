"""The pending write: a grant the provider issued, kept in the connection item until the vault
holds it, so that no single failure loses it (docs/connections.md, "The grant-write protocol").

Before the vault is written, the new vault payload (and the record fields that go with it) is
sealed with the Encryption SDK under the connection's own context (tenantId, integrationId,
connectionId, purpose `pending-grant`) and stored in the item as `pendingWrite`, in the same
conditional write that claims the secret write. The attribute is removed in the write that
follows a successful vault write. While it is there:
- readers use the sealed payload (it is newer than the vault's);
- the next refresh, or a reader that can take the lease, reconciles it: writes it to the vault,
  applies its fields, removes it (conditional on it still being the same ciphertext).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hub.connections.repository import secret_ref_of
from hub.errors import VaultError
from hub.redaction import register_secret
from hub.vault import PURPOSE_PENDING_GRANT, decrypt_field, encrypt_field, read_credentials

PURPOSE = PURPOSE_PENDING_GRANT
# record attributes a pending write never sets: the keys, the claims and itself
_NOT_CARRIED = {"pk", "sk", "version", "leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil",
                "pendingWrite", "pendingWriteAt", "tenantId", "integrationId", "userId", "connectionId"}


@dataclass(frozen=True)
class PendingGrant:
    payload: dict[str, Any] = field(repr=False)
    fields: dict[str, Any] = field(default_factory=dict)
    remove: tuple[str, ...] = ()


def _context(record: Mapping[str, Any]) -> dict[str, str]:
    return {"tenantId": str(record["tenantId"]), "integrationId": str(record["integrationId"]),
            "connectionId": str(record["connectionId"]), "purpose": PURPOSE}


def seal(record: Mapping[str, Any], payload: Mapping[str, Any], fields: Mapping[str, Any] | None = None,
         remove: tuple[str, ...] = ()) -> str:
    """The ciphertext to store as `pendingWrite` on `record` (which names the connection)."""
    carried = {k: v for k, v in (fields or {}).items() if k not in _NOT_CARRIED}
    document = {"payload": dict(payload), "fields": carried,
                "remove": [name for name in remove if name not in _NOT_CARRIED]}
    return encrypt_field(json.dumps(document, separators=(",", ":"), sort_keys=True, default=str), _context(record))


def unseal(record: Mapping[str, Any]) -> PendingGrant | None:
    """The record's pending grant, or None. VaultError if it does not belong to this connection."""
    sealed = record.get("pendingWrite")
    if not sealed:
        return None
    try:
        document = json.loads(decrypt_field(str(sealed), _context(record)))
    except ValueError:
        raise VaultError() from None
    payload = document.get("payload") or {}
    for name in ("accessToken", "refreshToken", "idToken"):
        register_secret(payload.get(name))
    for value in (payload.get("credentials") or {}).values():
        register_secret(value if isinstance(value, str) else None)
    return PendingGrant(payload=payload, fields=dict(document.get("fields") or {}),
                        remove=tuple(document.get("remove") or ()))


def current_payload(record: Mapping[str, Any]) -> dict[str, Any]:
    """The connection's newest credentials: its pending grant if it has one, else the vault's
    (the record's own message with the `table` vault)."""
    grant = unseal(record)
    if grant is not None:
        return grant.payload
    return read_credentials(secret_ref_of(record), record)
