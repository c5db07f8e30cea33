from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connected_status import ConnectedStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Connected")



@_attrs_define
class Connected:
    """ 
        Attributes:
            connection_id (str):
            status (ConnectedStatus):
            connected_at (str):
            verified (bool): False when the provider offers nothing to check the credentials with
            message (None | str | Unset):
     """

    connection_id: str
    status: ConnectedStatus
    connected_at: str
    verified: bool
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        connection_id = self.connection_id

        status = self.status.value

        connected_at = self.connected_at

        verified = self.verified

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connectionId": connection_id,
            "status": status,
            "connectedAt": connected_at,
            "verified": verified,
        })
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connection_id = d.pop("connectionId")

        status = ConnectedStatus(d.pop("status"))




        connected_at = d.pop("connectedAt")

        verified = d.pop("verified")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        connected = cls(
            connection_id=connection_id,
            status=status,
            connected_at=connected_at,
            verified=verified,
            message=message,
        )


        connected.additional_properties = d
        return connected

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
