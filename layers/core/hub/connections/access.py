"""Which integration, which provider spec and which connection record a caller may act on.

Every entry point starts here: the integration comes from the caller's own tenant (a foreign id
is simply not found), user endpoints see only user-scoped integrations, and a connect needs an
enabled integration whose provider is usable and whose auth mode matches the endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.connections.record import ENDPOINT_MODES, MODE_ENDPOINTS, ConnectionRecord, is_live
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import ProviderSpec, provider_spec_for
from hub.errors import ConnectionNotFound, IntegrationNotFound, TokenExpired, ValidationError
from hub.integrations.records import get_integration
from hub.integrations.repository import IntegrationRepository
from hub.principal import Principal

_USABLE_PROVIDER_STATUSES = ("active", "beta")


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


def spec_of(record: Mapping[str, Any]) -> tuple[dict[str, Any], ProviderSpec]:
    """The integration and provider spec of a stored connection."""
    integration = get_integration(str(record["tenantId"]), str(record["integrationId"]))
    return integration, provider_spec_for(integration)


def connectable_spec(integration: Mapping[str, Any], *, user_scoped: bool) -> ProviderSpec:
    """The provider spec of an integration that may be connected now (enabled, provider usable,
    the right scope)."""
    if user_scoped and not integration.get("userScoped"):
        raise IntegrationNotFound(details={"id": integration["id"]})
    if integration.get("userScoped") and not user_scoped:
        raise ValidationError(
            "This integration is user-scoped: each user connects it through /api/user/integrations/{id}/connect/oauth",
            code="USER_SCOPED_INTEGRATION", details={"integrationId": integration["id"]},
        )
    if integration.get("status") == "disabled" or integration.get("enabled") is False:
        raise ValidationError("This integration is disabled; activate it first", code="INTEGRATION_DISABLED",
                              details={"integrationId": integration["id"]})
    spec = provider_spec_for(integration)
    if spec.provider.get("status") not in _USABLE_PROVIDER_STATUSES:
        raise ValidationError("The provider of this integration is not available", code="PROVIDER_DISABLED",
                              details={"providerId": spec.provider_id})
    return spec


def require_mode(spec: ProviderSpec, endpoint: str) -> None:
    if spec.auth_mode not in ENDPOINT_MODES.get(endpoint, ()):
        raise ValidationError(
            f"This integration authenticates with {spec.auth_mode or 'an unknown method'}; use "
            f"{MODE_ENDPOINTS.get(spec.auth_mode, 'another connect endpoint')}",
            code="AUTH_TYPE_MISMATCH",
            details={"authType": spec.auth_mode, "endpoint": MODE_ENDPOINTS.get(spec.auth_mode)},
        )
