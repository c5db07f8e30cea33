from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.widget_data import WidgetData
from ...models.widgets_data_filters import WidgetsDataFilters
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    entity: str,
    fields: list[str] | Unset = UNSET,
    filters: WidgetsDataFilters | Unset = UNSET,
    limit: int | Unset = 10,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["entity"] = entity

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = fields


    params["fields"] = json_fields

    json_filters: dict[str, Any] | Unset = UNSET
    if not isinstance(filters, Unset):
        json_filters = filters.to_dict()
    if not isinstance(json_filters, Unset):
        params.update(json_filters)


    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tenant/integrations/{id}/widgets/data".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WidgetData | None:
    if response.status_code == 200:
        response_200 = WidgetData.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WidgetData]:
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
    entity: str,
    fields: list[str] | Unset = UNSET,
    filters: WidgetsDataFilters | Unset = UNSET,
    limit: int | Unset = 10,

) -> Response[ErrorEnvelope | WidgetData]:
    """ Provider data for a widget

    Args:
        id (str):
        entity (str):
        fields (list[str] | Unset):
        filters (WidgetsDataFilters | Unset):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WidgetData]
     """


    kwargs = _get_kwargs(
        id=id,
entity=entity,
fields=fields,
filters=filters,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    entity: str,
    fields: list[str] | Unset = UNSET,
    filters: WidgetsDataFilters | Unset = UNSET,
    limit: int | Unset = 10,

) -> ErrorEnvelope | WidgetData | None:
    """ Provider data for a widget

    Args:
        id (str):
        entity (str):
        fields (list[str] | Unset):
        filters (WidgetsDataFilters | Unset):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WidgetData
     """


    return sync_detailed(
        id=id,
client=client,
entity=entity,
fields=fields,
filters=filters,
limit=limit,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    entity: str,
    fields: list[str] | Unset = UNSET,
    filters: WidgetsDataFilters | Unset = UNSET,
    limit: int | Unset = 10,

) -> Response[ErrorEnvelope | WidgetData]:
    """ Provider data for a widget

    Args:
        id (str):
        entity (str):
        fields (list[str] | Unset):
        filters (WidgetsDataFilters | Unset):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WidgetData]
     """


    kwargs = _get_kwargs(
        id=id,
entity=entity,
fields=fields,
filters=filters,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    entity: str,
    fields: list[str] | Unset = UNSET,
    filters: WidgetsDataFilters | Unset = UNSET,
    limit: int | Unset = 10,

) -> ErrorEnvelope | WidgetData | None:
    """ Provider data for a widget

    Args:
        id (str):
        entity (str):
        fields (list[str] | Unset):
        filters (WidgetsDataFilters | Unset):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WidgetData
     """


    return (await asyncio_detailed(
        id=id,
client=client,
entity=entity,
fields=fields,
filters=filters,
limit=limit,

    )).parsed
