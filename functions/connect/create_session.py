"""POST /api/tenant/connect-sessions: a connect session for the hosted connect page; the answer
carries its single-use token (once) and the page's link."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.sessions.models import SessionCreate, SessionCreated
from hub.sessions.service import create_session

app = create_app()


@app.post("/api/tenant/connect-sessions", status_code=201, summary="Create a connect session", tags=["connect"])
def post_connect_session(body: Annotated[SessionCreate, Body()]) -> SessionCreated:
    return create_session(current_principal(), body)


handler = lambda_entry(app)
