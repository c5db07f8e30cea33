from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Disconnected")



@_attrs_define
class Disconnected:
    """ 
        Attributes:
            success (bool):
            disconnected_at (str):
            revoked_at_provider (bool | None): null when there was nothing to revoke or no revocation URL
            connection_id (None | str | Unset):
     """

    success: bool
    disconnected_at: str
    revoked_at_provider: bool | None
    connection_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        success = self.success

        disconnected_at = self.disconnected_at

        revoked_at_provider: bool | None
        revoked_at_provider = self.revoked_at_provider

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "success": success,
            "disconnectedAt": disconnected_at,
            "revokedAtProvider": revoked_at_provider,
        })
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        disconnected_at = d.pop("disconnectedAt")

        def _parse_revoked_at_provider(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        revoked_at_provider = _parse_revoked_at_provider(d.pop("revokedAtProvider"))


        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connectionId", UNSET))


        disconnected = cls(
            success=success,
            disconnected_at=disconnected_at,
            revoked_at_provider=revoked_at_provider,
            connection_id=connection_id,
        )


        disconnected.additional_properties = d
        return disconnected

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
