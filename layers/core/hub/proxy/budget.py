"""The per-connection quota budget: one token bucket per connection, shared by every caller
that spends the connection's provider quota (the proxy, search, widget data, sync, health checks).

The bucket is kept as GCRA, the token bucket's one-number form: the connection item carries
`quotaTat`, the theoretical time at which the bucket is full again. A request costs
`interval = perSeconds / requests` and is allowed while `quotaTat - now` stays within
`(burst - 1) * interval`. Spending is one conditional UpdateItem on the connection item, whose
ALL_NEW answer is also the caller's fresh read of the connection (no separate GetItem); when its
condition fails, the item as it was comes back with the failure, which says how long to wait.
Limits: the integration's `providerQuota`, else the template's `quota` hint, else the settings
`provider_quota_requests` / `provider_quota_period_seconds`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, cast

from botocore.exceptions import ClientError

from hub import clock
from hub.connections.record import ConnectionRecord
from hub.connections.repository import ConnectionRepository, strip
from hub.connections.spec import ProviderSpec
from hub.errors import ConnectionNotFound, RateLimitExceeded
from hub.proxy import retry
from hub.proxy.models import QuotaLimits
from hub.repository import deserialize, key, serialize
from hub.settings import get_settings

TAT = "quotaTat"
_MAX_ROUNDS = 4
# the bucket's state as this process last saw it: which of the two writes to try first (a wrong
# guess costs one more UpdateItem, never a wrong answer)
_last_seen: dict[tuple[str, str], float] = {}


def limits_for(integration: Mapping[str, Any], spec: ProviderSpec) -> QuotaLimits:
    override = integration.get("providerQuota")
    if isinstance(override, Mapping):
        return QuotaLimits.model_validate(override)
    hint = spec.template.quota if spec.template is not None else None
    if hint is not None:
        return QuotaLimits(requests=hint.requests, perSeconds=hint.per_seconds, burst=hint.burst)
    settings = get_settings()
    return QuotaLimits(requests=settings.provider_quota_requests, perSeconds=settings.provider_quota_period_seconds)


class OverBudget(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(f"over budget for {wait:.3f} s")
        self.wait = wait


class QuotaRepository(ConnectionRepository):
    """The bucket's two conditional writes (busy: push the full-time on; idle: restart it)."""

    def spend(self, record: Mapping[str, Any], limits: QuotaLimits, now: float) -> ConnectionRecord:
        """Take one request from the bucket; the connection as it is now. OverBudget says how
        long until one is free; ConnectionNotFound when the connection item is gone."""
        pk, sk = self.key_of(record)
        interval = limits.interval
        latest = now + interval * (limits.capacity - 1)
        known = record.get(TAT, _last_seen.get((pk, sk)))
        busy_first = isinstance(known, int | float | str) and float(known) >= now
        for round_ in range(_MAX_ROUNDS):
            busy = busy_first if round_ % 2 == 0 else not busy_first
            if busy:
                expression = "SET #tat = #tat + :interval"
                condition = "attribute_exists(#pk) AND #tat BETWEEN :now AND :latest"
                values = {":interval": interval, ":now": now, ":latest": latest}
            else:
                expression = "SET #tat = :next"
                condition = "attribute_exists(#pk) AND (attribute_not_exists(#tat) OR #tat < :now)"
                values = {":next": now + interval, ":now": now}
            try:
                response = self.client.update_item(
                    TableName=self.table_name, Key=key(pk, sk), UpdateExpression=expression,
                    ConditionExpression=condition, ExpressionAttributeNames={"#tat": TAT, "#pk": "pk"},
                    ExpressionAttributeValues=serialize(values), ReturnValues="ALL_NEW",
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise
                old = error.response.get("Item")
                if not old:
                    raise ConnectionNotFound(details={"integrationId": record.get("integrationId")}) from None
                tat = float(deserialize(old).get(TAT) or 0)
                if tat > latest:
                    raise OverBudget(tat - latest) from None
                busy_first = tat >= now
                continue
            item = deserialize(response["Attributes"])
            if len(_last_seen) > 10_000:
                _last_seen.clear()
            _last_seen[(pk, sk)] = float(item[TAT])
            return strip(item)
        raise OverBudget(interval)  # lost every race: as good as over budget for one interval


def spend(record: Mapping[str, Any], limits: QuotaLimits, *, deadline: float) -> ConnectionRecord:
    """Spend one request of the connection's budget, waiting briefly when the next one is near
    (`provider_quota_wait_seconds`, never past `deadline` on hub.clock.monotonic); else 429
    PROVIDER_RATE_LIMITED with retryAfter."""
    repository = QuotaRepository()
    settings = get_settings()
    waited = 0.0
    while True:
        try:
            return repository.spend(record, limits, clock.now())
        except OverBudget as over:
            left = deadline - clock.monotonic()
            if waited + over.wait > settings.provider_quota_wait_seconds or over.wait >= left:
                seconds = max(1, math.ceil(over.wait))
                raise RateLimitExceeded(
                    seconds, code="PROVIDER_RATE_LIMITED",
                    message="This connection's provider quota is spent for now; retry after retryAfter seconds",
                ) from None
            retry.sleep(over.wait)
            waited += over.wait


def spend_if_available(record: Mapping[str, Any], limits: QuotaLimits) -> ConnectionRecord:
    """Spend one request when the bucket has one (the connection as it is now); when it has not,
    go ahead unrecorded with `record` as given (health checks, which must not be skipped)."""
    try:
        return QuotaRepository().spend(record, limits, clock.now())
    except OverBudget:
        return cast(ConnectionRecord, record)
