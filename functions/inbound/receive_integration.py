"""POST /api/webhooks/in/{providerId}/{integrationId} (public): a provider's webhook to one
integration's own URL, verified with the signing secret the tenant stored for it; its events
belong to that integration's connection (docs/inbound-webhooks.md)."""

from aws_lambda_powertools.event_handler import Response

from hub.http import create_app, lambda_entry
from hub.inbound.intake import IntegrationId, ProviderId, receive, request_of

app = create_app()


@app.post("/api/webhooks/in/<providerId>/<integrationId>", summary="Receive a provider's webhook for one integration",
          tags=["inbound"], responses={200: {"description": "Accepted (or a replay)"}})
def post_integration_webhook(providerId: ProviderId, integrationId: IntegrationId) -> Response[str]:
    answer = receive(request_of(providerId, app.current_event.raw_event, integrationId))
    return Response(status_code=answer.status_code, content_type=answer.content_type, body=answer.body)


handler = lambda_entry(app)
