"""GET /api/tenant/inbound-events/{inboundId}/payload?index=N: the payload of a provider event
too large to ride its `provider.event` (over HUB_INBOUND_INLINE_PAYLOAD_BYTES), as the compact
JSON whose SHA-256 the event's `payloadSha256` names; only to a tenant the event was published
to, while the delivery is kept (hub/inbound/payloads.py, docs/inbound-webhooks.md)."""

from typing import Annotated

from hub.http import Path, Query, Response, create_app, lambda_entry
from hub.http.context import current_principal
from hub.inbound.models import PayloadParams
from hub.inbound.payloads import read_event_payload

app = create_app()
# the provider's own JSON: an event object (or, for a provider that sends one, an array)
PAYLOAD_SCHEMA = {"anyOf": [{"type": "object", "additionalProperties": True}, {"type": "array", "items": {}}]}
InboundId = Annotated[str, Path(pattern=r"^inb_[A-Za-z0-9-]{1,64}$", description="the provider.event's inboundId")]


@app.get("/api/tenant/inbound-events/<inboundId>/payload", summary="The payload of a large provider event",
         tags=["inbound_events"],
         responses={200: {"description": "The event's payload (compact JSON; its SHA-256 is the event's payloadSha256)",
                          "content": {"application/json": {"schema": PAYLOAD_SCHEMA}}}})
def get_payload(inboundId: InboundId, query: Annotated[PayloadParams, Query()]) -> Response[bytes]:
    body = read_event_payload(current_principal(), inboundId, query.index)
    return Response(status_code=200, content_type="application/json", body=body)


handler = lambda_entry(app)
