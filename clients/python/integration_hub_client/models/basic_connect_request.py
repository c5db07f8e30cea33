from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.basic_connect_request_credentials_type_0 import BasicConnectRequestCredentialsType0





T = TypeVar("T", bound="BasicConnectRequest")



@_attrs_define
class BasicConnectRequest:
    """ 
        Attributes:
            username (str):
            password (str):
            display_name (None | str | Unset):
            credentials (BasicConnectRequestCredentialsType0 | None | Unset): Other credential fields of the provider
     """

    username: str
    password: str
    display_name: None | str | Unset = UNSET
    credentials: BasicConnectRequestCredentialsType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.basic_connect_request_credentials_type_0 import BasicConnectRequestCredentialsType0 # noqa: PLC0415
        username = self.username

        password = self.password

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, BasicConnectRequestCredentialsType0):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "username": username,
            "password": password,
        })
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.basic_connect_request_credentials_type_0 import BasicConnectRequestCredentialsType0 # noqa: PLC0415
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))


        def _parse_credentials(data: object) -> BasicConnectRequestCredentialsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = BasicConnectRequestCredentialsType0.from_dict(data)



                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BasicConnectRequestCredentialsType0 | None | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))


        basic_connect_request = cls(
            username=username,
            password=password,
            display_name=display_name,
            credentials=credentials,
        )

        return basic_connect_request

