"""The provider accounts an integration's connection answers for (tenant admin), one function
for both routes (hub/inbound/accounts.py):
- GET /api/tenant/integrations/{id}/inbound-accounts: each id, captured at connect or typed, and
  whether it receives;
- PUT the same: correct the list (validated per provider; a typed id another connection holds is 409)."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.inbound.accounts import inbound_accounts, set_inbound_accounts
from hub.inbound.models import InboundAccountsUpdate, InboundAccountsView

app = create_app()


@app.get("/api/tenant/integrations/<id>/inbound-accounts", summary="The provider accounts a connection answers for",
         tags=["integrations"])
def get_accounts(id: str) -> InboundAccountsView:
    return inbound_accounts(current_principal(), id)


@app.put("/api/tenant/integrations/<id>/inbound-accounts", summary="Correct the provider accounts a connection "
         "answers for", tags=["integrations"])
def put_accounts(id: str, body: Annotated[InboundAccountsUpdate, Body()]) -> InboundAccountsView:
    return set_inbound_accounts(current_principal(), id, body)


handler = lambda_entry(app)
