"""Connection records in the table (never the credentials: those are in the vault).

Keys: `TENANT#{t}` / `CONNECTION#{integrationId}#TENANT` for the tenant's connection and
`CONNECTION#{integrationId}#USER#{userId}` for a user-scoped one, so "one connection per
integration (per user)" is the key itself. GSI1 `TENANT#{t}#USER#{u}` lists a user's
connections (user endpoints, `user.deleted`). GSI2, the sparse due index, carries
`DUE#refresh#{shard}` while a refresh is due (`hub.table.due_keys`).

Every conditional write of a connection is a method here, named for its intent (create,
take a refresh lease, claim the secret write, replace as the writer, ...). The condition
expressions never leave this module and neither does `ConditionFailed`: a write whose condition
does not hold answers None (or False). The protocol these conditions implement is described in
docs/connections.md ("The grant-write protocol").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

from hub import clock
from hub.connections.record import LIVE_STATUSES, RENEWABLE_MODES, ConnectionRecord
from hub.repository import ConditionFailed, Repository
from hub.secret_refs import SecretRef
from hub.table import GSI1, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, tenant_pk

_HIDDEN = {"pk", "sk", GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, "entity", "ttl"}
# the claims a writer holds on a record; a release removes them all
CLAIM_FIELDS = ("leaseOwner", "leaseExpiresAt", "secretWriter", "secretWriteUntil")
PENDING_FIELDS = ("pendingWrite", "pendingWriteAt")
# A write that carries (or finishes) a provider-issued grant is tried this often before the error
# is raised: a throttled or failed table write must not be the single fault that loses a grant.
GRANT_WRITE_ATTEMPTS = 3
_T = TypeVar("_T")


def _persistently(call: Callable[[], _T]) -> _T:
    for attempt in range(1, GRANT_WRITE_ATTEMPTS + 1):
        try:
            return call()
        except Exception:
            if attempt == GRANT_WRITE_ATTEMPTS:
                raise
            time.sleep(0.05 * 2 ** attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def connection_sk(integration_id: str, user_id: str | None = None) -> str:
    return f"CONNECTION#{integration_id}#USER#{user_id}" if user_id else f"CONNECTION#{integration_id}#TENANT"


def user_index_pk(tenant_id: str, user_id: str) -> str:
    return f"TENANT#{tenant_id}#USER#{user_id}"


def strip(item: Mapping[str, Any]) -> ConnectionRecord:
    return cast(ConnectionRecord, {k: v for k, v in item.items() if k not in _HIDDEN})


def secret_ref_of(record: Mapping[str, Any]) -> SecretRef:
    # record_key: the `table` vault keeps the credential in this very item
    return SecretRef(str(record["tenantId"]), str(record["integrationId"]), str(record["connectionId"]),
                     record_key=(tenant_pk(record["tenantId"]), connection_sk(record["integrationId"],
                                                                               record.get("userId"))))


def _pending(sealed: str | None) -> dict[str, Any]:
    return {"pendingWrite": sealed, "pendingWriteAt": clock.iso()} if sealed else {}


class ConnectionRepository(Repository):
    def key_of(self, record: Mapping[str, Any]) -> tuple[str, str]:
        return tenant_pk(record["tenantId"]), connection_sk(record["integrationId"], record.get("userId"))

    def item_of(self, record: Mapping[str, Any]) -> dict[str, Any]:
        pk, sk = self.key_of(record)
        item = {"pk": pk, "sk": sk, "entity": "connection", **strip(record)}
        if record.get("userId"):
            item[GSI1_PK] = user_index_pk(record["tenantId"], record["userId"])
            item[GSI1_SK] = f"CONNECTION#{record['integrationId']}"
        for name in (GSI2_PK, GSI2_SK):
            if record.get(name):
                item[name] = record[name]
        return item

    # ---- reads --------------------------------------------------------------------------

    def get_connection(self, tenant_id: str, integration_id: str, user_id: str | None = None, *,
                       raw: bool = False) -> ConnectionRecord | None:
        """The record (`raw`: the item with its keys, for tests of the index keys)."""
        item = self.get(tenant_pk(tenant_id), connection_sk(integration_id, user_id))
        if item is None:
            return None
        return cast(ConnectionRecord, item) if raw else strip(item)

    def get_connections(self, tenant_id: str, wanted: Sequence[tuple[str, str | None]]
                        ) -> dict[tuple[str, str | None], ConnectionRecord]:
        """The records of several (integrationId, userId) of one tenant in one read (a search's
        targets); those that do not exist are left out."""
        keys = {(tenant_pk(tenant_id), connection_sk(i, u)): (i, u) for i, u in wanted}
        return {keys[found]: strip(item) for found, item in self.get_many(list(keys)).items() if found in keys}

    def reread(self, record: Mapping[str, Any]) -> ConnectionRecord | None:
        return self.get_connection(str(record["tenantId"]), str(record["integrationId"]), record.get("userId"))

    def list_for_integration(self, tenant_id: str, integration_id: str) -> list[ConnectionRecord]:
        return [strip(i) for i in self.query_all(tenant_pk(tenant_id), sk_prefix=f"CONNECTION#{integration_id}#")]

    def list_for_tenant(self, tenant_id: str) -> list[ConnectionRecord]:
        return [strip(i) for i in self.query_all(tenant_pk(tenant_id), sk_prefix="CONNECTION#")]

    def list_for_user(self, tenant_id: str, user_id: str) -> list[ConnectionRecord]:
        return [strip(i) for i in self.query_all(user_index_pk(tenant_id, user_id), index=GSI1)]

    # ---- whole-record writes (connect) --------------------------------------------------

    def create_connection(self, record: Mapping[str, Any]) -> ConnectionRecord | None:
        """The first record of this connection; None when someone else created one first."""
        return _persistently(lambda: self._put(record, "attribute_not_exists(#pk)", {"#pk": "pk"}, None))

    def replace_if_version(self, record: Mapping[str, Any], version: Any) -> ConnectionRecord | None:
        """Replace exactly the (disconnected) record that was read; None when it changed."""
        return _persistently(lambda: self._put(record, "#v = :v", {"#v": "version"}, {":v": version}))

    def replace_as_writer(self, record: Mapping[str, Any], owner: str) -> ConnectionRecord | None:
        """Replace the record while `owner` still holds its lease and secret-write claim (a
        disconnect removes both); None when it does not."""
        return _persistently(lambda: self._put(record, "#owner = :owner AND #writer = :owner",
                                               {"#owner": "leaseOwner", "#writer": "secretWriter"},
                                               {":owner": owner}))

    def _put(self, record: Mapping[str, Any], condition: str, names: dict[str, str],
             values: dict[str, Any] | None) -> ConnectionRecord | None:
        item = self.item_of(record)
        item["version"] = int(record.get("version") or 0) + 1
        try:
            self.put(item, condition=condition, names=names, values=values)
        except ConditionFailed:
            return None
        return strip(item)

    # ---- claims: the refresh lease and the secret-write claim ---------------------------

    def lease_for_refresh(self, tenant_id: str, integration_id: str, user_id: str | None, owner: str, *,
                          until: int, now: float, due: bool, forced_since: float | None = None
                          ) -> tuple[ConnectionRecord | None, ConnectionRecord | None]:
        """Lease a live, renewable connection for one refresh, reading it in the same write:
        (the leased record, None), or (None, the record as it is: None when there is none) when
        it is not live or renewable, another worker holds the lease, or (`due`) its refresh is
        not due or cooling down. With `forced_since` a token that is not due yet may be renewed
        only if the last such forced refresh was before then; the lease records this one."""
        values: dict[str, Any] = {":now": now, ":owner": owner, ":true": True,
                                  **{f":st{i}": s for i, s in enumerate(LIVE_STATUSES)},
                                  **{f":m{i}": m for i, m in enumerate(RENEWABLE_MODES)}}
        condition = (f"#status IN ({', '.join(f':st{i}' for i in range(len(LIVE_STATUSES)))}) AND #stored = :true "
                     f"AND #mode IN ({', '.join(f':m{i}' for i in range(len(RENEWABLE_MODES)))}) "
                     "AND (attribute_not_exists(#owner) OR #until < :now OR #owner = :owner)")
        names = {"#status": "status", "#stored": "secretStored", "#mode": "refreshMode", "#owner": "leaseOwner",
                 "#until": "leaseExpiresAt"}
        fields: dict[str, Any] = {"leaseOwner": owner, "leaseExpiresAt": until}
        if due:
            condition += " AND #due <= :now AND (attribute_not_exists(#cool) OR #cool <= :now)"
            names.update({"#due": "refreshDueAt", "#cool": "cooldownUntil"})
        if forced_since is not None:
            condition += (" AND (attribute_not_exists(#due) OR #due <= :now OR attribute_not_exists(#forced)"
                          " OR #forced <= :since)")
            names.update({"#due": "refreshDueAt", "#forced": "lastForcedRefreshAt"})
            values[":since"] = forced_since
            fields["lastForcedRefreshAt"] = now
        pk, sk = tenant_pk(tenant_id), connection_sk(integration_id, user_id)
        try:
            item = self.update(pk, sk, set_fields=fields, add_fields={"version": 1},
                               condition=f"attribute_exists(pk) AND ({condition})", names=names, values=values,
                               old_on_failure=True)
        except ConditionFailed as failed:
            return None, strip(failed.item) if failed.item else None
        return (strip(item) if item else None), None

    def take_refresh_lease(self, record: Mapping[str, Any], owner: str, *, until: int, now: int
                           ) -> ConnectionRecord | None:
        """Lease the connection for one refresh (free, expired, or already ours). Answers the
        item as it is now (the re-read), or None when another worker holds the lease."""
        return self._update(record, {"leaseOwner": owner, "leaseExpiresAt": until},
                            condition="attribute_not_exists(#owner) OR #until < :now OR #owner = :owner",
                            names={"#owner": "leaseOwner", "#until": "leaseExpiresAt"},
                            values={":now": now, ":owner": owner})

    def claim_secret_write(self, record: Mapping[str, Any], owner: str, *, until: int, pending: str | None = None
                           ) -> bool:
        """A refresh is about to write the vault: only while its lease stands on a live
        connection with the id it read. A reconnect does not pre-empt this short claim. The
        sealed new grant (`pending`) is stored in the same write."""
        fields = {"secretWriter": owner, "secretWriteUntil": until, "leaseExpiresAt": until, **_pending(pending)}
        return _persistently(lambda: self._update(
            record, fields,
            condition="#owner = :owner AND #cid = :cid AND #stored = :true AND #status IN (:active, :error)",
            names={"#owner": "leaseOwner", "#cid": "connectionId", "#stored": "secretStored", "#status": "status"},
            values={":owner": owner, ":cid": record["connectionId"], ":true": True, ":active": "active",
                    ":error": "error"},
        )) is not None

    def claim_for_reconnect(self, record: Mapping[str, Any], owner: str, *, until: int, now: int,
                            pending: str | None = None) -> ConnectionRecord | None:
        """Take the lease and the secret-write claim of a live connection to replace its grant
        (storing the sealed new grant, `pending`, in the same write). A refresh only waiting for
        the provider is pre-empted (its later writes fail); one that is writing
        (`secretWriteUntil` in the future) or another reconnect is not."""
        fields = {"leaseOwner": owner, "leaseExpiresAt": until, "secretWriter": owner, "secretWriteUntil": until,
                  **_pending(pending)}
        return _persistently(lambda: self._update(
            record, fields,
            condition="#cid = :cid AND #stored = :true AND (attribute_not_exists(#wu) OR #wu < :now)",
            names={"#cid": "connectionId", "#stored": "secretStored", "#wu": "secretWriteUntil"},
            values={":cid": record["connectionId"], ":true": True, ":now": now},
        ))

    def apply_pending(self, record: Mapping[str, Any], owner: str, sealed: str, fields: Mapping[str, Any],
                      remove: tuple[str, ...] = ()) -> ConnectionRecord | None:
        """The vault now holds the pending grant `sealed`: set its fields and drop it, while
        `owner` leases the connection and the pending grant is still that one."""
        return _persistently(lambda: self._update(
            record, fields, remove=(*remove, *PENDING_FIELDS, "secretWriter", "secretWriteUntil"),
            condition="#owner = :owner AND #pending = :sealed",
            names={"#owner": "leaseOwner", "#pending": "pendingWrite"}, values={":owner": owner, ":sealed": sealed},
        ))

    def finish_pending(self, record: Mapping[str, Any], owner: str, sealed: str) -> ConnectionRecord | None:
        """A new connection's secret is written: drop its pending grant and `owner`'s claims,
        unless a disconnect took them meanwhile (None)."""
        return _persistently(lambda: self._update(
            record, {}, remove=(*PENDING_FIELDS, *CLAIM_FIELDS),
            condition="#writer = :owner AND #pending = :sealed",
            names={"#writer": "secretWriter", "#pending": "pendingWrite"}, values={":owner": owner, ":sealed": sealed},
        ))

    def release(self, record: Mapping[str, Any], owner: str) -> bool:
        """Drop `owner`'s lease and claim; False when it no longer held them."""
        return self._update(record, {}, remove=CLAIM_FIELDS, condition="#owner = :owner",
                            names={"#owner": "leaseOwner"}, values={":owner": owner}) is not None

    def update_if_leased(self, record: Mapping[str, Any], owner: str, fields: Mapping[str, Any],
                         remove: tuple[str, ...] = (), *, writing: bool = False,
                         lines: tuple[Mapping[str, Any], ...] = ()) -> ConnectionRecord | None:
        """Update while `owner` still leases the same connection (and, `writing`, holds the
        secret-write claim); None when a disconnect or reconnect took it away. `lines` (new
        items: an activity line, hub.connections.activity; the request's audit record,
        hub.request.carried_audit) are written in the same transaction."""
        condition = "#owner = :owner AND #cid = :cid"
        names = {"#owner": "leaseOwner", "#cid": "connectionId"}
        if writing:
            condition += " AND #writer = :owner"
            names["#writer"] = "secretWriter"
        return _persistently(lambda: self._update(record, fields, remove=remove, condition=condition, names=names,
                                                  values={":owner": owner, ":cid": record["connectionId"]},
                                                  also_put=lines))

    def set_inbound_accounts(self, record: Mapping[str, Any], fields: Mapping[str, Any]) -> ConnectionRecord | None:
        """A tenant admin's correction of the provider accounts (hub/inbound/accounts.py), written
        only while the connection read is still the live one; None when it was disconnected or
        replaced meanwhile (its links must not come back)."""
        return self._update(record, fields, condition="#cid = :cid AND #st IN (:active, :error) AND #stored = :true",
                            names={"#cid": "connectionId", "#st": "status", "#stored": "secretStored"},
                            values={":cid": record["connectionId"], ":active": "active", ":error": "error",
                                    ":true": True})

    # ---- health transitions -------------------------------------------------------------

    def fail_health(self, record: Mapping[str, Any], fields: Mapping[str, Any]) -> ConnectionRecord | None:
        """Move an active connection to error (health); None when it is no longer active."""
        return self._update(record, fields, condition="#st = :active", names={"#st": "status"},
                            values={":active": "active"})

    def recover_health(self, record: Mapping[str, Any], fields: Mapping[str, Any]) -> ConnectionRecord | None:
        """Move a connection the health check put in error back to active; None otherwise."""
        return self._update(record, fields, remove=("errorSource", "lastError", "lastHealthError"),
                            condition="#st = :error AND #src = :health", names={"#st": "status", "#src": "errorSource"},
                            values={":error": "error", ":health": "health"})

    # ---- plain updates ------------------------------------------------------------------

    def update_connection(self, tenant_id: str, integration_id: str, user_id: str | None, fields: Mapping[str, Any],
                          *, remove: tuple[str, ...] = ()) -> ConnectionRecord | None:
        """Set / remove fields of an existing record (None when there is none)."""
        return self._update({"tenantId": tenant_id, "integrationId": integration_id, "userId": user_id}, fields,
                            remove=remove)

    def _update(self, record: Mapping[str, Any], fields: Mapping[str, Any], *, remove: tuple[str, ...] = (),
                condition: str | None = None, names: dict[str, str] | None = None,
                values: dict[str, Any] | None = None, also_put: tuple[Mapping[str, Any], ...] = ()
                ) -> ConnectionRecord | None:
        pk, sk = self.key_of(record)
        cond = "attribute_exists(pk)" + (f" AND ({condition})" if condition else "")
        if also_put:
            return self._update_with(record, fields, remove, cond, names, values, also_put)
        try:
            item = self.update(pk, sk, set_fields=dict(fields), remove_fields=remove, add_fields={"version": 1},
                               condition=cond, names=names, values=values)
        except ConditionFailed:
            return None
        return strip(item) if item else None

    def _update_with(self, record: Mapping[str, Any], fields: Mapping[str, Any], remove: tuple[str, ...],
                     condition: str, names: dict[str, str] | None, values: dict[str, Any] | None,
                     items: tuple[Mapping[str, Any], ...]) -> ConnectionRecord | None:
        """The update and new items (activity and audit lines) in one transaction. A transaction
        answers no attributes: the result is the record read plus this update."""
        pk, sk = self.key_of(record)
        update = self.update_request(pk, sk, set_fields=dict(fields), remove_fields=remove, add_fields={"version": 1},
                                     condition=condition, names=names, values=values)
        try:
            self.transact([{"update_request": update}, *({"put": dict(item)} for item in items)])
        except ConditionFailed:
            return None
        updated = {k: v for k, v in {**record, **fields}.items() if k not in remove and v is not None}
        updated["version"] = int(record.get("version") or 0) + 1
        return strip(updated)

    def delete_connection(self, tenant_id: str, integration_id: str, user_id: str | None = None) -> None:
        self.delete(tenant_pk(tenant_id), connection_sk(integration_id, user_id))
