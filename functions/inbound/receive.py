"""A provider's webhooks (public: the provider's signature is the credential), verified by its
template's scheme, acknowledged at once and processed from the inbound queue
(docs/inbound-webhooks.md). One function serves the three intake routes: they do one thing,
and one function per route would cost the stack resources it is short of (infra/constructs/api.py).

- POST /api/webhooks/in/{providerId}: the provider's webhook (keys the super admin stored);
- GET  /api/webhooks/in/{providerId}: its subscription handshake (Meta's `hub.challenge`);
- POST /api/webhooks/in/{providerId}/{integrationId}: to one integration's own URL, verified with
  the signing secret its tenant stored.
"""

from hub.http import Response, create_app, lambda_entry
from hub.inbound.intake import IntegrationId, ProviderId, receive, request_of
from hub.inbound.models import IntakeAck

app = create_app()


def _answer(provider_id: str, integration_id: str | None = None) -> Response[str]:
    answer = receive(request_of(provider_id, app.current_event.raw_event, integration_id))
    return Response(status_code=answer.status_code, content_type=answer.content_type, body=answer.body)


@app.post("/api/webhooks/in/<providerId>", summary="Receive a provider's webhook", tags=["inbound"],
          responses={200: {"description": "Accepted (or a replay, or a handshake answered)",
                           "content": {"application/json": {"model": IntakeAck}}}})
def post_webhook(providerId: ProviderId) -> Response[str]:
    return _answer(providerId)


@app.get("/api/webhooks/in/<providerId>", summary="Answer a provider's subscription handshake", tags=["inbound"],
         responses={200: {"description": "The challenge, echoed",
                          "content": {"text/plain": {"schema": {"type": "string"}}}}})
def get_handshake(providerId: ProviderId) -> Response[str]:
    return _answer(providerId)


@app.post("/api/webhooks/in/<providerId>/<integrationId>", summary="Receive a provider's webhook for one integration",
          tags=["inbound"], responses={200: {"description": "Accepted (or a replay)",
                                             "content": {"application/json": {"model": IntakeAck}}}})
def post_integration_webhook(providerId: ProviderId, integrationId: IntegrationId) -> Response[str]:
    return _answer(providerId, integrationId)


handler = lambda_entry(app)
