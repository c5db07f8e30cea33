"""Which integration, which provider spec and which connection record a caller may act on.

Every entry point starts here: the integration comes from the caller's own tenant (a foreign id
is simply not found), user endpoints see only user-scoped integrations, and a connect needs an
enabled integration whose provider is usable and whose auth mode matches the endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.connections.record import ConnectionRecord, is_live
from hub.connections.repository import ConnectionRepository
from hub.errors import ConnectionNotFound, IntegrationNotFound, TokenExpired
from hub.integrations.records import get_integration
from hub.integrations.repository import IntegrationRepository
from hub.principal import Principal


def expired_error(message: str | None = None) -> TokenExpired:
    # 400, not TokenExpired's default 401: the caller's own token is fine, the provider's is not
    return TokenExpired(message, status_code=400)


def get_connection_record(tenant_id: str, integration_id: str, user_id: str | None = None) -> ConnectionRecord:
    record = ConnectionRepository().get_connection(tenant_id, integration_id, user_id)
    if record is None:
        raise ConnectionNotFound(details={"integrationId": integration_id})
    return record


def live_record(tenant_id: str, integration_id: str, user_id: str | None = None) -> ConnectionRecord:
    """The connection, which must not be disconnected and must have its secret."""
    record = get_connection_record(tenant_id, integration_id, user_id)
    if record.get("status") == "disconnected" or not record.get("secretStored"):
        raise ConnectionNotFound("The integration is not connected", details={"integrationId": integration_id})
    return record


def require_usable(record: Mapping[str, Any]) -> None:
    """A connection whose credentials may be used now (expired: reconnect first)."""
    if record.get("status") == "expired":
        raise expired_error()
    if not is_live(record):
        raise ConnectionNotFound("The integration is not connected",
                                 details={"integrationId": record.get("integrationId")})


def integration_for(principal: Principal, integration_id: str, *, user_scoped: bool, cached: bool = False
                    ) -> dict[str, Any]:
    """The caller's integration. User endpoints only see user-scoped integrations. `cached`: as
    this warm container last read it (hub/cache.py), for reads of a connection that then read
    the connection record itself (a deleted integration's connections are deleted with it)."""
    if cached:
        found = IntegrationRepository().cached_integration(principal.tenant_id, integration_id)
        if found is None:
            raise IntegrationNotFound(details={"id": integration_id})
        integration = found
    else:
        integration = get_integration(principal.tenant_id, integration_id)
    if user_scoped and not integration.get("userScoped"):
        raise IntegrationNotFound(details={"id": integration_id})
    return integration
