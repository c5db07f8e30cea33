from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IntegrationIntakeView")



@_attrs_define
class IntegrationIntakeView:
    """ An integration's own intake (never the secret).

        Attributes:
            integration_id (str):
            provider_id (str):
            intake_url (str): where the provider sends this integration's webhooks
            scheme (str):
            secret_configured (bool):
            updated_at (None | str | Unset):
     """

    integration_id: str
    provider_id: str
    intake_url: str
    scheme: str
    secret_configured: bool
    updated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        integration_id = self.integration_id

        provider_id = self.provider_id

        intake_url = self.intake_url

        scheme = self.scheme

        secret_configured = self.secret_configured

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "providerId": provider_id,
            "intakeUrl": intake_url,
            "scheme": scheme,
            "secretConfigured": secret_configured,
        })
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        provider_id = d.pop("providerId")

        intake_url = d.pop("intakeUrl")

        scheme = d.pop("scheme")

        secret_configured = d.pop("secretConfigured")

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))


        integration_intake_view = cls(
            integration_id=integration_id,
            provider_id=provider_id,
            intake_url=intake_url,
            scheme=scheme,
            secret_configured=secret_configured,
            updated_at=updated_at,
        )


        integration_intake_view.additional_properties = d
        return integration_intake_view

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
