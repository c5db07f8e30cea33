"""A small time-bounded cache on the hub's clock, for what a warm function may reuse: provider
records and their client secrets (hub/catalog/repository.py, hub/catalog/client_secrets.py),
integrations (hub/integrations/repository.py) and the proxy's warm path (hub/proxy/core.py).
Written here rather than taken from a library because its time must be hub.clock's, which tests
move instead of sleeping.

A write through this container drops its entry at once; other warm containers see the change
within the cache's time (docs/architecture.md, Caches)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from hub import clock
from hub.settings import get_settings

V = TypeVar("V")
_caches: list[TtlCache[object]] = []
# other per-container state that must not outlive a test's AWS (the rate limit's leases)
_forgetters: list[Callable[[], None]] = []


class TtlCache(Generic[V]):
    """At most `max_entries` values (least recently used go first), each kept `seconds()`
    (0: nothing is kept). A None value is never kept: "not found" is always asked again."""

    def __init__(self, seconds: Callable[[], float], max_entries: int = 256) -> None:
        self._seconds = seconds
        self._max = max_entries
        self._items: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        _caches.append(self)  # type: ignore[arg-type]

    def get(self, key: Hashable, load: Callable[[], V]) -> V:
        now = clock.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] > now:
                self._items.move_to_end(key)
                return found[1]
        value = load()
        ttl = self._seconds()
        if ttl > 0 and value is not None:
            with self._lock:
                self._items[key] = (now + ttl, value)
                self._items.move_to_end(key)
                while len(self._items) > self._max:
                    self._items.popitem(last=False)
        return value

    def holds(self, key: Hashable) -> bool:
        """Whether `get(key, ...)` would answer from the cache, without loading."""
        with self._lock:
            found = self._items.get(key)
            return found is not None and found[0] > clock.monotonic()

    def discard(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def catalog_seconds() -> float:
    """How long provider records, client secrets and integrations are kept (`catalog_cache_seconds`)."""
    return float(get_settings().catalog_cache_seconds)


def forgotten_with_caches(forget: Callable[[], None]) -> Callable[[], None]:
    """Register `forget` (a module's per-container state) to run with `clear_caches`."""
    _forgetters.append(forget)
    return forget


def clear_caches() -> None:
    """Forget every cached value (tests: each starts with an empty AWS)."""
    for cache in _caches:
        cache.clear()
    for forget in _forgetters:
        forget()
