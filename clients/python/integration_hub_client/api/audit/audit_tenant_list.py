from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_page import AuditPage
from ...models.audit_tenant_list_sort_order import AuditTenantListSortOrder
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort_order: AuditTenantListSortOrder | Unset = AuditTenantListSortOrder.DESC,
    action: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    params["action"] = action

    params["actorId"] = actor_id

    params["targetId"] = target_id

    params["from"] = from_

    params["to"] = to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tenant/audit-logs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | ErrorEnvelope]:
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
    cursor: str | Unset = UNSET,
    sort_order: AuditTenantListSortOrder | Unset = AuditTenantListSortOrder.DESC,
    action: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,

) -> Response[AuditPage | ErrorEnvelope]:
    """ The tenant's audit trail

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort_order (AuditTenantListSortOrder | Unset):  Default: AuditTenantListSortOrder.DESC.
        action (str | Unset):
        actor_id (str | Unset):
        target_id (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort_order=sort_order,
action=action,
actor_id=actor_id,
target_id=target_id,
from_=from_,
to=to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort_order: AuditTenantListSortOrder | Unset = AuditTenantListSortOrder.DESC,
    action: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,

) -> AuditPage | ErrorEnvelope | None:
    """ The tenant's audit trail

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort_order (AuditTenantListSortOrder | Unset):  Default: AuditTenantListSortOrder.DESC.
        action (str | Unset):
        actor_id (str | Unset):
        target_id (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort_order=sort_order,
action=action,
actor_id=actor_id,
target_id=target_id,
from_=from_,
to=to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort_order: AuditTenantListSortOrder | Unset = AuditTenantListSortOrder.DESC,
    action: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,

) -> Response[AuditPage | ErrorEnvelope]:
    """ The tenant's audit trail

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort_order (AuditTenantListSortOrder | Unset):  Default: AuditTenantListSortOrder.DESC.
        action (str | Unset):
        actor_id (str | Unset):
        target_id (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort_order=sort_order,
action=action,
actor_id=actor_id,
target_id=target_id,
from_=from_,
to=to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort_order: AuditTenantListSortOrder | Unset = AuditTenantListSortOrder.DESC,
    action: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,

) -> AuditPage | ErrorEnvelope | None:
    """ The tenant's audit trail

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort_order (AuditTenantListSortOrder | Unset):  Default: AuditTenantListSortOrder.DESC.
        action (str | Unset):
        actor_id (str | Unset):
        target_id (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort_order=sort_order,
action=action,
actor_id=actor_id,
target_id=target_id,
from_=from_,
to=to,

    )).parsed
