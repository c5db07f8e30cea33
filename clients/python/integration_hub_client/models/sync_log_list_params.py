from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sync_log_list_params_sortorder import SyncLogListParamsSortorder
from ..models.sync_log_list_params_status_type_0 import SyncLogListParamsStatusType0
from ..models.sync_log_list_params_trigger_type_0 import SyncLogListParamsTriggerType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SyncLogListParams")



@_attrs_define
class SyncLogListParams:
    """ 
        Attributes:
            limit (int | Unset):  Default: 50.
            offset (int | Unset):  Default: 0.
            sort_by (None | str | Unset):
            sort_order (SyncLogListParamsSortorder | Unset):  Default: SyncLogListParamsSortorder.DESC.
            status (None | SyncLogListParamsStatusType0 | Unset):
            trigger (None | SyncLogListParamsTriggerType0 | Unset):
     """

    limit: int | Unset = 50
    offset: int | Unset = 0
    sort_by: None | str | Unset = UNSET
    sort_order: SyncLogListParamsSortorder | Unset = SyncLogListParamsSortorder.DESC
    status: None | SyncLogListParamsStatusType0 | Unset = UNSET
    trigger: None | SyncLogListParamsTriggerType0 | Unset = UNSET





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
        elif isinstance(self.status, SyncLogListParamsStatusType0):
            status = self.status.value
        else:
            status = self.status

        trigger: None | str | Unset
        if isinstance(self.trigger, Unset):
            trigger = UNSET
        elif isinstance(self.trigger, SyncLogListParamsTriggerType0):
            trigger = self.trigger.value
        else:
            trigger = self.trigger


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
        if trigger is not UNSET:
            field_dict["trigger"] = trigger

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
        sort_order: SyncLogListParamsSortorder | Unset
        if isinstance(_sort_order,  Unset):
            sort_order = UNSET
        else:
            sort_order = SyncLogListParamsSortorder(_sort_order)




        def _parse_status(data: object) -> None | SyncLogListParamsStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SyncLogListParamsStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncLogListParamsStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_trigger(data: object) -> None | SyncLogListParamsTriggerType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trigger_type_0 = SyncLogListParamsTriggerType0(data)



                return trigger_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncLogListParamsTriggerType0 | Unset, data)

        trigger = _parse_trigger(d.pop("trigger", UNSET))


        sync_log_list_params = cls(
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            status=status,
            trigger=trigger,
        )

        return sync_log_list_params

