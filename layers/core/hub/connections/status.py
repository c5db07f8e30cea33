"""GET .../connection: a connection's status as its page shows it.

Apart from the operations that call the provider (hub/connections/operations.py: test, refresh)
so that this handler does not import the refresh and provider-call core at its cold start
(bench/imports.py)."""

from __future__ import annotations

from typing import Any

from hub.connections.access import integration_for
from hub.connections.credentials import generated_values
from hub.connections.record import connection_view, not_connected_view
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import ProviderSpec, provider_spec_for
from hub.errors import HubError
from hub.observability import logger
from hub.principal import Principal


def get_connection_status(principal: Principal, integration_id: str, *, user_scoped: bool = False) -> dict[str, Any]:
    integration = integration_for(principal, integration_id, user_scoped=user_scoped, cached=True)
    user_id = principal.user_id if user_scoped else None
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id, user_id)
    spec: ProviderSpec | None = None
    try:
        spec = provider_spec_for(integration)
    except HubError:
        logger.warning("provider spec unavailable", extra={"integrationId": integration_id})
    view = connection_view(record) if record is not None else not_connected_view(
        integration, spec.auth_mode if spec else None)
    if spec is not None and not user_scoped and any(f.generated for f in spec.credential_fields):
        # what the tenant must copy into the provider before connecting (the AWS ExternalId)
        view["setup"] = generated_values(spec, principal.tenant_id)
    return view
