"""GET /api/integrations/oauth/start?flow=... (public): the browser opens the authorization URL
the connect answer gave. First answer: a page naming the tenant, the user and the provider, with
a Continue link that works only in this browser (hub.connections.state, "Bound to its
initiator"). Continue: the flow is bound to this browser (HttpOnly cookie, once) and the browser
is sent (302) to the provider. 400 OAUTH_FAILED when the flow is unknown, expired or was
already opened (by this or another browser).
"""

from hub.connections import start_page
from hub.connections.oauth import StartPage, browser_cookie, start_in_browser
from hub.http import Response, create_app, lambda_entry
from hub.http.cookies import request_cookies

app = create_app()


@app.get("/api/integrations/oauth/start", summary="Start the OAuth flow in this browser (a page, then the provider)",
         tags=["oauth"], responses={200: {"description": "The page naming whose flow this is",
                                         "content": {"text/html": {"schema": {"type": "string"}}}},
                                    302: {"description": "Redirect to the provider's authorization page"}})
def get_start() -> Response[str]:
    query = app.current_event.query_string_parameters or {}
    flow = query.get("flow")
    answer = start_in_browser(flow, query.get("confirm"), request_cookies(app.current_event))
    if isinstance(answer, StartPage):
        return Response(status_code=200, body=start_page.render(answer, flow or ""), headers=start_page.HEADERS,
                        cookies=[browser_cookie(answer.cookie_name, answer.confirm, answer.summary.max_age)])
    return Response(
        status_code=302,
        body="",
        headers={
            "Location": answer.provider_url,
            # the provider URL carries the state: keep it out of caches and referrers
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
        cookies=[browser_cookie(answer.cookie_name, answer.nonce, answer.max_age),
                 browser_cookie(answer.confirm_cookie, "", 0)],
    )


handler = lambda_entry(app)
