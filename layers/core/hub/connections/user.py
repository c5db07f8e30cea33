"""A user's own connections to the tenant's user-scoped integrations."""

from __future__ import annotations

from typing import Any

from hub.connections.access import integration_for
from hub.connections.record import user_connection_view
from hub.connections.repository import ConnectionRepository
from hub.integrations.repository import IntegrationRepository
from hub.pagination import paginate, sort_items
from hub.principal import Principal


def get_user_connection(principal: Principal, integration_id: str) -> dict[str, Any]:
    integration_for(principal, integration_id, user_scoped=True, cached=True)
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id, principal.user_id)
    return {"integrationId": integration_id, **user_connection_view(record)}


def list_user_integrations(principal: Principal, params: Any) -> dict[str, Any]:
    """The user-scoped integrations of the caller's tenant, each with the caller's own connection."""
    mine = {c["integrationId"]: c for c in ConnectionRepository().list_for_user(principal.tenant_id, principal.user_id)}
    items = []
    for integration in IntegrationRepository().list_integrations(principal.tenant_id):
        if not integration.get("userScoped") or integration.get("status") == "disabled":
            continue
        connection = user_connection_view(mine.get(integration["id"]))
        if getattr(params, "connected", None) is not None and connection["connected"] != params.connected:
            continue
        items.append({
            "integrationId": integration["id"],
            "name": integration.get("name"),
            "providerId": integration.get("providerId"),
            "providerName": integration.get("providerName"),
            "providerDisplayName": integration.get("providerDisplayName"),
            "category": integration.get("category"),
            "authType": integration.get("authType"),
            "connected": connection["connected"],
            "connection": connection,
        })
    ordered = sort_items(items, params.sortBy, params.sortOrder, ("name", "providerName", "category"), "name")
    return paginate(ordered, params, key="integrations")
