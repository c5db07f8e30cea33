"""GET /api/webhooks/in/{providerId} (public): a provider's subscription handshake (Meta's
`hub.challenge` with the verify token the super admin stored)."""

from aws_lambda_powertools.event_handler import Response

from hub.http import create_app, lambda_entry
from hub.inbound.intake import ProviderId, receive, request_of

app = create_app()


@app.get("/api/webhooks/in/<providerId>", summary="Answer a provider's subscription handshake", tags=["inbound"],
         responses={200: {"description": "The challenge, echoed"}})
def get_handshake(providerId: ProviderId) -> Response[str]:
    answer = receive(request_of(providerId, app.current_event.raw_event))
    return Response(status_code=answer.status_code, content_type=answer.content_type, body=answer.body)


handler = lambda_entry(app)
