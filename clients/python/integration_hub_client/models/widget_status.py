from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WidgetStatus")



@_attrs_define
class WidgetStatus:
    """ 
        Attributes:
            integration_id (str):
            user_scoped (bool):
            status (str): The integration's status
            name (None | str | Unset):
            provider_id (None | str | Unset):
            connection_status (None | str | Unset): The caller's (or the tenant's) connection
            last_connected_at (None | str | Unset):
            last_sync_at (None | str | Unset):
            error (None | str | Unset):
     """

    integration_id: str
    user_scoped: bool
    status: str
    name: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    connection_status: None | str | Unset = UNSET
    last_connected_at: None | str | Unset = UNSET
    last_sync_at: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        integration_id = self.integration_id

        user_scoped = self.user_scoped

        status = self.status

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

        connection_status: None | str | Unset
        if isinstance(self.connection_status, Unset):
            connection_status = UNSET
        else:
            connection_status = self.connection_status

        last_connected_at: None | str | Unset
        if isinstance(self.last_connected_at, Unset):
            last_connected_at = UNSET
        else:
            last_connected_at = self.last_connected_at

        last_sync_at: None | str | Unset
        if isinstance(self.last_sync_at, Unset):
            last_sync_at = UNSET
        else:
            last_sync_at = self.last_sync_at

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "userScoped": user_scoped,
            "status": status,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if connection_status is not UNSET:
            field_dict["connectionStatus"] = connection_status
        if last_connected_at is not UNSET:
            field_dict["lastConnectedAt"] = last_connected_at
        if last_sync_at is not UNSET:
            field_dict["lastSyncAt"] = last_sync_at
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        user_scoped = d.pop("userScoped")

        status = d.pop("status")

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


        def _parse_connection_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_status = _parse_connection_status(d.pop("connectionStatus", UNSET))


        def _parse_last_connected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_connected_at = _parse_last_connected_at(d.pop("lastConnectedAt", UNSET))


        def _parse_last_sync_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_sync_at = _parse_last_sync_at(d.pop("lastSyncAt", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        widget_status = cls(
            integration_id=integration_id,
            user_scoped=user_scoped,
            status=status,
            name=name,
            provider_id=provider_id,
            connection_status=connection_status,
            last_connected_at=last_connected_at,
            last_sync_at=last_sync_at,
            error=error,
        )


        widget_status.additional_properties = d
        return widget_status

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
