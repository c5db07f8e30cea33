"""POST /api/tenant/webhooks/{webhookId}/rotate-secret: a new signing secret, answered once; the
old one keeps signing alongside it for 24 hours."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import SecretRotated
from hub.webhooks.service import rotate_secret

app = create_app()


@app.post("/api/tenant/webhooks/<webhookId>/rotate-secret", summary="Webhooks: rotate the signing secret",
          tags=["webhooks"])
def post_rotate_secret(webhookId: str) -> SecretRotated:
    return rotate_secret(current_principal().tenant_id, webhookId)


handler = lambda_entry(app)
