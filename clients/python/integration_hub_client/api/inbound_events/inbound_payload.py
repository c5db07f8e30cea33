from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.inbound_payload_response_200_type_0 import InboundPayloadResponse200Type0
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    inbound_id: str,
    *,
    index: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["index"] = index


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tenant/inbound-events/{inbound_id}/payload".format(inbound_id=quote(str(inbound_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any] | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> InboundPayloadResponse200Type0 | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = InboundPayloadResponse200Type0.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = cast(list[Any], data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    inbound_id: str,
    *,
    client: AuthenticatedClient,
    index: int | Unset = 0,

) -> Response[ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]]:
    """ The payload of a large provider event

    Args:
        inbound_id (str):
        index (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]]
     """


    kwargs = _get_kwargs(
        inbound_id=inbound_id,
index=index,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    inbound_id: str,
    *,
    client: AuthenticatedClient,
    index: int | Unset = 0,

) -> ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any] | None:
    """ The payload of a large provider event

    Args:
        inbound_id (str):
        index (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]
     """


    return sync_detailed(
        inbound_id=inbound_id,
client=client,
index=index,

    ).parsed

async def asyncio_detailed(
    inbound_id: str,
    *,
    client: AuthenticatedClient,
    index: int | Unset = 0,

) -> Response[ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]]:
    """ The payload of a large provider event

    Args:
        inbound_id (str):
        index (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]]
     """


    kwargs = _get_kwargs(
        inbound_id=inbound_id,
index=index,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    inbound_id: str,
    *,
    client: AuthenticatedClient,
    index: int | Unset = 0,

) -> ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any] | None:
    """ The payload of a large provider event

    Args:
        inbound_id (str):
        index (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | InboundPayloadResponse200Type0 | list[Any]
     """


    return (await asyncio_detailed(
        inbound_id=inbound_id,
client=client,
index=index,

    )).parsed
