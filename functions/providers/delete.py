"""DELETE /api/admin/integrations/{category}/{id}: 409 while tenants use it, unless force=true."""

from aws_lambda_powertools.event_handler import Response

from hub.cascades import delete_provider
from hub.catalog.models import ProviderDeleteParams
from hub.http import create_app, lambda_entry
from hub.http.app import parse_query

app = create_app()


@app.delete("/api/admin/integrations/<category>/<id>", summary="Delete a provider", tags=["providers"])
def delete_one(category: str, id: str) -> Response[None]:
    delete_provider(category, id, force=parse_query(app, ProviderDeleteParams).force)
    return Response(status_code=204)


handler = lambda_entry(app)
