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

    make_moto_transactions_copy_once()
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


def make_moto_transactions_copy_once() -> None:
    """moto backs up a table before a TransactWriteItems (for its rollback) once per item of the
    transaction, not once per table: 100 items copy the whole table 100 times, so a batch write
    costs more the bigger the table grows. Every copy is taken before any write and is the same,
    so one copy per table per transaction keeps the behaviour at a fraction of the cost."""
    import copy
    import threading

    import moto.dynamodb.models as models
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table

    if getattr(DynamoDBBackend, "_hub_copy_once", False):
        return
    state = threading.local()

    class CopyOncePerTransaction:
        def __getattr__(self, name: str) -> Any:
            return getattr(copy, name)

        def deepcopy(self, value: Any, memo: Any = None) -> Any:
            copies = getattr(state, "copies", None)
            if copies is None or not isinstance(value, Table):
                return copy.deepcopy(value, memo)
            if id(value) not in copies:
                copies[id(value)] = copy.deepcopy(value)
            return copies[id(value)]

    real = DynamoDBBackend.transact_write_items

    @functools.wraps(real)
    def transact_write_items(self: Any, *args: Any, **kwargs: Any) -> Any:
        state.copies = {}
        try:
            return real(self, *args, **kwargs)
        finally:
            state.copies = None

    models.copy = CopyOncePerTransaction()  # type: ignore[assignment]
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
    DynamoDBBackend._hub_copy_once = True  # type: ignore[attr-defined]
