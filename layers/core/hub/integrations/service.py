"""Tenant integration instances: create (one per provider per tenant), list, get, update,
delete (with its connections and secrets), activate and deactivate."""

from __future__ import annotations

import re
from typing import Any

from hub import clock
from hub.catalog.records import is_visible_to_tenants
from hub.catalog.repository import ProviderRepository
from hub.errors import IntegrationExists, ProviderNotFound, ValidationError
from hub.ids import new_id
from hub.integrations.models import IntegrationCreate, IntegrationListParams, IntegrationUpdate
from hub.integrations.records import get_integration
from hub.integrations.repository import IntegrationRepository
from hub.pagination import matches_search, paginate, sort_items
from hub.principal import Principal
from hub.providers.templates import _SAFE_VALUE, get_template
from hub.request import record_change
from hub.versioning import save_audited

SORT_FIELDS = ("name", "providerName", "status", "createdAt", "updatedAt")
USABLE_PROVIDER_STATUSES = ("active", "beta")


def _audit_view(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("version", "updatedAt")}


def check_connection_config(provider: dict[str, Any], config: dict[str, str] | None) -> dict[str, str] | None:
    """Validate a tenant's account settings when they are written, not first when they are used:
    names the provider's template declares, values that are safe URL labels, and nothing the super
    admin pinned at provider level."""
    if config is None:
        return None

    pinned = sorted(set(config) & set(provider.get("connectionConfig") or {}))
    if pinned:
        raise ValidationError("These connection settings are fixed by the platform",
                              details={"field": "connectionConfig", "fields": pinned})
    template = get_template(provider.get("templateId") or "") if provider.get("templateId") else None
    known = {f.name: f for f in template.connection_config} if template else None
    for name, value in config.items():
        if known is not None and name not in known:
            raise ValidationError("Unknown connection setting", details={"field": f"connectionConfig.{name}",
                                                                         "allowed": sorted(known)})
        pattern = known[name].pattern if known is not None else None
        if not isinstance(value, str) or not _SAFE_VALUE.fullmatch(value.strip()) or (
            pattern and not re.fullmatch(pattern, value.strip())
        ):
            raise ValidationError("Invalid connection setting", details={"field": f"connectionConfig.{name}"})
    return {name: value.strip() for name, value in config.items()}


def _check_user_scoping(provider: dict[str, Any], user_scoped: bool | None) -> None:
    if user_scoped is False and provider.get("requiresUserScoping"):
        raise ValidationError("This provider connects per user; userScoped cannot be false",
                              details={"field": "userScoped"})


def create_integration(principal: Principal, body: IntegrationCreate) -> dict[str, Any]:
    provider_id = body.provider_ref
    provider = ProviderRepository().get_provider(provider_id)
    # a provider a tenant cannot see does not exist for it
    if provider is None or provider.get("audience") != "tenant":
        raise ProviderNotFound(details={"providerId": provider_id})
    if provider.get("status") not in USABLE_PROVIDER_STATUSES:
        raise ValidationError(
            "This provider is not available for new integrations",
            code="PROVIDER_DISABLED",
            details={"providerId": provider_id, "status": provider.get("status")},
        )
    fields = body.model_dump(mode="json", exclude_unset=True, exclude={"integrationId", "providerId"})
    _check_user_scoping(provider, body.userScoped)
    if "connectionConfig" in fields:
        fields["connectionConfig"] = check_connection_config(provider, fields["connectionConfig"])
    if body.userScoped is None and provider.get("requiresUserScoping"):
        fields["userScoped"] = True
    now = clock.iso()
    record = {
        **fields,
        "id": new_id("int"),
        "tenantId": principal.tenant_id,
        "providerId": provider_id,
        "providerName": provider.get("provider", provider_id),
        "providerDisplayName": provider.get("displayName"),
        "category": provider.get("category"),
        "authType": provider.get("authType"),
        "status": "pending",
        "enabled": True,
        "userScoped": fields.get("userScoped", False),
        "searchEnabled": fields.get("searchEnabled", bool(provider.get("supportsSearch"))),
        "createdAt": now,
        "updatedAt": now,
        "createdBy": principal.user_id,
        "version": 1,
    }
    if not IntegrationRepository().create_integration(record):
        raise IntegrationExists(details={"tenantId": principal.tenant_id, "providerId": provider_id})
    record_change("integration", record["id"], after=_audit_view(record), action="integration.create")
    return record


