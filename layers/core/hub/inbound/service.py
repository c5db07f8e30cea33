"""The super admin's side: where a provider's webhooks go and the keys that verify them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.catalog.records import get_provider_record
from hub.errors import ValidationError
from hub.inbound import secrets
from hub.inbound.intake import forget_providers
from hub.inbound.models import InboundKeysUpdate, InboundSettingsView
from hub.inbound.spec import InboundWebhookSpec
from hub.providers.templates import get_template
from hub.request import record_change
from hub.settings import get_settings

INTAKE_PATH = "/api/webhooks/in/{providerId}"


def _spec(provider: Mapping[str, Any]) -> InboundWebhookSpec:
    template = get_template(str(provider.get("templateId") or ""))
    if template is None or template.inbound_webhooks is None:
        raise ValidationError("This provider's template declares no inbound webhooks",
                              code="INBOUND_NOT_SUPPORTED", details={"providerId": provider.get("id")})
    return template.inbound_webhooks


def _view(provider: Mapping[str, Any], spec: InboundWebhookSpec, stored: Mapping[str, str]) -> InboundSettingsView:
    provider_id = str(provider["id"])
    key = spec.signature.key
    configured = bool(provider.get("clientSecretConfigured")) if key == "clientSecret" else bool(stored.get(key))
    return InboundSettingsView(
        providerId=provider_id,
        intakeUrl=get_settings().public_api_url.rstrip("/") + INTAKE_PATH.format(providerId=provider_id),
        scheme=spec.signature.scheme, key=key, keyConfigured=configured,
        verifyTokenConfigured=bool(stored.get("verifyToken")), handshakes=list(spec.handshakes),
    )


def inbound_settings(category: str, provider_id: str) -> InboundSettingsView:
    provider = get_provider_record(category, provider_id)
    spec = _spec(provider)
    return _view(provider, spec, secrets.read_stored(provider_id))


def set_inbound_keys(category: str, provider_id: str, body: InboundKeysUpdate) -> InboundSettingsView:
    provider = get_provider_record(category, provider_id)
    spec = _spec(provider)
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    if not changes:
        raise ValidationError("Send at least one of signingSecret, publicKey, verifyToken")
    before = secrets.read_stored(provider_id)
    stored = secrets.store(provider_id, changes)
    forget_providers()
    # the audit trail says which keys changed, never their values
    record_change("provider.inbound", provider_id, before={k: "set" for k in before},
                  after={k: "set" for k in stored})
    return _view(provider, spec, stored)
