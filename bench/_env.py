"""The environment every bench runs in: fake AWS credentials, in-process moto, quiet logs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hub.settings import PROCESS_ENVIRONMENT

BENCH_ENVIRONMENT = {
    **PROCESS_ENVIRONMENT,  # what the deployed functions run with (hub/settings.py)
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


@contextmanager
def moto_server() -> Iterator[str]:
    """moto in its own process, as in the local stack (AWS's side of each call runs on the other
    core); the hub's clients go to it (HUB_AWS_ENDPOINT_URL) while the block runs."""
    from local.stack import free_port, wait_for_port

    port = free_port()
    moto = subprocess.Popen([sys.executable, "-m", "local.moto_server", str(port)],  # noqa: S603
                            cwd=Path(__file__).resolve().parent.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        os.environ["HUB_AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
        yield os.environ["HUB_AWS_ENDPOINT_URL"]
    finally:
        moto.terminate()
        moto.wait(10)
