"""GET /api/integrations: the tenant catalog (audience tenant, status active or beta)."""

from typing import Annotated

from hub.catalog.browse import list_catalog
from hub.catalog.entries import CatalogList, CatalogListParams
from hub.http import Query, create_app, lambda_entry

app = create_app()


@app.get("/api/integrations", summary="List available integrations", tags=["catalog"])
def get_catalog(query: Annotated[CatalogListParams, Query()]) -> CatalogList:
    return list_catalog(query)


handler = lambda_entry(app)
