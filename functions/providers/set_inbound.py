"""PUT /api/admin/integrations/{category}/{id}/inbound-webhooks: store the keys that verify the
provider's webhooks (signing secret, public key, verify token) in the vault."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Body

from hub.http import create_app, lambda_entry
from hub.inbound.models import InboundKeysUpdate, InboundSettingsView
from hub.inbound.service import set_inbound_keys

app = create_app()


@app.put("/api/admin/integrations/<category>/<id>/inbound-webhooks", summary="Set a provider's inbound webhook keys",
         tags=["providers"])
def put_inbound(category: str, id: str, body: Annotated[InboundKeysUpdate, Body()]) -> InboundSettingsView:
    return set_inbound_keys(category, id, body)


handler = lambda_entry(app)
