"""GET /api/integrations/{id}/search: search one integration through the caller's connection."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.search.models import IntegrationSearchParams
from hub.search.service import integration_search

app = create_app()


@app.get("/api/integrations/<id>/search", summary="Search one integration", tags=["search"])
def get_integration_search(id: str) -> dict:
    return integration_search(current_principal(), id, parse_query(app, IntegrationSearchParams))


handler = lambda_entry(app)
