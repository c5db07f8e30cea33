from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.integration_search_answer import IntegrationSearchAnswer
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    query: str,
    entities: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["query"] = query

    json_entities: list[str] | Unset = UNSET
    if not isinstance(entities, Unset):
        json_entities = entities


    params["entities"] = json_entities

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/integrations/{id}/search".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | IntegrationSearchAnswer | None:
    if response.status_code == 200:
        response_200 = IntegrationSearchAnswer.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())



        return response_502

    if response.status_code == 504:
        response_504 = ErrorEnvelope.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | IntegrationSearchAnswer]:
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
    query: str,
    entities: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    offset: int | Unset = 0,

) -> Response[ErrorEnvelope | IntegrationSearchAnswer]:
    """ Search one integration

    Args:
        id (str):
        query (str):
        entities (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationSearchAnswer]
     """


    kwargs = _get_kwargs(
        id=id,
query=query,
entities=entities,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    query: str,
    entities: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    offset: int | Unset = 0,

) -> ErrorEnvelope | IntegrationSearchAnswer | None:
    """ Search one integration

    Args:
        id (str):
        query (str):
        entities (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationSearchAnswer
     """


    return sync_detailed(
        id=id,
client=client,
query=query,
entities=entities,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    query: str,
    entities: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    offset: int | Unset = 0,

) -> Response[ErrorEnvelope | IntegrationSearchAnswer]:
    """ Search one integration

    Args:
        id (str):
        query (str):
        entities (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationSearchAnswer]
     """


    kwargs = _get_kwargs(
        id=id,
query=query,
entities=entities,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    query: str,
    entities: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    offset: int | Unset = 0,

) -> ErrorEnvelope | IntegrationSearchAnswer | None:
    """ Search one integration

    Args:
        id (str):
        query (str):
        entities (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationSearchAnswer
     """


    return (await asyncio_detailed(
        id=id,
client=client,
query=query,
entities=entities,
limit=limit,
offset=offset,

    )).parsed
