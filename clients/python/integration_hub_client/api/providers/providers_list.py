from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.provider_list import ProviderList
from ...models.providers_list_audience import ProvidersListAudience
from ...models.providers_list_sort_order import ProvidersListSortOrder
from ...models.providers_list_status import ProvidersListStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: ProvidersListSortOrder | Unset = ProvidersListSortOrder.ASC,
    category: str | Unset = UNSET,
    status: ProvidersListStatus | Unset = UNSET,
    audience: ProvidersListAudience | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_audience: str | Unset = UNSET
    if not isinstance(audience, Unset):
        json_audience = audience.value

    params["audience"] = json_audience

    params["search"] = search


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/admin/integrations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ProviderList | None:
    if response.status_code == 200:
        response_200 = ProviderList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ProviderList]:
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
    sort_order: ProvidersListSortOrder | Unset = ProvidersListSortOrder.ASC,
    category: str | Unset = UNSET,
    status: ProvidersListStatus | Unset = UNSET,
    audience: ProvidersListAudience | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[ErrorEnvelope | ProviderList]:
    """ List providers

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (ProvidersListSortOrder | Unset):  Default: ProvidersListSortOrder.ASC.
        category (str | Unset):
        status (ProvidersListStatus | Unset):
        audience (ProvidersListAudience | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ProviderList]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
status=status,
audience=audience,
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
    sort_order: ProvidersListSortOrder | Unset = ProvidersListSortOrder.ASC,
    category: str | Unset = UNSET,
    status: ProvidersListStatus | Unset = UNSET,
    audience: ProvidersListAudience | Unset = UNSET,
    search: str | Unset = UNSET,

) -> ErrorEnvelope | ProviderList | None:
    """ List providers

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (ProvidersListSortOrder | Unset):  Default: ProvidersListSortOrder.ASC.
        category (str | Unset):
        status (ProvidersListStatus | Unset):
        audience (ProvidersListAudience | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ProviderList
     """


    return sync_detailed(
        client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
status=status,
audience=audience,
search=search,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: ProvidersListSortOrder | Unset = ProvidersListSortOrder.ASC,
    category: str | Unset = UNSET,
    status: ProvidersListStatus | Unset = UNSET,
    audience: ProvidersListAudience | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[ErrorEnvelope | ProviderList]:
    """ List providers

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (ProvidersListSortOrder | Unset):  Default: ProvidersListSortOrder.ASC.
        category (str | Unset):
        status (ProvidersListStatus | Unset):
        audience (ProvidersListAudience | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ProviderList]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
status=status,
audience=audience,
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
    sort_order: ProvidersListSortOrder | Unset = ProvidersListSortOrder.ASC,
    category: str | Unset = UNSET,
    status: ProvidersListStatus | Unset = UNSET,
    audience: ProvidersListAudience | Unset = UNSET,
    search: str | Unset = UNSET,

) -> ErrorEnvelope | ProviderList | None:
    """ List providers

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (ProvidersListSortOrder | Unset):  Default: ProvidersListSortOrder.ASC.
        category (str | Unset):
        status (ProvidersListStatus | Unset):
        audience (ProvidersListAudience | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ProviderList
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
category=category,
status=status,
audience=audience,
search=search,

    )).parsed
