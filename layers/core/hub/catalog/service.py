"""Provider administration (super admin); the tenant catalog is in hub/catalog/browse.py.

A provider is what a super admin configures once for the whole platform: which provider, its
OAuth client (the secret goes to the vault), who may see it (`audience`) and whether it is
usable (`status`). It may start from a built-in template; the template supplies endpoints and
rules, the provider record holds the overrides.
"""

from __future__ import annotations

import time
from typing import Any

from hub import clock
from hub.catalog.client_secrets import delete_client_secret, store_client_secret
from hub.catalog.models import (
    ProviderAudienceView,
    ProviderCreate,
    ProviderList,
    ProviderListParams,
    ProviderStatusView,
    ProviderTestResult,
    ProviderUpdate,
    ProviderView,
    TemplateList,
    dump_set_fields,
)
from hub.catalog.probe import probe_provider
from hub.catalog.records import (
    PROVIDER_SORT_FIELDS,
    audit_view,
    get_provider_record,
    public_provider,
)
from hub.catalog.repository import ProviderRepository
from hub.connections.spec import effective_definition
from hub.errors import Conflict, ValidationError
from hub.observability import logger
from hub.pagination import ListParams, matches_search, paginate, sort_items
from hub.principal import Principal
from hub.providers import templates
from hub.request import record_change
from hub.versioning import require_version, save_audited


def _templates() -> Any:
    return templates


def _defaults_from_template(template_id: str) -> dict[str, Any]:
    template = _templates().get_template(template_id)
    if template is None:
        raise ValidationError("Unknown template", details={"field": "templateId", "templateId": template_id})
    spec = template.model_dump(by_alias=True, exclude_none=True, mode="json")
    capabilities = spec.get("capabilities") or {}
    entities = list(capabilities.get("dataEntities") or [])
    supports_search = bool(capabilities.get("search"))
    auth_mode = spec["authMode"]
    defaults: dict[str, Any] = {
        "name": spec["name"],
        "displayName": spec.get("displayName") or spec["name"],
        "description": spec.get("description"),
        "category": spec["category"],
        "authType": auth_mode,
        "icon": spec.get("logoUrl"),
        "supportsSearch": supports_search,
        "supportsWebhooks": bool(capabilities.get("webhooks")),
        "searchableEntities": entities if supports_search else [],
        "availableEntities": [{"name": e, "fields": [], "searchable": supports_search} for e in entities],
        "capabilities": [name for name in ("search", "webhooks", "publish", "sync") if capabilities.get(name)],
        "status": "beta" if spec.get("beta") else "active",
    }
    oauth = spec.get("oauth")
    if oauth:
        defaults["oauthConfig"] = {
            key: oauth[key]
            for key in ("authorizationUrl", "tokenUrl", "revocationUrl", "scopeSeparator", "pkce", "tokenClientAuth")
            if oauth.get(key) is not None
        }
        defaults["oauthConfig"]["scopes"] = list(oauth.get("defaultScopes") or [])
    return {k: v for k, v in defaults.items() if v is not None}


