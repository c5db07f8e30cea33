from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.proxy_user_patch_json_body import ProxyUserPatchJsonBody
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    id: str,
    path: str,
    *,
    body:    ProxyUserPatchJsonBody  |     File  | Unset = UNSET,
    x_hub_retry: str | Unset = UNSET,
    x_hub_aws_service: str | Unset = UNSET,
    x_hub_aws_region: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_hub_retry, Unset):
        headers["X-Hub-Retry"] = x_hub_retry

    if not isinstance(x_hub_aws_service, Unset):
        headers["X-Hub-Aws-Service"] = x_hub_aws_service

    if not isinstance(x_hub_aws_region, Unset):
        headers["X-Hub-Aws-Region"] = x_hub_aws_region



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/user/integrations/{id}/proxy/{path}".format(id=quote(str(id), safe=""),path=quote(str(path), safe=""),),
    }

    if isinstance(body, ProxyUserPatchJsonBody):
        
        if not isinstance(body, Unset):
            _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        if not isinstance(body, Unset):
            _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope:
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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())



        return response_502

    response_default = response.json()
    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    path: str,
    *,
    client: AuthenticatedClient,
    body:    ProxyUserPatchJsonBody  |     File  | Unset = UNSET,
    x_hub_retry: str | Unset = UNSET,
    x_hub_aws_service: str | Unset = UNSET,
    x_hub_aws_region: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope]:
    """ Call the provider's API through my connection

    Args:
        id (str):
        path (str):
        x_hub_retry (str | Unset):
        x_hub_aws_service (str | Unset):
        x_hub_aws_region (str | Unset):
        body (ProxyUserPatchJsonBody | Unset):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        id=id,
path=path,
body=body,
x_hub_retry=x_hub_retry,
x_hub_aws_service=x_hub_aws_service,
x_hub_aws_region=x_hub_aws_region,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    path: str,
    *,
    client: AuthenticatedClient,
    body:    ProxyUserPatchJsonBody  |     File  | Unset = UNSET,
    x_hub_retry: str | Unset = UNSET,
    x_hub_aws_service: str | Unset = UNSET,
    x_hub_aws_region: str | Unset = UNSET,

) -> Any | ErrorEnvelope | None:
    """ Call the provider's API through my connection

    Args:
        id (str):
        path (str):
        x_hub_retry (str | Unset):
        x_hub_aws_service (str | Unset):
        x_hub_aws_region (str | Unset):
        body (ProxyUserPatchJsonBody | Unset):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope
     """


    return sync_detailed(
        id=id,
path=path,
client=client,
body=body,
x_hub_retry=x_hub_retry,
x_hub_aws_service=x_hub_aws_service,
x_hub_aws_region=x_hub_aws_region,

    ).parsed

async def asyncio_detailed(
    id: str,
    path: str,
    *,
    client: AuthenticatedClient,
    body:    ProxyUserPatchJsonBody  |     File  | Unset = UNSET,
    x_hub_retry: str | Unset = UNSET,
    x_hub_aws_service: str | Unset = UNSET,
    x_hub_aws_region: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope]:
    """ Call the provider's API through my connection

    Args:
        id (str):
        path (str):
        x_hub_retry (str | Unset):
        x_hub_aws_service (str | Unset):
        x_hub_aws_region (str | Unset):
        body (ProxyUserPatchJsonBody | Unset):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        id=id,
path=path,
body=body,
x_hub_retry=x_hub_retry,
x_hub_aws_service=x_hub_aws_service,
x_hub_aws_region=x_hub_aws_region,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    path: str,
    *,
    client: AuthenticatedClient,
    body:    ProxyUserPatchJsonBody  |     File  | Unset = UNSET,
    x_hub_retry: str | Unset = UNSET,
    x_hub_aws_service: str | Unset = UNSET,
    x_hub_aws_region: str | Unset = UNSET,

) -> Any | ErrorEnvelope | None:
    """ Call the provider's API through my connection

    Args:
        id (str):
        path (str):
        x_hub_retry (str | Unset):
        x_hub_aws_service (str | Unset):
        x_hub_aws_region (str | Unset):
        body (ProxyUserPatchJsonBody | Unset):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope
     """


    return (await asyncio_detailed(
        id=id,
path=path,
client=client,
body=body,
x_hub_retry=x_hub_retry,
x_hub_aws_service=x_hub_aws_service,
x_hub_aws_region=x_hub_aws_region,

    )).parsed
