from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.widget_activity import WidgetActivity
from ...models.widgets_activity_time_range import WidgetsActivityTimeRange
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    time_range: WidgetsActivityTimeRange | Unset = WidgetsActivityTimeRange.VALUE_1,
    limit: int | Unset = 10,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_time_range: str | Unset = UNSET
    if not isinstance(time_range, Unset):
        json_time_range = time_range.value

    params["timeRange"] = json_time_range

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tenant/integrations/{id}/widgets/activity".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WidgetActivity | None:
    if response.status_code == 200:
        response_200 = WidgetActivity.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WidgetActivity]:
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
    time_range: WidgetsActivityTimeRange | Unset = WidgetsActivityTimeRange.VALUE_1,
    limit: int | Unset = 10,

) -> Response[ErrorEnvelope | WidgetActivity]:
    """ Integration activity for a widget

    Args:
        id (str):
        time_range (WidgetsActivityTimeRange | Unset):  Default: WidgetsActivityTimeRange.VALUE_1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WidgetActivity]
     """


    kwargs = _get_kwargs(
        id=id,
time_range=time_range,
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
    time_range: WidgetsActivityTimeRange | Unset = WidgetsActivityTimeRange.VALUE_1,
    limit: int | Unset = 10,

) -> ErrorEnvelope | WidgetActivity | None:
    """ Integration activity for a widget

    Args:
        id (str):
        time_range (WidgetsActivityTimeRange | Unset):  Default: WidgetsActivityTimeRange.VALUE_1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WidgetActivity
     """


    return sync_detailed(
        id=id,
client=client,
time_range=time_range,
limit=limit,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    time_range: WidgetsActivityTimeRange | Unset = WidgetsActivityTimeRange.VALUE_1,
    limit: int | Unset = 10,

) -> Response[ErrorEnvelope | WidgetActivity]:
    """ Integration activity for a widget

    Args:
        id (str):
        time_range (WidgetsActivityTimeRange | Unset):  Default: WidgetsActivityTimeRange.VALUE_1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WidgetActivity]
     """


    kwargs = _get_kwargs(
        id=id,
time_range=time_range,
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
    time_range: WidgetsActivityTimeRange | Unset = WidgetsActivityTimeRange.VALUE_1,
    limit: int | Unset = 10,

) -> ErrorEnvelope | WidgetActivity | None:
    """ Integration activity for a widget

    Args:
        id (str):
        time_range (WidgetsActivityTimeRange | Unset):  Default: WidgetsActivityTimeRange.VALUE_1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WidgetActivity
     """


    return (await asyncio_detailed(
        id=id,
client=client,
time_range=time_range,
limit=limit,

    )).parsed
