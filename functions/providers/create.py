"""POST /api/admin/integrations: create a provider (from scratch or from a template)."""

from typing import Annotated

from hub.catalog.models import ProviderCreate, ProviderView
from hub.catalog.service import create_provider
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/admin/integrations", status_code=201, summary="Create a provider", tags=["providers"])
def post_provider(body: Annotated[ProviderCreate, Body()]) -> ProviderView:
    return create_provider(current_principal(), body)


handler = lambda_entry(app)
