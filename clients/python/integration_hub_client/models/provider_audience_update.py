from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_audience_update_audience import ProviderAudienceUpdateAudience






T = TypeVar("T", bound="ProviderAudienceUpdate")



@_attrs_define
class ProviderAudienceUpdate:
    """ 
        Attributes:
            audience (ProviderAudienceUpdateAudience):
     """

    audience: ProviderAudienceUpdateAudience





    def to_dict(self) -> dict[str, Any]:
        audience = self.audience.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "audience": audience,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audience = ProviderAudienceUpdateAudience(d.pop("audience"))




        provider_audience_update = cls(
            audience=audience,
        )

        return provider_audience_update

