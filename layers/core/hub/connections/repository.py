"""Connection records (never the credentials: those are in the vault).

Keys: `TENANT#{t}` / `CONNECTION#{integrationId}#TENANT` for the tenant's connection and
`CONNECTION#{integrationId}#USER#{userId}` for a user-scoped one, so "one connection per
integration (per user)" is the key itself. GSI1 `TENANT#{t}#USER#{u}` lists a user's
connections (user endpoints, `user.deleted`). GSI2, the sparse due index, carries
`DUE#refresh#{shard}` while a refresh is due (`hub.table.due_keys`).

Fields the jobs rely on: status, expiresAt / refreshDueAt (epoch seconds), hasRefreshToken,
refreshFailures, refreshFailureDays, lastRefreshFailureAt, cooldownUntil, healthFailures,
lastHealthAt, leaseOwner, leaseExpiresAt, secretWriter, secretWriteUntil, version.

Writes that replace a grant (connect, reconnect, refresh) hold the record's lease
(`leaseOwner`) and, while the vault and the record are written, `secretWriter` /
`secretWriteUntil`: see `hub.connections.service.store_connection` and `hub.connections.refresh`.
"""

from __future__ import annotations

from typing import Any

from hub.repository import ConditionFailed, Repository
from hub.table import GSI1, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, tenant_pk

_HIDDEN = {"pk", "sk", GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, "entity", "ttl"}


def connection_sk(integration_id: str, user_id: str | None = None) -> str:
    return f"CONNECTION#{integration_id}#USER#{user_id}" if user_id else f"CONNECTION#{integration_id}#TENANT"


def user_index_pk(tenant_id: str, user_id: str) -> str:
    return f"TENANT#{tenant_id}#USER#{user_id}"


def strip(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in _HIDDEN}


