"""GET /api/integrations: the tenant catalog (audience tenant, status active or beta)."""

from hub.catalog.models import CatalogListParams
from hub.catalog.service import list_catalog
from hub.http import create_app, lambda_entry
from hub.http.app import parse_query

app = create_app()


@app.get("/api/integrations", summary="List available integrations", tags=["catalog"])
def get_catalog() -> dict:
    return list_catalog(parse_query(app, CatalogListParams))


handler = lambda_entry(app)
