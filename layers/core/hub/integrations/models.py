"""Input models of the tenant integration endpoints (README.md, "Providers, the catalog and integration instances")."""

from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hub.pagination import ListParams
from hub.proxy.models import QuotaLimits
from hub.validation import BoundedDocument, MultiLine, SingleLine

IntegrationStatus = Literal["pending", "connected", "error", "disabled"]
NAME = Field(min_length=3, max_length=50)
Name = SingleLine


class Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)


class IntegrationMetadata(Strict):
    displayName: SingleLine | None = Field(default=None, min_length=1, max_length=100)
    description: MultiLine | None = Field(default=None, max_length=1000)


class IntegrationFields(Strict):
    description: MultiLine | None = Field(default=None, max_length=1000)
    icon: SingleLine | None = Field(default=None, max_length=2048)
    settings: BoundedDocument | None = None
    allowedShardTypes: list[str] | None = Field(default=None, max_length=100)
    searchEnabled: bool | None = None
    searchableEntities: list[str] | None = Field(default=None, max_length=100)
    userScoped: bool | None = None
    metadata: IntegrationMetadata | None = None
    connectionConfig: dict[str, str] | None = Field(
        default=None, description="Account-specific values for the provider's URL placeholders, e.g. a shop"
    )
    providerQuota: QuotaLimits | None = Field(
        default=None, description="This integration's provider request budget per connection, shared by the "
                                  "proxy, search, widgets, sync and health checks (default: the template's)")


class IntegrationCreate(IntegrationFields):
    integrationId: str | None = Field(default=None, min_length=1, max_length=64,
                                      description="The provider's id")
    providerId: str | None = Field(default=None, min_length=1, max_length=64,
                                   description="The provider's id under its older name; give one of the two")
    name: Name = NAME

    @model_validator(mode="after")
    def _one_provider_reference(self) -> Self:
        if not (self.integrationId or self.providerId):
            raise ValueError("providerId (or integrationId) is required")
        if self.integrationId and self.providerId and self.integrationId != self.providerId:
            raise ValueError("integrationId and providerId name different providers")
        return self

    @property
    def provider_ref(self) -> str:
        return (self.providerId or self.integrationId or "").lower()


class IntegrationUpdate(IntegrationFields):
    """Partial update. `status`, `tenantId` and the provider cannot be set this way."""

    name: str | None = Field(default=None, min_length=3, max_length=50)  # partial: optional here
    expectedVersion: int | None = Field(default=None, ge=1)


class IntegrationListParams(ListParams):
    status: IntegrationStatus | None = None
    providerName: str | None = Field(default=None, max_length=64)
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


def plain_numbers(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal, which JSON mode would turn into strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain_numbers(v) for v in value]
    return value


# ---- answers --------------------------------------------------------------------------------


class IntegrationView(BaseModel):
    """An integration instance as the API answers it; the optional fields a tenant set are
    returned as stored (extra fields allowed, so a new stored field never breaks an answer)."""

    model_config = ConfigDict(defer_build=True, extra="allow")

    @model_validator(mode="before")
    @classmethod
    def _plain_numbers(cls, data: Any) -> Any:
        return plain_numbers(data)

    id: str = Field(description="The instance's id (`int_…`)")
    tenantId: str
    providerId: str
    providerName: str | None = None
    providerDisplayName: str | None = None
    category: str | None = None
    authType: str | None = None
    name: str | None = None
    description: str | None = None
    status: str = Field(description="pending, connected, error or disabled")
    enabled: bool | None = None
    userScoped: bool | None = None
    searchEnabled: bool | None = None
    metadata: dict[str, Any] | None = None
    providerQuota: dict[str, Any] | None = None
    connectionConfig: dict[str, str] | None = None
    createdAt: str | None = None
    updatedAt: str | None = None
    createdBy: str | None = None
    version: int | None = Field(default=None, description="Send as expectedVersion for optimistic concurrency")


class IntegrationList(BaseModel):
    model_config = ConfigDict(defer_build=True)

    integrations: list[IntegrationView]
    total: int
    limit: int
    offset: int
    hasMore: bool
    nextOffset: int | None = None


class IntegrationActivated(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    status: str = Field(description="connected when a live connection exists, else pending")
    enabledAt: str
    enabledBy: str | None = None


class IntegrationDeactivated(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    status: str = Field(description="disabled")
    updatedAt: str
