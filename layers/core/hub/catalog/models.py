"""Input models of the provider endpoints (docs/providers.md). extra="forbid" everywhere:
unknown fields are a 400, never silently stored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from hub.pagination import ListParams
from hub.validation import MultiLine, SingleLine

ProviderStatus = Literal["active", "beta", "deprecated", "disabled"]
Audience = Literal["system", "tenant"]
AuthType = Literal["oauth2", "oauth2_client_credentials", "api_key", "basic", "custom"]
SyncDirection = Literal["pull", "push", "bidirectional"]
# five broad categories (crm … custom) plus the template catalogue's finer ones
Category = Literal[
    "crm", "communication", "data_source", "storage", "custom", "marketing", "social", "advertising",
    "ecommerce", "payments", "productivity", "calendar", "developer", "analytics", "support", "accounting",
    "cloud", "automation", "hr", "other",
]
SLUG = r"^[a-z0-9][a-z0-9-]{1,62}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OAuthConfigInput(Strict):
    clientId: str | None = Field(default=None, min_length=1, max_length=512)
    # repr=False: Powertools logs validated handler arguments at DEBUG
    clientSecret: str | None = Field(default=None, min_length=1, max_length=4096, repr=False)
    authorizationUrl: HttpUrl | None = None
    tokenUrl: HttpUrl | None = None
    revocationUrl: HttpUrl | None = None
    scopes: list[str] | None = Field(default=None, max_length=100)
    scopeSeparator: str | None = Field(default=None, max_length=3)
    pkce: bool | None = None
    tokenClientAuth: Literal["basic", "body", "json"] | None = None
    authorizationParams: dict[str, str] | None = None
    tokenParams: dict[str, str] | None = None


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


class ProviderCreate(ProviderFields):
    provider: str = Field(pattern=SLUG, description="Unique identifier (slug), also the provider's id")
    templateId: str | None = Field(default=None, pattern=SLUG, description="Start from a built-in template")

    @field_validator("provider")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()


class ProviderUpdate(ProviderFields):
    expectedVersion: int | None = Field(default=None, ge=1, description="Optimistic concurrency check")


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


class ProviderDeleteParams(Strict):
    force: bool = False


class CatalogListParams(ListParams):
    category: str | None = Field(default=None, max_length=40)
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


def dump_set_fields(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_unset=True)
