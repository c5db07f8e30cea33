"""Which provider spec an integration's connection is made or used with: the integration must
be enabled and the right scope, its provider usable, and the endpoint must match its auth mode.

Apart from hub/connections/access.py so that the handlers that only read connection records
(list, status, disconnect) do not define the provider templates' models (cold starts,
docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.connections.record import ENDPOINT_MODES, MODE_ENDPOINTS
from hub.connections.spec import ProviderSpec, provider_spec_for
from hub.errors import IntegrationNotFound, ValidationError
from hub.integrations.records import get_integration

_USABLE_PROVIDER_STATUSES = ("active", "beta")


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
