"""GET /api/admin/templates: the built-in provider templates."""

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.openapi.params import Query
from pydantic import Field

from hub.catalog.service import list_templates
from hub.http import create_app, lambda_entry
from hub.pagination import ListParams

app = create_app()


class TemplateListParams(ListParams):
    category: str | None = Field(default=None, max_length=40)
    search: str | None = Field(default=None, max_length=100)
    sortOrder: Literal["asc", "desc"] = "asc"


@app.get("/api/admin/templates", summary="List built-in provider templates", tags=["providers"])
def get_templates(params: Annotated[TemplateListParams, Query()]) -> dict:
    return list_templates(params, category=params.category, search=params.search)


handler = lambda_entry(app)
