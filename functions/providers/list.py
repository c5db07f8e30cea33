"""GET /api/admin/integrations: list providers (category / status / audience filters)."""

from hub.catalog.models import ProviderListParams
from hub.catalog.service import list_providers
from hub.http import create_app, lambda_entry
from hub.http.app import parse_query

app = create_app()


@app.get("/api/admin/integrations", summary="List providers", tags=["providers"])
def get_providers() -> dict:
    return list_providers(parse_query(app, ProviderListParams))


handler = lambda_entry(app)
