from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.credentials_submit_credentials import CredentialsSubmitCredentials





T = TypeVar("T", bound="CredentialsSubmit")



@_attrs_define
class CredentialsSubmit:
    """ 
        Attributes:
            credentials (CredentialsSubmitCredentials): The template's credential fields by name
            display_name (None | str | Unset):
     """

    credentials: CredentialsSubmitCredentials
    display_name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.credentials_submit_credentials import CredentialsSubmitCredentials # noqa: PLC0415
        credentials = self.credentials.to_dict()

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "credentials": credentials,
        })
        if display_name is not UNSET:
            field_dict["displayName"] = display_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credentials_submit_credentials import CredentialsSubmitCredentials # noqa: PLC0415
        d = dict(src_dict)
        credentials = CredentialsSubmitCredentials.from_dict(d.pop("credentials"))




        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))


        credentials_submit = cls(
            credentials=credentials,
            display_name=display_name,
        )

        return credentials_submit

