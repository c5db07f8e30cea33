"""POST /api/webhooks/in/{providerId} (public): a provider's webhook, verified by its template's
scheme, acknowledged at once and processed from the inbound queue (docs/inbound-webhooks.md)."""

from aws_lambda_powertools.event_handler import Response

from hub.http import create_app, lambda_entry
from hub.inbound.intake import ProviderId, receive, request_of

app = create_app()


@app.post("/api/webhooks/in/<providerId>", summary="Receive a provider's webhook", tags=["inbound"],
          responses={200: {"description": "Accepted (or a replay, or a handshake answered)"}})
def post_webhook(providerId: ProviderId) -> Response[str]:
    answer = receive(request_of(providerId, app.current_event.raw_event))
    return Response(status_code=answer.status_code, content_type=answer.content_type, body=answer.body)


handler = lambda_entry(app)
