from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.entity_mapping_view_fieldmappings import EntityMappingViewFieldmappings





T = TypeVar("T", bound="EntityMappingView")



@_attrs_define
class EntityMappingView:
    """ 
        Attributes:
            entity (str):
            shard_type (str):
            field_mappings (EntityMappingViewFieldmappings | Unset):
     """

    entity: str
    shard_type: str
    field_mappings: EntityMappingViewFieldmappings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entity_mapping_view_fieldmappings import EntityMappingViewFieldmappings # noqa: PLC0415
        entity = self.entity

        shard_type = self.shard_type

        field_mappings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_mappings, Unset):
            field_mappings = self.field_mappings.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entity": entity,
            "shardType": shard_type,
        })
        if field_mappings is not UNSET:
            field_dict["fieldMappings"] = field_mappings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity_mapping_view_fieldmappings import EntityMappingViewFieldmappings # noqa: PLC0415
        d = dict(src_dict)
        entity = d.pop("entity")

        shard_type = d.pop("shardType")

        _field_mappings = d.pop("fieldMappings", UNSET)
        field_mappings: EntityMappingViewFieldmappings | Unset
        if isinstance(_field_mappings,  Unset):
            field_mappings = UNSET
        else:
            field_mappings = EntityMappingViewFieldmappings.from_dict(_field_mappings)




        entity_mapping_view = cls(
            entity=entity,
            shard_type=shard_type,
            field_mappings=field_mappings,
        )


        entity_mapping_view.additional_properties = d
        return entity_mapping_view

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
