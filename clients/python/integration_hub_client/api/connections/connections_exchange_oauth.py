from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connection_status_view import ConnectionStatusView
from ...models.error_envelope import ErrorEnvelope
from ...models.o_auth_exchange_request import OAuthExchangeRequest
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: OAuthExchangeRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tenant/integrations/{id}/connect/oauth/exchange".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConnectionStatusView | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = ConnectionStatusView.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConnectionStatusView | ErrorEnvelope]:
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
    body: OAuthExchangeRequest,

) -> Response[ConnectionStatusView | ErrorEnvelope]:
    """ Exchange an authorization code

    Args:
        id (str):
        body (OAuthExchangeRequest): Only for a flow the hub started (connect/oauth with a
            frontend `redirectUri`): the hub's
            state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored
            with
            it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
            redeemed by someone who did not start the flow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionStatusView | ErrorEnvelope]
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
    body: OAuthExchangeRequest,

) -> ConnectionStatusView | ErrorEnvelope | None:
    """ Exchange an authorization code

    Args:
        id (str):
        body (OAuthExchangeRequest): Only for a flow the hub started (connect/oauth with a
            frontend `redirectUri`): the hub's
            state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored
            with
            it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
            redeemed by someone who did not start the flow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionStatusView | ErrorEnvelope
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
    body: OAuthExchangeRequest,

) -> Response[ConnectionStatusView | ErrorEnvelope]:
    """ Exchange an authorization code

    Args:
        id (str):
        body (OAuthExchangeRequest): Only for a flow the hub started (connect/oauth with a
            frontend `redirectUri`): the hub's
            state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored
            with
            it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
            redeemed by someone who did not start the flow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionStatusView | ErrorEnvelope]
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
    body: OAuthExchangeRequest,

) -> ConnectionStatusView | ErrorEnvelope | None:
    """ Exchange an authorization code

    Args:
        id (str):
        body (OAuthExchangeRequest): Only for a flow the hub started (connect/oauth with a
            frontend `redirectUri`): the hub's
            state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored
            with
            it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
            redeemed by someone who did not start the flow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionStatusView | ErrorEnvelope
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
