"""The effective provider definition of one integration (`ProviderSpec`).

A built-in template (`hub.providers.templates`) says how a provider works; the super admin's
provider record adds the platform's OAuth client (client id, secret in the vault) and may
override endpoints, scopes and client authentication; the tenant's integration adds its
account settings (`connectionConfig`: a shop, a region). Connection code only ever reads the
merged result, so the three sources cannot disagree at run time.

Providers created without a template (a super admin typed in the OAuth endpoints) get a spec
from the record alone: OAuth works, but there is no verification request and no API
definition, and the answers say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as PydanticValidationError

from hub.errors import ProviderNotFound, ValidationError
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.providers.templates import CredentialField, OAuthSpec, ProviderTemplate

# provider record `oauthConfig` key -> template OAuthSpec key (camelCase aliases)
_OAUTH_OVERRIDES = {
    "authorizationUrl": "authorizationUrl",
    "tokenUrl": "tokenUrl",
    "revocationUrl": "revocationUrl",
    "scopes": "defaultScopes",
    "scopeSeparator": "scopeSeparator",
    "pkce": "pkce",
    "tokenClientAuth": "tokenClientAuth",
    "authorizationParams": "authorizationParams",
    "tokenParams": "tokenParams",
}
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
        return self.template.id if self.template is not None else None

    @property
    def is_authorization_code(self) -> bool:
        return self.auth_mode == "oauth2" and self.oauth is not None and bool(self.oauth.authorization_url)

    def client_secret(self) -> str | None:
        """The platform client's secret, from the vault (cached briefly by hub.catalog.cache)."""
        from hub.catalog.service import read_client_secret

        return read_client_secret(dict(self.provider))

    def render(self, url: str, config: Mapping[str, str] | None = None) -> str:
        """Fill `{placeholders}` (the tenant's account settings, `{sandboxBaseUrl}`)."""
        if "{" not in url:
            return url
        from hub.providers.templates import render_url

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


def _merged_oauth(template: ProviderTemplate | None, record_config: Mapping[str, Any]) -> OAuthSpec | None:
    from hub.providers.templates import OAuthSpec

    base: dict[str, Any] = (
        template.oauth.model_dump(by_alias=True, exclude_none=True) if template is not None and template.oauth else {}
    )
    for record_key, spec_key in _OAUTH_OVERRIDES.items():
        value = record_config.get(record_key)
        if value is not None and value != "":
            base[spec_key] = value
    if record_config.get("tokenClientAuth") == "json":
        base["tokenBodyFormat"] = "json"
    if not base.get("tokenUrl"):
        return None
    try:
        return OAuthSpec.model_validate(base)
    except PydanticValidationError:
        raise ValidationError(
            "The provider's OAuth configuration is not valid; a super admin must fix it",
            code="PROVIDER_MISCONFIGURED",
        ) from None


def _default_fields(auth_type: str) -> tuple[CredentialField, ...]:
    from hub.providers.templates import CredentialField

    return tuple(CredentialField.model_validate(f) for f in _DEFAULT_FIELDS.get(auth_type, []))


def spec_from_records(provider: Mapping[str, Any], integration: Mapping[str, Any] | None = None) -> ProviderSpec:
    """The effective spec of a provider record (and, when given, a tenant's integration)."""
    from hub.providers.templates import get_template, resolve_connection_config

    template_id = provider.get("templateId")
    template = get_template(template_id) if template_id else None
    if template_id and template is None:
        raise ValidationError("The provider's template is not available on this hub", code="PROVIDER_MISCONFIGURED",
                              details={"templateId": template_id})
    record_oauth = dict(provider.get("oauthConfig") or {})
    given_config = {**dict(provider.get("connectionConfig") or {}),
                    **dict((integration or {}).get("connectionConfig") or {})}
    auth_mode: str
    if template is not None:
        config = resolve_connection_config(template, given_config)
        auth_mode = template.auth_mode
        fields = tuple(template.credential_fields)
        custom_auth = template.custom_auth
    else:
        config = {str(k): str(v) for k, v in given_config.items()}
        auth_mode = str(provider.get("authType") or "")
        fields = _default_fields(auth_mode)
        custom_auth = None
    oauth = _merged_oauth(template, record_oauth)
    return ProviderSpec(
        provider_id=str(provider.get("id") or provider.get("provider")),
        provider=dict(provider),
        template=template,
        auth_mode=auth_mode,
        custom_auth=custom_auth,
        oauth=oauth,
        client_id=record_oauth.get("clientId"),
        credential_fields=fields,
        config=config,
    )


def provider_spec_for(integration: Mapping[str, Any]) -> ProviderSpec:
    """The effective template of a tenant's integration: built-in template + provider record
    overrides + the integration's connection settings."""
    from hub.catalog.cache import provider_record

    provider = provider_record(str(integration["providerId"]))  # per warm container, briefly
    if provider is None:
        raise ProviderNotFound(details={"providerId": integration["providerId"]})
    return spec_from_records(provider, integration)