def _split_secret(fields: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    oauth = dict(fields.get("oauthConfig") or {})
    secret = oauth.pop("clientSecret", None)
    if "oauthConfig" in fields:
        fields = {**fields, "oauthConfig": oauth}
    return fields, secret


def create_provider(principal: Principal, body: ProviderCreate) -> ProviderView:
    fields, client_secret = _split_secret(dump_set_fields(body))
    provider_id = fields.pop("provider")
    template_id = fields.pop("templateId", None)
    record: dict[str, Any] = {}
    if template_id:
        record.update(_defaults_from_template(template_id))
        # an override merges into the template's OAuth settings rather than replacing them
        if "oauthConfig" in fields:
            fields["oauthConfig"] = {**record.get("oauthConfig", {}), **fields["oauthConfig"]}
    record.update(fields)
    missing = [f for f in ("name", "displayName", "category", "authType") if not record.get(f)]
    if missing:
        raise ValidationError("Missing required fields (or give a templateId)",
                              details=[{"field": f, "message": "Field required", "type": "missing"} for f in missing])
    _check_definition({**record, "id": provider_id, "templateId": template_id})
    now = clock.iso()
    record.update({
        "id": provider_id,
        "provider": provider_id,
        "templateId": template_id,
        "status": record.get("status", "active"),
        "audience": record.get("audience", "tenant"),
        "capabilities": record.get("capabilities", []),
        "supportedSyncDirections": record.get("supportedSyncDirections", ["pull"]),
        "supportsRealtime": record.get("supportsRealtime", False),
        "supportsWebhooks": record.get("supportsWebhooks", False),
        "supportsNotifications": record.get("supportsNotifications", False),
        "supportsSearch": record.get("supportsSearch", False),
        "requiresUserScoping": record.get("requiresUserScoping", False),
        "version": 1,
        "createdAt": now,
        "updatedAt": now,
        "createdBy": principal.user_id,
        "clientSecretConfigured": bool(client_secret),
    })
    repository = ProviderRepository()
    if repository.get_provider(provider_id) is not None:
        raise Conflict("A provider with this identifier already exists", code="PROVIDER_EXISTS",
                       details={"provider": provider_id})
    if client_secret:
        store_client_secret(provider_id, client_secret)
    try:
        created = repository.create_provider({k: v for k, v in record.items() if v is not None})
    except Exception:
        # no provider record means no one may keep its secret: undo, so a retry starts clean
        if client_secret:
            delete_client_secret(provider_id)
        raise
    if not created:
        raise Conflict("A provider with this identifier already exists", code="PROVIDER_EXISTS",
                       details={"provider": provider_id})
    record_change("provider", provider_id, after=audit_view(record), action="provider.create")
    return ProviderView.model_validate(public_provider(record))


def _check_definition(record: dict[str, Any]) -> None:
    """The record must make a valid definition (one schema with the templates) before it is
    saved: a 400 naming the fields, never a provider that fails later at connect time."""

    try:
        effective_definition(record)
    except ValidationError as error:
        raise ValidationError(error.message, details=error.details) from None


def get_provider(category: str, provider_id: str) -> ProviderView:
    return ProviderView.model_validate(public_provider(get_provider_record(category, provider_id)))


def list_providers(params: ProviderListParams) -> ProviderList:
    items = [
        p for p in ProviderRepository().list_providers()
        if (not params.category or p.get("category") == params.category)
        and (not params.status or p.get("status") == params.status)
        and (not params.audience or p.get("audience") == params.audience)
        and matches_search(p, params.search, ("name", "displayName", "description", "provider"))
    ]
    ordered = sort_items(items, params.sortBy, params.sortOrder, PROVIDER_SORT_FIELDS, "name")
    return ProviderList.model_validate(paginate(ordered, params, key="providers", transform=public_provider))


def _save(before: dict[str, Any], changes: dict[str, Any], action: str,
          expected_version: int | None = None) -> dict[str, Any]:
    return save_audited(before, changes, action=action, target_type="provider", expected_version=expected_version,
                        persist=ProviderRepository().save_provider, audit_view=audit_view)


def update_provider(category: str, provider_id: str, body: ProviderUpdate) -> ProviderView:
    before = get_provider_record(category, provider_id)
    fields, client_secret = _split_secret(dump_set_fields(body))
    expected_version = fields.pop("expectedVersion", None)
    if not fields and client_secret is None:
        raise ValidationError("Nothing to update", details={"body": "empty"})
    if "oauthConfig" in fields:
        fields["oauthConfig"] = {**(before.get("oauthConfig") or {}), **fields["oauthConfig"]}
    if "category" in fields and fields["category"] != category:
        # the category is part of the provider's address; moving it is allowed but explicit
        logger.info("provider category changed", extra={"provider": provider_id, "to": fields["category"]})
    _check_definition({**before, **fields})
    require_version(before, expected_version)  # before touching the vault: a 409 must change nothing
    if client_secret is not None:
        store_client_secret(provider_id, client_secret)
        fields["clientSecretConfigured"] = True
        fields["clientSecretUpdatedAt"] = clock.iso()
    return ProviderView.model_validate(public_provider(_save(before, fields, "provider.update", expected_version)))


def save_discovered(before: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Apply what a provider's metadata says now (hub.catalog.discovery), validated and audited."""
    _check_definition({**before, **changes})
    return _save(before, changes, "provider.rediscover")


def set_provider_status(category: str, provider_id: str, status: str) -> ProviderStatusView:
    saved = _save(get_provider_record(category, provider_id), {"status": status}, "provider.status")
    return ProviderStatusView(id=provider_id, status=saved["status"], updatedAt=saved["updatedAt"])


def set_provider_audience(category: str, provider_id: str, audience: str) -> ProviderAudienceView:
    saved = _save(get_provider_record(category, provider_id), {"audience": audience}, "provider.audience")
    return ProviderAudienceView(id=provider_id, audience=saved["audience"], updatedAt=saved["updatedAt"])


def test_provider(category: str, provider_id: str) -> ProviderTestResult:
    """Checks the system-level configuration as far as the provider allows (see hub.catalog.probe)."""

    record = get_provider_record(category, provider_id)
    started = time.perf_counter()
    success, message = probe_provider(record)
    return ProviderTestResult(
        success=success,
        message=message if success else None,
        error=None if success else message,
        testedAt=clock.iso(),
        responseTime=round((time.perf_counter() - started) * 1000),
    )


def list_templates(params: ListParams, category: str | None = None, search: str | None = None) -> TemplateList:
    templates = _templates()
    items = [templates.template_summary(t) for t in templates.load_templates().values()]
    items = [t for t in items if (not category or t.get("category") == category)
             and matches_search(t, search, ("id", "name", "displayName", "description"))]
    ordered = sort_items(items, params.sortBy or "id", params.sortOrder, ("id", "name", "category"), "id")
    return TemplateList.model_validate(paginate(ordered, params, key="templates"))
