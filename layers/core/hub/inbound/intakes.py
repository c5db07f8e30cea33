"""An integration's own intake, for providers that sign per tenant app or account (a Stripe
endpoint secret of the tenant's own Stripe account): the tenant admin stores the signing secret,
the provider sends to `/api/webhooks/in/{providerId}/{integrationId}`, and every event of that URL
belongs to the integration's connection, whatever account it names.

The secret is Encryption-SDK ciphertext in the intake item (purpose `inbound-signing`, bound to
the tenant and the integration, like webhook signing secrets: hub/webhooks/signing_keys.py), so
a ciphertext copied to another tenant's item does not decrypt. A warm intake keeps what it
decrypted for `inbound_secret_cache_seconds`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.catalog.repository import ProviderRepository
from hub.errors import IntegrationNotFound, ProviderNotFound, ValidationError
from hub.inbound.models import IntegrationIntakeView, IntegrationKeysUpdate
from hub.inbound.repository import InboundRepository
from hub.integrations.repository import IntegrationRepository
from hub.principal import Principal
from hub.providers.templates import get_template
from hub.request import record_change
from hub.settings import get_settings

PURPOSE = "inbound-signing"
INTAKE_PATH = "/api/webhooks/in/{providerId}/{integrationId}"

_cache: dict[tuple[str, str], tuple[float, str, str]] = {}  # (tenant, integration) → (until, ciphertext, secret)
_lock = threading.Lock()


def _context(tenant_id: str, integration_id: str) -> dict[str, str]:
    return {"tenantId": tenant_id, "integrationId": integration_id, "purpose": PURPOSE}


def _integration(principal: Principal, integration_id: str) -> Mapping[str, Any]:
    integration = IntegrationRepository().get_integration(principal.tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"integrationId": integration_id})
    return integration


def _scheme_for(provider_id: str) -> str:
    provider = ProviderRepository().get_provider(provider_id)
    template = get_template(str((provider or {}).get("templateId") or ""))
    inbound = template.inbound_webhooks if template is not None else None
    if inbound is None or not inbound.per_integration:
        raise ValidationError("This provider's webhooks are not verified with a per-integration signing secret",
                              code="INBOUND_NOT_SUPPORTED", details={"providerId": provider_id})
    return inbound.signature.scheme


def _view(integration: Mapping[str, Any], item: Mapping[str, Any] | None, scheme: str) -> IntegrationIntakeView:
    provider_id, integration_id = str(integration["providerId"]), str(integration["id"])
    url = get_settings().public_api_url.rstrip("/") + INTAKE_PATH.format(providerId=provider_id,
                                                                         integrationId=integration_id)
    return IntegrationIntakeView(integrationId=integration_id, providerId=provider_id, intakeUrl=url, scheme=scheme,
                                 secretConfigured=item is not None, updatedAt=(item or {}).get("updatedAt"))


def integration_intake(principal: Principal, integration_id: str) -> IntegrationIntakeView:
    integration = _integration(principal, integration_id)
    scheme = _scheme_for(str(integration["providerId"]))
    return _view(integration, InboundRepository().intake_of_tenant(principal.tenant_id, integration_id), scheme)


def set_integration_secret(principal: Principal, integration_id: str, body: IntegrationKeysUpdate
                           ) -> IntegrationIntakeView:
    from hub.vault import encrypt_field  # lazily: only the functions that seal pay for the SDK

    integration = _integration(principal, integration_id)
    provider_id = str(integration["providerId"])
    scheme = _scheme_for(provider_id)
    sealed = encrypt_field(body.signingSecret, _context(principal.tenant_id, integration_id))
    item = InboundRepository().save_intake(principal.tenant_id, integration_id, provider_id, sealed, clock.iso())
    record_change("integration.inbound", integration_id, after={"signingSecret": "set"})
    return _view(integration, item, scheme)


def intake_secret(provider_id: str, integration_id: str) -> tuple[str, str]:
    """(tenant id, signing secret) of an integration's intake; 404 when it has none or belongs
    to another provider."""
    from hub.vault import decrypt_field

    item = InboundRepository().intake_by_integration(integration_id)
    if item is None or item.get("providerId") != provider_id:
        raise ProviderNotFound("No webhooks are taken at this URL", details={"providerId": provider_id})
    tenant_id, ciphertext = str(item["tenantId"]), str(item["secretCiphertext"])
    now = clock.monotonic()
    with _lock:
        cached = _cache.get((tenant_id, integration_id))
    if cached is not None and cached[0] > now and cached[1] == ciphertext:
        return tenant_id, cached[2]
    secret = decrypt_field(ciphertext, _context(tenant_id, integration_id))
    ttl = get_settings().inbound_secret_cache_seconds
    if ttl:
        with _lock:
            _cache[(tenant_id, integration_id)] = (now + ttl, ciphertext, secret)
    return tenant_id, secret


def forget() -> None:
    with _lock:
        _cache.clear()
