"""GET /connect (public): the hosted connect page. It reads its session token from the URL
fragment and calls the /api/connect routes with it (hub/sessions/page.py)."""

from hub.http import Response, create_app, lambda_entry
from hub.sessions.page import render_page

app = create_app()


@app.get("/connect", summary="The hosted connect page (HTML)", tags=["connect_page"],
         responses={200: {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}}})
def get_connect_page() -> Response[str]:
    body, headers = render_page()
    return Response(status_code=200, body=body, headers=headers)


handler = lambda_entry(app)
