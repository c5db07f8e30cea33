from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.event_type_view_jsonschema import EventTypeViewJsonschema





T = TypeVar("T", bound="EventTypeView")



@_attrs_define
class EventTypeView:
    """ 
        Attributes:
            type_ (str):
            description (str):
            deliverable (bool): false for events about webhooks: published on the bus only
            json_schema (EventTypeViewJsonschema): JSON schema (2020-12) of the webhook message
     """

    type_: str
    description: str
    deliverable: bool
    json_schema: EventTypeViewJsonschema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_type_view_jsonschema import EventTypeViewJsonschema # noqa: PLC0415
        type_ = self.type_

        description = self.description

        deliverable = self.deliverable

        json_schema = self.json_schema.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "description": description,
            "deliverable": deliverable,
            "jsonSchema": json_schema,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_type_view_jsonschema import EventTypeViewJsonschema # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        description = d.pop("description")

        deliverable = d.pop("deliverable")

        json_schema = EventTypeViewJsonschema.from_dict(d.pop("jsonSchema"))




        event_type_view = cls(
            type_=type_,
            description=description,
            deliverable=deliverable,
            json_schema=json_schema,
        )


        event_type_view.additional_properties = d
        return event_type_view

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
