"""GET /api/admin/integrations: list providers (category / status / audience filters)."""

from typing import Annotated

from hub.catalog.models import ProviderList, ProviderListParams
from hub.catalog.service import list_providers
from hub.http import Query, create_app, lambda_entry

app = create_app()


@app.get("/api/admin/integrations", summary="List providers", tags=["providers"])
def get_providers(query: Annotated[ProviderListParams, Query()]) -> ProviderList:
    return list_providers(query)


handler = lambda_entry(app)
