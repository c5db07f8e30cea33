from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SearchCapabilitiesView")



@_attrs_define
class SearchCapabilitiesView:
    """ 
        Attributes:
            full_text (bool | Unset):  Default: False.
            field_specific (bool | Unset):  Default: False.
            filtered (bool | Unset):  Default: False.
     """

    full_text: bool | Unset = False
    field_specific: bool | Unset = False
    filtered: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        full_text = self.full_text

        field_specific = self.field_specific

        filtered = self.filtered


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if full_text is not UNSET:
            field_dict["fullText"] = full_text
        if field_specific is not UNSET:
            field_dict["fieldSpecific"] = field_specific
        if filtered is not UNSET:
            field_dict["filtered"] = filtered

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        full_text = d.pop("fullText", UNSET)

        field_specific = d.pop("fieldSpecific", UNSET)

        filtered = d.pop("filtered", UNSET)

        search_capabilities_view = cls(
            full_text=full_text,
            field_specific=field_specific,
            filtered=filtered,
        )


        search_capabilities_view.additional_properties = d
        return search_capabilities_view

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
