"""Models of the provider administration endpoints (docs/providers.md; the tenant catalog's:
hub/catalog/entries.py). Inputs are extra="forbid" everywhere:
unknown fields are a 400, never silently stored. Answers are at the end."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from hub.answer import Answer
from hub.catalog.entries import (
    Audience,
    AuthType,
    Category,
    EntityMappingView,
    ProviderShown,
    ProviderStatus,
    SyncDirection,
)
from hub.catalog.records import SLUG
from hub.pagination import ListParams, Page
from hub.providers.templates import (
    ApiSpec,
    Capabilities,
    ConfigField,
    CredentialField,
    FieldName,
    ParamName,
    RateLimitHeaders,
    SearchSpec,
    SyncSpec,
    TokenResponseSpec,
    VerificationRequest,
)
from hub.validation import MultiLine, SingleLine


class Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)


class OAuthConfigInput(Strict):
    """The platform's OAuth client plus every OAuth field a template can set (the same names as
    a template's `oauth` section, docs/providers.md): a custom provider can say all of it, and a
    templated provider may override any of it. `hub.connections.spec` validates the result."""

    clientId: str | None = Field(default=None, min_length=1, max_length=512)
    # repr=False: Powertools logs validated handler arguments at DEBUG
    clientSecret: str | None = Field(default=None, min_length=1, max_length=4096, repr=False)
    # kept exactly as the server names itself (RFC 9207 compares strings)
    issuer: str | None = Field(default=None, max_length=2048, pattern=r"^https?://[^\s?#]+$")
    authorizationResponseIssParameterSupported: bool | None = None
    authorizationUrl: HttpUrl | None = None
    tokenUrl: HttpUrl | None = None
    refreshUrl: HttpUrl | None = None
    revocationUrl: HttpUrl | None = None
    revocationTokenTypeHint: Literal["access_token", "refresh_token"] | None = None
    userinfoUrl: HttpUrl | None = Field(default=None, description="OpenID Connect userinfo: checks a grant "
                                        "when there is no verification request")
    introspectionUrl: HttpUrl | None = Field(default=None, description="RFC 7662 introspection: checks a grant "
                                             "when there is neither a verification request nor userinfo")
    scopes: list[str] | None = Field(default=None, max_length=100)
    scopeSeparator: Literal[" ", ",", "+"] | None = None
    pkce: bool | None = None
    tokenClientAuth: Literal["basic", "body", "json"] | None = None
    tokenBodyFormat: Literal["form", "json"] | None = None
    clientIdParam: ParamName | None = None
    clientSecretParam: ParamName | None = None
    codeParam: ParamName | None = None
    authorizationParams: dict[ParamName, str] | None = None
    tokenParams: dict[ParamName, str] | None = None
    refreshParams: dict[ParamName, str] | None = None
    callbackFields: list[FieldName] | None = Field(default=None, max_length=20)
    tokenResponse: TokenResponseSpec | None = None
    refreshBufferSeconds: int | None = Field(default=None, ge=0, le=24 * 3600)
    refreshTokenRotates: bool | None = None


class IntegrationEntity(Strict):
    name: str = Field(min_length=1, max_length=100)
    displayName: str | None = Field(default=None, max_length=100)
    description: str | None = Field(default=None, max_length=500)
    fields: list[str] = Field(default_factory=list, max_length=200)
    searchable: bool = False


class EntityMapping(Strict):
    entity: str = Field(min_length=1, max_length=100)
    shardType: str = Field(min_length=1, max_length=100)
    fieldMappings: dict[str, str] = Field(default_factory=dict)


class SearchCapabilities(Strict):
    fullText: bool = False
    fieldSpecific: bool = False
    filtered: bool = False


class ProviderFields(Strict):
    """Every field of the create request; all optional so PATCH can reuse it."""

    name: SingleLine | None = Field(default=None, min_length=1, max_length=100)
    displayName: SingleLine | None = Field(default=None, min_length=1, max_length=100)
    description: MultiLine | None = Field(default=None, max_length=2000)
    category: Category | None = None
    status: ProviderStatus | None = None
    audience: Audience | None = None
    capabilities: list[str] | None = Field(default=None, max_length=50)
    supportedSyncDirections: list[SyncDirection] | None = None
    supportsRealtime: bool | None = None
    supportsWebhooks: bool | None = None
    supportsNotifications: bool | None = None
    supportsSearch: bool | None = None
    searchableEntities: list[str] | None = Field(default=None, max_length=100)
    searchCapabilities: SearchCapabilities | None = None
    requiresUserScoping: bool | None = None
    authType: AuthType | None = None
    oauthConfig: OAuthConfigInput | None = None
    availableEntities: list[IntegrationEntity] | None = Field(default=None, max_length=200)
    entityMappings: list[EntityMapping] | None = Field(default=None, max_length=200)
    icon: str | None = Field(default=None, max_length=2048)
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")
    version: str | None = Field(default=None, max_length=32)
    isPremium: bool | None = None
    requiredPlan: str | None = Field(default=None, max_length=64)
    connectionConfig: dict[str, str] | None = None  # values for template placeholders (e.g. a tenant-wide region)
    # the sections of a template's definition (same schema, docs/providers.md)
    api: ApiSpec | None = None
    verification: VerificationRequest | None = None
    search: SearchSpec | None = None
    sync: SyncSpec | None = None
    rateLimitHeaders: RateLimitHeaders | None = None
    discoveryUrl: HttpUrl | None = Field(default=None, description="Where the provider's metadata was read from")


class ProviderCreate(ProviderFields):
    provider: str = Field(pattern=SLUG, description="Unique identifier (slug), also the provider's id")
    templateId: str | None = Field(default=None, pattern=SLUG, description="Start from a built-in template")

    @field_validator("provider")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()


class ProviderUpdate(ProviderFields):
    expectedVersion: int | None = Field(default=None, ge=1, description="Optimistic concurrency check")


class DiscoverRequest(Strict):
    url: str = Field(min_length=8, max_length=2048, description="An issuer, or its metadata URL")


class RediscoverRequest(Strict):
    apply: bool = Field(default=False, description="Save the changed fields (else only show them)")


class ProviderStatusUpdate(Strict):
    status: ProviderStatus


class ProviderAudienceUpdate(Strict):
    audience: Audience


class ProviderListParams(ListParams):
    category: str | None = Field(default=None, max_length=40)
    status: ProviderStatus | None = None
    audience: Audience | None = None
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


def dump_set_fields(model: BaseModel) -> dict[str, Any]:
    # by_alias: the definition sections are template models, whose JSON names are camelCase
    return model.model_dump(mode="json", exclude_unset=True, by_alias=True)


# ---- answers --------------------------------------------------------------------------------
# A provider record holds the fields of ProviderFields as they were given (so every one is
# optional here) plus its bookkeeping; the client secret never appears, only whether one is set.


class OAuthConfigView(Answer):
    clientId: str | None = None
    clientSecretConfigured: bool | None = Field(default=None,
                                                description="Whether the platform's client secret is stored")
    issuer: str | None = None
    authorizationResponseIssParameterSupported: bool | None = None
    authorizationUrl: str | None = None
    tokenUrl: str | None = None
    refreshUrl: str | None = None
    revocationUrl: str | None = None
    revocationTokenTypeHint: Literal["access_token", "refresh_token"] | None = None
    userinfoUrl: str | None = None
    introspectionUrl: str | None = None
    scopes: list[str] | None = None
    scopeSeparator: str | None = None
    pkce: bool | None = None
    tokenClientAuth: Literal["basic", "body", "json"] | None = None
    tokenBodyFormat: Literal["form", "json"] | None = None
    clientIdParam: str | None = None
    clientSecretParam: str | None = None
    codeParam: str | None = None
    authorizationParams: dict[str, str] | None = None
    tokenParams: dict[str, str] | None = None
    refreshParams: dict[str, str] | None = None
    callbackFields: list[str] | None = None
    tokenResponse: TokenResponseSpec | None = None
    refreshBufferSeconds: int | None = None
    refreshTokenRotates: bool | None = None


class ProviderDraft(ProviderShown):
    """Provider fields not saved yet: a discovery preview, or the changes a rediscovery finds."""

    oauthConfig: OAuthConfigView | None = None
    entityMappings: list[EntityMappingView] | None = None
    connectionConfig: dict[str, str] | None = None
    api: ApiSpec | None = None
    verification: VerificationRequest | None = None
    search: SearchSpec | None = None
    sync: SyncSpec | None = None
    rateLimitHeaders: RateLimitHeaders | None = None
    discoveryUrl: str | None = None


class ProviderView(ProviderDraft):
    """A provider as the super admin sees it."""

    id: str
    provider: str
    templateId: str | None = None
    version: int = Field(description="Optimistic concurrency: send it back as expectedVersion")
    createdAt: str
    updatedAt: str
    createdBy: str | None = None
    clientSecretUpdatedAt: str | None = None


class ProviderList(Page):
    providers: list[ProviderView]


class ProviderStatusView(Answer):
    id: str
    status: ProviderStatus
    updatedAt: str


class ProviderAudienceView(Answer):
    id: str
    audience: Audience
    updatedAt: str


class ProviderTestResult(Answer):
    success: bool
    message: str | None = Field(default=None, description="What was checked, when it passed")
    error: str | None = Field(default=None, description="Why it failed")
    testedAt: str
    responseTime: int = Field(description="Milliseconds the check took")


class DiscoveryPreview(Answer):
    discoveryUrl: str = Field(description="The metadata document that was read")
    issuer: str
    provider: ProviderDraft = Field(description="The provider fields the metadata gives; nothing is saved")
    metadata: dict[str, Any] = Field(description="The metadata fields the preview was made from")


class Rediscovery(Answer):
    applied: bool = Field(description="Whether the changes were saved")
    changes: ProviderDraft = Field(description="The fields that differ from the metadata")
    provider: ProviderView


class TemplateListParams(ListParams):
    category: str | None = Field(default=None, max_length=40)
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


class TemplateOAuthView(Answer):
    authorizationUrl: str | None = None
    tokenUrl: str
    revocationUrl: str | None = None
    defaultScopes: list[str]
    scopeSeparator: str
    pkce: bool


class TemplateVerificationView(Answer):
    method: str
    path: str


class TemplateSummary(Answer):
    """A built-in template (hub/providers/templates.py template_summary): no wiring, no secrets."""

    id: str
    name: str
    displayName: str
    description: str | None = None
    category: str
    authMode: str
    customAuth: str | None = None
    docsUrl: str | None = None
    logoUrl: str | None = None
    tags: list[str]
    status: str
    beta: bool
    sandbox: bool
    capabilities: Capabilities
    credentialFields: list[CredentialField]
    connectionConfig: list[ConfigField]
    oauth: TemplateOAuthView | None = None
    apiBaseUrl: str | None = None
    verification: TemplateVerificationView | None = None


class TemplateList(Page):
    templates: list[TemplateSummary]
