"""The `table` backend: the sealed message stored in DynamoDB, in the connection's own item.

A connection's credential is the `vaultMessage` attribute of its record (found through
`SecretRef.record_key`, and only while the item carries the same connectionId), with
`vaultBackend = "table"`. The message is the same Encryption SDK message the `secretsmanager`
backend stores, under the same encryption context, so the migration (hub/vault/migrate.py)
copies it without decrypting it. There is no per-secret price and no write quota beyond the
table's (docs/cost.md), and the connection code reads the credential from the record it already
holds: no extra call.

Credentials that have no record of their own (provider client secrets) get a small item of
their own: pk `TENANT#{tenantId}`, sk `VAULT#{purpose}#{connectionId}`. Every read and write of
these items, with its condition, is `hub.vault.item_repository.VaultItemRepository`'s.
"""

from __future__ import annotations

from botocore.exceptions import ClientError

from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.secret_refs import PURPOSE_CONNECTION, SecretRef
from hub.table import tenant_pk
from hub.vault.clients import tenant_session
from hub.vault.item_repository import BACKEND_FIELD, MESSAGE_FIELD, TABLE, VaultItemRepository
from hub.vault.sealed import SealedMessageVault

__all__ = ["BACKEND_FIELD", "MESSAGE_FIELD", "TABLE", "TableVault"]


class TableVault(SealedMessageVault):
    name = TABLE

    def __init__(self, repository: VaultItemRepository | None = None) -> None:
        self._repository = repository

    def repository(self, ref: SecretRef) -> VaultItemRepository:
        """The injected repository, or one through the function's own client, or through the
        session of `ref`'s tenant (hub/vault/clients.py). The table name comes from settings,
        which tests swap: resolved per use."""
        if self._repository is not None:
            return self._repository
        session = tenant_session(ref.tenant_id, ref.purpose)
        return VaultItemRepository(None if session is None else session.client("dynamodb"))

    def exists(self, ref: SecretRef) -> bool:
        try:
            self.read_message(ref)
        except SecretNotFound:
            return False
        return True

    def delete(self, ref: SecretRef) -> None:
        if _in_record(ref):
            self.repository(ref).remove_from_record(*_record_key(ref), ref.connection_id)
        else:
            self.repository(ref).delete_message_item(*_own_key(ref))

    # --- the sealed message as stored --------------------------------------------------------

    def store_message(self, ref: SecretRef, message: str) -> str:
        if not _in_record(ref):
            pk, sk = _own_key(ref)
            if not self.repository(ref).store_message(pk, sk, message):
                raise SecretExists()
            return f"{pk}|{sk}"
        old = self._write_into_record(ref, message, replacing=False)
        if old is not None:
            raise SecretExists() if old.get("connectionId") == ref.connection_id else SecretNotFound()
        pk, sk = _record_key(ref)
        return f"{pk}|{sk}"

    def read_message(self, ref: SecretRef) -> str:
        item = self.repository(ref).message_item(*(_record_key(ref) if _in_record(ref) else _own_key(ref)))
        if item is None or (_in_record(ref) and item.get("connectionId") != ref.connection_id):
            raise SecretNotFound()
        message = item.get(MESSAGE_FIELD)
        if not isinstance(message, str):
            raise SecretNotFound()
        return message

    def replace_message(self, ref: SecretRef, message: str) -> None:
        if not _in_record(ref):
            if not self.repository(ref).replace_message(*_own_key(ref), message):
                raise SecretNotFound()
            return
        if self._write_into_record(ref, message, replacing=True) is not None:
            raise SecretNotFound()

    def _write_into_record(self, ref: SecretRef, message: str, *, replacing: bool) -> dict[str, object] | None:
        """None when written, else the connection's item as it was (maybe empty)."""
        try:
            return self.repository(ref).write_into_record(*_record_key(ref), ref.connection_id, message,
                                                          replacing=replacing)
        except ClientError as error:
            raise VaultError() from error


def _in_record(ref: SecretRef) -> bool:
    return ref.purpose == PURPOSE_CONNECTION


def _record_key(ref: SecretRef) -> tuple[str, str]:
    if ref.record_key is None:
        # a connection's credential lives only in its record: without the record there is none
        raise VaultError("The secret reference does not locate its connection")
    return ref.record_key


def _own_key(ref: SecretRef) -> tuple[str, str]:
    return tenant_pk(ref.tenant_id), f"VAULT#{ref.purpose}#{ref.connection_id}"
