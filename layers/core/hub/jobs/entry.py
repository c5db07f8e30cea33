"""The Lambda entry wrapper of scheduled jobs and consumers (the HTTP one is hub.http.lambda_entry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from hub.invocation import module_of, running
from hub.observability import logger, metrics, tracer

R = TypeVar("R")


def job_entry(function: Callable[[dict[str, Any], Any], R]) -> Callable[[dict[str, Any], Any], R]:
    """Structured logs with the invocation's context, a trace segment, and one EMF flush."""
    module = module_of(function)

    @logger.inject_lambda_context(clear_state=True)
    @tracer.capture_lambda_handler(capture_response=False)
    @metrics.log_metrics(raise_on_empty_metrics=False)
    def handler(event: dict[str, Any], context: Any) -> R:
        with running(module):
            return function(event, context)

    return handler
