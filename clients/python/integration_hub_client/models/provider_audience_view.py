from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_audience_view_audience import ProviderAudienceViewAudience






T = TypeVar("T", bound="ProviderAudienceView")



@_attrs_define
class ProviderAudienceView:
    """ 
        Attributes:
            id (str):
            audience (ProviderAudienceViewAudience):
            updated_at (str):
     """

    id: str
    audience: ProviderAudienceViewAudience
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        audience = self.audience.value

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "audience": audience,
            "updatedAt": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        audience = ProviderAudienceViewAudience(d.pop("audience"))




        updated_at = d.pop("updatedAt")

        provider_audience_view = cls(
            id=id,
            audience=audience,
            updated_at=updated_at,
        )


        provider_audience_view.additional_properties = d
        return provider_audience_view

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
