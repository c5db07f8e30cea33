from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_list import CatalogList
from ...models.catalog_list_sort_order import CatalogListSortOrder
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: CatalogListSortOrder | Unset = CatalogListSortOrder.ASC,
    category: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["sortBy"] = sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    params["category"] = category

    params["search"] = search


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/integrations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogList | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CatalogList.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogList | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: CatalogListSortOrder | Unset = CatalogListSortOrder.ASC,
    category: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[CatalogList | ErrorEnvelope]:
    """ List available integrations

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (CatalogListSortOrder | Unset):  Default: CatalogListSortOrder.ASC.
        category (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogList | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
search=search,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: CatalogListSortOrder | Unset = CatalogListSortOrder.ASC,
    category: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> CatalogList | ErrorEnvelope | None:
    """ List available integrations

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (CatalogListSortOrder | Unset):  Default: CatalogListSortOrder.ASC.
        category (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogList | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
search=search,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: CatalogListSortOrder | Unset = CatalogListSortOrder.ASC,
    category: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[CatalogList | ErrorEnvelope]:
    """ List available integrations

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (CatalogListSortOrder | Unset):  Default: CatalogListSortOrder.ASC.
        category (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogList | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
search=search,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: CatalogListSortOrder | Unset = CatalogListSortOrder.ASC,
    category: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> CatalogList | ErrorEnvelope | None:
    """ List available integrations

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (CatalogListSortOrder | Unset):  Default: CatalogListSortOrder.ASC.
        category (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogList | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
search=search,

    )).parsed
