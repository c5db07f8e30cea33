"""PATCH /api/admin/integrations/{category}/{id}/status."""

from typing import Annotated

from hub.catalog.models import ProviderStatusUpdate, ProviderStatusView
from hub.catalog.service import set_provider_status
from hub.http import Body, create_app, lambda_entry

app = create_app()


@app.patch("/api/admin/integrations/<category>/<id>/status", summary="Set a provider's status", tags=["providers"])
def patch_status(category: str, id: str, body: Annotated[ProviderStatusUpdate, Body()]) -> ProviderStatusView:
    return set_provider_status(category, id, body.status)


handler = lambda_entry(app)
