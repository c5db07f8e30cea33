"""Wall clock behind one seam so tests and jobs can move time deliberately."""

from __future__ import annotations

import time
from datetime import UTC, datetime

_offset_seconds = 0.0


def now() -> float:
    return time.time() + _offset_seconds


def now_dt() -> datetime:
    return datetime.fromtimestamp(now(), tz=UTC)


def iso(ts: float | None = None) -> str:
    moment = datetime.fromtimestamp(now() if ts is None else ts, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def advance(seconds: float) -> None:
    """Test seam: move the hub's clock forward."""
    global _offset_seconds
    _offset_seconds += seconds


def reset() -> None:
    global _offset_seconds
    _offset_seconds = 0.0
