from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.widget_data_data_item import WidgetDataDataItem





T = TypeVar("T", bound="WidgetData")



@_attrs_define
class WidgetData:
    """ 
        Attributes:
            integration_id (str):
            entity (str):
            data (list[WidgetDataDataItem]): Provider records (secret-named fields masked)
            total (int):
            fetched_at (str):
     """

    integration_id: str
    entity: str
    data: list[WidgetDataDataItem]
    total: int
    fetched_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.widget_data_data_item import WidgetDataDataItem # noqa: PLC0415
        integration_id = self.integration_id

        entity = self.entity

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        total = self.total

        fetched_at = self.fetched_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "entity": entity,
            "data": data,
            "total": total,
            "fetchedAt": fetched_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.widget_data_data_item import WidgetDataDataItem # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        entity = d.pop("entity")

        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = WidgetDataDataItem.from_dict(data_item_data)



            data.append(data_item)


        total = d.pop("total")

        fetched_at = d.pop("fetchedAt")

        widget_data = cls(
            integration_id=integration_id,
            entity=entity,
            data=data,
            total=total,
            fetched_at=fetched_at,
        )


        widget_data.additional_properties = d
        return widget_data

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
