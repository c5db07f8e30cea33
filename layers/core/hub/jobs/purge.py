"""`purge_expired_states`: remove OAuth states whose `ttl` has passed.

DynamoDB's TTL deletes expired items eventually (typically within days), so an expired state
could still be read in between; the callback checks expiry itself, and this job keeps the table
tidy and counts what TTL had not removed yet. To find them without a Scan, a state item also
carries the due index attributes (`hub.connections.state_repository.state_due_keys`); the
job Queries the `DUE#state#{shard}` partitions and deletes with a condition on `ttl`, so a state
that is being consumed or was just rewritten is left alone.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from hub import clock
from hub.connections.state_repository import OAuthStateRepository, is_state_key
from hub.jobs.due import STATE, iter_due
from hub.jobs.runtime import TimeBudget
from hub.observability import logger, metrics


def purge_expired_states(*, budget: TimeBudget, now: float | None = None, max_items: int = 10_000) -> dict[str, Any]:
    started = clock.now() if now is None else now
    repository = OAuthStateRepository()
    expired = removed = 0
    for item in iter_due(STATE, started, max_items=max_items):
        if budget.exhausted():
            break
        if not is_state_key(str(item.get("sk", ""))):
            continue
        expired += 1
        # False: consumed, or given a new life, since the index was read
        removed += repository.delete_if_expired(item["pk"], item["sk"], now=started)
    metrics.add_metric(name="ExpiredStatesPurged", unit=MetricUnit.Count, value=removed)
    result = {"expired": expired, "removed": removed}
    logger.info("expired OAuth states purged", extra={"purge": result})
    return result
