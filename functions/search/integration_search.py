"""GET /api/integrations/{id}/search: search one integration through the caller's connection."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.search.models import IntegrationSearchAnswer, IntegrationSearchParams
from hub.search.service import integration_search

app = create_app()


@app.get("/api/integrations/<id>/search", summary="Search one integration", tags=["search"])
def get_integration_search(id: str, query: Annotated[IntegrationSearchParams, Query()]) -> IntegrationSearchAnswer:
    return IntegrationSearchAnswer.model_validate(integration_search(current_principal(), id, query))


handler = lambda_entry(app)
