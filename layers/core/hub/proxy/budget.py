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
taken are spent from the shared bucket before they are used, so the quota is never exceeded:
a request leaves a lease at most `LEASE_SECONDS` after its write took it, so over any span the
fleet calls a provider at most the bucket's burst plus what it refills in that span and one
second more. Requests not used within the second are dropped (a little quota left unused).
Besides the write per request it saves, this keeps a hot connection's item under DynamoDB's
per-item write rate. The connection a lease holds is at most `LEASE_SECONDS` old.

Refilling ahead: a request that spends a lease's last request (or one of a lease with less than
half its second left, which takes as many as were spent of it) starts the next write on a
thread while its own provider call runs
(`refill_ahead`), and the caller waits for it before answering (`Refill.join`): nothing runs
after the function returns, when Lambda may freeze it. A busy connection's calls then find
their budget in memory and wait for no write; a refill that finds the bucket short takes
nothing, and the next request writes as usual.
"""

from __future__ import annotations

import contextvars
import math
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from hub import clock
from hub.connections.record import ConnectionRecord
from hub.connections.spec import ProviderSpec
from hub.errors import RateLimitExceeded
from hub.observability import logger
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
    refilling: bool = False  # a request's refill-ahead write is under way
    spent_from_memory: bool = False  # a request has spent of it without writing (the busy sign)


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


def _largest(limits: QuotaLimits) -> int:
    return max(1, min(get_settings().provider_quota_lease_max, limits.capacity // 4,
                      int(LEASE_SECONDS / limits.interval)))


def _from_lease(key: tuple[str, str], limits: QuotaLimits) -> tuple[ConnectionRecord | None, int]:
    """A request spent from this function's lease (and the connection it holds), or how many
    the next write should take."""
    now = clock.monotonic()
    with _leases_lock:
        lease = _leases.get(key)
        if lease is not None and now < lease.until:
            if lease.left > 0:
                lease.left -= 1
                lease.spent_from_memory = True
                return lease.record, 0
            # used up within its second: the connection is busy here, so take more at once
            return None, min(lease.size * 2, _largest(limits))
    return None, 1


def held_connection(record: Mapping[str, Any]) -> ConnectionRecord | None:
    """The connection as this function's live lease holds it (at most LEASE_SECONDS old) when
    the lease still has a request to spend; None when the next spend must write anyway."""
    key = QuotaRepository().key_of(record)
    with _leases_lock:
        lease = _leases.get(key)
        if lease is not None and lease.left > 0 and clock.monotonic() < lease.until:
            return lease.record
    return None


class Refill:
    """A refill-ahead write on its own thread; `join` waits for it to end, as a write made in
    turn would have been waited for (botocore's own timeouts bound it), so that nothing of it
    runs after the function answered."""

    def __init__(self, key: tuple[str, str], record: ConnectionRecord, limits: QuotaLimits, size: int) -> None:
        self._key, self._record, self._limits, self._size = key, record, limits, size
        self._thread = threading.Thread(target=contextvars.copy_context().run, args=(self._write,),
                                        name="budget-refill", daemon=True)
        self._thread.start()

    def _write(self) -> None:
        # let the starting request send its provider call first: this thread would otherwise keep
        # the interpreter lock while botocore builds the write (up to the 5 ms switch interval),
        # and a search's eight refills would hold back eight sends
        time.sleep(0)
        try:
            current = QuotaRepository().spend(self._record, self._limits, clock.now(), requests=self._size)
        except OverBudget:
            pass  # not that many free now: the next request writes for itself
        except Exception:  # noqa: BLE001 - the request's own call must not fail for a write ahead of time
            logger.warning("quota budget refill-ahead failed", exc_info=True)
        else:
            _keep(self._key, current, self._size, ahead=True)
        finally:
            with _leases_lock:
                lease = _leases.get(self._key)
                if lease is not None:
                    lease.refilling = False

    def join(self) -> None:
        self._thread.join()


def refill_ahead(record: Mapping[str, Any], limits: QuotaLimits) -> Refill | None:
    """Start the next write of a busy connection's lease now, while the caller's provider call
    runs, when this function's lease (already spent from memory, not just written) is spent or
    has less than half its second left; the caller joins the Refill before it answers. None
    when no write is due ahead."""
    key = QuotaRepository().key_of(record)
    now = clock.monotonic()
    with _leases_lock:
        lease = _leases.get(key)
        if lease is None or lease.refilling or not lease.spent_from_memory or now >= lease.until:
            return None
        if lease.left > 0 and lease.until - now >= LEASE_SECONDS / 2:
            return None
        # spent within its second: twice as many; else as many as were spent of it in (most of)
        # its second, so that a connection in steady use takes about what it uses
        size = min(lease.size * 2, _largest(limits)) if lease.left == 0 else max(1, lease.size - lease.left)
        lease.refilling = True
        held = lease.record
    return Refill(key, held, limits, size)


def _keep(key: tuple[str, str], record: ConnectionRecord, size: int, *, ahead: bool = False) -> None:
    """A write took `size` requests: the writing request spends one of them, unless the write
    was a refill ahead of the requests that will spend them."""
    with _leases_lock:
        if len(_leases) > 10_000:
            _leases.clear()
        _leases[key] = _Lease(record, size if ahead else size - 1, clock.monotonic() + LEASE_SECONDS, size)


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
