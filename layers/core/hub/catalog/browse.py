"""The tenant catalog: the providers a tenant may use (audience "tenant", status active or beta),
without the platform's client configuration.

Apart from the provider administration (hub/catalog/service.py) so that the catalog handlers
tenants call import neither the administration models nor the provider templates
(bench/imports.py)."""

from __future__ import annotations

from typing import Any

from hub.catalog.entries import CatalogEntry, CatalogList
from hub.catalog.records import PROVIDER_SORT_FIELDS, is_visible_to_tenants, public_provider
from hub.catalog.repository import ProviderRepository
from hub.errors import ProviderNotFound
from hub.pagination import matches_search, paginate, sort_items


def _catalog_view(record: dict[str, Any]) -> dict[str, Any]:
    view = public_provider(record)
    view["beta"] = record.get("status") == "beta"
    view.pop("createdBy", None)
    oauth = view.get("oauthConfig")
    if oauth:  # a tenant sees scopes, not the platform's client configuration
        view["oauthConfig"] = {"scopes": oauth.get("scopes", [])}
    return view


def list_catalog(params: Any) -> CatalogList:
    items = [
        p for p in ProviderRepository().list_providers()
        if is_visible_to_tenants(p)
        and (not params.category or p.get("category") == params.category)
        and matches_search(p, params.search, ("name", "displayName", "description", "provider"))
    ]
    ordered = sort_items(items, params.sortBy, params.sortOrder, PROVIDER_SORT_FIELDS, "displayName")
    return CatalogList.model_validate(paginate(ordered, params, key="providers", transform=_catalog_view))


def get_catalog_provider(category: str, provider_id: str) -> CatalogEntry:
    record = ProviderRepository().get_provider(provider_id)
    if record is None or record.get("category") != category or not is_visible_to_tenants(record):
        raise ProviderNotFound(details={"category": category, "id": provider_id})
    return CatalogEntry.model_validate(_catalog_view(record))
