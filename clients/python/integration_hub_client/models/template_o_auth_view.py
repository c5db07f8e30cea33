from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TemplateOAuthView")



@_attrs_define
class TemplateOAuthView:
    """ 
        Attributes:
            token_url (str):
            default_scopes (list[str]):
            scope_separator (str):
            pkce (bool):
            authorization_url (None | str | Unset):
            revocation_url (None | str | Unset):
     """

    token_url: str
    default_scopes: list[str]
    scope_separator: str
    pkce: bool
    authorization_url: None | str | Unset = UNSET
    revocation_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        token_url = self.token_url

        default_scopes = self.default_scopes



        scope_separator = self.scope_separator

        pkce = self.pkce

        authorization_url: None | str | Unset
        if isinstance(self.authorization_url, Unset):
            authorization_url = UNSET
        else:
            authorization_url = self.authorization_url

        revocation_url: None | str | Unset
        if isinstance(self.revocation_url, Unset):
            revocation_url = UNSET
        else:
            revocation_url = self.revocation_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "tokenUrl": token_url,
            "defaultScopes": default_scopes,
            "scopeSeparator": scope_separator,
            "pkce": pkce,
        })
        if authorization_url is not UNSET:
            field_dict["authorizationUrl"] = authorization_url
        if revocation_url is not UNSET:
            field_dict["revocationUrl"] = revocation_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token_url = d.pop("tokenUrl")

        default_scopes = cast(list[str], d.pop("defaultScopes"))


        scope_separator = d.pop("scopeSeparator")

        pkce = d.pop("pkce")

        def _parse_authorization_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_url = _parse_authorization_url(d.pop("authorizationUrl", UNSET))


        def _parse_revocation_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revocation_url = _parse_revocation_url(d.pop("revocationUrl", UNSET))


        template_o_auth_view = cls(
            token_url=token_url,
            default_scopes=default_scopes,
            scope_separator=scope_separator,
            pkce=pkce,
            authorization_url=authorization_url,
            revocation_url=revocation_url,
        )


        template_o_auth_view.additional_properties = d
        return template_o_auth_view

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
