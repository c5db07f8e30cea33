"""The `table` backend: the sealed message stored in DynamoDB, in the connection's own item.

A connection's credential is the `vaultMessage` attribute of its record (found through
`SecretRef.record_key`, and only while the item carries the same connectionId), with
`vaultBackend = "table"`. The message is the same Encryption SDK message the `secretsmanager`
backend stores, under the same encryption context, so the migration (hub/vault/migrate.py)
copies it without decrypting it. There is no per-secret price and no write quota beyond the
table's (docs/cost.md), and the connection code reads the credential from the record it already
holds: no extra call.

Credentials that have no record of their own (provider client secrets) get a small item of
their own: pk `TENANT#{tenantId}`, sk `VAULT#{purpose}#{connectionId}`.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.repository import ConditionFailed, Repository, deserialize, key, serialize
from hub.table import tenant_pk
from hub.vault.clients import tenant_session
from hub.vault.refs import PURPOSE_CONNECTION, SecretRef
from hub.vault.sealed import SealedMessageVault

TABLE = "table"
MESSAGE_FIELD = "vaultMessage"
BACKEND_FIELD = "vaultBackend"
_CONDITION_FAILED = "ConditionalCheckFailedException"


class TableVault(SealedMessageVault):
    name = TABLE

    def __init__(self, repository: Repository | None = None) -> None:
        self._repository = repository

    def repository(self, ref: SecretRef) -> Repository:
        # the table name comes from settings, which tests swap: resolve it per use
        if self._repository is not None:
            return self._repository
        session = tenant_session(ref.tenant_id, ref.purpose)
        return Repository() if session is None else _SessionRepository(session.client("dynamodb"))

    def exists(self, ref: SecretRef) -> bool:
        try:
            self.read_message(ref)
        except SecretNotFound:
            return False
        return True

    def delete(self, ref: SecretRef) -> None:
        if not _in_record(ref):
            self.repository(ref).delete(*_own_key(ref))
            return
        try:
            self.repository(ref).update(*_record_key(ref), remove_fields=(MESSAGE_FIELD,), condition="#cid = :cid",
                                   names={"#cid": "connectionId"}, values={":cid": ref.connection_id},
                                   return_new=False)
        except ConditionFailed:
            return  # no such connection (any more): nothing to delete

    # --- the sealed message as stored --------------------------------------------------------

    def store_message(self, ref: SecretRef, message: str) -> str:
        if not _in_record(ref):
            pk, sk = _own_key(ref)
            try:
                self.repository(ref).put({"pk": pk, "sk": sk, "entity": "vault", MESSAGE_FIELD: message},
                                    condition="attribute_not_exists(pk)")
            except ConditionFailed:
                raise SecretExists() from None
            return f"{pk}|{sk}"
        old = self._update_record(ref, message, must_exist=False)
        if old is not None:
            raise SecretExists() if old.get("connectionId") == ref.connection_id else SecretNotFound()
        pk, sk = _record_key(ref)
        return f"{pk}|{sk}"

    def read_message(self, ref: SecretRef) -> str:
        item = self.repository(ref).get(*(_record_key(ref) if _in_record(ref) else _own_key(ref)))
        if item is None or (_in_record(ref) and item.get("connectionId") != ref.connection_id):
            raise SecretNotFound()
        message = item.get(MESSAGE_FIELD)
        if not isinstance(message, str):
            raise SecretNotFound()
        return message

    def replace_message(self, ref: SecretRef, message: str) -> None:
        if not _in_record(ref):
            pk, sk = _own_key(ref)
            try:
                self.repository(ref).put({"pk": pk, "sk": sk, "entity": "vault", MESSAGE_FIELD: message},
                                    condition="attribute_exists(pk)")
            except ConditionFailed:
                raise SecretNotFound() from None
            return
        if self._update_record(ref, message, must_exist=True) is not None:
            raise SecretNotFound()

    def _update_record(self, ref: SecretRef, message: str, *, must_exist: bool) -> dict[str, Any] | None:
        """Write the message into the connection's item if it is still that connection (and holds
        a message, or holds none); None when written, else the item as it was (maybe empty)."""
        presence = "attribute_exists" if must_exist else "attribute_not_exists"
        pk, sk = _record_key(ref)
        try:
            repository = self.repository(ref)
            repository.client.update_item(
                TableName=repository.table_name, Key=key(pk, sk),
                UpdateExpression="SET #m = :m, #b = :b",
                ConditionExpression=f"#cid = :cid AND {presence}(#m)",
                ExpressionAttributeNames={"#m": MESSAGE_FIELD, "#b": BACKEND_FIELD, "#cid": "connectionId"},
                ExpressionAttributeValues=serialize({":m": message, ":b": TABLE, ":cid": ref.connection_id}),
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != _CONDITION_FAILED:
                raise VaultError() from error
            return deserialize(error.response.get("Item") or {})
        return None


class _SessionRepository(Repository):
    """The table through a tenant session's client (hub/vault/clients.py): the vault role may
    touch only items whose partition key is its tenant's."""

    def __init__(self, client: Any) -> None:
        super().__init__()
        self._client = client

    @property
    def client(self) -> Any:
        return self._client


def _in_record(ref: SecretRef) -> bool:
    return ref.purpose == PURPOSE_CONNECTION


def _record_key(ref: SecretRef) -> tuple[str, str]:
    if ref.record_key is None:
        # a connection's credential lives only in its record: without the record there is none
        raise VaultError("The secret reference does not locate its connection")
    return ref.record_key


def _own_key(ref: SecretRef) -> tuple[str, str]:
    return tenant_pk(ref.tenant_id), f"VAULT#{ref.purpose}#{ref.connection_id}"
