"""Query-string and answer models of the widget endpoints (README.md, "Search and widgets"). As for search,
a `userId` is not accepted: the caller's own connection is used for user-scoped
integrations."""

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from hub.answer import Answer
from hub.search.fields import EntityName, FilterValue, Strict, comma_list
from hub.validation import parse_json

TimeRange = Literal["1h", "24h", "7d", "30d"]
TIME_RANGE_SECONDS: dict[str, int] = {"1h": 3600, "24h": 86_400, "7d": 7 * 86_400, "30d": 30 * 86_400}
# a record field, dotted for nested values ("owner.name")
FieldPath = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z_$@][A-Za-z0-9_$@:-]{0,63}(?:\.[A-Za-z0-9_$@:-]{1,64}){0,4}$")
]
FILTERS_MAX_BYTES = 2048
MAX_FILTERS = 20


class ActivityParams(Strict):
    timeRange: TimeRange = "24h"
    limit: int = Field(default=10, ge=1, le=100)


class DataParams(Strict):
    entity: EntityName = Field(description="One of the provider's data entities, e.g. items, contacts")
    fields: list[FieldPath] | None = Field(default=None, max_length=50, description="Comma-separated fields to keep")
    filters: dict[FieldPath, FilterValue] | None = Field(
        default=None, description='JSON object (at most 2 KB) of field → value, e.g. {"type":"task"}')
    limit: int = Field(default=10, ge=1, le=100)

    _fields = field_validator("fields", mode="before")(comma_list)

    @field_validator("filters", mode="before")
    @classmethod
    def _parse_filters(cls, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError("filters must be a JSON object in a string")
        if len(value.encode("utf-8")) > FILTERS_MAX_BYTES:
            raise ValueError(f"filters must be at most {FILTERS_MAX_BYTES} bytes")
        try:
            parsed = parse_json(value)
        except ValueError:
            raise ValueError("filters must be valid JSON") from None
        if not isinstance(parsed, dict):
            raise ValueError("filters must be a JSON object")
        if len(parsed) > MAX_FILTERS:
            raise ValueError(f"at most {MAX_FILTERS} filters")
        return parsed


# ---- answers --------------------------------------------------------------------------------


class WidgetStatus(Answer):
    integrationId: str
    name: str | None = None
    providerId: str | None = None
    userScoped: bool
    status: str = Field(description="The integration's status")
    connectionStatus: str | None = Field(default=None, description="The caller's (or the tenant's) connection")
    lastConnectedAt: str | None = None
    lastSyncAt: str | None = None
    error: str | None = None


class ActivityEntry(Answer):
    id: str | None = None
    type: str | None = Field(default=None, description="connect, refresh, test, sync, …")
    status: str | None = None
    timestamp: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class WidgetActivity(Answer):
    integrationId: str
    timeRange: TimeRange
    activities: list[ActivityEntry]
    total: int


class WidgetData(Answer):
    integrationId: str
    entity: str
    data: list[dict[str, Any]] = Field(description="Provider records (secret-named fields masked)")
    total: int
    fetchedAt: str
