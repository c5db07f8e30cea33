"""GET /api/admin/integrations/{category}/{id}/inbound-webhooks: where the provider's webhooks go
and whether the keys that verify them are configured (never the keys)."""

from hub.http import create_app, lambda_entry
from hub.inbound.models import InboundSettingsView
from hub.inbound.service import inbound_settings

app = create_app()


@app.get("/api/admin/integrations/<category>/<id>/inbound-webhooks", summary="A provider's inbound webhooks",
         tags=["providers"])
def get_inbound(category: str, id: str) -> InboundSettingsView:
    return inbound_settings(category, id)


handler = lambda_entry(app)
