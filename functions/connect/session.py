"""GET /api/connect/session (public, authenticated by the connect session's token): what the
connect page may offer, with each integration's credential form."""

from hub.http import create_app, lambda_entry
from hub.sessions.models import SessionView
from hub.sessions.service import read_session

app = create_app()


@app.get("/api/connect/session", summary="The connect session (connect page)", tags=["connect_page"])
def get_connect_session() -> SessionView:
    return read_session(app.current_event.headers)


handler = lambda_entry(app)
