"""Small per-container caches with a time to live, for records that change rarely and are read on
every refresh: provider records and their client secrets (hub/catalog/repository.py,
hub/catalog/client_secrets.py) and integrations (hub/integrations/repository.py).

A write through this container drops its entry at once; other warm containers see the change
within `settings.catalog_cache_seconds` (docs/architecture.md, Caches). Time comes from hub.clock,
so tests move it instead of sleeping."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from hub import clock
from hub.settings import get_settings

T = TypeVar("T")
_caches: list[TtlCache[object]] = []


class TtlCache(Generic[T]):
    """At most `max_entries` values, each kept `settings.catalog_cache_seconds`. Values are
    returned as stored: callers store immutable values or copy them."""

    def __init__(self, max_entries: int = 512) -> None:
        self._lock = threading.Lock()
        self._entries: dict[Hashable, tuple[float, T]] = {}
        self._max_entries = max_entries
        _caches.append(self)  # type: ignore[arg-type]

    def get(self, key: Hashable, load: Callable[[], T | None]) -> T | None:
        """The cached value, or `load()` (kept unless it is None or caching is off)."""
        now = clock.now()
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
        value = load()
        ttl = get_settings().catalog_cache_seconds
        if value is not None and ttl > 0:
            with self._lock:
                if len(self._entries) >= self._max_entries:
                    # bounded: drop what has expired, and if that is not enough, everything
                    self._entries = {k: v for k, v in self._entries.items() if v[0] > now}
                    if len(self._entries) >= self._max_entries:
                        self._entries.clear()
                self._entries[key] = (now + ttl, value)
        return value

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def clear_caches() -> None:
    """Forget every cached value (tests: each starts with an empty AWS)."""
    for cache in _caches:
        cache.clear()
