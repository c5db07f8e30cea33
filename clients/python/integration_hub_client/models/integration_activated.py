from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IntegrationActivated")



@_attrs_define
class IntegrationActivated:
    """ 
        Attributes:
            id (str):
            status (str): connected when a live connection exists, else pending
            enabled_at (str):
            enabled_by (None | str | Unset):
     """

    id: str
    status: str
    enabled_at: str
    enabled_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        enabled_at = self.enabled_at

        enabled_by: None | str | Unset
        if isinstance(self.enabled_by, Unset):
            enabled_by = UNSET
        else:
            enabled_by = self.enabled_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "enabledAt": enabled_at,
        })
        if enabled_by is not UNSET:
            field_dict["enabledBy"] = enabled_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        enabled_at = d.pop("enabledAt")

        def _parse_enabled_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enabled_by = _parse_enabled_by(d.pop("enabledBy", UNSET))


        integration_activated = cls(
            id=id,
            status=status,
            enabled_at=enabled_at,
            enabled_by=enabled_by,
        )


        integration_activated.additional_properties = d
        return integration_activated

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
