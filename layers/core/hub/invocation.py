"""Which handler module is running in this context: set by the two Lambda entry wrappers
(hub.http.app.lambda_entry, hub.jobs.entry.job_entry), read by diagnostics such as the IAM
audit recorder of the test suite (local/iam_recorder.py). Costs one ContextVar.set per call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

current_handler: ContextVar[str | None] = ContextVar("hub_current_handler", default=None)


@contextmanager
def running(module: str) -> Iterator[None]:
    token = current_handler.set(module)
    try:
        yield
    finally:
        current_handler.reset(token)


def module_of(function: Callable[..., object]) -> str:
    return str(getattr(function, "__module__", "") or "")
