"""Widget data: GET /api/tenant/integrations/{id}/widgets/data, the provider's records through
the template's data (sync) request, which reads the template's first data entity; filters,
fields and limit apply to that page of records (hub/widgets/service.py has the rules every
widget shares). Apart from status and activity, which call no provider, so that their handlers do
not import the provider-call core at their cold start (bench/imports.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub import clock
from hub.errors import ValidationError
from hub.providers.templates import json_path_value
from hub.search.access import require_connection, require_enabled
from hub.search.calls import call_provider, provider_spec, records_at
from hub.search.mapping import scrub, values_equal
from hub.widgets.service import integration_of

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.principal import Principal
    from hub.widgets.models import DataParams


def _value_at(record: Mapping[str, Any], path: str) -> Any:
    return json_path_value(record, path)


def widget_data(principal: Principal, integration_id: str, params: DataParams) -> dict[str, Any]:
    integration = integration_of(principal, integration_id)
    spec = provider_spec(integration)
    template = spec.template
    entities = list(template.capabilities.data_entities) if template is not None else []
    if params.entity not in entities:
        raise ValidationError("The provider has no such data entity",
                              details={"field": "entity", "allowed": entities})
    sync = template.sync if template is not None else None
    if sync is None or params.entity != entities[0]:
        readable = [entities[0]] if sync is not None else []
        raise ValidationError("The hub has no data request for this entity of the provider",
                              code="ENTITY_NOT_READABLE", details={"entity": params.entity, "readable": readable})
    require_enabled(integration)
    record = require_connection(principal, integration)
    payload = call_provider(record, sync.method, sync.path, json=sync.body, integration=integration, spec=spec)
    records = [scrub(item) for item in records_at(payload, sync.items_path) if isinstance(item, Mapping)]
    wanted = params.filters or {}
    kept = [r for r in records if all(values_equal(_value_at(r, name), value) for name, value in wanted.items())]
    page = kept[: params.limit]
    if params.fields:
        page = [{name: _value_at(r, name) for name in params.fields} for r in page]
    return {
        "integrationId": integration_id,
        "entity": params.entity,
        "data": page,
        "total": len(kept),
        "fetchedAt": clock.iso(),
    }
