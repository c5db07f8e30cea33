"""Shared fixtures: a clean environment, in-process moto with the hub's resources, an API client."""

from __future__ import annotations

import os

# The environment is set before anything imports the hub (settings are read lazily, but
# Powertools reads its own variables at import time).
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "POWERTOOLS_SERVICE_NAME": "integration-hub",
        "POWERTOOLS_METRICS_NAMESPACE": "IntegrationHub",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_IDEMPOTENCY_DISABLED": "false",
        "HUB_STAGE": "test",
        "HUB_ALLOWED_RETURN_ORIGINS": "https://app.example.com,http://127.0.0.1:3000",
        "HUB_ALLOW_HTTP_LOOPBACK": "true",
    }
)
os.environ.pop("HUB_AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_ENDPOINT_URL", None)

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from moto import mock_aws  # noqa: E402

from hub import aws, clock  # noqa: E402
from hub.redaction import forget_secrets  # noqa: E402
from hub.settings import reset_settings  # noqa: E402
from local.resources import LocalResources, create_resources  # noqa: E402
from tests.support.api import ApiClient  # noqa: E402


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalResources]:
    """Given the hub's table, key, bus and queues in in-process moto."""
    with mock_aws():
        aws.reset_clients()
        reset_settings()
        resources = create_resources()
        for name, value in resources.environment().items():
            monkeypatch.setenv(name, value)
        reset_settings()
        yield resources
        aws.reset_clients()
    reset_settings()
    clock.reset()
    forget_secrets()


@pytest.fixture
def api(aws_env: LocalResources) -> ApiClient:
    return ApiClient()
