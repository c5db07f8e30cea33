"""When to try a provider call again and how long to wait first.

Retried: network errors, 5xx (except 501) and 429. Waits grow exponentially with jitter
(`proxy_backoff_base_seconds` * 2^(n-1), capped) and are never shorter than what the provider
asked for: `Retry-After` (seconds or an HTTP date), or the template's own rate-limit headers
(`rateLimitHeaders`). A wait that would not end before the call's deadline, or that is longer
than `proxy_max_retry_after_seconds`, is not waited: the provider's answer goes back as it is.

Time is read from `hub.clock` and waits go through `sleep`, which tests replace
(`use_sleeper`) so that no test waits for real.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from email.utils import parsedate_to_datetime

from hub import clock
from hub.providers.templates import RateLimitHeaders
from hub.settings import get_settings

Sleeper = Callable[[float], None]
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})

_sleeper: Sleeper = time.sleep
_lock = threading.Lock()


def sleep(seconds: float) -> None:
    if seconds > 0:
        _sleeper(seconds)


@contextmanager
def use_sleeper(sleeper: Sleeper) -> Iterator[None]:
    """Test seam: wait with `sleeper` inside the block (e.g. one that advances hub.clock)."""
    global _sleeper
    with _lock:
        previous, _sleeper = _sleeper, sleeper
    try:
        yield
    finally:
        with _lock:
            _sleeper = previous


def backoff(attempt: int) -> float:
    """The wait after failed attempt `attempt` (1-based): half fixed, half random."""
    settings = get_settings()
    ceiling = min(settings.proxy_backoff_max_seconds, settings.proxy_backoff_base_seconds * 2 ** (attempt - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def _header(headers: Mapping[str, str], name: str | None) -> str | None:
    if not name:
        return None
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def requested_wait(status: int, headers: Mapping[str, str], hints: RateLimitHeaders | None) -> float | None:
    """Seconds the provider asked the caller to wait, if it said."""
    value = _header(headers, hints.retry_after if hints else None) or _header(headers, "Retry-After")
    if value is not None:
        return _seconds(value)
    if status == 429 and hints is not None and hints.reset:
        reset = _header(headers, hints.reset)
        if reset is not None:
            try:
                number = float(reset)
            except ValueError:
                return None
            if hints.reset_format == "delta_seconds":
                return max(0.0, number)
            epoch = number / 1000 if hints.reset_format == "epoch_milliseconds" else number
            return max(0.0, epoch - clock.now())
    return None


def _seconds(value: str) -> float | None:
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - clock.now())


def wait_before_retry(attempt: int, asked: float | None, time_left: float) -> float | None:
    """How long to wait before attempt `attempt + 1`, or None when it should not be made."""
    settings = get_settings()
    if attempt >= settings.proxy_max_attempts:
        return None
    if asked is not None and asked > settings.proxy_max_retry_after_seconds:
        return None
    wait = max(backoff(attempt), asked or 0.0)
    return wait if wait < time_left else None
