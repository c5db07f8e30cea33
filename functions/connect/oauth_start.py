"""POST /api/connect/integrations/{id}/oauth (public, authenticated by the connect session's
token): start the OAuth flow in the page's popup; it returns to the page (`/connect?oauth=done`)."""

from functions.connect import IntegrationId
from hub.http import create_app, lambda_entry
from hub.sessions.connect import start_session_oauth
from hub.sessions.models import SessionOAuthStarted

app = create_app()


@app.post("/api/connect/integrations/<id>/oauth", summary="Start OAuth (connect page)", tags=["connect"])
def post_connect_oauth(id: IntegrationId) -> SessionOAuthStarted:
    return start_session_oauth(app.current_event.headers, id)


handler = lambda_entry(app)
