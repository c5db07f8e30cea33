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

A busy connection is not written once per request: when a warm function used up the requests
it took before their second was over, its next write takes twice as many (at most
`provider_quota_lease_max`, a quarter of the bucket, and what the bucket refills in that
second) and spends them from memory, with the connection as that write returned it. Requests
taken are spent from the shared bucket before they are used, so the quota is never exceeded;
those not used within the second are dropped (at most `provider_quota_lease_max - 1` per warm
function). Besides the write per request it saves, this keeps a hot connection's item under
DynamoDB's per-item write rate. The connection a lease holds is at most `LEASE_SECONDS` old.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass
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


LEASE_SECONDS = 1.0


@dataclass
class _Lease:
    record: ConnectionRecord  # the connection as the write that took these requests returned it
    left: int  # requests taken from the bucket and not spent yet
    until: float  # hub.clock.monotonic() after which what is left is dropped
    size: int  # how many that write took


_leases: dict[tuple[str, str], _Lease] = {}
_leases_lock = threading.Lock()


def forget_leases() -> None:
    """Test seam: spend from the bucket again."""
    with _leases_lock:
        _leases.clear()


def remember(record: Mapping[str, Any]) -> None:
    """A newer connection (refreshed, re-read) replaces the one a lease holds."""
    key = QuotaRepository().key_of(record)
    with _leases_lock:
        lease = _leases.get(key)
        if lease is not None:
            lease.record = cast(ConnectionRecord, dict(record))


def _from_lease(key: tuple[str, str], limits: QuotaLimits) -> tuple[ConnectionRecord | None, int]:
    """A request spent from this function's lease (and the connection it holds), or how many
    the next write should take."""
    now = clock.monotonic()
    with _leases_lock:
        lease = _leases.get(key)
        if lease is not None and now < lease.until:
            if lease.left > 0:
                lease.left -= 1
                return lease.record, 0
            # used up within its second: the connection is busy here, so take more at once
            largest = min(get_settings().provider_quota_lease_max, limits.capacity // 4,
                          int(LEASE_SECONDS / limits.interval))
            return None, max(1, min(lease.size * 2, largest))
    return None, 1


def _keep(key: tuple[str, str], record: ConnectionRecord, size: int) -> None:
    with _leases_lock:
        if len(_leases) > 10_000:
            _leases.clear()
        _leases[key] = _Lease(record, size - 1, clock.monotonic() + LEASE_SECONDS, size)


def spend(record: Mapping[str, Any], limits: QuotaLimits, *, deadline: float) -> ConnectionRecord:
    """Spend one request of the connection's budget, waiting briefly when the next one is near
    (`provider_quota_wait_seconds`, never past `deadline` on hub.clock.monotonic); else 429
    PROVIDER_RATE_LIMITED with retryAfter. The connection as it is now (or as this function's
    lease holds it, at most LEASE_SECONDS old)."""
    repository = QuotaRepository()
    key = repository.key_of(record)
    leased, size = _from_lease(key, limits)
    if leased is not None:
        return leased
    if size > 1:
        try:
            current = repository.spend(record, limits, clock.now(), requests=size)
        except OverBudget:
            pass  # not that many free: take one, as usual
        else:
            _keep(key, current, size)
            return current
    settings = get_settings()
    waited = 0.0
    while True:
        try:
            current = repository.spend(record, limits, clock.now())
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
            continue
        _keep(key, current, 1)
        return current


def spend_if_available(record: Mapping[str, Any], limits: QuotaLimits) -> ConnectionRecord:
    """Spend one request when the bucket has one (the connection as it is now); when it has not,
    go ahead unrecorded with `record` as given (health checks, which must not be skipped)."""
    try:
        return QuotaRepository().spend(record, limits, clock.now())
    except OverBudget:
        return cast(ConnectionRecord, record)
