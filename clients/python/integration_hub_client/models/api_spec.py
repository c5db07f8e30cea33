from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_spec_apikeyin import ApiSpecApikeyin
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_spec_extraheaders import ApiSpecExtraheaders
  from ..models.token_base_url import TokenBaseUrl





T = TypeVar("T", bound="ApiSpec")



@_attrs_define
class ApiSpec:
    """ 
        Attributes:
            base_url (None | str | Unset):
            base_url_from_token (None | TokenBaseUrl | Unset):
            auth_header (str | Unset):  Default: 'Authorization'.
            auth_scheme (str | Unset):  Default: 'Bearer'.
            auth_value (None | str | Unset):
            extra_headers (ApiSpecExtraheaders | Unset):
            api_key_in (ApiSpecApikeyin | Unset):  Default: ApiSpecApikeyin.HEADER.
            api_key_name (None | str | Unset):
     """

    base_url: None | str | Unset = UNSET
    base_url_from_token: None | TokenBaseUrl | Unset = UNSET
    auth_header: str | Unset = 'Authorization'
    auth_scheme: str | Unset = 'Bearer'
    auth_value: None | str | Unset = UNSET
    extra_headers: ApiSpecExtraheaders | Unset = UNSET
    api_key_in: ApiSpecApikeyin | Unset = ApiSpecApikeyin.HEADER
    api_key_name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_spec_extraheaders import ApiSpecExtraheaders # noqa: PLC0415
        from ..models.token_base_url import TokenBaseUrl # noqa: PLC0415
        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        base_url_from_token: dict[str, Any] | None | Unset
        if isinstance(self.base_url_from_token, Unset):
            base_url_from_token = UNSET
        elif isinstance(self.base_url_from_token, TokenBaseUrl):
            base_url_from_token = self.base_url_from_token.to_dict()
        else:
            base_url_from_token = self.base_url_from_token

        auth_header = self.auth_header

        auth_scheme = self.auth_scheme

        auth_value: None | str | Unset
        if isinstance(self.auth_value, Unset):
            auth_value = UNSET
        else:
            auth_value = self.auth_value

        extra_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_headers, Unset):
            extra_headers = self.extra_headers.to_dict()

        api_key_in: str | Unset = UNSET
        if not isinstance(self.api_key_in, Unset):
            api_key_in = self.api_key_in.value


        api_key_name: None | str | Unset
        if isinstance(self.api_key_name, Unset):
            api_key_name = UNSET
        else:
            api_key_name = self.api_key_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if base_url is not UNSET:
            field_dict["baseUrl"] = base_url
        if base_url_from_token is not UNSET:
            field_dict["baseUrlFromToken"] = base_url_from_token
        if auth_header is not UNSET:
            field_dict["authHeader"] = auth_header
        if auth_scheme is not UNSET:
            field_dict["authScheme"] = auth_scheme
        if auth_value is not UNSET:
            field_dict["authValue"] = auth_value
        if extra_headers is not UNSET:
            field_dict["extraHeaders"] = extra_headers
        if api_key_in is not UNSET:
            field_dict["apiKeyIn"] = api_key_in
        if api_key_name is not UNSET:
            field_dict["apiKeyName"] = api_key_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_spec_extraheaders import ApiSpecExtraheaders # noqa: PLC0415
        from ..models.token_base_url import TokenBaseUrl # noqa: PLC0415
        d = dict(src_dict)
        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("baseUrl", UNSET))


        def _parse_base_url_from_token(data: object) -> None | TokenBaseUrl | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                base_url_from_token_type_0 = TokenBaseUrl.from_dict(data)



                return base_url_from_token_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TokenBaseUrl | Unset, data)

        base_url_from_token = _parse_base_url_from_token(d.pop("baseUrlFromToken", UNSET))


        auth_header = d.pop("authHeader", UNSET)

        auth_scheme = d.pop("authScheme", UNSET)

        def _parse_auth_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_value = _parse_auth_value(d.pop("authValue", UNSET))


        _extra_headers = d.pop("extraHeaders", UNSET)
        extra_headers: ApiSpecExtraheaders | Unset
        if isinstance(_extra_headers,  Unset):
            extra_headers = UNSET
        else:
            extra_headers = ApiSpecExtraheaders.from_dict(_extra_headers)




        _api_key_in = d.pop("apiKeyIn", UNSET)
        api_key_in: ApiSpecApikeyin | Unset
        if isinstance(_api_key_in,  Unset):
            api_key_in = UNSET
        else:
            api_key_in = ApiSpecApikeyin(_api_key_in)




        def _parse_api_key_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_key_name = _parse_api_key_name(d.pop("apiKeyName", UNSET))


        api_spec = cls(
            base_url=base_url,
            base_url_from_token=base_url_from_token,
            auth_header=auth_header,
            auth_scheme=auth_scheme,
            auth_value=auth_value,
            extra_headers=extra_headers,
            api_key_in=api_key_in,
            api_key_name=api_key_name,
        )

        return api_spec

