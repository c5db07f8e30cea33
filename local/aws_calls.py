"""Count the AWS calls the hub makes (every botocore call: DynamoDB, Secrets Manager, KMS from
the Encryption SDK, EventBridge, SQS). Counting is deterministic where timing is not, so the
call budgets of a refresh are asserted by a test (tests/integration/test_call_counts.py) and
priced by the bench (bench/refresh.py → docs/cost.md)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from botocore.client import BaseClient


class AwsCalls:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: list[str] = []

    def add(self, name: str) -> None:
        with self._lock:
            self.calls.append(name)

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

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

    def counting(client: Any, operation: str, params: Any) -> Any:
        recorded.add(f"{client.meta.service_model.service_name}.{operation}")
        return original(client, operation, params)

    BaseClient._make_api_call = counting  # type: ignore[method-assign]
    try:
        yield recorded
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]
