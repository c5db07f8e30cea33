"""`purge_expired_states`: remove OAuth states whose `ttl` has passed.

DynamoDB's TTL deletes expired items eventually (typically within days), so an expired state
could still be read in between; the callback checks expiry itself, and this job keeps the table
tidy and counts what TTL had not removed yet. To find them without a Scan, a state item also
carries the due index attributes `state_due_keys(tenant_id, state_hash, expires_at)`; the
job Queries the `DUE#state#{shard}` partitions and deletes with a condition on `ttl`, so a state
that is being consumed or was just rewritten is left alone.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from hub import clock
from hub.jobs.due import STATE, iter_due
from hub.jobs.runtime import TimeBudget
from hub.observability import logger, metrics
from hub.repository import ConditionFailed, Repository
from hub.table import TTL_ATTRIBUTE, due_keys

STATE_SK_PREFIX = "OAUTHSTATE#"


def state_due_keys(tenant_id: str, state_hash: str, expires_at: float) -> dict[str, str]:
    """The gsi2pk / gsi2sk an OAuth state item carries, so this job finds it when it expires."""
    return due_keys(STATE, f"{tenant_id}#{state_hash}", expires_at)


def purge_expired_states(*, budget: TimeBudget, now: float | None = None, max_items: int = 10_000) -> dict[str, Any]:
    started = clock.now() if now is None else now
    repository = Repository()
    expired = removed = 0
    for item in iter_due(STATE, started, max_items=max_items):
        if budget.exhausted():
            break
        if not str(item.get("sk", "")).startswith(STATE_SK_PREFIX):
            continue
        expired += 1
        try:
            repository.delete(
                item["pk"], item["sk"],
                condition="attribute_exists(pk) AND #ttl <= :now",
                names={"#ttl": TTL_ATTRIBUTE}, values={":now": int(started)},
            )
        except ConditionFailed:
            continue  # consumed, or given a new life, since the index was read
        removed += 1
    metrics.add_metric(name="ExpiredStatesPurged", unit=MetricUnit.Count, value=removed)
    result = {"expired": expired, "removed": removed}
    logger.info("expired OAuth states purged", extra={"purge": result})
    return result
