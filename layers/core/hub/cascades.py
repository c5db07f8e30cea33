"""Deletions that reach across areas, orchestrated above them so that no area imports the one
above it: the catalog does not know tenant integrations, integrations do not know connections.

- provider delete → its tenant integrations are disabled (409 PROVIDER_IN_USE without force);
- integration delete → its connections are revoked at the provider, their secrets deleted and
  their records removed, then the integration goes.
"""

from pydantic import BaseModel, ConfigDict

from hub.catalog.records import get_provider_record, remove_provider
from hub.connections.disconnect import remove_connections_of
from hub.errors import Conflict
from hub.integrations.records import get_integration
from hub.integrations.service import disable_instances_of_provider, instances_of_provider, remove_integration
from hub.request import record_change


# the query of DELETE /api/admin/integrations/{category}/{id}: here, not with the catalog's
# models, which that handler would otherwise define at its cold start (bench/imports.py)
class ProviderDeleteParams(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    force: bool = False


def delete_provider(category: str, provider_id: str, *, force: bool) -> None:
    record = get_provider_record(category, provider_id)
    in_use = instances_of_provider(provider_id)
    if in_use and not force:
        raise Conflict(
            "Tenant integrations still use this provider; disable them or delete with force=true",
            code="PROVIDER_IN_USE",
            details={"providerId": provider_id, "instances": len(in_use)},
        )
    if in_use:
        disable_instances_of_provider(provider_id, reason="provider deleted")
    remove_provider(record)


def delete_integration(tenant_id: str, integration_id: str) -> None:
    record = get_integration(tenant_id, integration_id)
    # revoke at the provider and delete the secrets first; then the records go
    removed = remove_connections_of(tenant_id, integration_id)
    remove_integration(record)
    if removed:
        record_change("connection", integration_id, before={"connections": removed}, action="integration.delete")
