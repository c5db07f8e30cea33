"""POST /api/admin/integrations/{category}/{id}/discover: fetch a registered provider's
metadata again; show what changed, or save it (`apply`)."""

from typing import Annotated

from hub.catalog.discovery import rediscover
from hub.catalog.models import RediscoverRequest, Rediscovery
from hub.http import Body, create_app, lambda_entry

app = create_app()


@app.post("/api/admin/integrations/<category>/<id>/discover", summary="Refresh a provider from its metadata",
          tags=["providers"])
def post_rediscover(category: str, id: str, body: Annotated[RediscoverRequest | None, Body()] = None) -> Rediscovery:
    return rediscover(category, id, apply=bool(body and body.apply))


handler = lambda_entry(app)
