from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OAuthStarted")



@_attrs_define
class OAuthStarted:
    """ 
        Attributes:
            authorization_url (str): Open it in the browser: the hub's start page, then the provider
            state (str):
            expires_at (str):
            redirect_uri (str):
            scopes (list[str]):
            provider_authorization_url (None | str | Unset): The provider's own URL, for a frontend that runs the exchange
                itself
     """

    authorization_url: str
    state: str
    expires_at: str
    redirect_uri: str
    scopes: list[str]
    provider_authorization_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        authorization_url = self.authorization_url

        state = self.state

        expires_at = self.expires_at

        redirect_uri = self.redirect_uri

        scopes = self.scopes



        provider_authorization_url: None | str | Unset
        if isinstance(self.provider_authorization_url, Unset):
            provider_authorization_url = UNSET
        else:
            provider_authorization_url = self.provider_authorization_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "authorizationUrl": authorization_url,
            "state": state,
            "expiresAt": expires_at,
            "redirectUri": redirect_uri,
            "scopes": scopes,
        })
        if provider_authorization_url is not UNSET:
            field_dict["providerAuthorizationUrl"] = provider_authorization_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authorization_url = d.pop("authorizationUrl")

        state = d.pop("state")

        expires_at = d.pop("expiresAt")

        redirect_uri = d.pop("redirectUri")

        scopes = cast(list[str], d.pop("scopes"))


        def _parse_provider_authorization_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_authorization_url = _parse_provider_authorization_url(d.pop("providerAuthorizationUrl", UNSET))


        o_auth_started = cls(
            authorization_url=authorization_url,
            state=state,
            expires_at=expires_at,
            redirect_uri=redirect_uri,
            scopes=scopes,
            provider_authorization_url=provider_authorization_url,
        )


        o_auth_started.additional_properties = d
        return o_auth_started

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
