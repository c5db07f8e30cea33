"""DynamoDB evaluates a condition and writes atomically; moto's backend does not lock, so two
threads (test threads, or the threaded moto server) can both pass the same condition. One lock
around its item operations restores the guarantee the hub's leases and claims rely on."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

_OPERATIONS = ("put_item", "get_item", "query", "update_item", "delete_item", "transact_write_items",
               "batch_write_item")


def make_moto_dynamodb_atomic() -> None:
    from moto.dynamodb.models import DynamoDBBackend

    if getattr(DynamoDBBackend, "_hub_atomic", False):
        return
    lock = threading.RLock()

    def locked(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return method(*args, **kwargs)

        return wrapper

    for name in _OPERATIONS:
        setattr(DynamoDBBackend, name, locked(getattr(DynamoDBBackend, name)))
    DynamoDBBackend._hub_atomic = True  # type: ignore[attr-defined]
