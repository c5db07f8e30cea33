"""The hub's time behind one seam, so tests (and jobs) move time deliberately instead of waiting.

Two readings, both movable together:
- `now()` is wall-clock epoch seconds: timestamps, expiries, due times, leases, schedules;
- `monotonic()` measures intervals: time budgets and deadlines inside one invocation.

Tests `freeze()` the clock so nothing moves unless they `advance()` it; a test that asserts
what is due "in 5 seconds" then holds however slow the machine is. `reset()` returns to the
real clock. Why and how tests use it: (docs/architecture.md, Time in tests).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

_lock = threading.Lock()
_offset_seconds = 0.0
# (wall, monotonic) readings taken when the clock was frozen; None while it runs
_frozen_at: tuple[float, float] | None = None


def now() -> float:
    frozen = _frozen_at
    return (frozen[0] if frozen else time.time()) + _offset_seconds


def monotonic() -> float:
    frozen = _frozen_at
    return (frozen[1] if frozen else time.monotonic()) + _offset_seconds


def now_dt() -> datetime:
    return datetime.fromtimestamp(now(), tz=UTC)


def iso(ts: float | None = None) -> str:
    moment = datetime.fromtimestamp(now() if ts is None else ts, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def advance(seconds: float) -> None:
    """Test seam: move the hub's clock (both readings) forward."""
    global _offset_seconds
    with _lock:
        _offset_seconds += seconds


def sleep(seconds: float) -> None:
    """Wait on the hub's clock: a frozen clock moves forward instead, so a test of pacing sees
    the waits as time without spending it."""
    if seconds <= 0:
        return
    if _frozen_at is not None:
        advance(seconds)
    else:
        time.sleep(seconds)


def freeze() -> None:
    """Test seam: stop the clock where it is; from now on only `advance` moves it."""
    global _frozen_at
    with _lock:
        if _frozen_at is None:
            _frozen_at = (time.time(), time.monotonic())


def is_frozen() -> bool:
    return _frozen_at is not None


def reset() -> None:
    """Back to the real clock, with no offset."""
    global _offset_seconds, _frozen_at
    with _lock:
        _offset_seconds = 0.0
        _frozen_at = None


# how long, in real seconds, a network wait may last while the clock is frozen (tests)
FROZEN_IO_SECONDS = 60.0


def io_timeout(seconds: float) -> float:
    """The real-time timeout of a network wait (a provider call, httpx) that has `seconds` of the
    hub's time left: the same on the real clock. On a frozen clock only `advance` runs a deadline
    out, so the wait gets FROZEN_IO_SECONDS instead of racing the machine's speed: a test that
    advances past a deadline sees the hub's own "too late" answer, never a real-time timeout
    that fired first on a slow machine (and no wait hangs a test for ever)."""
    return max(seconds, FROZEN_IO_SECONDS) if _frozen_at is not None else seconds
