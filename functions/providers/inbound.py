"""A provider's inbound webhooks (super admin), one function for both routes:
- GET /api/admin/integrations/{category}/{id}/inbound-webhooks: where the provider's webhooks go
  and whether the keys that verify them are configured (never the keys);
- PUT the same: store the keys (signing secret, public key, verify token) in the vault."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.inbound.models import InboundKeysUpdate, InboundSettingsView
from hub.inbound.service import inbound_settings, set_inbound_keys

app = create_app()


@app.get("/api/admin/integrations/<category>/<id>/inbound-webhooks", summary="A provider's inbound webhooks",
         tags=["providers"])
def get_inbound(category: str, id: str) -> InboundSettingsView:
    return inbound_settings(category, id)


@app.put("/api/admin/integrations/<category>/<id>/inbound-webhooks", summary="Set a provider's inbound webhook keys",
         tags=["providers"])
def put_inbound(category: str, id: str, body: Annotated[InboundKeysUpdate, Body()]) -> InboundSettingsView:
    return set_inbound_keys(category, id, body)


handler = lambda_entry(app)
