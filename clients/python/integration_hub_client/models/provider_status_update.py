from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_status_update_status import ProviderStatusUpdateStatus






T = TypeVar("T", bound="ProviderStatusUpdate")



@_attrs_define
class ProviderStatusUpdate:
    """ 
        Attributes:
            status (ProviderStatusUpdateStatus):
     """

    status: ProviderStatusUpdateStatus





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ProviderStatusUpdateStatus(d.pop("status"))




        provider_status_update = cls(
            status=status,
        )

        return provider_status_update

