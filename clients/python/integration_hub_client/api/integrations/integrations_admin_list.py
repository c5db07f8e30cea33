from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.integration_list import IntegrationList
from ...models.integrations_admin_list_sort_order import IntegrationsAdminListSortOrder
from ...models.integrations_admin_list_status import IntegrationsAdminListStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    tenant_id: str,
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: IntegrationsAdminListSortOrder | Unset = IntegrationsAdminListSortOrder.ASC,
    status: IntegrationsAdminListStatus | Unset = UNSET,
    provider_name: str | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["providerName"] = provider_name

    params["search"] = search


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/admin/tenants/{tenant_id}/integrations".format(tenant_id=quote(str(tenant_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | IntegrationList | None:
    if response.status_code == 200:
        response_200 = IntegrationList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | IntegrationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: IntegrationsAdminListSortOrder | Unset = IntegrationsAdminListSortOrder.ASC,
    status: IntegrationsAdminListStatus | Unset = UNSET,
    provider_name: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[ErrorEnvelope | IntegrationList]:
    """ List a tenant's integration instances

    Args:
        tenant_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (IntegrationsAdminListSortOrder | Unset):  Default:
            IntegrationsAdminListSortOrder.ASC.
        status (IntegrationsAdminListStatus | Unset):
        provider_name (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationList]
     """


    kwargs = _get_kwargs(
        tenant_id=tenant_id,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
provider_name=provider_name,
search=search,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: IntegrationsAdminListSortOrder | Unset = IntegrationsAdminListSortOrder.ASC,
    status: IntegrationsAdminListStatus | Unset = UNSET,
    provider_name: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> ErrorEnvelope | IntegrationList | None:
    """ List a tenant's integration instances

    Args:
        tenant_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (IntegrationsAdminListSortOrder | Unset):  Default:
            IntegrationsAdminListSortOrder.ASC.
        status (IntegrationsAdminListStatus | Unset):
        provider_name (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationList
     """


    return sync_detailed(
        tenant_id=tenant_id,
client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
provider_name=provider_name,
search=search,

    ).parsed

async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: IntegrationsAdminListSortOrder | Unset = IntegrationsAdminListSortOrder.ASC,
    status: IntegrationsAdminListStatus | Unset = UNSET,
    provider_name: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> Response[ErrorEnvelope | IntegrationList]:
    """ List a tenant's integration instances

    Args:
        tenant_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (IntegrationsAdminListSortOrder | Unset):  Default:
            IntegrationsAdminListSortOrder.ASC.
        status (IntegrationsAdminListStatus | Unset):
        provider_name (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IntegrationList]
     """


    kwargs = _get_kwargs(
        tenant_id=tenant_id,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
provider_name=provider_name,
search=search,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    sort_by: str | Unset = UNSET,
    sort_order: IntegrationsAdminListSortOrder | Unset = IntegrationsAdminListSortOrder.ASC,
    status: IntegrationsAdminListStatus | Unset = UNSET,
    provider_name: str | Unset = UNSET,
    search: str | Unset = UNSET,

) -> ErrorEnvelope | IntegrationList | None:
    """ List a tenant's integration instances

    Args:
        tenant_id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        sort_by (str | Unset):
        sort_order (IntegrationsAdminListSortOrder | Unset):  Default:
            IntegrationsAdminListSortOrder.ASC.
        status (IntegrationsAdminListStatus | Unset):
        provider_name (str | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IntegrationList
     """


    return (await asyncio_detailed(
        tenant_id=tenant_id,
client=client,
limit=limit,
offset=offset,
sort_by=sort_by,
sort_order=sort_order,
status=status,
provider_name=provider_name,
search=search,

    )).parsed
