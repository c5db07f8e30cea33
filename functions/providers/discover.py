"""POST /api/admin/integrations/discover: read a provider's OIDC / RFC 8414 metadata and show
the provider it describes, before anything is saved."""

from typing import Annotated

from hub.catalog.discovery import discover
from hub.catalog.models import DiscoverRequest, DiscoveryPreview
from hub.http import Body, create_app, lambda_entry

app = create_app()


@app.post("/api/admin/integrations/discover", summary="Preview a provider from its discovery metadata",
          tags=["providers"])
def post_discover(body: Annotated[DiscoverRequest, Body()]) -> DiscoveryPreview:
    return discover(body.url)


handler = lambda_entry(app)
