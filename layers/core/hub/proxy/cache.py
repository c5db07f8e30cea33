"""A small time-bounded cache on the hub's clock, for what a warm function may reuse between
provider calls (docs/proxy.md, "AWS calls per request"). Written here rather than taken from a
library because its time must be hub.clock's, which tests move."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from hub import clock

V = TypeVar("V")


class TtlCache(Generic[V]):
    def __init__(self, seconds: Callable[[], float], max_entries: int = 256) -> None:
        self._seconds = seconds
        self._max = max_entries
        self._items: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], V]) -> V:
        now = clock.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] > now:
                self._items.move_to_end(key)
                return found[1]
        value = load()
        ttl = self._seconds()
        if ttl > 0:
            with self._lock:
                self._items[key] = (now + ttl, value)
                self._items.move_to_end(key)
                while len(self._items) > self._max:
                    self._items.popitem(last=False)
        return value

    def discard(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