def list_integrations(tenant_id: str, params: IntegrationListParams) -> dict[str, Any]:
    items = [
        i for i in IntegrationRepository().list_integrations(tenant_id)
        if (not params.status or i.get("status") == params.status)
        and (not params.providerName or params.providerName.lower() in (i.get("providerName") or "").lower())
        and matches_search(i, params.search, ("name", "description", "providerName", "providerDisplayName"))
    ]
    ordered = sort_items(items, params.sortBy, params.sortOrder, SORT_FIELDS, "name")
    return paginate(ordered, params, key="integrations")


def _save(before: dict[str, Any], changes: dict[str, Any], action: str,
          expected_version: int | None = None) -> dict[str, Any]:
    return save_audited(before, changes, action=action, target_type="integration",
                        expected_version=expected_version, persist=IntegrationRepository().save_integration,
                        audit_view=_audit_view)


def update_integration(tenant_id: str, integration_id: str, body: IntegrationUpdate) -> dict[str, Any]:
    before = get_integration(tenant_id, integration_id)
    fields = body.model_dump(mode="json", exclude_unset=True)
    expected_version = fields.pop("expectedVersion", None)
    if not fields:
        raise ValidationError("Nothing to update", details={"body": "empty"})
    if "metadata" in fields:
        fields["metadata"] = {**(before.get("metadata") or {}), **(fields["metadata"] or {})}
    if "userScoped" in fields or "connectionConfig" in fields:
        provider = ProviderRepository().get_provider(before["providerId"]) or {}
        _check_user_scoping(provider, fields.get("userScoped"))
        if "connectionConfig" in fields:
            fields["connectionConfig"] = check_connection_config(provider, fields["connectionConfig"])
    return _save(before, fields, "integration.update", expected_version)


def remove_integration(record: dict[str, Any]) -> None:
    """Delete the integration record. Its connections are the caller's business
    (`hub.cascades.delete_integration` revokes and removes them first)."""
    IntegrationRepository().delete_integration(record)
    record_change("integration", record["id"], before=_audit_view(record), action="integration.delete")


def activate_integration(principal: Principal, integration_id: str) -> dict[str, Any]:
    before = get_integration(principal.tenant_id, integration_id)
    provider = ProviderRepository().get_provider(before["providerId"])
    if provider is None or not is_visible_to_tenants(provider):
        raise ValidationError("The provider of this integration is not available",
                              code="PROVIDER_DISABLED", details={"providerId": before["providerId"]})
    connected = before.get("connectionStatus") == "active"
    now = clock.iso()
    saved = _save(before, {"enabled": True, "status": "connected" if connected else "pending",
                           "enabledAt": now, "enabledBy": principal.user_id}, "integration.activate")
    return {"id": saved["id"], "status": saved["status"], "enabledAt": saved["enabledAt"],
            "enabledBy": saved["enabledBy"]}


def deactivate_integration(principal: Principal, integration_id: str) -> dict[str, Any]:
    before = get_integration(principal.tenant_id, integration_id)
    saved = _save(before, {"enabled": False, "status": "disabled", "disabledAt": clock.iso(),
                           "disabledBy": principal.user_id}, "integration.deactivate")
    return {"id": saved["id"], "status": saved["status"], "updatedAt": saved["updatedAt"]}


def instances_of_provider(provider_id: str) -> list[dict[str, Any]]:
    return IntegrationRepository().list_by_provider(provider_id)


def disable_instances_of_provider(provider_id: str, *, reason: str) -> int:
    repository = IntegrationRepository()
    count = 0
    for record in repository.list_by_provider(provider_id):
        if record.get("status") != "disabled":
            repository.update_fields(record["tenantId"], record["id"],
                                     {"status": "disabled", "enabled": False, "disabledReason": reason,
                                      "updatedAt": clock.iso()})
            count += 1
    return count

