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
        # loopback receivers listen on ephemeral ports; deployments keep 443 and 8443
        "HUB_WEBHOOK_ALLOWED_PORTS": "443,8443,1024-65535",
    }
)
os.environ.pop("HUB_AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_ENDPOINT_URL", None)

from collections.abc import Iterator
from typing import Any

import pytest
from moto import mock_aws

from hub import aws, clock
from hub.cache import clear_caches
from hub.proxy.core import forget_cached
from hub.redaction import forget_secrets
from hub.settings import reset_settings
from local.iam_recorder import install_from_environment as install_iam_recorder
from local.moto_atomic import make_moto_atomic
from local.resources import LocalResources, create_resources
from tests.support.api import ApiClient

make_moto_atomic()
install_iam_recorder()  # only with HUB_IAM_AUDIT_DIR set (`make test`): records calls per handler


@pytest.fixture(autouse=True)
def published_events_match_the_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every event any test makes the hub publish is validated against the JSON schema the
    event-type catalog publishes for its type (hub/webhooks/event_types.py). Producers swallow
    publishing errors (the change stands), so mismatches are collected and fail the test at its end."""
    from hub.events import EventPublisher
    from hub.webhooks.event_types import validate_detail

    real = EventPublisher.publish_many
    mismatches: list[str] = []

    def checked(self: EventPublisher, events: Any) -> Any:
        details = real(self, events)
        for detail in details:
            try:
                validate_detail(detail.model_dump(exclude_none=True, mode="json"))
            except ValueError as error:
                mismatches.append(str(error))
        return details

    monkeypatch.setattr(EventPublisher, "publish_many", checked)
    yield
    assert not mismatches, f"published events that do not match the event-type catalog: {mismatches}"


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalResources]:
    """Given the hub's table, key, bus and queues in in-process moto, and the hub's clock frozen:
    time moves only when a test calls `clock.advance`, however slow the machine is. Nothing a warm
    container caches (hub/cache.py) survives from the last test's AWS."""
    clock.freeze()
    clear_caches()
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
    clear_caches()
    forget_cached()  # what a warm function reuses between provider calls (hub/proxy/core.py)


@pytest.fixture(params=["secretsmanager", "table"])
def vault_backend(request: pytest.FixtureRequest, aws_env: LocalResources,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Given the deployment's vault backend (a module opts in with
    `pytestmark = pytest.mark.usefixtures("vault_backend")` and runs once per backend)."""
    from hub.vault import set_vault

    monkeypatch.setenv("HUB_VAULT_BACKEND", request.param)
    reset_settings()
    set_vault(None)
    yield str(request.param)
    set_vault(None)


@pytest.fixture
def api(aws_env: LocalResources) -> ApiClient:
    return ApiClient()


@pytest.fixture
def probe_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The route table plus a probe handler that exercises the whole request pipeline."""
    from hub.http import routing
    from tests.support import probe_handler

    table = {**routing.route_table(), **{r.key: r for r in probe_handler.ROUTES}}
    monkeypatch.setattr(routing, "route_table", lambda: table)
    probe_handler.CREATED.clear()
