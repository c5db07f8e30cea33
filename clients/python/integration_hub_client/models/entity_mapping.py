from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.entity_mapping_fieldmappings import EntityMappingFieldmappings





T = TypeVar("T", bound="EntityMapping")



@_attrs_define
class EntityMapping:
    """ 
        Attributes:
            entity (str):
            shard_type (str):
            field_mappings (EntityMappingFieldmappings | Unset):
     """

    entity: str
    shard_type: str
    field_mappings: EntityMappingFieldmappings | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.entity_mapping_fieldmappings import EntityMappingFieldmappings # noqa: PLC0415
        entity = self.entity

        shard_type = self.shard_type

        field_mappings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_mappings, Unset):
            field_mappings = self.field_mappings.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "entity": entity,
            "shardType": shard_type,
        })
        if field_mappings is not UNSET:
            field_dict["fieldMappings"] = field_mappings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity_mapping_fieldmappings import EntityMappingFieldmappings # noqa: PLC0415
        d = dict(src_dict)
        entity = d.pop("entity")

        shard_type = d.pop("shardType")

        _field_mappings = d.pop("fieldMappings", UNSET)
        field_mappings: EntityMappingFieldmappings | Unset
        if isinstance(_field_mappings,  Unset):
            field_mappings = UNSET
        else:
            field_mappings = EntityMappingFieldmappings.from_dict(_field_mappings)




        entity_mapping = cls(
            entity=entity,
            shard_type=shard_type,
            field_mappings=field_mappings,
        )

        return entity_mapping

