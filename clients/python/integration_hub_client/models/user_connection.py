from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_connection_status_type_0 import UserConnectionStatusType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="UserConnection")



@_attrs_define
class UserConnection:
    """ 
        Attributes:
            connected (bool):
            integration_id (str):
            status (None | Unset | UserConnectionStatusType0):
            connection_id (None | str | Unset):
            scopes (list[str] | None | Unset):
            expires_at (None | str | Unset):
            last_connected_at (None | str | Unset):
            last_validated_at (None | str | Unset):
            disconnected_at (None | str | Unset):
     """

    connected: bool
    integration_id: str
    status: None | Unset | UserConnectionStatusType0 = UNSET
    connection_id: None | str | Unset = UNSET
    scopes: list[str] | None | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    last_connected_at: None | str | Unset = UNSET
    last_validated_at: None | str | Unset = UNSET
    disconnected_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        connected = self.connected

        integration_id = self.integration_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, UserConnectionStatusType0):
            status = self.status.value
        else:
            status = self.status

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = self.scopes


        else:
            scopes = self.scopes

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        last_connected_at: None | str | Unset
        if isinstance(self.last_connected_at, Unset):
            last_connected_at = UNSET
        else:
            last_connected_at = self.last_connected_at

        last_validated_at: None | str | Unset
        if isinstance(self.last_validated_at, Unset):
            last_validated_at = UNSET
        else:
            last_validated_at = self.last_validated_at

        disconnected_at: None | str | Unset
        if isinstance(self.disconnected_at, Unset):
            disconnected_at = UNSET
        else:
            disconnected_at = self.disconnected_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connected": connected,
            "integrationId": integration_id,
        })
        if status is not UNSET:
            field_dict["status"] = status
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if last_connected_at is not UNSET:
            field_dict["lastConnectedAt"] = last_connected_at
        if last_validated_at is not UNSET:
            field_dict["lastValidatedAt"] = last_validated_at
        if disconnected_at is not UNSET:
            field_dict["disconnectedAt"] = disconnected_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connected = d.pop("connected")

        integration_id = d.pop("integrationId")

        def _parse_status(data: object) -> None | Unset | UserConnectionStatusType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = UserConnectionStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserConnectionStatusType0, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connectionId", UNSET))


        def _parse_scopes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = cast(list[str], data)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))


        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expiresAt", UNSET))


        def _parse_last_connected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_connected_at = _parse_last_connected_at(d.pop("lastConnectedAt", UNSET))


        def _parse_last_validated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_validated_at = _parse_last_validated_at(d.pop("lastValidatedAt", UNSET))


        def _parse_disconnected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disconnected_at = _parse_disconnected_at(d.pop("disconnectedAt", UNSET))


        user_connection = cls(
            connected=connected,
            integration_id=integration_id,
            status=status,
            connection_id=connection_id,
            scopes=scopes,
            expires_at=expires_at,
            last_connected_at=last_connected_at,
            last_validated_at=last_validated_at,
            disconnected_at=disconnected_at,
        )


        user_connection.additional_properties = d
        return user_connection

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
