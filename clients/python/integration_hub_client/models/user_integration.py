from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.user_connection_view import UserConnectionView





T = TypeVar("T", bound="UserIntegration")



@_attrs_define
class UserIntegration:
    """ 
        Attributes:
            integration_id (str):
            connected (bool):
            connection (UserConnectionView):
            name (None | str | Unset):
            provider_id (None | str | Unset):
            provider_name (None | str | Unset):
            provider_display_name (None | str | Unset):
            category (None | str | Unset):
            auth_type (None | str | Unset):
     """

    integration_id: str
    connected: bool
    connection: UserConnectionView
    name: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    provider_name: None | str | Unset = UNSET
    provider_display_name: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    auth_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_connection_view import UserConnectionView # noqa: PLC0415
        integration_id = self.integration_id

        connected = self.connected

        connection = self.connection.to_dict()

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        provider_name: None | str | Unset
        if isinstance(self.provider_name, Unset):
            provider_name = UNSET
        else:
            provider_name = self.provider_name

        provider_display_name: None | str | Unset
        if isinstance(self.provider_display_name, Unset):
            provider_display_name = UNSET
        else:
            provider_display_name = self.provider_display_name

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        auth_type: None | str | Unset
        if isinstance(self.auth_type, Unset):
            auth_type = UNSET
        else:
            auth_type = self.auth_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "connected": connected,
            "connection": connection,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if provider_name is not UNSET:
            field_dict["providerName"] = provider_name
        if provider_display_name is not UNSET:
            field_dict["providerDisplayName"] = provider_display_name
        if category is not UNSET:
            field_dict["category"] = category
        if auth_type is not UNSET:
            field_dict["authType"] = auth_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_connection_view import UserConnectionView # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        connected = d.pop("connected")

        connection = UserConnectionView.from_dict(d.pop("connection"))




        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("providerId", UNSET))


        def _parse_provider_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_name = _parse_provider_name(d.pop("providerName", UNSET))


        def _parse_provider_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_display_name = _parse_provider_display_name(d.pop("providerDisplayName", UNSET))


        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_auth_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_type = _parse_auth_type(d.pop("authType", UNSET))


        user_integration = cls(
            integration_id=integration_id,
            connected=connected,
            connection=connection,
            name=name,
            provider_id=provider_id,
            provider_name=provider_name,
            provider_display_name=provider_display_name,
            category=category,
            auth_type=auth_type,
        )


        user_integration.additional_properties = d
        return user_integration

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
