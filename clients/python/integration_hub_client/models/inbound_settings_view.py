from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InboundSettingsView")



@_attrs_define
class InboundSettingsView:
    """ The intake of one provider (never a key).

        Attributes:
            provider_id (str):
            intake_url (str): where the provider sends its webhooks
            scheme (str): the signature scheme of the provider's template
            key (str): which key verifies: signingSecret, clientSecret or publicKey
            key_configured (bool):
            verify_token_configured (bool):
            handshakes (list[str]):
     """

    provider_id: str
    intake_url: str
    scheme: str
    key: str
    key_configured: bool
    verify_token_configured: bool
    handshakes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        intake_url = self.intake_url

        scheme = self.scheme

        key = self.key

        key_configured = self.key_configured

        verify_token_configured = self.verify_token_configured

        handshakes = self.handshakes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "providerId": provider_id,
            "intakeUrl": intake_url,
            "scheme": scheme,
            "key": key,
            "keyConfigured": key_configured,
            "verifyTokenConfigured": verify_token_configured,
            "handshakes": handshakes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_id = d.pop("providerId")

        intake_url = d.pop("intakeUrl")

        scheme = d.pop("scheme")

        key = d.pop("key")

        key_configured = d.pop("keyConfigured")

        verify_token_configured = d.pop("verifyTokenConfigured")

        handshakes = cast(list[str], d.pop("handshakes"))


        inbound_settings_view = cls(
            provider_id=provider_id,
            intake_url=intake_url,
            scheme=scheme,
            key=key,
            key_configured=key_configured,
            verify_token_configured=verify_token_configured,
            handshakes=handshakes,
        )


        inbound_settings_view.additional_properties = d
        return inbound_settings_view

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
