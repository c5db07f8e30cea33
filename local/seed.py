"""Seed data for the local stack: the sandbox providers, so a person can connect the sandbox
end to end right after `make run` (README: "Connecting a provider").

Created through the domain functions (as a super admin would), not over HTTP, and only when
missing, so restarting against the same moto state is harmless.
"""

from __future__ import annotations

from typing import Any

SEED_PRINCIPAL_USER = "local-seed"
SANDBOX_PROVIDERS = ("sandbox", "sandbox-apikey")


def seed_sandbox_providers(client_id: str | None = None, client_secret: str | None = None) -> list[str]:
    """Create the `sandbox` (OAuth2, with the sandbox's client) and `sandbox-apikey` providers
    from their templates if they do not exist. Returns the ids it created."""
    from hub.catalog.models import OAuthConfigInput, ProviderCreate
    from hub.catalog.repository import ProviderRepository
    from hub.catalog.service import create_provider
    from hub.principal import Principal
    from local.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    admin = Principal(user_id=SEED_PRINCIPAL_USER, tenant_id="platform", roles=frozenset({"super_admin"}))
    repository = ProviderRepository()
    created = []
    if repository.get_provider("sandbox") is None:
        oauth = OAuthConfigInput(clientId=client_id or DEFAULT_CLIENT_ID,
                                 clientSecret=client_secret or DEFAULT_CLIENT_SECRET)
        create_provider(admin, ProviderCreate(provider="sandbox", templateId="sandbox", oauthConfig=oauth))
        created.append("sandbox")
    if repository.get_provider("sandbox-apikey") is None:
        create_provider(admin, ProviderCreate(provider="sandbox-apikey", templateId="sandbox-apikey"))
        created.append("sandbox-apikey")
    return created


def seed_sandbox(stack: Any) -> None:
    """A LocalStack extra: runs after the resources exist, before the API starts."""
    if not getattr(stack, "sandbox_url", ""):
        return
    created = seed_sandbox_providers()
    if created and not getattr(stack, "quiet", False):
        print(f"seeded providers: {', '.join(created)}", flush=True)