class ConnectionRepository(Repository):
    def key_of(self, record: dict[str, Any]) -> tuple[str, str]:
        return tenant_pk(record["tenantId"]), connection_sk(record["integrationId"], record.get("userId"))

    def item_of(self, record: dict[str, Any]) -> dict[str, Any]:
        pk, sk = self.key_of(record)
        item = {"pk": pk, "sk": sk, "entity": "connection", **strip(record)}
        if record.get("userId"):
            item[GSI1_PK] = user_index_pk(record["tenantId"], record["userId"])
            item[GSI1_SK] = f"CONNECTION#{record['integrationId']}"
        for name in (GSI2_PK, GSI2_SK):
            if record.get(name):
                item[name] = record[name]
        return item

    def get_connection(self, tenant_id: str, integration_id: str, user_id: str | None = None,
                       *, raw: bool = False) -> dict[str, Any] | None:
        item = self.get(tenant_pk(tenant_id), connection_sk(integration_id, user_id))
        if item is None:
            return None
        return item if raw else strip(item)

    def put_connection(self, record: dict[str, Any], *, condition: str, names: dict[str, str] | None = None,
                       values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Write the whole record (version + 1) only when `condition` holds on the stored item;
        raises ConditionFailed otherwise. There is no unconditional write: a new record uses
        `attribute_not_exists(pk)`, a replacement the version or the writer lease it read."""
        item = self.item_of(record)
        item["version"] = int(record.get("version") or 0) + 1
        self.put(item, condition=condition, names=names, values=values)
        return strip(item)

    def update_connection(
        self,
        tenant_id: str,
        integration_id: str,
        user_id: str | None,
        fields: dict[str, Any],
        *,
        remove: tuple[str, ...] = (),
        condition: str | None = None,
        names: dict[str, str] | None = None,
        values: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        cond = "attribute_exists(pk)" + (f" AND ({condition})" if condition else "")
        try:
            item = self.update(tenant_pk(tenant_id), connection_sk(integration_id, user_id), set_fields=fields,
                               remove_fields=remove, add_fields={"version": 1}, condition=cond, names=names,
                               values=values)
        except ConditionFailed:
            return None
        return strip(item) if item else None

    def take_refresh_lease(self, tenant_id: str, integration_id: str, user_id: str | None, *, owner: str,
                           now: float, lease_seconds: int, force: bool, forced_since: float
                           ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Take the refresh lease when it is free (or ours) and, unless `force`, the token is due
        and no cooldown runs; a forced refresh of a token that is not due yet is allowed once per
        `forced_since` (it records `lastForcedRefreshAt`). One write, which returns the record:
        (the leased record, None), or (None, the record as it is, None when there is none) so the
        caller can say why without reading it again."""
        names = {"#owner": "leaseOwner", "#until": "leaseExpiresAt", "#due": "refreshDueAt"}
        values: dict[str, Any] = {":now": int(now), ":owner": owner, ":moment": now}
        fields: dict[str, Any] = {"leaseOwner": owner, "leaseExpiresAt": int(now + lease_seconds)}
        condition = "attribute_exists(pk) AND (attribute_not_exists(#owner) OR #until < :now OR #owner = :owner)"
        if force:
            names["#forced"] = "lastForcedRefreshAt"
            values[":since"] = forced_since
            condition += " AND (attribute_not_exists(#forced) OR #forced <= :since OR #due <= :moment)"
            fields["lastForcedRefreshAt"] = now
        else:
            names["#cool"] = "cooldownUntil"
            condition += " AND #due <= :moment AND (attribute_not_exists(#cool) OR #cool <= :moment)"
        try:
            item = self.update(tenant_pk(tenant_id), connection_sk(integration_id, user_id), set_fields=fields,
                               add_fields={"version": 1}, condition=condition, names=names, values=values)
        except ConditionFailed as failed:
            return None, strip(failed.item) if failed.item else None
        return (strip(item) if item else None), None

    def update_with_activity(self, record: dict[str, Any], fields: dict[str, Any], remove: tuple[str, ...],
                             activity: dict[str, Any], *, condition: str, names: dict[str, str],
                             values: dict[str, Any]) -> dict[str, Any] | None:
        """`update_connection` and its activity line in one transaction (one call). The record
        as written is computed here (a transaction returns no values); None if `condition` failed."""
        pk, sk = self.key_of(record)
        try:
            self.update_and_put(pk, sk, activity, set_fields=fields, remove_fields=remove, add_fields={"version": 1},
                                condition="attribute_exists(pk) AND (" + condition + ")", names=names, values=values)
        except ConditionFailed:
            return None
        saved = {**record, **fields, "version": int(record.get("version") or 0) + 1}
        return {k: v for k, v in saved.items() if k not in remove and v is not None}

    def delete_connection(self, tenant_id: str, integration_id: str, user_id: str | None = None) -> None:
        self.delete(tenant_pk(tenant_id), connection_sk(integration_id, user_id))

    def list_for_integration(self, tenant_id: str, integration_id: str) -> list[dict[str, Any]]:
        return [strip(i) for i in self.query_all(tenant_pk(tenant_id), sk_prefix=f"CONNECTION#{integration_id}#")]

    def list_for_tenant(self, tenant_id: str) -> list[dict[str, Any]]:
        return [strip(i) for i in self.query_all(tenant_pk(tenant_id), sk_prefix="CONNECTION#")]

    def list_for_user(self, tenant_id: str, user_id: str) -> list[dict[str, Any]]:
        return [strip(i) for i in self.query_all(user_index_pk(tenant_id, user_id), index=GSI1)]


def secret_ref_of(record: dict[str, Any]) -> Any:
    from hub.vault import SecretRef

    # record_key: the `table` vault keeps the credential in this very item
    return SecretRef(record["tenantId"], record["integrationId"], record["connectionId"],
                     record_key=ConnectionRepository().key_of(record))


def remove_connection_records(tenant_id: str, integration_id: str) -> int:
    """Delete every connection of an integration and its secret (integration deletion).
    Revocation at the provider is the connections service's job; this only cleans up."""
    from hub.vault import backend_of, vault_named

    repository = ConnectionRepository()
    removed = 0
    for record in repository.list_for_integration(tenant_id, integration_id):
        if record.get("connectionId") and record.get("secretStored", True):
            vault_named(backend_of(record)).delete(secret_ref_of(record))
        repository.delete_connection(tenant_id, integration_id, record.get("userId"))
        removed += 1
    return removed
