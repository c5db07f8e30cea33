from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CredentialsUpdated")



@_attrs_define
class CredentialsUpdated:
    """ 
        Attributes:
            success (bool):
            connection_id (str):
            credential_secret_name (str): Where the credential is kept (never the credential)
            updated_at (str):
     """

    success: bool
    connection_id: str
    credential_secret_name: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        success = self.success

        connection_id = self.connection_id

        credential_secret_name = self.credential_secret_name

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "success": success,
            "connectionId": connection_id,
            "credentialSecretName": credential_secret_name,
            "updatedAt": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        connection_id = d.pop("connectionId")

        credential_secret_name = d.pop("credentialSecretName")

        updated_at = d.pop("updatedAt")

        credentials_updated = cls(
            success=success,
            connection_id=connection_id,
            credential_secret_name=credential_secret_name,
            updated_at=updated_at,
        )


        credentials_updated.additional_properties = d
        return credentials_updated

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
