"""PATCH /api/admin/integrations/{category}/{id}: partial update of a provider."""

from typing import Annotated

from hub.catalog.models import ProviderUpdate, ProviderView
from hub.catalog.service import update_provider
from hub.http import Body, create_app, lambda_entry

app = create_app()


@app.patch("/api/admin/integrations/<category>/<id>", summary="Update a provider", tags=["providers"])
def patch_provider(category: str, id: str, body: Annotated[ProviderUpdate, Body()]) -> ProviderView:
    return update_provider(category, id, body)


handler = lambda_entry(app)
