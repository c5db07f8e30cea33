"""Any method on /api/user/integrations/{id}/proxy/{path+}, and on .../proxy for the API
base URL itself: the caller's own connection calls the provider's API (docs/proxy.md)."""

from hub.http import Response, create_app, lambda_entry
from hub.http.context import current_principal
from hub.proxy.handler import proxy_request_of, to_response
from hub.proxy.service import proxy_call

app = create_app(greedy_tail=True)


@app.route("/api/user/integrations/<id>/proxy/<path>", method=["GET", "POST", "PUT", "PATCH", "DELETE"],
           summary="Call the provider's API through my connection", tags=["proxy"],
           enable_validation=False)  # any body, any query: forwarded as it came (docs/proxy.md)
def proxy(id: str, path: str) -> Response[bytes]:
    return to_response(proxy_call(current_principal(), id, proxy_request_of(app.current_event, path),
                                  user_scoped=True))


@app.route("/api/user/integrations/<id>/proxy", method=["GET", "POST", "PUT", "PATCH", "DELETE"],
           summary="Call the provider's API through my connection (its API base URL itself)",
           tags=["proxy"], enable_validation=False)
def proxy_root(id: str) -> Response[bytes]:
    return to_response(proxy_call(current_principal(), id, proxy_request_of(app.current_event, ""),
                                  user_scoped=True))


handler = lambda_entry(app)
