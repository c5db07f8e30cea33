"""What the health and sync endpoints answer (hub/jobs/health.py, hub/jobs/sync.py)."""

from typing import Any

from pydantic import Field

from hub.answer import Answer
from hub.pagination import Page


class ConnectionCounts(Answer):
    """A user-scoped integration's connections by health status."""

    total: int
    active: int
    error: int
    expired: int
    pending: int


class IntegrationHealth(Answer):
    integrationId: str
    name: str | None = None
    providerId: str | None = None
    providerName: str | None = None
    status: str = Field(description="active, inactive, error, pending or expired")
    healthy: bool
    lastCheckedAt: str | None = None
    responseTime: int | None = Field(default=None, description="Milliseconds the last check took")
    consecutiveFailures: int
    lastError: str | None = None
    userScoped: bool
    connections: ConnectionCounts | None = Field(default=None, description="User-scoped integrations only")


class HealthSummary(Answer):
    total: int
    healthy: int
    active: int
    inactive: int
    error: int
    pending: int
    expired: int


class HealthList(Page):
    integrations: list[IntegrationHealth]
    summary: HealthSummary
    checkedAt: str


class HealthCheck(Answer):
    id: str
    tenantId: str
    integrationId: str
    userId: str | None = None
    connectionId: str | None = None
    status: str = Field(description="healthy, unhealthy or unverified")
    responseTime: int | None = None
    statusCode: int | None = None
    error: str | None = None
    message: str | None = None
    checkedAt: str


class IntegrationHealthHistory(IntegrationHealth, Page):
    """The integration's health, its latest check and a page of its check history."""

    latest: HealthCheck | None = Field(description="The newest check, whatever the status filter")
    history: list[HealthCheck]


class SyncLog(Answer):
    id: str
    tenantId: str
    integrationId: str
    providerId: str | None = None
    userId: str | None = None
    connectionId: str | None = None
    direction: str
    trigger: str
    action: str | None = None
    resourceType: str | None = None
    status: str = Field(description="running, success, partial or failed")
    itemsProcessed: int
    itemsFailed: int
    startedAt: str
    completedAt: str | None = None
    durationMs: int | None = None
    error: str | None = None
    actor: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class SyncLogList(Page):
    syncLogs: list[SyncLog]
