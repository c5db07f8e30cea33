"""The vault migration's reads and writes on the table (hub/vault/migrate.py says what it does):
the Scan of connection items (this admin command's only; jobs never Scan), the checkpoint, and
every conditional write of the migration - the claim, the flip and the release of one
connection record - named for its intent. A condition that does not hold answers None / False."""

from __future__ import annotations

import json
from typing import Any

from hub import clock
from hub.repository import ConditionFailed, Repository, deserialize, serialize
from hub.vault import BACKEND_FIELD, MESSAGE_FIELD, SECRETSMANAGER, TABLE

MOVED_FROM_FIELD = "vaultMovedFrom"
CHECKPOINT_PK = "GLOBAL#VAULT_MIGRATION"
CLAIM_SECONDS = 60


class MigrationRepository(Repository):
    """The migration's own reads and writes on the table: the Scan, the checkpoint, the claim
    and the flip of one connection record (every condition of the migration is here)."""

    def scan_connections(self, start: dict[str, Any] | None, page_size: int) -> tuple[list[dict[str, Any]],
                                                                                       dict[str, Any] | None]:
        kwargs: dict[str, Any] = {
            "TableName": self.table_name, "Limit": page_size, "ConsistentRead": True,
            "FilterExpression": "#e = :e", "ExpressionAttributeNames": {"#e": "entity"},
            "ExpressionAttributeValues": serialize({":e": "connection"}),
        }
        if start:
            kwargs["ExclusiveStartKey"] = start
        response = self.client.scan(**kwargs)
        return [deserialize(i) for i in response.get("Items", [])], response.get("LastEvaluatedKey")

    def load_checkpoint(self, source: str, target: str) -> dict[str, Any] | None:
        return self.get(CHECKPOINT_PK, f"{source}>{target}")

    def save_checkpoint(self, source: str, target: str, phase: str, start: dict[str, Any] | None,
                        report: dict[str, Any]) -> None:
        self.put({"pk": CHECKPOINT_PK, "sk": f"{source}>{target}", "entity": "vault-migration", "phase": phase,
                  "startKey": json.dumps(start) if start else None, "report": report,
                  "updatedAt": clock.iso()})

    def claim(self, item: dict[str, Any], owner: str, source: str) -> dict[str, Any] | None:
        now = int(clock.now())
        source_condition = "(attribute_not_exists(#b) OR #b = :src)" if source == SECRETSMANAGER else "#b = :src"
        try:
            return self.update(
                item["pk"], item["sk"],
                set_fields={"leaseOwner": owner, "leaseExpiresAt": now + CLAIM_SECONDS, "secretWriter": owner,
                            "secretWriteUntil": now + CLAIM_SECONDS},
                condition=("#cid = :cid AND #stored = :true AND " + source_condition +
                           " AND (attribute_not_exists(#owner) OR #until < :now)"
                           " AND (attribute_not_exists(#wu) OR #wu < :now)"),
                names={"#cid": "connectionId", "#stored": "secretStored", "#b": BACKEND_FIELD,
                       "#owner": "leaseOwner", "#until": "leaseExpiresAt", "#wu": "secretWriteUntil"},
                values={":cid": item["connectionId"], ":true": True, ":src": source, ":now": now},
            )
        except ConditionFailed:
            return None

    def flip(self, item: dict[str, Any], owner: str, source: str, target: str, message: str) -> bool:
        """Name the target as the credential's home (with the message itself for `table`), and
        end our claim, only while the claim and the connection are still ours."""
        fields: dict[str, Any] = {BACKEND_FIELD: target, MOVED_FROM_FIELD: source}
        remove = ["leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil"]
        if target == TABLE:
            fields[MESSAGE_FIELD] = message
        else:
            remove.append(MESSAGE_FIELD)
        try:
            self.update(item["pk"], item["sk"], set_fields=fields, remove_fields=remove, add_fields={"version": 1},
                        condition="#owner = :owner AND #cid = :cid",
                        names={"#owner": "leaseOwner", "#cid": "connectionId"},
                        values={":owner": owner, ":cid": item["connectionId"]}, return_new=False)
        except ConditionFailed:
            return False
        return True

    def release(self, item: dict[str, Any], owner: str) -> None:
        try:
            self.update(item["pk"], item["sk"],
                        remove_fields=("leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil"),
                        condition="#owner = :owner", names={"#owner": "leaseOwner"}, values={":owner": owner},
                        return_new=False)
        except ConditionFailed:
            return  # taken over (a disconnect or reconnect): nothing of ours to release

    def forget_source(self, item: dict[str, Any], source: str, target: str) -> None:
        try:
            self.update(item["pk"], item["sk"], remove_fields=(MOVED_FROM_FIELD,),
                        condition="#m = :src AND #b = :dst AND #cid = :cid",
                        names={"#m": MOVED_FROM_FIELD, "#b": BACKEND_FIELD, "#cid": "connectionId"},
                        values={":src": source, ":dst": target, ":cid": item["connectionId"]}, return_new=False)
        except ConditionFailed:
            return
