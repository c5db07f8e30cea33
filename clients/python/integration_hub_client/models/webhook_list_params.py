from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_list_params_sortorder import WebhookListParamsSortorder
from ..models.webhook_list_params_status_type_0 import WebhookListParamsStatusType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookListParams")



@_attrs_define
class WebhookListParams:
    """ 
        Attributes:
            limit (int | Unset):  Default: 50.
            offset (int | Unset):  Default: 0.
            sort_by (None | str | Unset):
            sort_order (WebhookListParamsSortorder | Unset):  Default: WebhookListParamsSortorder.DESC.
            status (None | Unset | WebhookListParamsStatusType0):
            event (None | str | Unset): endpoints subscribed to this type
     """

    limit: int | Unset = 50
    offset: int | Unset = 0
    sort_by: None | str | Unset = UNSET
    sort_order: WebhookListParamsSortorder | Unset = WebhookListParamsSortorder.DESC
    status: None | Unset | WebhookListParamsStatusType0 = UNSET
    event: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        offset = self.offset

        sort_by: None | str | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        else:
            sort_by = self.sort_by

        sort_order: str | Unset = UNSET
        if not isinstance(self.sort_order, Unset):
            sort_order = self.sort_order.value


        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, WebhookListParamsStatusType0):
            status = self.status.value
        else:
            status = self.status

        event: None | str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        else:
            event = self.event


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if sort_by is not UNSET:
            field_dict["sortBy"] = sort_by
        if sort_order is not UNSET:
            field_dict["sortOrder"] = sort_order
        if status is not UNSET:
            field_dict["status"] = status
        if event is not UNSET:
            field_dict["event"] = event

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        def _parse_sort_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sort_by = _parse_sort_by(d.pop("sortBy", UNSET))


        _sort_order = d.pop("sortOrder", UNSET)
        sort_order: WebhookListParamsSortorder | Unset
        if isinstance(_sort_order,  Unset):
            sort_order = UNSET
        else:
            sort_order = WebhookListParamsSortorder(_sort_order)




        def _parse_status(data: object) -> None | Unset | WebhookListParamsStatusType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = WebhookListParamsStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebhookListParamsStatusType0, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_event(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event = _parse_event(d.pop("event", UNSET))


        webhook_list_params = cls(
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            status=status,
            event=event,
        )

        return webhook_list_params

