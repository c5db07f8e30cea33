from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.widget_activity_timerange import WidgetActivityTimerange
from typing import cast

if TYPE_CHECKING:
  from ..models.activity_entry import ActivityEntry





T = TypeVar("T", bound="WidgetActivity")



@_attrs_define
class WidgetActivity:
    """ 
        Attributes:
            integration_id (str):
            time_range (WidgetActivityTimerange):
            activities (list[ActivityEntry]):
            total (int):
     """

    integration_id: str
    time_range: WidgetActivityTimerange
    activities: list[ActivityEntry]
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_entry import ActivityEntry # noqa: PLC0415
        integration_id = self.integration_id

        time_range = self.time_range.value

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)



        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "timeRange": time_range,
            "activities": activities,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_entry import ActivityEntry # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        time_range = WidgetActivityTimerange(d.pop("timeRange"))




        activities = []
        _activities = d.pop("activities")
        for activities_item_data in (_activities):
            activities_item = ActivityEntry.from_dict(activities_item_data)



            activities.append(activities_item)


        total = d.pop("total")

        widget_activity = cls(
            integration_id=integration_id,
            time_range=time_range,
            activities=activities,
            total=total,
        )


        widget_activity.additional_properties = d
        return widget_activity

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
