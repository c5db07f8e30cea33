"""Powertools Logger, Tracer and Metrics, configured once, with secret redaction on every record."""

from __future__ import annotations

import functools
import logging
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from hub.redaction import redact, redact_text
from hub.settings import get_settings

if TYPE_CHECKING:
    from aws_lambda_powertools import Tracer

R = TypeVar("R")
Handler = Callable[[dict[str, Any], Any], R]


class RedactingFormatter(LambdaPowertoolsFormatter):
    """Masks secrets in the structured record right before it is serialized."""

    def serialize(self, log: dict[str, Any]) -> str:  # type: ignore[override]
        return super().serialize(redact(log))


_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class RedactingFilter(logging.Filter):
    """Masks secrets in a record before any handler or parent logger sees it.

    Attached to the hub's logger itself (so records that propagate to the root logger, and
    whatever captures them, are already clean) and to the root logger for other libraries."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, dict):
            record.msg = redact(record.msg)
        else:
            try:
                message = record.getMessage()
            except Exception:  # noqa: BLE001 - a broken format string must not break logging
                message = str(record.msg)
            record.msg = redact_text(message)
            record.args = ()
        for name, value in list(record.__dict__.items()):
            if name not in _STANDARD_ATTRS and not name.startswith("_"):
                setattr(record, name, redact({name: value})[name])
        if record.exc_info and not record.exc_text:
            record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        return True


# Handlers flush metrics every invocation; most invocations emit none, which is expected.
warnings.filterwarnings("ignore", message="No application metrics to publish")

class LazyTracer:
    """Powertools' Tracer, built on the first invocation and only where it traces.

    Building a Tracer imports the X-Ray SDK, whose recorder creates a botocore client at import:
    more than `import boto3` itself, even with tracing off. Deferring it keeps that cost out of
    every process that does not trace (tests, the local stack, POWERTOOLS_TRACE_DISABLED) and
    out of every handler's import. Only botocore is patched: the SDK's default patches every HTTP
    library, and provider or webhook calls must not carry our trace header to third parties."""

    PATCHED_MODULES = ("botocore",)

    def __init__(self) -> None:
        self._tracer: Tracer | None = None

    def get(self) -> Tracer | None:
        """The Tracer when this process traces, else None (and the X-Ray SDK stays unimported)."""
        if self._tracer is None and get_settings().tracing_enabled:
            from aws_lambda_powertools import Tracer

            self._tracer = Tracer(patch_modules=self.PATCHED_MODULES)
        return self._tracer

    def capture_lambda_handler(
        self, capture_response: bool = False
    ) -> Callable[[Handler[R]], Handler[R]]:
        def decorate(function: Handler[R]) -> Handler[R]:
            traced: list[Handler[R]] = []

            @functools.wraps(function)
            def handler(event: dict[str, Any], context: Any) -> R:
                if not traced:
                    tracer = self.get()
                    traced.append(
                        function if tracer is None
                        else tracer.capture_lambda_handler(function, capture_response=capture_response)
                    )
                return traced[0](event, context)

            return handler

        return decorate


logger = Logger(logger_formatter=RedactingFormatter())
tracer = LazyTracer()
metrics = Metrics()

# Failures the code swallows on purpose (the request still succeeds): each is a metric with an
# alarm (infra/constructs/monitoring.py SWALLOWED_FAILURES), not only a log line.
SWALLOWED_FAILURES = ("AuditNotWritten", "EventNotPublished", "RevocationSkipped")


def count_swallowed(name: str, count: int = 1) -> None:
    from aws_lambda_powertools.metrics import MetricUnit

    metrics.add_metric(name=name, unit=MetricUnit.Count, value=count)


def count_for(name: str, dimension: str, value: str, count: int = 1) -> None:
    """A count with its own dimension (inbound webhooks count per provider), flushed at once so
    it does not share the invocation's dimension set."""
    from aws_lambda_powertools.metrics import MetricUnit, single_metric

    with single_metric(name=name, unit=MetricUnit.Count, value=count, namespace=metrics.namespace) as metric:
        metric.add_dimension(name=dimension, value=value[:250])

_root_filter = RedactingFilter()
logger.addFilter(_root_filter)
for _handler in logging.getLogger().handlers:
    _handler.addFilter(_root_filter)
logging.getLogger().addFilter(_root_filter)
