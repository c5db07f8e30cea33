from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.activity_params_timerange import ActivityParamsTimerange
from ..types import UNSET, Unset






T = TypeVar("T", bound="ActivityParams")



@_attrs_define
class ActivityParams:
    """ 
        Attributes:
            time_range (ActivityParamsTimerange | Unset):  Default: ActivityParamsTimerange.VALUE_1.
            limit (int | Unset):  Default: 10.
     """

    time_range: ActivityParamsTimerange | Unset = ActivityParamsTimerange.VALUE_1
    limit: int | Unset = 10





    def to_dict(self) -> dict[str, Any]:
        time_range: str | Unset = UNSET
        if not isinstance(self.time_range, Unset):
            time_range = self.time_range.value


        limit = self.limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if time_range is not UNSET:
            field_dict["timeRange"] = time_range
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _time_range = d.pop("timeRange", UNSET)
        time_range: ActivityParamsTimerange | Unset
        if isinstance(_time_range,  Unset):
            time_range = UNSET
        else:
            time_range = ActivityParamsTimerange(_time_range)




        limit = d.pop("limit", UNSET)

        activity_params = cls(
            time_range=time_range,
            limit=limit,
        )

        return activity_params

