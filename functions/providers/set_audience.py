"""PATCH /api/admin/integrations/{category}/{id}/audience."""

from typing import Annotated

from hub.catalog.models import ProviderAudienceUpdate, ProviderAudienceView
from hub.catalog.service import set_provider_audience
from hub.http import Body, create_app, lambda_entry

app = create_app()


@app.patch("/api/admin/integrations/<category>/<id>/audience", summary="Set a provider's audience",
           tags=["providers"])
def patch_audience(category: str, id: str, body: Annotated[ProviderAudienceUpdate, Body()]) -> ProviderAudienceView:
    return set_provider_audience(category, id, body.audience)


handler = lambda_entry(app)
