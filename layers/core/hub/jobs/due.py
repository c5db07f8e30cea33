"""The sparse due index (GSI2) as the jobs read it.

Items that have something due carry `gsi2pk = DUE#{kind}#{shard}` and `gsi2sk =
{dueAt:012d}#{itemId}` (`hub.table.due_keys`). A job Queries each shard for sort keys up to
"now"; the index holds only due-able items, so the reads stay small and no job ever Scans.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hub.repository import Repository
from hub.table import DUE_SHARDS, GSI2

REFRESH = "refresh"
HEALTH = "health"
STATE = "state"
_TENANT_SCOPE = "TENANT"


def connection_key(record: Mapping[str, Any]) -> str:
    """The id of a connection in the due index, leases and queue messages (see CONTRACT)."""
    return f"{record['tenantId']}#{record['integrationId']}#{record.get('userId') or _TENANT_SCOPE}"


def parse_connection_key(key: str) -> tuple[str, str, str | None]:
    """(tenantId, integrationId, userId or None). Raises ValueError on a malformed key."""
    parts = key.split("#", 2)
    if len(parts) != 3 or not all(parts):
        raise ValueError("not a connection key")
    tenant_id, integration_id, scope = parts
    return tenant_id, integration_id, None if scope == _TENANT_SCOPE else scope


def scope_of(user_id: str | None) -> str:
    return user_id or _TENANT_SCOPE


def due_partitions(kind: str) -> list[str]:
    """Every shard of one kind of the due index."""
    return [f"DUE#{kind}#{shard}" for shard in range(DUE_SHARDS)]


def due_upper_bound(until: float) -> str:
    # sort keys are "{due:012d}#{id}": every key due at or before `until` sorts below "{until}$"
    return f"{int(until):012d}$"


def iter_due(kind: str, until: float, *, max_items: int = 10_000,
             repository: Repository | None = None) -> Iterator[dict[str, Any]]:
    """Items of `kind` due at or before `until`, shard by shard, oldest first within a shard."""
    repo = repository or Repository()
    bounds = ("0", due_upper_bound(until))
    seen = 0
    for partition in due_partitions(kind):
        for item in repo.iter_query(partition, index=GSI2, sk_between=bounds, max_items=max_items - seen):
            yield item
            seen += 1
            if seen >= max_items:
                return
