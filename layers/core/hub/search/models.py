"""Models of the search endpoints (README.md, "Search and widgets"): inputs, then answers.

A `userId` is deliberately absent: whose user-scoped connection is searched comes from
the caller's token, so a body or query string naming another user is refused (extra="forbid").
"""

from datetime import UTC, datetime
from typing import Annotated, Any, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from hub.answer import Answer
from hub.search.fields import EntityName, FilterValue, Strict, comma_list

IntegrationRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_$@][A-Za-z0-9_$@:-]{0,63}$")]
Query = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]

MAX_PER_INTEGRATION = 50
DEFAULT_PER_INTEGRATION = 10
MAX_OFFSET = 1000
MAX_FILTERS = 20


def utc(value: datetime | None) -> datetime | None:
    """Dates without a zone are taken as UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class DateRange(Strict):
    start: datetime | None = None
    end: datetime | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        self.start, self.end = utc(self.start), utc(self.end)
        if self.start and self.end and self.start > self.end:
            raise ValueError("dateRange.start must not be after dateRange.end")
        return self


class SearchFilters(Strict):
    dateRange: DateRange | None = Field(default=None, description="Keep results updated within this range")
    entityTypes: list[EntityName] | None = Field(default=None, max_length=20,
                                                 description="Same as `entities` (the two are combined)")
    customFilters: dict[FieldName, FilterValue] | None = Field(
        default=None, description="Field → value a result's provider record must hold (top-level fields)")

    @field_validator("customFilters")
    @classmethod
    def _few_filters(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and len(value) > MAX_FILTERS:
            raise ValueError(f"at most {MAX_FILTERS} custom filters")
        return value


class SearchRequest(Strict):
    """POST /api/integrations/search."""

    query: Query = Field(description="Search text (1-500 characters)")
    integrations: list[IntegrationRef] | None = Field(default=None, min_length=1, max_length=50,
                                                      description="Only these integration ids")
    entities: list[EntityName] | None = Field(default=None, max_length=20,
                                              description="Only results of these entity types")
    filters: SearchFilters | None = None
    limit: int = Field(default=DEFAULT_PER_INTEGRATION, ge=1, le=MAX_PER_INTEGRATION,
                       description="Max results per integration")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Results to skip, per integration")


class IntegrationSearchParams(Strict):
    """GET /api/integrations/{id}/search query string."""

    query: Query
    entities: list[EntityName] | None = Field(default=None, max_length=20, description="Comma-separated")
    limit: int = Field(default=DEFAULT_PER_INTEGRATION, ge=1, le=MAX_PER_INTEGRATION)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)

    _entities = field_validator("entities", mode="before")(comma_list)


# ---- answers --------------------------------------------------------------------------------


class SearchResultItem(Answer):
    """One provider record, mapped (hub/search/mapping.py map_item): fields without a value are left out."""

    id: str
    integrationId: str
    providerId: str
    entity: str
    title: str
    snippet: str | None = None
    url: str | None = None
    updatedAt: str | None = None
    score: float | None = None
    raw: dict[str, Any] | None = Field(default=None, description="The record as the provider sent it "
                                       "(secret-named fields masked), when small enough")


class SearchErrorEntry(Answer):
    """Why one integration gave no results; the others still answer."""

    integrationId: str | None = None
    providerId: str | None = None
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class GlobalSearchAnswer(Answer):
    results: list[SearchResultItem]
    total: int
    took: int = Field(description="Milliseconds")
    hasMore: bool
    byIntegration: dict[str, list[SearchResultItem]]
    byEntity: dict[str, list[SearchResultItem]]
    errors: list[SearchErrorEntry]


class IntegrationSearchAnswer(Answer):
    integrationId: str
    results: list[SearchResultItem]
    total: int
    took: int = Field(description="Milliseconds")
    hasMore: bool
