"""The credential vault (docs/architecture.md, Credential vault): one interface, two backends chosen per deployment.

- `secretsmanager` (default; hub/vault/secretsmanager.py): one Secrets Manager secret per
  credential (the connection record keeps a copy of its message for the refresh:
  `message_fields`).
- `table` (hub/vault/table.py): the same sealed message in the connection's own item.

Both store an AWS Encryption SDK message whose encryption context binds tenantId,
integrationId, connectionId and purpose (hub/vault/crypto.py). `settings.vault_backend`
(`HUB_VAULT_BACKEND`, CDK context `vaultBackend`) picks the backend for new credentials; a
connection record names the backend that holds its credential (`vaultBackend`, absent on
records older than the field: `secretsmanager`), so a deployment keeps reading every
connection while `python -m hub.vault.migrate` moves them (docs/deploy.md).

Provider client secrets (super admin) live here too, under the reserved tenant `_system`
(`SecretRef.for_provider_client`). Webhook signing secrets are Encryption-SDK-encrypted table
attributes: see `encrypt_field` / `decrypt_field`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from hub.errors import SecretExists, SecretNotFound, ValidationError
from hub.secret_refs import (
    PURPOSE_CONNECTION,
    PURPOSE_PENDING_GRANT,
    PURPOSE_PROVIDER_CLIENT,
    PURPOSE_WEBHOOK_SIGNING,
    SYSTEM_TENANT,
    SecretRef,
)
from hub.settings import get_settings
from hub.vault.crypto import decrypt_field, encrypt_field, reset_crypto, seal, unseal
from hub.vault.sealed import SealedMessageVault
from hub.vault.secretsmanager import SECRETSMANAGER, SecretsManagerVault
from hub.vault.table import BACKEND_FIELD, MESSAGE_FIELD, TABLE, TableVault

BACKENDS = (SECRETSMANAGER, TABLE)

__all__ = [
    "BACKENDS", "BACKEND_FIELD", "MESSAGE_FIELD", "PURPOSE_CONNECTION", "PURPOSE_PENDING_GRANT",
    "PURPOSE_PROVIDER_CLIENT",
    "PURPOSE_WEBHOOK_SIGNING", "SECRETSMANAGER", "SYSTEM_TENANT", "TABLE", "CredentialVault", "SecretRef",
    "SecretsManagerVault", "StandaloneVault", "TableVault", "backend_for", "backend_of", "credential_fields",
    "decrypt_field", "encrypt_field", "get_vault", "message_fields", "read_credentials", "reset_crypto", "seal",
    "set_vault", "standalone_vault", "unseal", "vault_named",
]


@runtime_checkable
class CredentialVault(Protocol):
    """Where credentials live. Every backend implements these calls with the same meaning."""

    name: str

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        """Create the credential; return where it is (an ARN for Secrets Manager). SecretExists
        if present."""
        ...

    def read(self, ref: SecretRef) -> dict[str, Any]:
        """Return the decrypted payload. SecretNotFound if absent; VaultError if it does not
        decrypt under `ref`'s encryption context."""
        ...

    def replace(self, ref: SecretRef, payload: dict[str, Any]) -> None:
        """Write a new version of an existing credential. SecretNotFound if absent."""
        ...

    def delete(self, ref: SecretRef) -> None:
        """Remove the credential at once and for good; succeeds if it is already gone."""
        ...

    def exists(self, ref: SecretRef) -> bool: ...

    def store_message(self, ref: SecretRef, message: str) -> str:
        """`store` for a message already sealed for `ref` (the migration copies messages)."""
        ...

    def read_message(self, ref: SecretRef) -> str: ...

    def replace_message(self, ref: SecretRef, message: str) -> None: ...


_vault_lock = threading.Lock()
_override: CredentialVault | None = None
_backends: dict[str, CredentialVault] = {}


