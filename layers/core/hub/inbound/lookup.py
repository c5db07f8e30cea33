"""The provider's own word on which account a new connection belongs to.

A template's `inboundWebhooks.accountLookup` names a request the hub makes once, right after a
connect, with the new access token or the checked API key (hub/connections/connect.py). Its answer is kept on the
connection record as `accountFields` and read by `connectAccountId` (hub/inbound/links.py):
- `values`: fields of the answer (HubSpot's access-token info says `hub_id`, the portal every
  webhook names as `portalId`);
- `confirm`: a value the browser carried back (GitHub's setup redirect adds `installation_id`,
  which GitHub warns can be spoofed) counts only when the answer lists it (the user's
  installations), so no one captures another account's events by editing a redirect.
A failed lookup captures nothing and never fails the connect: a tenant admin can still type the
id (hub/inbound/accounts.py), under the rules for typed ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.connections.verify import render_path
from hub.errors import HubError
from hub.observability import count_swallowed, logger
from hub.providers.templates import api_base_url, build_api_auth, json_path_value
from hub.validation import parse_json

if TYPE_CHECKING:
    from hub.connections.spec import ProviderSpec

MAX_LOOKUP_BYTES = 512 * 1024


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text[:200] or None


def account_fields(spec: ProviderSpec, access_token: str | None, callback_fields: Mapping[str, Any] | None,
                   credentials: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """The values the lookup found ({} when it failed); None when the template names none.
    An OAuth connect passes its new access token, an API-key connect its checked credentials."""
    template = spec.template
    inbound = template.inbound_webhooks if template is not None else None
    lookup = inbound.account_lookup if inbound is not None else None
    if template is None or lookup is None:
        return None
    if not access_token and not credentials:
        return {}
    import httpx

    from hub.urlguard import safe_request

    values = {**dict(spec.config), **{k: v for k, v in (callback_fields or {}).items() if v},
              "access_token": access_token or ""}
    try:
        url = api_base_url(template, dict(spec.config)) + render_path(lookup.path, values)
        auth = build_api_auth(template, access_token=access_token, credentials=credentials, config=dict(spec.config))
        response = safe_request(lookup.method, url, headers={"Accept": "application/json", **auth.headers},
                                purpose="account lookup", max_response_bytes=MAX_LOOKUP_BYTES)
        answer = parse_json(response.content) if response.status_code == 200 else None
    except (httpx.HTTPError, HubError, ValueError):
        answer = None
    if answer is None:
        # the path may hold the token (HubSpot): name the provider only
        logger.warning("account lookup failed; no inbound account captured", extra={"providerId": spec.provider_id})
        count_swallowed("InboundAccountLookupFailed")
        return {}
    found: dict[str, str] = {}
    for name, path in lookup.values.items():
        value = _scalar(json_path_value(answer, path))
        if value is not None:
            found[name] = value
    for name, source in lookup.confirm.items():
        given = _scalar((callback_fields or {}).get(name))
        items = json_path_value(answer, source.items_path) if source.items_path else answer
        listed = {_scalar(json_path_value(item, source.field)) for item in items} if isinstance(items, list) else set()
        if given is not None and given in listed:
            found[name] = given
    return found
