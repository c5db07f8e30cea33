"""POST /api/connect/integrations/{id}/credentials (public, authenticated by the connect
session's token): connect with typed-in credentials; spends the session."""

from typing import Annotated

from functions.connect import IntegrationId
from hub.http import Body, create_app, lambda_entry
from hub.sessions.connect import connect_with_session_credentials
from hub.sessions.models import CredentialsSubmit, SessionResult

app = create_app()


@app.post("/api/connect/integrations/<id>/credentials", summary="Connect with credentials (connect page)",
          tags=["connect"])
def post_connect_credentials(id: IntegrationId, body: Annotated[CredentialsSubmit, Body()]) -> SessionResult:
    return connect_with_session_credentials(app.current_event.headers, id, body)


handler = lambda_entry(app)
