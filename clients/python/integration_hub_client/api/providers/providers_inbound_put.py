from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.inbound_keys_update import InboundKeysUpdate
from ...models.inbound_settings_view import InboundSettingsView
from typing import cast



def _get_kwargs(
    category: str,
    id: str,
    *,
    body: InboundKeysUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/admin/integrations/{category}/{id}/inbound-webhooks".format(category=quote(str(category), safe=""),id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | InboundSettingsView | None:
    if response.status_code == 200:
        response_200 = InboundSettingsView.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())



        return response_415

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | InboundSettingsView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    category: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: InboundKeysUpdate,

) -> Response[ErrorEnvelope | InboundSettingsView]:
    """ Set a provider's inbound webhook keys

    Args:
        category (str):
        id (str):
        body (InboundKeysUpdate): PUT /api/admin/integrations/{category}/{id}/inbound-webhooks:
            the keys the provider's
            inbound webhooks are verified with. Only the fields sent change; null removes one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | InboundSettingsView]
     """


    kwargs = _get_kwargs(
        category=category,
id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    category: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: InboundKeysUpdate,

) -> ErrorEnvelope | InboundSettingsView | None:
    """ Set a provider's inbound webhook keys

    Args:
        category (str):
        id (str):
        body (InboundKeysUpdate): PUT /api/admin/integrations/{category}/{id}/inbound-webhooks:
            the keys the provider's
            inbound webhooks are verified with. Only the fields sent change; null removes one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | InboundSettingsView
     """


    return sync_detailed(
        category=category,
id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    category: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: InboundKeysUpdate,

) -> Response[ErrorEnvelope | InboundSettingsView]:
    """ Set a provider's inbound webhook keys

    Args:
        category (str):
        id (str):
        body (InboundKeysUpdate): PUT /api/admin/integrations/{category}/{id}/inbound-webhooks:
            the keys the provider's
            inbound webhooks are verified with. Only the fields sent change; null removes one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | InboundSettingsView]
     """


    kwargs = _get_kwargs(
        category=category,
id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    category: str,
    id: str,
    *,
    client: AuthenticatedClient,
    body: InboundKeysUpdate,

) -> ErrorEnvelope | InboundSettingsView | None:
    """ Set a provider's inbound webhook keys

    Args:
        category (str):
        id (str):
        body (InboundKeysUpdate): PUT /api/admin/integrations/{category}/{id}/inbound-webhooks:
            the keys the provider's
            inbound webhooks are verified with. Only the fields sent change; null removes one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | InboundSettingsView
     """


    return (await asyncio_detailed(
        category=category,
id=id,
client=client,
body=body,

    )).parsed
