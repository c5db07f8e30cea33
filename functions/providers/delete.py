"""DELETE /api/admin/integrations/{category}/{id}: 409 while tenants use it, unless force=true."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from hub.cascades import delete_provider
from hub.catalog.models import ProviderDeleteParams
from hub.http import create_app, lambda_entry

app = create_app()


@app.delete("/api/admin/integrations/<category>/<id>", status_code=204, summary="Delete a provider", tags=["providers"])
def delete_one(category: str, id: str, query: Annotated[ProviderDeleteParams, Query()]) -> Response[None]:
    delete_provider(category, id, force=query.force)
    return Response(status_code=204)


handler = lambda_entry(app)
