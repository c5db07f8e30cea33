"""GET /api/admin/templates: the built-in provider templates."""

from typing import Annotated

from hub.catalog.models import TemplateList, TemplateListParams
from hub.catalog.service import list_templates
from hub.http import Query, create_app, lambda_entry

app = create_app()


@app.get("/api/admin/templates", summary="List built-in provider templates", tags=["providers"])
def get_templates(params: Annotated[TemplateListParams, Query()]) -> TemplateList:
    return list_templates(params, category=params.category, search=params.search)


handler = lambda_entry(app)
