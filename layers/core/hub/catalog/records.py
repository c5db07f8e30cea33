"""Provider records as the other areas read them (integrations, inbound webhooks, cascades).

Kept apart from hub/catalog/service.py so that a tenant's handler importing these rules does not
define the catalog's request and answer models (hub/catalog/models.py) at its cold start
(bench/imports.py)."""

from __future__ import annotations

from typing import Any

from hub.catalog.client_secrets import delete_client_secret
from hub.catalog.repository import ProviderRepository, strip_keys
from hub.errors import ProviderNotFound
from hub.request import record_change

# a provider id, as a path segment and in a template's file name
SLUG = r"^[a-z0-9][a-z0-9-]{1,62}$"
# statuses in which tenants see a provider of audience "tenant" and may create integrations of it
VISIBLE_STATUSES = ("active", "beta")
# what provider lists may be sorted by
PROVIDER_SORT_FIELDS = ("name", "displayName", "category", "status", "createdAt", "updatedAt")


def get_provider_record(category: str, provider_id: str) -> dict[str, Any]:
    record = ProviderRepository().get_provider(provider_id)
    if record is None or record.get("category") != category:
        raise ProviderNotFound(details={"category": category, "id": provider_id})
    return strip_keys(record)


def is_visible_to_tenants(record: dict[str, Any]) -> bool:
    return record.get("audience") == "tenant" and record.get("status") in VISIBLE_STATUSES


def public_provider(record: dict[str, Any]) -> dict[str, Any]:
    """The provider as the API shows it: never the client secret, only whether one is set."""
    view = strip_keys(record)
    oauth = dict(view.get("oauthConfig") or {})
    oauth.pop("clientSecret", None)
    if oauth or view.get("authType", "").startswith("oauth2"):
        oauth["clientSecretConfigured"] = bool(record.get("clientSecretConfigured"))
        view["oauthConfig"] = oauth
    view.pop("clientSecretConfigured", None)
    return view


def audit_view(record: dict[str, Any]) -> dict[str, Any]:
    view = public_provider(record)
    view.pop("version", None)
    view.pop("updatedAt", None)
    return view


def remove_provider(record: dict[str, Any]) -> None:
    """Delete a provider record and its client secret. Its tenant integrations are the caller's
    business (`hub.cascades.delete_provider` disables them first)."""
    provider_id = record["id"]
    if record.get("clientSecretConfigured"):
        delete_client_secret(provider_id)
    ProviderRepository().delete_provider(provider_id)
    record_change("provider", provider_id, before=audit_view(record), action="provider.delete")
