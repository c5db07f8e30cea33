"""GET /api/integrations/oauth/start?flow=... (public): the browser opens the authorization URL
the connect answer gave; the flow is bound to this browser (HttpOnly cookie, once) and the
browser is sent (302) to the provider. 400 OAUTH_FAILED when the flow is unknown, expired or
was already opened (by this or another browser).
"""

from aws_lambda_powertools.event_handler import Response

from hub.connections.oauth import browser_cookie, start_in_browser
from hub.http import create_app, lambda_entry

app = create_app()


@app.get("/api/integrations/oauth/start", summary="Start the OAuth flow in this browser (redirects to the provider)",
         tags=["oauth"], responses={302: {"description": "Redirect to the provider's authorization page"}})
def get_start() -> Response[str]:
    flow = (app.current_event.query_string_parameters or {}).get("flow")
    bound = start_in_browser(flow)
    return Response(
        status_code=302,
        body="",
        headers={
            "Location": bound.provider_url,
            # the provider URL carries the state: keep it out of caches and referrers
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
        cookies=[browser_cookie(bound.cookie_name, bound.nonce, bound.max_age)],
    )


handler = lambda_entry(app)
