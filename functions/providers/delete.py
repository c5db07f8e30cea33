"""DELETE /api/admin/integrations/{category}/{id}: 409 while tenants use it, unless force=true."""

from typing import Annotated

from hub.cascades import ProviderDeleteParams, delete_provider
from hub.http import Query, Response, create_app, lambda_entry

app = create_app()


@app.delete("/api/admin/integrations/<category>/<id>", status_code=204, summary="Delete a provider", tags=["providers"])
def delete_one(category: str, id: str, query: Annotated[ProviderDeleteParams, Query()]) -> Response[None]:
    delete_provider(category, id, force=query.force)
    return Response(status_code=204)


handler = lambda_entry(app)
