"""Integration instances: `TENANT#{t}` / `INTEGRATION#{id}`, a uniqueness guard
`TENANT#{t}` / `INTEGRATION_PROVIDER#{providerId}` written in the same transaction, and GSI1
`PROVIDER_USAGE#{providerId}` so a provider's users can be found without a Scan.

`cached_integration` keeps an integration per warm container for `settings.catalog_cache_seconds`
(hub/cache.py) for the hot paths that only need what rarely changes (its provider, scope and
account settings: a refresh, reading a connection's status). This repository's writes drop the
entry in this container; other containers see an edit within that time."""

from __future__ import annotations

import copy
from typing import Any

from hub.cache import TtlCache, catalog_seconds
from hub.repository import ConditionFailed, Repository
from hub.table import GSI1, GSI1_PK, GSI1_SK, tenant_pk

_HIDDEN = {"pk", "sk", GSI1_PK, GSI1_SK, "gsi2pk", "gsi2sk", "entity", "ttl"}
# What a search reads of each of the tenant's integrations, and nothing more: who takes part
# (hub/search/service.py, hub/search/access.py), the provider's spec (`connectionConfig`,
# hub/connections/spec.py) and the quota budget (`providerQuota`, hub/proxy/budget.py).
SEARCH_ATTRIBUTES = ("id", "providerId", "name", "enabled", "status", "searchEnabled", "userScoped",
                     "connectionConfig", "providerQuota")
_cached: TtlCache[dict[str, Any] | None] = TtlCache(catalog_seconds, 512)


def integration_sk(integration_id: str) -> str:
    return f"INTEGRATION#{integration_id}"


def guard_sk(provider_id: str) -> str:
    return f"INTEGRATION_PROVIDER#{provider_id}"


def usage_pk(provider_id: str) -> str:
    return f"PROVIDER_USAGE#{provider_id}"


def strip(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in _HIDDEN}


class IntegrationRepository(Repository):
    def _item(self, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "pk": tenant_pk(record["tenantId"]),
            "sk": integration_sk(record["id"]),
            GSI1_PK: usage_pk(record["providerId"]),
            GSI1_SK: f"TENANT#{record['tenantId']}#{record['id']}",
            "entity": "integration",
            **record,
        }

    def create_integration(self, record: dict[str, Any]) -> bool:
        """False when the tenant already has an instance of this provider."""
        guard = {
            "pk": tenant_pk(record["tenantId"]),
            "sk": guard_sk(record["providerId"]),
            "entity": "integration-guard",
            "integrationId": record["id"],
        }
        try:
            self.transact([
                {"put": self._item(record), "condition": "attribute_not_exists(pk)"},
                {"put": guard, "condition": "attribute_not_exists(pk)"},
            ])
        except ConditionFailed:
            return False
        return True

    def get_integration(self, tenant_id: str, integration_id: str) -> dict[str, Any] | None:
        item = self.get(tenant_pk(tenant_id), integration_sk(integration_id))
        return strip(item) if item else None

    def cached_integration(self, tenant_id: str, integration_id: str) -> dict[str, Any] | None:
        """The integration, read at most once per cache period (keyed by tenant: a foreign id is
        never found)."""
        record = _cached.get((tenant_id, integration_id), lambda: self.get_integration(tenant_id, integration_id))
        return copy.deepcopy(record) if record is not None else None

    def save_integration(self, record: dict[str, Any], expected_version: int) -> dict[str, Any]:
        _cached.discard((record["tenantId"], record["id"]))
        return strip(self.put_versioned(self._item(record), expected_version))

    def update_fields(self, tenant_id: str, integration_id: str, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Unconditional field update (status bookkeeping by connections and jobs); bumps version."""
        _cached.discard((tenant_id, integration_id))
        try:
            item = self.update(tenant_pk(tenant_id), integration_sk(integration_id), set_fields=fields,
                               add_fields={"version": 1}, condition="attribute_exists(pk)")
        except ConditionFailed:
            return None
        return strip(item) if item else None

    def delete_integration(self, record: dict[str, Any]) -> None:
        _cached.discard((record["tenantId"], record["id"]))
        self.transact([
            {"delete": (tenant_pk(record["tenantId"]), integration_sk(record["id"]))},
            {"delete": (tenant_pk(record["tenantId"]), guard_sk(record["providerId"]))},
        ])

    def list_integrations(self, tenant_id: str) -> list[dict[str, Any]]:
        return [strip(i) for i in self.query_all(tenant_pk(tenant_id), sk_prefix="INTEGRATION#")]

    def list_for_search(self, tenant_id: str) -> list[dict[str, Any]]:
        """The tenant's integrations with only SEARCH_ATTRIBUTES: a search over eight reads and
        sends a fraction of their whole records."""
        return self.query_all(tenant_pk(tenant_id), sk_prefix="INTEGRATION#", projection=SEARCH_ATTRIBUTES)

    def list_by_provider(self, provider_id: str) -> list[dict[str, Any]]:
        return [strip(i) for i in self.query_all(usage_pk(provider_id), index=GSI1)]
