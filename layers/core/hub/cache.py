"""Small per-container caches with a time to live, for records that change rarely and are read
on every refresh (provider records, client secrets, integrations: hub/catalog/cache.py,
hub.integrations.repository.cached_integration).

A write through this container drops its entry at once; other warm containers see the change
within `settings.provider_cache_seconds`. Time comes from hub.clock (tests move it)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from hub import clock
from hub.settings import get_settings

T = TypeVar("T")
_all: list[TtlCache[Any]] = []


class TtlCache(Generic[T]):
    def __init__(self, max_entries: int = 1024) -> None:
        self._lock = threading.Lock()
        self._loading: dict[Hashable, threading.Lock] = {}
        self._entries: dict[Hashable, tuple[float, T]] = {}
        self._max_entries = max_entries
        _all.append(self)

    def get(self, key: Hashable, load: Callable[[], T | None]) -> T | None:
        """The cached value, or `load()` (remembered unless None or the TTL is 0)."""
        ttl = get_settings().provider_cache_seconds
        hit = self._fresh(key)
        if hit is not None:
            return hit[1]
        with self._lock:
            loading = self._loading.setdefault(key, threading.Lock())
        with loading:  # concurrent misses (a job's threads starting together) load once
            hit = self._fresh(key)
            if hit is not None:
                return hit[1]
            value = load()
            if ttl > 0 and value is not None:
                with self._lock:
                    if len(self._entries) >= self._max_entries:
                        self._entries.clear()  # bounded: a burst of distinct keys starts over
                        self._loading = {key: loading}
                    self._entries[key] = (clock.now() + ttl, value)
        return value

    def _fresh(self, key: Hashable) -> tuple[float, T] | None:
        with self._lock:
            hit = self._entries.get(key)
        return hit if hit is not None and hit[0] > clock.now() else None

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._loading.clear()


def clear_all() -> None:
    """Tests: every test starts with an empty AWS, so nothing may survive from the last one."""
    for cache in _all:
        cache.clear()
