from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    flow: str | Unset = UNSET,
    confirm: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["flow"] = flow

    params["confirm"] = confirm


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/integrations/oauth/start",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow: str | Unset = UNSET,
    confirm: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | str]:
    """ Start the OAuth flow in this browser (a page, then the provider)

    Args:
        flow (str | Unset):
        confirm (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        flow=flow,
confirm=confirm,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    flow: str | Unset = UNSET,
    confirm: str | Unset = UNSET,

) -> Any | ErrorEnvelope | str | None:
    """ Start the OAuth flow in this browser (a page, then the provider)

    Args:
        flow (str | Unset):
        confirm (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | str
     """


    return sync_detailed(
        client=client,
flow=flow,
confirm=confirm,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow: str | Unset = UNSET,
    confirm: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | str]:
    """ Start the OAuth flow in this browser (a page, then the provider)

    Args:
        flow (str | Unset):
        confirm (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        flow=flow,
confirm=confirm,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    flow: str | Unset = UNSET,
    confirm: str | Unset = UNSET,

) -> Any | ErrorEnvelope | str | None:
    """ Start the OAuth flow in this browser (a page, then the provider)

    Args:
        flow (str | Unset):
        confirm (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | str
     """


    return (await asyncio_detailed(
        client=client,
flow=flow,
confirm=confirm,

    )).parsed
