"""Models of the tenant catalog (GET /api/integrations[/{category}/{id}]): what a tenant sees of
a provider, and what the super admin's provider views share with it.

Apart from the administration models (hub/catalog/models.py, with the provider templates' types)
so that the catalog handlers tenants call do not define those at their cold start
(bench/imports.py)."""

from typing import Literal

from pydantic import Field

from hub.answer import Answer
from hub.pagination import ListParams, Page

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


class EntityView(Answer):
    name: str
    displayName: str | None = None
    description: str | None = None
    fields: list[str] = Field(default_factory=list)
    searchable: bool = False


class EntityMappingView(Answer):
    entity: str
    shardType: str
    fieldMappings: dict[str, str] = Field(default_factory=dict)


class SearchCapabilitiesView(Answer):
    fullText: bool = False
    fieldSpecific: bool = False
    filtered: bool = False


class ProviderShown(Answer):
    """What both super admins and tenants see of a provider."""

    name: str | None = None
    displayName: str | None = None
    description: str | None = None
    category: str | None = None
    status: ProviderStatus | None = None
    audience: Audience | None = None
    authType: AuthType | None = None
    capabilities: list[str] | None = None
    supportedSyncDirections: list[SyncDirection] | None = None
    supportsRealtime: bool | None = None
    supportsWebhooks: bool | None = None
    supportsNotifications: bool | None = None
    supportsSearch: bool | None = None
    searchableEntities: list[str] | None = None
    searchCapabilities: SearchCapabilitiesView | None = None
    requiresUserScoping: bool | None = None
    availableEntities: list[EntityView] | None = None
    icon: str | None = None
    color: str | None = None
    isPremium: bool | None = None
    requiredPlan: str | None = None


class CatalogListParams(ListParams):
    category: str | None = Field(default=None, max_length=40)
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


class CatalogOAuthView(Answer):
    scopes: list[str] = Field(default_factory=list)


class CatalogEntry(ProviderShown):
    """A provider as a tenant sees it: no platform client configuration."""

    id: str
    provider: str
    templateId: str | None = None
    beta: bool
    oauthConfig: CatalogOAuthView | None = None
    version: int
    createdAt: str
    updatedAt: str


class CatalogList(Page):
    providers: list[CatalogEntry]
