"""POST /api/connect/integrations/{id}/complete (public, authenticated by the connect session's
token): after the OAuth popup, the connection this session's flow stored; spends the session."""

from functions.connect import IntegrationId
from hub.http import create_app, lambda_entry
from hub.sessions.connect import complete_session_oauth
from hub.sessions.models import SessionResult

app = create_app()


@app.post("/api/connect/integrations/<id>/complete", summary="Finish OAuth (connect page)", tags=["connect"])
def post_connect_complete(id: IntegrationId) -> SessionResult:
    return complete_session_oauth(app.current_event.headers, id)


handler = lambda_entry(app)
