"""PATCH /api/tenant/integrations/{id}/credentials: replace the credentials (verified first)."""

from typing import Annotated

from hub.connections.answers import CredentialsUpdated
from hub.connections.connect import update_credentials
from hub.connections.models import CredentialsUpdateRequest
from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.patch("/api/tenant/integrations/<id>/credentials", summary="Update the connection's credentials",
           tags=["connections"])
def patch_credentials(id: str, body: Annotated[CredentialsUpdateRequest, Body()]) -> CredentialsUpdated:
    updated = update_credentials(current_principal(), id, body.credentialType, body.credentials)
    return CredentialsUpdated.model_validate(updated)


handler = lambda_entry(app)
