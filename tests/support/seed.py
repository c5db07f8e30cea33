"""Seed integration instances and connection records straight into the table (for job tests
that are not about how connections are made)."""

from __future__ import annotations

from typing import Any

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.integrations.repository import IntegrationRepository


def integration(tenant: str, integration_id: str, provider: str = "sandbox", **fields: Any) -> dict[str, Any]:
    now = clock.iso()
    record = {"id": integration_id, "tenantId": tenant, "providerId": provider, "providerName": provider,
              "name": f"{provider} {integration_id}", "status": "connected", "enabled": True, "userScoped": False,
              "createdAt": now, "updatedAt": now, "version": 1, **fields}
    assert IntegrationRepository().create_integration(record)
    return record


def connection(tenant: str, integration_id: str, user: str | None = None, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"tenantId": tenant, "integrationId": integration_id, "providerId": "sandbox",
                              "connectionId": f"con_{integration_id}_{user or 'tenant'}", "status": "active",
                              "createdAt": clock.iso(), **fields}
    if user:
        record["userId"] = user
    return ConnectionRepository().create_connection(record)
