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

from hub import clock
from hub.connections.record import ConnectionRecord
from hub.connections.spec import ProviderSpec
from hub.errors import RateLimitExceeded
from hub.proxy import retry
from hub.proxy.models import QuotaLimits
from hub.proxy.quota_repository import OverBudget, QuotaRepository
from hub.settings import get_settings


def limits_for(integration: Mapping[str, Any], spec: ProviderSpec) -> QuotaLimits:
    override = integration.get("providerQuota")
    if isinstance(override, Mapping):
        return QuotaLimits.model_validate(override)
    hint = spec.template.quota if spec.template is not None else None
    if hint is not None:
        return QuotaLimits(requests=hint.requests, perSeconds=hint.per_seconds, burst=hint.burst)
    settings = get_settings()
    return QuotaLimits(requests=settings.provider_quota_requests, perSeconds=settings.provider_quota_period_seconds)


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
