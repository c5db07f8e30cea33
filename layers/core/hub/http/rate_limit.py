"""Per-tenant, per-endpoint-class fixed-window rate limiting in the single table."""

from __future__ import annotations

from dataclasses import dataclass

from hub import clock
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
        item = self.repository.update(
            tenant_pk(tenant_id),
            f"RATE#{rate_class}#{window_start}",
            set_fields={"ttl": reset + window},
            add_fields={"hits": 1},
        )
        hits = int((item or {}).get("hits", 1))
        status = RateLimitStatus(limit=limit, remaining=limit - hits, reset=reset)
        if hits > limit:
            retry_after = max(1, int(reset - now + 0.999))
            raise RateLimitExceeded(retry_after, headers=status.headers())
        return status
