"""How a caller reads provider data (shared by search and the widgets).

The caller reads through exactly one connection: the tenant's connection of the integration, or,
for a user-scoped integration, the caller's own connection (the user id comes from the token,
never from input, so nobody reads through another user's connection). The integration must be
enabled, its provider usable, and the connection active. The integration's provider
spec and the provider calls are in hub/search/calls.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.connections.record import effective_status
from hub.connections.repository import ConnectionRepository
from hub.errors import ConnectionNotFound, HubError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.principal import Principal

class IntegrationDisabled(HubError):
    status_code = 409
    code = "INTEGRATION_DISABLED"
    default_message = "The integration is disabled; activate it first"


def is_enabled(integration: Mapping[str, Any]) -> bool:
    return integration.get("enabled") is not False and integration.get("status") != "disabled"


def caller_user_id(principal: Principal, integration: Mapping[str, Any]) -> str | None:
    """Whose connection the caller reads: its own for user-scoped integrations, else the tenant's."""
    return principal.user_id if integration.get("userScoped") else None


def caller_connection(principal: Principal, integration: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return ConnectionRepository().get_connection(principal.tenant_id, str(integration["id"]),
                                                 caller_user_id(principal, integration))


def is_usable(record: Mapping[str, Any] | None) -> bool:
    return bool(record and record.get("secretStored") and effective_status(record) == "active")


def require_connection(principal: Principal, integration: Mapping[str, Any]) -> dict[str, Any]:
    """The caller's active connection of the integration, or CONNECTION_NOT_FOUND (404)."""
    return usable_connection(integration, caller_connection(principal, integration))


def usable_connection(integration: Mapping[str, Any], current: Mapping[str, Any] | None) -> dict[str, Any]:
    """`current` when it is an active connection of the integration, else CONNECTION_NOT_FOUND."""
    if current is None or not is_usable(current):
        message = ("You have not connected this integration (or your connection is not active)"
                   if integration.get("userScoped") else "The integration is not connected (or its connection is "
                                                         "not active)")
        raise ConnectionNotFound(message, details={"integrationId": integration["id"]})
    return dict(current)


def require_enabled(integration: Mapping[str, Any]) -> None:
    if not is_enabled(integration):
        raise IntegrationDisabled(details={"integrationId": integration["id"]})
