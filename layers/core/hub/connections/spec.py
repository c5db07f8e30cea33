"""The effective provider definition of one integration (`ProviderSpec`).

A built-in template (`hub.providers.templates`) says how a provider works; the super admin's
provider record adds the platform's OAuth client (client id, secret in the vault) and may
override endpoints, scopes and client authentication; the tenant's integration adds its
account settings (`connectionConfig`: a shop, a region). Connection code only ever reads the
merged result, so the three sources cannot disagree at run time.

One provider model: a provider created without a template (typed in by hand, or registered
from its discovery document, `hub.catalog.discovery`) says everything a template can say, in
the same schema, and its record becomes the definition (`_custom_definition`). A template's
provider record may override any OAuth field and the API, verification, search, sync and
rate-limit sections. Everything is validated by `ProviderTemplate` here, so the effective spec
applies every field; a provider with no verification request answers `unverified`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as PydanticValidationError

from hub.catalog.client_secrets import read_client_secret
from hub.catalog.repository import ProviderRepository
from hub.errors import ProviderNotFound, ValidationError
from hub.providers.templates import (
    CredentialField,
    ProviderTemplate,
    get_template,
    render_url,
    resolve_connection_config,
)
from hub.settings import get_settings

_TEMPLATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.providers.templates import CredentialField, OAuthSpec, ProviderTemplate

# record `oauthConfig` keys that are not part of the OAuth definition
_CLIENT_KEYS = frozenset({"clientId", "clientSecret", "clientSecretConfigured", "scopes"})
# record sections that replace the template's (camelCase, as ProviderTemplate reads them)
DEFINITION_SECTIONS = ("api", "verification", "search", "sync", "rateLimitHeaders")
# what an untemplated provider of each auth type asks the tenant for
_DEFAULT_FIELDS: dict[str, list[dict[str, Any]]] = {
    "api_key": [{"name": "apiKey", "label": "API key", "type": "secret", "secret": True}],
    "basic": [
        {"name": "username", "label": "Username"},
        {"name": "password", "label": "Password", "type": "secret", "secret": True},
    ],
    "oauth2_client_credentials": [
        {"name": "clientId", "label": "Client ID"},
        {"name": "clientSecret", "label": "Client secret", "type": "secret", "secret": True},
    ],
}


@dataclass(frozen=True)
class ProviderSpec:
    provider_id: str
    provider: Mapping[str, Any]
    template: ProviderTemplate | None
    auth_mode: str
    custom_auth: str | None
    oauth: OAuthSpec | None
    client_id: str | None
    credential_fields: tuple[CredentialField, ...]
    config: Mapping[str, str] = field(default_factory=dict)

    @property
    def template_id(self) -> str | None:
        """The built-in template the provider starts from (None for a custom provider, whose
        definition `template` is read from its own record)."""
        value = self.provider.get("templateId")
        return str(value) if value else None

    @property
    def is_authorization_code(self) -> bool:
        return self.auth_mode == "oauth2" and self.oauth is not None and bool(self.oauth.authorization_url)

    def client_secret(self) -> str | None:
        """The platform client's secret (hub/catalog/client_secrets.py: cached per warm container)."""
        return read_client_secret(self.provider)

    def render(self, url: str, config: Mapping[str, str] | None = None) -> str:
        """Fill `{placeholders}` (the tenant's account settings, `{sandboxBaseUrl}`)."""
        if "{" not in url:
            return url

        return render_url(url, self.config if config is None else config)

    def _oauth(self) -> OAuthSpec:
        if self.oauth is None:
            raise ValidationError("This provider has no OAuth configuration", code="AUTH_TYPE_MISMATCH",
                                  details={"providerId": self.provider_id})
        return self.oauth

    def authorization_url(self, config: Mapping[str, str] | None = None) -> str:
        url = self._oauth().authorization_url
        if not url:
            raise ValidationError("This provider has no authorization endpoint", code="AUTH_TYPE_MISMATCH",
                                  details={"providerId": self.provider_id})
        return self.render(url, config)

    def token_url(self, config: Mapping[str, str] | None = None) -> str:
        return self.render(self._oauth().token_url, config)

    def refresh_url(self, config: Mapping[str, str] | None = None) -> str:
        oauth = self._oauth()
        return self.render(oauth.refresh_url or oauth.token_url, config)

    def revocation_url(self, config: Mapping[str, str] | None = None) -> str | None:
        url = self.oauth.revocation_url if self.oauth is not None else None
        return self.render(url, config) if url else None

    def userinfo_url(self, config: Mapping[str, str] | None = None) -> str | None:
        url = self.oauth.userinfo_url if self.oauth is not None else None
        return self.render(url, config) if url else None

    def introspection_url(self, config: Mapping[str, str] | None = None) -> str | None:
        url = self.oauth.introspection_url if self.oauth is not None else None
        return self.render(url, config) if url else None

    def issuer(self, config: Mapping[str, str] | None = None) -> str | None:
        url = self.oauth.issuer if self.oauth is not None else None
        return self.render(url, config).rstrip("/") if url else None

    def scopes(self, extra: list[str] | None = None) -> list[str]:
        """The default scopes plus the caller's extra ones, in order, without duplicates."""
        base = list(self.oauth.default_scopes) if self.oauth is not None else []
        return list(dict.fromkeys([*base, *(extra or [])]))

    @property
    def refresh_buffer_seconds(self) -> int:
        if self.oauth is not None and self.oauth.refresh_buffer_seconds is not None:
            return int(self.oauth.refresh_buffer_seconds)
        return get_settings().refresh_buffer_seconds

    def credential_field(self, name: str) -> CredentialField | None:
        return next((f for f in self.credential_fields if f.name == name), None)


