"""GET /api/integrations/oauth/callback (public): the provider sends the browser back here.

Answers 302 to the return URL stored with the state, with the outcome in its query
(`status=connected|error`, `integrationId`, `connectionId` or `error` + `message`); 400
OAUTH_FAILED when the state is missing, unknown, used, expired or tampered with. The browser
must carry the cookie the start route set (`hub.connections.state`); the cookie is cleared.
"""

from hub.connections.oauth import browser_cookie, callback_cookie_name, handle_callback
from hub.http import Response, create_app, lambda_entry
from hub.http.cookies import request_cookies

app = create_app()


@app.get("/api/integrations/oauth/callback", summary="OAuth callback (redirects to the return URL)",
         tags=["oauth"], responses={302: {"description": "Redirect to the stored return URL with the outcome"}})
def get_callback() -> Response[str]:
    params = dict(app.current_event.query_string_parameters or {})
    location = handle_callback(params, request_cookies(app.current_event))
    spent = callback_cookie_name(params)
    return Response(
        status_code=302,
        body="",
        headers={
            "Location": location,
            # the request URL carried an authorization code: keep it out of caches and referrers
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
        cookies=[browser_cookie(spent, "", 0)] if spent else None,
    )


handler = lambda_entry(app)
