"""A tenant's integration record as the other areas read it (connections, search, widgets,
webhooks, sessions).

Apart from hub/integrations/service.py so that their handlers do not define the integration
routes' request models (hub/integrations/models.py) at their cold start (bench/imports.py)."""

from __future__ import annotations

from typing import Any

from hub.errors import IntegrationNotFound
from hub.integrations.repository import IntegrationRepository


def get_integration(tenant_id: str, integration_id: str) -> dict[str, Any]:
    record = IntegrationRepository().get_integration(tenant_id, integration_id)
    if record is None:
        raise IntegrationNotFound(details={"id": integration_id})
    return record
