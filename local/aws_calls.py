"""Count the AWS calls the hub makes (every botocore call: DynamoDB, Secrets Manager, KMS from
the Encryption SDK, EventBridge, SQS). Counting is deterministic where timing is not, so the
call budgets of a refresh are asserted by a test (tests/integration/test_call_counts.py) and
printed and priced by the bench (bench/refresh.py → docs/cost.md).

The budgets, per vault backend, in a warm container:
- scheduled refresh: the lease write (which is the read), the KMS Decrypt of the grant it
  replaces (its sealed message came with the leased record: `table`'s credential, or with
  Secrets Manager the copy the last grant write left, hub.vault.message_fields; no secret read),
  one KMS GenerateDataKey for the new grant, the record write that ends the lease with its
  activity line (one transaction), `integration.refreshed`. Secrets Manager adds the secret
  write and, before it, the claim that stores the sealed grant in the record (docs/connections.md,
  "The grant-write protocol": a provider-issued grant must survive the function dying before or
  after the vault write).
- forced refresh through the API: the same, plus the request's rate-limit window (its audit
  record is one more item in the final transaction: hub.request.carried_audit).
- GET connection: the rate-limit window and the record.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from botocore.client import BaseClient

CALL_BUDGETS: dict[str, dict[str, int]] = {
    "secretsmanager": {"scheduled refresh": 7, "forced refresh": 8, "GET connection": 2},
    "table": {"scheduled refresh": 5, "forced refresh": 6, "GET connection": 2},
}
_T = TypeVar("_T")


class AwsCalls:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: list[str] = []
        self.seconds = 0.0  # spent in those calls, on every thread
        # spent in the calls made on the recording thread: what it waited for (bench/proxy.py);
        # calls on other threads (a budget refill beside a provider call) may overlap other work
        self.waited = 0.0

    def add(self, name: str, seconds: float = 0.0, *, on_recording_thread: bool = True) -> None:
        with self._lock:
            self.calls.append(name)
            self.seconds += seconds
            if on_recording_thread:
                self.waited += seconds

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()
            self.seconds = self.waited = 0.0

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(self.calls)

    def __len__(self) -> int:
        return len(self.calls)


@contextmanager
def recording_aws_calls() -> Iterator[AwsCalls]:
    """Record every AWS call made in this process while the block runs ("service.Operation")."""
    recorded = AwsCalls()
    original = BaseClient._make_api_call
    recording_thread = threading.get_ident()

    def counting(client: Any, operation: str, params: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(client, operation, params)
        finally:
            recorded.add(f"{client.meta.service_model.service_name}.{operation}", time.perf_counter() - started,
                         on_recording_thread=threading.get_ident() == recording_thread)

    BaseClient._make_api_call = counting  # type: ignore[method-assign]
    try:
        yield recorded
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]


def counted(calls: AwsCalls, action: Callable[[], _T]) -> tuple[_T, list[str]]:
    """What `action` returned and the calls it made (`calls` is recording)."""
    calls.clear()
    result = action()
    return result, list(calls.calls)
