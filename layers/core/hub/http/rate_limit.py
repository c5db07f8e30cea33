"""Per-tenant, per-endpoint-class fixed-window rate limiting in the single table.

A busy tenant's warm function does not write once per request: when it used up the hits it
counted in the current window, its next write counts twice as many at once (1, 2, 4, … at most
`rate_limit_lease_max` and an eighth of the limit) and it spends them from memory. Hits are
counted before they are used, so the fleet never admits more than the limit; hits counted and
not used when the window ends are lost (at most `rate_limit_lease_max - 1` per warm function,
tenant and class), which can only refuse a little early. A limit under 16 is counted one write
per request. `X-RateLimit-Remaining` is exact for one function and counts the hits other warm
functions hold as used (docs/architecture.md, Rate limits).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from hub import clock
from hub.cache import forgotten_with_caches
from hub.errors import RateLimitExceeded
from hub.repository import Repository
from hub.settings import get_settings
from hub.table import tenant_pk


@dataclass(frozen=True)
class RateLimitStatus:
    limit: int
    remaining: int
    reset: int  # epoch seconds when the window ends

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(self.remaining, 0)),
            "X-RateLimit-Reset": str(self.reset),
        }


@dataclass
class _Lease:
    window_start: int
    used: int  # the window's hits before the write that took this lease, plus those spent of it
    left: int  # counted by that write and not spent yet
    size: int  # how many that write counted


_leases: dict[tuple[str, str], _Lease] = {}
_leases_lock = threading.Lock()


@forgotten_with_caches
def forget_leases() -> None:
    """Test seam: count every request with a write again."""
    with _leases_lock:
        _leases.clear()


def _largest_lease(limit: int) -> int:
    return max(1, min(get_settings().rate_limit_lease_max, limit // 8))


class RateLimiter:
    def __init__(self, repository: Repository | None = None) -> None:
        self.repository = repository or Repository()

    def hit(self, tenant_id: str, rate_class: str) -> RateLimitStatus:
        """Count one request; raise RateLimitExceeded (with headers) once over the limit."""
        settings = get_settings()
        limit = settings.rate_limits.get(rate_class, settings.rate_limits.get("integration", 200))
        window = settings.rate_limit_window_seconds
        now = clock.now()
        window_start = int(now // window) * window
        reset = window_start + window
        key = (tenant_id, rate_class)
        size = 1
        with _leases_lock:
            lease = _leases.get(key)
            if lease is not None and lease.window_start == window_start:
                if lease.left > 0:
                    lease.left -= 1
                    lease.used += 1
                    return RateLimitStatus(limit=limit, remaining=limit - lease.used, reset=reset)
                size = min(lease.size * 2, _largest_lease(limit))
        item = self.repository.update(
            tenant_pk(tenant_id),
            f"RATE#{rate_class}#{window_start}",
            set_fields={"ttl": reset + window},
            add_fields={"hits": size},
        )
        hits = int((item or {}).get("hits", size))
        before = hits - size
        admitted = min(size, limit - before)  # of the hits this write counted, those within the limit
        if admitted <= 0:
            status = RateLimitStatus(limit=limit, remaining=limit - hits, reset=reset)
            retry_after = max(1, int(reset - now + 0.999))
            raise RateLimitExceeded(retry_after, headers=status.headers())
        with _leases_lock:
            if len(_leases) > 10_000:
                _leases.clear()
            _leases[key] = _Lease(window_start=window_start, used=before + 1, left=admitted - 1, size=size)
        return RateLimitStatus(limit=limit, remaining=limit - before - 1, reset=reset)
