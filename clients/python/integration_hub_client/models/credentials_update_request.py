from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credentials_update_request_credentialtype import CredentialsUpdateRequestCredentialtype
from typing import cast

if TYPE_CHECKING:
  from ..models.credentials_update_request_credentials import CredentialsUpdateRequestCredentials





T = TypeVar("T", bound="CredentialsUpdateRequest")



@_attrs_define
class CredentialsUpdateRequest:
    """ 
        Attributes:
            credential_type (CredentialsUpdateRequestCredentialtype):
            credentials (CredentialsUpdateRequestCredentials):
     """

    credential_type: CredentialsUpdateRequestCredentialtype
    credentials: CredentialsUpdateRequestCredentials





    def to_dict(self) -> dict[str, Any]:
        from ..models.credentials_update_request_credentials import CredentialsUpdateRequestCredentials # noqa: PLC0415
        credential_type = self.credential_type.value

        credentials = self.credentials.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "credentialType": credential_type,
            "credentials": credentials,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credentials_update_request_credentials import CredentialsUpdateRequestCredentials # noqa: PLC0415
        d = dict(src_dict)
        credential_type = CredentialsUpdateRequestCredentialtype(d.pop("credentialType"))




        credentials = CredentialsUpdateRequestCredentials.from_dict(d.pop("credentials"))




        credentials_update_request = cls(
            credential_type=credential_type,
            credentials=credentials,
        )

        return credentials_update_request

