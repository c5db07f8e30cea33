"""Powertools Logger, Tracer and Metrics, configured once, with secret redaction on every record."""

from __future__ import annotations

import logging
import warnings
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from hub.redaction import redact, redact_text


class RedactingFormatter(LambdaPowertoolsFormatter):
    """Masks secrets in the structured record right before it is serialized."""

    def serialize(self, log: dict[str, Any]) -> str:  # type: ignore[override]
        return super().serialize(redact(log))


class RedactingFilter(logging.Filter):
    """For records from other libraries' loggers (botocore, httpx, ...)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not break logging
            message = str(record.msg)
        record.msg = redact_text(message)
        record.args = ()
        return True


# Handlers flush metrics every invocation; most invocations emit none, which is expected.
warnings.filterwarnings("ignore", message="No application metrics to publish")

logger = Logger(logger_formatter=RedactingFormatter())
tracer = Tracer()
metrics = Metrics()

_root_filter = RedactingFilter()
for _handler in logging.getLogger().handlers:
    _handler.addFilter(_root_filter)
logging.getLogger().addFilter(_root_filter)
