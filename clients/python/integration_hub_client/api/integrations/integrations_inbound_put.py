from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.integration_intake_view import IntegrationIntakeView
from ...models.integration_keys_update import IntegrationKeysUpdate
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: IntegrationKeysUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/tenant/integrations/{id}/inbound-webhooks".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | IntegrationIntakeView | None:
    if response.status_code == 200:
        response_200 = IntegrationIntakeView.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | IntegrationIntakeView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: IntegrationKeysUpdate,

) -> Response[ErrorEnvelope | IntegrationIntakeView]:
    """ Set an integration's webhook signing secret

    Args:
        id (str):
        body (IntegrationKeysUpdate): PUT /api/tenant/integrations/{id}/inbound-webhooks: the
            signing secret of the provider
            app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationIntakeView]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: IntegrationKeysUpdate,

) -> ErrorEnvelope | IntegrationIntakeView | None:
    """ Set an integration's webhook signing secret

    Args:
        id (str):
        body (IntegrationKeysUpdate): PUT /api/tenant/integrations/{id}/inbound-webhooks: the
            signing secret of the provider
            app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationIntakeView
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: IntegrationKeysUpdate,

) -> Response[ErrorEnvelope | IntegrationIntakeView]:
    """ Set an integration's webhook signing secret

    Args:
        id (str):
        body (IntegrationKeysUpdate): PUT /api/tenant/integrations/{id}/inbound-webhooks: the
            signing secret of the provider
            app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationIntakeView]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: IntegrationKeysUpdate,

) -> ErrorEnvelope | IntegrationIntakeView | None:
    """ Set an integration's webhook signing secret

    Args:
        id (str):
        body (IntegrationKeysUpdate): PUT /api/tenant/integrations/{id}/inbound-webhooks: the
            signing secret of the provider
            app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationIntakeView
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
