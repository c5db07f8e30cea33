"""The time budget of one Lambda invocation: jobs stop starting work before it runs out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hub import clock as hub_clock


class TimeBudget:
    """`exhausted()` once no more than `margin_ms` of the invocation is left.

    Reads `context.get_remaining_time_in_millis()` when there is a Lambda context; without one
    (direct calls, tests) a `max_seconds` budget or no limit at all applies. `max_seconds` is
    measured on `clock` (default: the hub's monotonic clock, hub/clock.py), so a test moves time
    with `hub.clock.advance` instead of waiting for it.
    """

    def __init__(
        self,
        context: Any = None,
        *,
        margin_ms: int = 0,
        max_seconds: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._remaining = getattr(context, "get_remaining_time_in_millis", None)
        self.margin_ms = margin_ms
        self._clock = clock or hub_clock.monotonic
        self._stop_at = self._clock() + max_seconds if max_seconds is not None else None

    def remaining_ms(self) -> float | None:
        candidates = []
        if callable(self._remaining):
            candidates.append(float(self._remaining()))
        if self._stop_at is not None:
            candidates.append((self._stop_at - self._clock()) * 1000)
        return min(candidates) if candidates else None

    def exhausted(self) -> bool:
        remaining = self.remaining_ms()
        return remaining is not None and remaining <= self.margin_ms


def invocation_id(context: Any, default: str) -> str:
    """The lease owner of this invocation: Lambda's request id when there is one."""
    return str(getattr(context, "aws_request_id", None) or default)
