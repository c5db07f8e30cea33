"""List parameters shared by every list endpoint: limit/offset, sortBy/sortOrder, filters."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.answer import Answer
from hub.errors import ValidationError

DEFAULT_LIMIT = 50
MAX_LIMIT = 100


class ListParams(BaseModel):
    """Base for list query models; endpoints subclass it to add their own filters."""

    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0, le=100_000)
    sortBy: str | None = Field(default=None, max_length=64)
    sortOrder: Literal["asc", "desc"] = "desc"


class Page(Answer):
    """The paging fields of every list answer; a subclass adds the list itself."""

    total: int
    limit: int
    offset: int
    hasMore: bool
    nextOffset: int | None = Field(default=None, description="The offset of the next page; null on the last")


def sort_items(
    items: Iterable[dict[str, Any]],
    sort_by: str | None,
    order: str,
    allowed: Sequence[str],
    default: str,
) -> list[dict[str, Any]]:
    key = sort_by or default
    if key not in allowed:
        raise ValidationError(
            "sortBy is not a sortable field",
            details={"field": "sortBy", "allowed": list(allowed)},
        )

    def sort_key(item: dict[str, Any]) -> tuple[int, Any]:
        value = item.get(key)
        if value is None:
            return (1, "")
        return (0, value.lower() if isinstance(value, str) else value)

    present = [i for i in items if i.get(key) is not None]
    missing = [i for i in items if i.get(key) is None]
    present.sort(key=sort_key, reverse=(order == "desc"))
    return present + missing


def paginate(
    items: Sequence[Any],
    params: ListParams,
    *,
    key: str = "items",
    transform: Callable[[Any], Any] | None = None,
) -> dict[str, Any]:
    total = len(items)
    window = items[params.offset : params.offset + params.limit]
    has_more = params.offset + len(window) < total
    return {
        key: [transform(i) for i in window] if transform else list(window),
        "total": total,
        "limit": params.limit,
        "offset": params.offset,
        "hasMore": has_more,
        "nextOffset": params.offset + len(window) if has_more else None,
    }


def matches_search(item: dict[str, Any], search: str | None, fields: Sequence[str]) -> bool:
    if not search:
        return True
    needle = search.lower()
    return any(needle in str(item.get(f) or "").lower() for f in fields)
