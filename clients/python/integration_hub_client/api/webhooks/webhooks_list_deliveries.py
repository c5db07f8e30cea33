from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_list import DeliveryList
from ...models.error_envelope import ErrorEnvelope
from ...models.webhooks_list_deliveries_sort_order import WebhooksListDeliveriesSortOrder
from ...models.webhooks_list_deliveries_status import WebhooksListDeliveriesStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    webhook_id: str,
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: WebhooksListDeliveriesSortOrder | Unset = WebhooksListDeliveriesSortOrder.DESC,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["sortBy"] = sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["eventType"] = event_type


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tenant/webhooks/{webhook_id}/deliveries".format(webhook_id=quote(str(webhook_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryList | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = DeliveryList.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeliveryList | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: WebhooksListDeliveriesSortOrder | Unset = WebhooksListDeliveriesSortOrder.DESC,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[DeliveryList | ErrorEnvelope]:
    """ Webhooks: list deliveries

    Args:
        webhook_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (WebhooksListDeliveriesSortOrder | Unset):  Default:
            WebhooksListDeliveriesSortOrder.DESC.
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
event_type=event_type,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: WebhooksListDeliveriesSortOrder | Unset = WebhooksListDeliveriesSortOrder.DESC,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> DeliveryList | ErrorEnvelope | None:
    """ Webhooks: list deliveries

    Args:
        webhook_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (WebhooksListDeliveriesSortOrder | Unset):  Default:
            WebhooksListDeliveriesSortOrder.DESC.
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | ErrorEnvelope
     """


    return sync_detailed(
        webhook_id=webhook_id,
client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
event_type=event_type,

    ).parsed

async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: WebhooksListDeliveriesSortOrder | Unset = WebhooksListDeliveriesSortOrder.DESC,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[DeliveryList | ErrorEnvelope]:
    """ Webhooks: list deliveries

    Args:
        webhook_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (WebhooksListDeliveriesSortOrder | Unset):  Default:
            WebhooksListDeliveriesSortOrder.DESC.
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
event_type=event_type,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: WebhooksListDeliveriesSortOrder | Unset = WebhooksListDeliveriesSortOrder.DESC,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> DeliveryList | ErrorEnvelope | None:
    """ Webhooks: list deliveries

    Args:
        webhook_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (WebhooksListDeliveriesSortOrder | Unset):  Default:
            WebhooksListDeliveriesSortOrder.DESC.
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | ErrorEnvelope
     """


    return (await asyncio_detailed(
        webhook_id=webhook_id,
client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
event_type=event_type,

    )).parsed
