from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_key_connect_request_credentials_type_0 import ApiKeyConnectRequestCredentialsType0





T = TypeVar("T", bound="ApiKeyConnectRequest")



@_attrs_define
class ApiKeyConnectRequest:
    """ 
        Attributes:
            api_key (str):
            display_name (None | str | Unset):
            credentials (ApiKeyConnectRequestCredentialsType0 | None | Unset): Other credential fields of the provider (e.g.
                Trello's token)
     """

    api_key: str
    display_name: None | str | Unset = UNSET
    credentials: ApiKeyConnectRequestCredentialsType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_connect_request_credentials_type_0 import ApiKeyConnectRequestCredentialsType0 # noqa: PLC0415
        api_key = self.api_key

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, ApiKeyConnectRequestCredentialsType0):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "apiKey": api_key,
        })
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_connect_request_credentials_type_0 import ApiKeyConnectRequestCredentialsType0 # noqa: PLC0415
        d = dict(src_dict)
        api_key = d.pop("apiKey")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))


        def _parse_credentials(data: object) -> ApiKeyConnectRequestCredentialsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = ApiKeyConnectRequestCredentialsType0.from_dict(data)



                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiKeyConnectRequestCredentialsType0 | None | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))


        api_key_connect_request = cls(
            api_key=api_key,
            display_name=display_name,
            credentials=credentials,
        )

        return api_key_connect_request

