from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_integration_view_connectwith import SessionIntegrationViewConnectwith
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.credential_field_view import CredentialFieldView





T = TypeVar("T", bound="SessionIntegrationView")



@_attrs_define
class SessionIntegrationView:
    """ 
        Attributes:
            id (str):
            name (str):
            provider_id (str):
            provider_name (str):
            connect_with (SessionIntegrationViewConnectwith):
            description (None | str | Unset):
            credential_fields (list[CredentialFieldView] | Unset):
            connected (bool | Unset):  Default: False.
     """

    id: str
    name: str
    provider_id: str
    provider_name: str
    connect_with: SessionIntegrationViewConnectwith
    description: None | str | Unset = UNSET
    credential_fields: list[CredentialFieldView] | Unset = UNSET
    connected: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.credential_field_view import CredentialFieldView # noqa: PLC0415
        id = self.id

        name = self.name

        provider_id = self.provider_id

        provider_name = self.provider_name

        connect_with = self.connect_with.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        credential_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credential_fields, Unset):
            credential_fields = []
            for credential_fields_item_data in self.credential_fields:
                credential_fields_item = credential_fields_item_data.to_dict()
                credential_fields.append(credential_fields_item)



        connected = self.connected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "providerId": provider_id,
            "providerName": provider_name,
            "connectWith": connect_with,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if credential_fields is not UNSET:
            field_dict["credentialFields"] = credential_fields
        if connected is not UNSET:
            field_dict["connected"] = connected

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credential_field_view import CredentialFieldView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        provider_id = d.pop("providerId")

        provider_name = d.pop("providerName")

        connect_with = SessionIntegrationViewConnectwith(d.pop("connectWith"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _credential_fields = d.pop("credentialFields", UNSET)
        credential_fields: list[CredentialFieldView] | Unset = UNSET
        if _credential_fields is not UNSET:
            credential_fields = []
            for credential_fields_item_data in _credential_fields:
                credential_fields_item = CredentialFieldView.from_dict(credential_fields_item_data)



                credential_fields.append(credential_fields_item)


        connected = d.pop("connected", UNSET)

        session_integration_view = cls(
            id=id,
            name=name,
            provider_id=provider_id,
            provider_name=provider_name,
            connect_with=connect_with,
            description=description,
            credential_fields=credential_fields,
            connected=connected,
        )


        session_integration_view.additional_properties = d
        return session_integration_view

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
