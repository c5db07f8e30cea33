"""DynamoDB evaluates a condition and writes atomically; moto's backend does not lock, so two
threads (test threads, or the threaded moto server) can both pass the same condition. One lock
around its item operations restores the guarantee the hub's leases and claims rely on.

moto's Secrets Manager backend iterates its dict of secrets (e.g. to check a name is free)
while another thread adds one: 8 threads creating secrets at once failed with `RuntimeError:
dictionary changed size during iteration` (a 500 to the client). One lock around its
operations makes it behave like the service, which never fails that way."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

_OPERATIONS = ("put_item", "get_item", "query", "update_item", "delete_item", "transact_write_items",
               "batch_write_item")
_SECRETS_OPERATIONS = ("create_secret", "put_secret_value", "get_secret_value", "batch_get_secret_value",
                       "describe_secret", "update_secret", "delete_secret", "restore_secret", "list_secrets",
                       "list_secret_version_ids", "update_secret_version_stage", "tag_resource", "untag_resource",
                       "rotate_secret", "cancel_rotate_secret")


def _make_atomic(backend: type, operations: tuple[str, ...]) -> None:
    if getattr(backend, "_hub_atomic", False):
        return
    lock = threading.RLock()

    def locked(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return method(*args, **kwargs)

        return wrapper

    for name in operations:
        if hasattr(backend, name):
            setattr(backend, name, locked(getattr(backend, name)))
    backend._hub_atomic = True  # type: ignore[attr-defined]


def make_moto_dynamodb_atomic() -> None:
    from moto.dynamodb.models import DynamoDBBackend

    make_moto_transactions_copy_once()
    _make_atomic(DynamoDBBackend, _OPERATIONS)


def make_moto_secretsmanager_atomic() -> None:
    from moto.secretsmanager.models import SecretsManagerBackend

    _make_atomic(SecretsManagerBackend, _SECRETS_OPERATIONS)


def make_moto_atomic() -> None:
    """Both backends: the local stack, the bench and the tests call this once at start."""
    make_moto_dynamodb_atomic()
    make_moto_secretsmanager_atomic()


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
