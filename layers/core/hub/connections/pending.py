"""The pending write: a grant the provider issued, kept in the connection item until the vault
holds it, so that no single failure loses it (docs/connections.md, "The grant-write protocol").

Before the vault is written, the grant's vault message (the Encryption SDK message the vault
will store, under the connection's own context) and the record fields that go with it are stored
in the item as `pendingWrite`, in the same conditional write that claims the secret write. The
vault then stores that very message, so a grant is sealed once (one KMS call), not twice. The
attribute is removed in the write that follows a successful vault write. While it is there:
- readers use its payload (it is newer than the vault's);
- the next refresh, or a reader that can take the lease, reconciles it: writes the message to
  the vault, applies its fields, removes it (conditional on it still being the same value).

The record fields are no secret (the record holds them in the clear anyway); the payload is only
in the message. Items written before this format hold a whole Encryption SDK message sealed with
purpose `pending-grant` (LEGACY_PURPOSE); they are still read, so an upgrade loses no grant.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hub.connections.repository import secret_ref_of
from hub.errors import VaultError
from hub.redaction import register_secret
from hub.vault import MESSAGE_FIELD, PURPOSE_PENDING_GRANT, decrypt_field, read_credentials
from hub.vault import unseal as open_message

LEGACY_PURPOSE = PURPOSE_PENDING_GRANT
# record attributes a pending write never sets: the keys, the claims and itself
_NOT_CARRIED = {"pk", "sk", "version", "leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil",
                "pendingWrite", "pendingWriteAt", "tenantId", "integrationId", "userId", "connectionId"}


@dataclass(frozen=True)
class PendingGrant:
    payload: dict[str, Any] = field(repr=False)
    message: str | None = field(default=None, repr=False)  # None: a legacy item, sealed on write
    fields: dict[str, Any] = field(default_factory=dict)
    remove: tuple[str, ...] = ()


def seal(message: str, fields: Mapping[str, Any] | None = None, remove: tuple[str, ...] = ()) -> str:
    """The value to store as `pendingWrite`: the grant's vault message (sealed for the connection
    by `hub.vault.seal`) with the record fields that go with it."""
    carried = {k: v for k, v in (fields or {}).items() if k not in _NOT_CARRIED}
    document: dict[str, Any] = {"message": message, "remove": [name for name in remove if name not in _NOT_CARRIED]}
    if carried.get(MESSAGE_FIELD) == message:  # the record keeps this message (message_fields): once is enough
        carried.pop(MESSAGE_FIELD)
        document["messageInRecord"] = True
    document["fields"] = carried
    return json.dumps(document, separators=(",", ":"), sort_keys=True, default=str)


def unseal(record: Mapping[str, Any]) -> PendingGrant | None:
    """The record's pending grant, or None. VaultError if it does not belong to this connection."""
    stored = record.get("pendingWrite")
    if not stored:
        return None
    try:
        document = json.loads(str(stored)) if str(stored).startswith("{") else _legacy(record, str(stored))
    except ValueError:
        raise VaultError() from None
    message = document.get("message")
    if isinstance(message, str):
        payload = open_message(secret_ref_of(record), message)  # checks the context, registers for redaction
    else:
        payload = document.get("payload") or {}
        _register(payload)
    fields = dict(document.get("fields") or {})
    if document.get("messageInRecord") and isinstance(message, str):
        fields[MESSAGE_FIELD] = message
    return PendingGrant(payload=payload, message=message if isinstance(message, str) else None, fields=fields,
                        remove=tuple(document.get("remove") or ()))


def current_payload(record: Mapping[str, Any]) -> dict[str, Any]:
    """The connection's newest credentials, for the refresh (and the disconnect's revocation):
    its pending grant if it has one, else the message the record carries (`table`'s credential,
    or the copy of the secret's value the last grant write left: `hub.vault.message_fields`),
    else the vault's (records written before the copy)."""
    grant = unseal(record)
    if grant is not None:
        return grant.payload
    message = record.get(MESSAGE_FIELD)
    if isinstance(message, str) and message:
        return open_message(secret_ref_of(record), message)
    return read_credentials(secret_ref_of(record), record)


def _legacy(record: Mapping[str, Any], sealed: str) -> dict[str, Any]:
    context = {"tenantId": str(record["tenantId"]), "integrationId": str(record["integrationId"]),
               "connectionId": str(record["connectionId"]), "purpose": LEGACY_PURPOSE}
    document = json.loads(decrypt_field(sealed, context))
    return document if isinstance(document, dict) else {}


def _register(payload: Mapping[str, Any]) -> None:
    for name in ("accessToken", "refreshToken", "idToken"):
        value = payload.get(name)
        register_secret(value if isinstance(value, str) else None)
    for value in (payload.get("credentials") or {}).values():
        register_secret(value if isinstance(value, str) else None)
