from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_integration_list_params_sortorder import UserIntegrationListParamsSortorder
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="UserIntegrationListParams")



@_attrs_define
class UserIntegrationListParams:
    """ 
        Attributes:
            limit (int | Unset):  Default: 50.
            offset (int | Unset):  Default: 0.
            sort_by (None | str | Unset):
            sort_order (UserIntegrationListParamsSortorder | Unset):  Default: UserIntegrationListParamsSortorder.ASC.
            connected (bool | None | Unset):
     """

    limit: int | Unset = 50
    offset: int | Unset = 0
    sort_by: None | str | Unset = UNSET
    sort_order: UserIntegrationListParamsSortorder | Unset = UserIntegrationListParamsSortorder.ASC
    connected: bool | None | Unset = UNSET





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


        connected: bool | None | Unset
        if isinstance(self.connected, Unset):
            connected = UNSET
        else:
            connected = self.connected


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
        if connected is not UNSET:
            field_dict["connected"] = connected

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
        sort_order: UserIntegrationListParamsSortorder | Unset
        if isinstance(_sort_order,  Unset):
            sort_order = UNSET
        else:
            sort_order = UserIntegrationListParamsSortorder(_sort_order)




        def _parse_connected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        connected = _parse_connected(d.pop("connected", UNSET))


        user_integration_list_params = cls(
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            connected=connected,
        )

        return user_integration_list_params

