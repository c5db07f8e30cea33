"""DELETE /api/tenant/integrations/{id}: removes the instance, its connections and their secrets."""

from hub.cascades import delete_integration
from hub.http import Response, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.delete("/api/tenant/integrations/<id>", status_code=204, summary="Delete an integration instance",
            tags=["integrations"])
def delete_one(id: str) -> Response[None]:
    delete_integration(current_principal().tenant_id, id)
    return Response(status_code=204)


handler = lambda_entry(app)
