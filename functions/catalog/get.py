"""GET /api/integrations/{category}/{id}: one catalog entry."""

from hub.catalog.browse import get_catalog_provider
from hub.catalog.entries import CatalogEntry
from hub.http import create_app, lambda_entry

app = create_app()


@app.get("/api/integrations/<category>/<id>", summary="Get integration details", tags=["catalog"])
def get_entry(category: str, id: str) -> CatalogEntry:
    return get_catalog_provider(category, id)


handler = lambda_entry(app)
