"""The field types search and the widgets' query strings share.

Apart from the search models (hub/search/models.py) so that a widget handler does not define
them at its cold start (bench/imports.py)."""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

# an entity name: a template's data entity ("items", "contacts") or a record's own type
# ("document", "Account", "calendar#event")
EntityName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.:#-]{0,63}$")]
FilterValue = Annotated[str, StringConstraints(max_length=500)] | int | float | bool | None


class Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True, hide_input_in_errors=True)


def comma_list(value: Any) -> Any:
    """`a,b` in a query string → ["a", "b"] (blank entries dropped); lists pass through."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value
