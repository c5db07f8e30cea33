"""The environment every bench runs in: fake AWS credentials, in-process moto, quiet logs."""

from __future__ import annotations

import os

BENCH_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "POWERTOOLS_SERVICE_NAME": "integration-hub",
    "POWERTOOLS_METRICS_NAMESPACE": "IntegrationHub",
    "POWERTOOLS_METRICS_DISABLED": "true",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
    "HUB_STAGE": "bench",
    "HUB_ALLOW_HTTP_LOOPBACK": "true",
    "HUB_WEBHOOK_ALLOWED_PORTS": "443,8443,1024-65535",
}


def prepare() -> None:
    """Call before importing the hub (Powertools reads its variables at import time)."""
    os.environ.update(BENCH_ENVIRONMENT)
    for name in ("HUB_AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL"):
        os.environ.pop(name, None)