def _merged_oauth(base: Mapping[str, Any] | None, record_config: Mapping[str, Any]) -> dict[str, Any] | None:
    merged: dict[str, Any] = dict(base or {})
    for key, value in record_config.items():
        if key in _CLIENT_KEYS or value is None or value == "":
            continue
        merged[key] = value
    if record_config.get("scopes") is not None:
        merged["defaultScopes"] = record_config["scopes"]
    if merged.get("tokenClientAuth") == "json":
        merged["tokenBodyFormat"] = "json"
    return merged if merged.get("tokenUrl") else None


def _origin(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _custom_definition(provider: Mapping[str, Any], oauth: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A provider without a template, read as a template. Its API base defaults to the origin of
    its issuer or token endpoint (where userinfo usually lives); without one there is nothing
    to call, and the spec has no definition (as before)."""
    api = provider.get("api")
    if api is None:
        base = _origin((oauth or {}).get("issuer")) or _origin((oauth or {}).get("tokenUrl"))
        if base is None:
            return None
        api = {"baseUrl": base}
    provider_id = str(provider.get("id") or provider.get("provider"))
    name = str(provider.get("name") or provider_id)
    return {
        "id": provider_id if _TEMPLATE_ID.fullmatch(provider_id) else "custom",
        "name": name,
        "displayName": str(provider.get("displayName") or name),
        "description": str(provider.get("description") or name),
        "category": "other",
        "authMode": str(provider.get("authType") or ""),
        "oauth": oauth,
        "credentialFields": _DEFAULT_FIELDS.get(str(provider.get("authType") or ""), []),
        "api": api,
        "capabilities": {"search": provider.get("search") is not None, "sync": provider.get("sync") is not None},
    }


def effective_definition(provider: Mapping[str, Any]) -> ProviderTemplate | None:
    """The provider's definition: its template with the record's overrides, or the record alone.
    Raises PROVIDER_MISCONFIGURED (400) when the combination is not a valid definition."""

    template_id = provider.get("templateId")
    template = get_template(template_id) if template_id else None
    if template_id and template is None:
        raise ValidationError("The provider's template is not available on this hub", code="PROVIDER_MISCONFIGURED",
                              details={"templateId": template_id})
    record_oauth = dict(provider.get("oauthConfig") or {})
    if template is not None:
        data: dict[str, Any] | None = template.model_dump(by_alias=True, exclude_none=True, mode="json")
        assert data is not None
        data["oauth"] = _merged_oauth(data.get("oauth"), record_oauth)
        if data["oauth"] is None:
            data.pop("oauth")
    else:
        data = _custom_definition(provider, _merged_oauth(None, record_oauth))
        if data is None:
            return None
    overrides = {key: provider[key] for key in DEFINITION_SECTIONS if provider.get(key) is not None}
    data.update(overrides)
    if "search" in overrides or "sync" in overrides:
        data["capabilities"] = {**data.get("capabilities", {}), "search": data.get("search") is not None,
                                "sync": data.get("sync") is not None}
    try:
        return ProviderTemplate.model_validate(data, context={"custom": template is None})
    except PydanticValidationError as error:
        problems = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in error.errors()]
        raise ValidationError(
            "The provider's definition is not valid; a super admin must fix it",
            code="PROVIDER_MISCONFIGURED", details=problems[:20],
        ) from None


def _default_fields(auth_type: str) -> tuple[CredentialField, ...]:
    return tuple(CredentialField.model_validate(f) for f in _DEFAULT_FIELDS.get(auth_type, []))


def spec_from_records(provider: Mapping[str, Any], integration: Mapping[str, Any] | None = None) -> ProviderSpec:
    """The effective spec of a provider record (and, when given, a tenant's integration)."""

    definition = effective_definition(provider)
    record_oauth = dict(provider.get("oauthConfig") or {})
    given_config = {**dict(provider.get("connectionConfig") or {}),
                    **dict((integration or {}).get("connectionConfig") or {})}
    if definition is not None and provider.get("templateId"):
        config = resolve_connection_config(definition, given_config)
    else:
        config = {str(k): str(v) for k, v in given_config.items()}
    auth_mode = definition.auth_mode if definition is not None else str(provider.get("authType") or "")
    return ProviderSpec(
        provider_id=str(provider.get("id") or provider.get("provider")),
        provider=dict(provider),
        template=definition,
        auth_mode=auth_mode,
        custom_auth=definition.custom_auth if definition is not None else None,
        oauth=definition.oauth if definition is not None else None,
        client_id=record_oauth.get("clientId"),
        credential_fields=tuple(definition.credential_fields) if definition is not None
        else _default_fields(auth_mode),
        config=config,
    )


def provider_spec_for(integration: Mapping[str, Any]) -> ProviderSpec:
    """The effective template of a tenant's integration: built-in template + provider record
    overrides + the integration's connection settings."""

    provider = ProviderRepository().cached_provider(str(integration["providerId"]))
    if provider is None:
        raise ProviderNotFound(details={"providerId": integration["providerId"]})
    return spec_from_records(provider, integration)
