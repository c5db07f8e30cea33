"""The `table` vault's reads and writes, each named for its intent and holding its DynamoDB
condition (hub/vault/table.py says where a message lives): a credential in an item of its own
(provider client secrets), or in its connection's record, written only while that record is
still the same connection."""

from __future__ import annotations

from typing import Any

from hub.repository import ConditionFailed, Repository

MESSAGE_FIELD = "vaultMessage"
BACKEND_FIELD = "vaultBackend"
TABLE = "table"


class VaultItemRepository(Repository):
    """Through the function's own client, or through a tenant session's (`client`): the vault
    role may touch only items whose partition key is its tenant's (hub/vault/clients.py)."""

    def __init__(self, client: Any | None = None) -> None:
        super().__init__()
        self._client = client

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else super().client

    # ---- a credential in an item of its own --------------------------------------------------

    def store_message(self, pk: str, sk: str, message: str) -> bool:
        """Create the item holding `message`; False when it exists already."""
        return self._put_message(pk, sk, message, "attribute_not_exists(pk)")

    def replace_message(self, pk: str, sk: str, message: str) -> bool:
        """Replace the message of an existing item; False when there is none."""
        return self._put_message(pk, sk, message, "attribute_exists(pk)")

    def _put_message(self, pk: str, sk: str, message: str, condition: str) -> bool:
        try:
            self.put({"pk": pk, "sk": sk, "entity": "vault", MESSAGE_FIELD: message}, condition=condition)
        except ConditionFailed:
            return False
        return True

    def message_item(self, pk: str, sk: str) -> dict[str, Any] | None:
        """The item holding a message (its own, or its connection's record), as stored."""
        return self.get(pk, sk)

    def delete_message_item(self, pk: str, sk: str) -> None:
        self.delete(pk, sk)

    # ---- a credential in its connection's record ---------------------------------------------

    def write_into_record(self, pk: str, sk: str, connection_id: str, message: str, *,
                          replacing: bool) -> dict[str, Any] | None:
        """Set the record's message (and name this backend) while the record is still connection
        `connection_id` and holds a message (`replacing`) or none. None when written, else the
        item as it was (empty when there is no item)."""
        presence = "attribute_exists" if replacing else "attribute_not_exists"
        try:
            self.update(pk, sk, set_fields={MESSAGE_FIELD: message, BACKEND_FIELD: TABLE},
                        condition=f"#cid = :cid AND {presence}(#m)", names={"#cid": "connectionId",
                                                                          "#m": MESSAGE_FIELD},
                        values={":cid": connection_id}, return_new=False, old_on_failure=True)
        except ConditionFailed as failed:
            return failed.item or {}
        return None

    def remove_from_record(self, pk: str, sk: str, connection_id: str) -> None:
        """Drop the record's message while it is still connection `connection_id` (else there is
        nothing of that connection's to drop)."""
        try:
            self.update(pk, sk, remove_fields=(MESSAGE_FIELD,), condition="#cid = :cid",
                        names={"#cid": "connectionId"}, values={":cid": connection_id}, return_new=False)
        except ConditionFailed:
            return
