"""GET /api/tenant/webhooks/event-types: every event type with the JSON schema of its message."""

from hub.http import create_app, lambda_entry
from hub.webhooks.event_types import EventTypeList, event_type_catalog

app = create_app()


@app.get("/api/tenant/webhooks/event-types", summary="Webhooks: the event-type catalog", tags=["webhooks"])
def get_event_types() -> EventTypeList:
    return event_type_catalog()


handler = lambda_entry(app)