def vault_named(name: str) -> CredentialVault:
    """The process-wide instance of one backend (created once, reused by warm invocations); a
    vault swapped in by `set_vault` stands for the backend it names (tests inject faults so)."""
    if name not in BACKENDS:
        raise ValidationError(f"Unknown vault backend {name!r}; use one of {', '.join(BACKENDS)}")
    if _override is not None and getattr(_override, "name", None) == name:
        return _override
    with _vault_lock:
        if name not in _backends:
            _backends[name] = SecretsManagerVault() if name == SECRETSMANAGER else TableVault()
        return _backends[name]


def get_vault() -> CredentialVault:
    """The deployment's backend (`settings.vault_backend`): where new credentials go."""
    return _override or vault_named(get_settings().vault_backend)


def set_vault(vault: CredentialVault | None) -> None:
    """Swap the deployment's vault (tests); None restores the configured one."""
    global _override
    with _vault_lock:
        _override = vault


class StandaloneVault(SealedMessageVault):
    """Credentials with no record of their own (provider client secrets): written to the
    deployment's backend, read from it and, failing that, from the other one, so switching
    `vault_backend` never makes one unreadable before the migration has moved it."""

    def __init__(self, primary: CredentialVault, other: CredentialVault) -> None:
        self.primary, self.other = primary, other
        self.name = primary.name

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        if self.other.exists(ref):
            raise SecretExists()
        return self.primary.store(ref, payload)

    def delete(self, ref: SecretRef) -> None:
        self.primary.delete(ref)
        self.other.delete(ref)

    def exists(self, ref: SecretRef) -> bool:
        return self.primary.exists(ref) or self.other.exists(ref)

    def store_message(self, ref: SecretRef, message: str) -> str:
        return self.primary.store_message(ref, message)

    def read_message(self, ref: SecretRef) -> str:
        try:
            return self.primary.read_message(ref)
        except SecretNotFound:
            return self.other.read_message(ref)

    def replace_message(self, ref: SecretRef, message: str) -> None:
        try:
            self.primary.replace_message(ref, message)
        except SecretNotFound:
            self.other.replace_message(ref, message)


def standalone_vault() -> CredentialVault:
    """The vault for provider client secrets (see StandaloneVault)."""
    if _override is not None:
        return _override
    primary = get_settings().vault_backend
    return StandaloneVault(vault_named(primary), vault_named(TABLE if primary == SECRETSMANAGER else SECRETSMANAGER))


def backend_of(record: Mapping[str, Any]) -> str:
    """The backend holding a connection record's credential."""
    return str(record.get(BACKEND_FIELD) or SECRETSMANAGER)


def read_credentials(ref: SecretRef, record: Mapping[str, Any]) -> dict[str, Any]:
    """A connection's payload, from the record in hand when it carries its message (`table`:
    no call) or from its backend. SecretNotFound when the record holds no credential."""
    if backend_of(record) == TABLE:
        message = record.get(MESSAGE_FIELD)
        if not isinstance(message, str):
            raise SecretNotFound()
        return unseal(ref, message)
    return vault_named(backend_of(record)).read(ref)


def backend_for(record: Mapping[str, Any] | None) -> str:
    """Where a connection's new payload goes: the backend of a stored record (it stays there until
    the migration moves it), or the deployment's for a new one."""
    if record is not None and record.get("secretStored"):
        return backend_of(record)
    return get_vault().name


def message_fields(message: str, backend: str) -> dict[str, Any]:
    """The record fields a grant write sets: the backend that holds the credential and its sealed
    message. With `table` the message is the credential itself. With `secretsmanager` it is a
    copy of what the secret holds, written in the same record write that ends the grant write
    (after the secret's; while the secret lags, `pendingWrite` holds the newer grant and wins):
    the refresh opens the grant it replaces from the record it leased instead of reading the
    secret (hub.connections.pending.current_payload; one Secrets Manager call fewer per refresh,
    docs/cost.md). Every other reader reads the secret."""
    return {MESSAGE_FIELD: message, BACKEND_FIELD: backend}


def credential_fields(ref: SecretRef, payload: dict[str, Any], *, record: Mapping[str, Any] | None = None
                      ) -> dict[str, Any]:
    """`message_fields` of a payload not sealed yet (for Secrets Manager the caller writes the
    secret itself, with the same message)."""
    return message_fields(seal(ref, payload), backend_for(record))
