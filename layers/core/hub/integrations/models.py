"""Input models of the tenant integration endpoints (README.md, "Providers, the catalog and integration instances")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hub.pagination import ListParams
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


class IntegrationCreate(IntegrationFields):
    integrationId: str | None = Field(default=None, min_length=1, max_length=64,
                                      description="The provider's id")
    providerId: str | None = Field(default=None, min_length=1, max_length=64,
                                   description="The provider's id under its older name; give one of the two")
    name: Name = NAME

    @model_validator(mode="after")
    def _one_provider_reference(self) -> IntegrationCreate:
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
