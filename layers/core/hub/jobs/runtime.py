"""The time budget of one Lambda invocation: jobs stop starting work before it runs out."""

from __future__ import annotations

import time
from typing import Any


class TimeBudget:
    """`exhausted()` once less than `margin_ms` of the invocation is left.

    Reads `context.get_remaining_time_in_millis()` when there is a Lambda context; without one
    (direct calls, tests) a `max_seconds` budget or no limit at all applies.
    """

    def __init__(self, context: Any = None, *, margin_ms: int = 0, max_seconds: float | None = None) -> None:
        self._remaining = getattr(context, "get_remaining_time_in_millis", None)
        self.margin_ms = margin_ms
        self._stop_at = time.monotonic() + max_seconds if max_seconds is not None else None

    def remaining_ms(self) -> float | None:
        candidates = []
        if callable(self._remaining):
            candidates.append(float(self._remaining()))
        if self._stop_at is not None:
            candidates.append((self._stop_at - time.monotonic()) * 1000)
        return min(candidates) if candidates else None

    def exhausted(self) -> bool:
        remaining = self.remaining_ms()
        return remaining is not None and remaining < self.margin_ms


def invocation_id(context: Any, default: str) -> str:
    """The lease owner of this invocation: Lambda's request id when there is one."""
    return str(getattr(context, "aws_request_id", None) or default)
