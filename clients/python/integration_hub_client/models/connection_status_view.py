from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_status_view_status import ConnectionStatusViewStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.connection_status_view_account_type_0 import ConnectionStatusViewAccountType0
  from ..models.connection_status_view_credentials_type_0 import ConnectionStatusViewCredentialsType0
  from ..models.connection_status_view_metadata_type_0 import ConnectionStatusViewMetadataType0
  from ..models.connection_status_view_setup_type_0 import ConnectionStatusViewSetupType0





T = TypeVar("T", bound="ConnectionStatusView")



@_attrs_define
class ConnectionStatusView:
    """ 
        Attributes:
            connected (bool):
            status (ConnectionStatusViewStatus):
            connection_id (None | str | Unset):
            integration_id (None | str | Unset):
            user_id (None | str | Unset):
            provider_id (None | str | Unset):
            auth_type (None | str | Unset):
            connect_with (None | str | Unset): The connect endpoint to use (when not connected)
            user_scoped (bool | None | Unset): Users connect this integration themselves
            display_name (None | str | Unset):
            scopes (list[str] | None | Unset):
            expires_at (None | str | Unset): When the access token expires
            has_refresh_token (bool | None | Unset):
            connected_at (None | str | Unset):
            last_connected_at (None | str | Unset):
            last_refreshed_at (None | str | Unset):
            last_validated_at (None | str | Unset):
            validation_error (None | str | Unset):
            last_refresh_error (None | str | Unset):
            credentials_updated_at (None | str | Unset):
            disconnected_at (None | str | Unset):
            credentials (ConnectionStatusViewCredentialsType0 | None | Unset): The non-secret credential values
            account (ConnectionStatusViewAccountType0 | None | Unset): Account fields the provider's token answer named
            metadata (ConnectionStatusViewMetadataType0 | None | Unset):
            setup (ConnectionStatusViewSetupType0 | None | Unset): Values to copy into the provider (AWS ExternalId)
     """

    connected: bool
    status: ConnectionStatusViewStatus
    connection_id: None | str | Unset = UNSET
    integration_id: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    auth_type: None | str | Unset = UNSET
    connect_with: None | str | Unset = UNSET
    user_scoped: bool | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    scopes: list[str] | None | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    has_refresh_token: bool | None | Unset = UNSET
    connected_at: None | str | Unset = UNSET
    last_connected_at: None | str | Unset = UNSET
    last_refreshed_at: None | str | Unset = UNSET
    last_validated_at: None | str | Unset = UNSET
    validation_error: None | str | Unset = UNSET
    last_refresh_error: None | str | Unset = UNSET
    credentials_updated_at: None | str | Unset = UNSET
    disconnected_at: None | str | Unset = UNSET
    credentials: ConnectionStatusViewCredentialsType0 | None | Unset = UNSET
    account: ConnectionStatusViewAccountType0 | None | Unset = UNSET
    metadata: ConnectionStatusViewMetadataType0 | None | Unset = UNSET
    setup: ConnectionStatusViewSetupType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.connection_status_view_account_type_0 import ConnectionStatusViewAccountType0 # noqa: PLC0415
        from ..models.connection_status_view_credentials_type_0 import ConnectionStatusViewCredentialsType0 # noqa: PLC0415
        from ..models.connection_status_view_metadata_type_0 import ConnectionStatusViewMetadataType0 # noqa: PLC0415
        from ..models.connection_status_view_setup_type_0 import ConnectionStatusViewSetupType0 # noqa: PLC0415
        connected = self.connected

        status = self.status.value

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        auth_type: None | str | Unset
        if isinstance(self.auth_type, Unset):
            auth_type = UNSET
        else:
            auth_type = self.auth_type

        connect_with: None | str | Unset
        if isinstance(self.connect_with, Unset):
            connect_with = UNSET
        else:
            connect_with = self.connect_with

        user_scoped: bool | None | Unset
        if isinstance(self.user_scoped, Unset):
            user_scoped = UNSET
        else:
            user_scoped = self.user_scoped

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

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

        has_refresh_token: bool | None | Unset
        if isinstance(self.has_refresh_token, Unset):
            has_refresh_token = UNSET
        else:
            has_refresh_token = self.has_refresh_token

        connected_at: None | str | Unset
        if isinstance(self.connected_at, Unset):
            connected_at = UNSET
        else:
            connected_at = self.connected_at

        last_connected_at: None | str | Unset
        if isinstance(self.last_connected_at, Unset):
            last_connected_at = UNSET
        else:
            last_connected_at = self.last_connected_at

        last_refreshed_at: None | str | Unset
        if isinstance(self.last_refreshed_at, Unset):
            last_refreshed_at = UNSET
        else:
            last_refreshed_at = self.last_refreshed_at

        last_validated_at: None | str | Unset
        if isinstance(self.last_validated_at, Unset):
            last_validated_at = UNSET
        else:
            last_validated_at = self.last_validated_at

        validation_error: None | str | Unset
        if isinstance(self.validation_error, Unset):
            validation_error = UNSET
        else:
            validation_error = self.validation_error

        last_refresh_error: None | str | Unset
        if isinstance(self.last_refresh_error, Unset):
            last_refresh_error = UNSET
        else:
            last_refresh_error = self.last_refresh_error

        credentials_updated_at: None | str | Unset
        if isinstance(self.credentials_updated_at, Unset):
            credentials_updated_at = UNSET
        else:
            credentials_updated_at = self.credentials_updated_at

        disconnected_at: None | str | Unset
        if isinstance(self.disconnected_at, Unset):
            disconnected_at = UNSET
        else:
            disconnected_at = self.disconnected_at

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, ConnectionStatusViewCredentialsType0):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials

        account: dict[str, Any] | None | Unset
        if isinstance(self.account, Unset):
            account = UNSET
        elif isinstance(self.account, ConnectionStatusViewAccountType0):
            account = self.account.to_dict()
        else:
            account = self.account

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, ConnectionStatusViewMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        setup: dict[str, Any] | None | Unset
        if isinstance(self.setup, Unset):
            setup = UNSET
        elif isinstance(self.setup, ConnectionStatusViewSetupType0):
            setup = self.setup.to_dict()
        else:
            setup = self.setup


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connected": connected,
            "status": status,
        })
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if auth_type is not UNSET:
            field_dict["authType"] = auth_type
        if connect_with is not UNSET:
            field_dict["connectWith"] = connect_with
        if user_scoped is not UNSET:
            field_dict["userScoped"] = user_scoped
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if has_refresh_token is not UNSET:
            field_dict["hasRefreshToken"] = has_refresh_token
        if connected_at is not UNSET:
            field_dict["connectedAt"] = connected_at
        if last_connected_at is not UNSET:
            field_dict["lastConnectedAt"] = last_connected_at
        if last_refreshed_at is not UNSET:
            field_dict["lastRefreshedAt"] = last_refreshed_at
        if last_validated_at is not UNSET:
            field_dict["lastValidatedAt"] = last_validated_at
        if validation_error is not UNSET:
            field_dict["validationError"] = validation_error
        if last_refresh_error is not UNSET:
            field_dict["lastRefreshError"] = last_refresh_error
        if credentials_updated_at is not UNSET:
            field_dict["credentialsUpdatedAt"] = credentials_updated_at
        if disconnected_at is not UNSET:
            field_dict["disconnectedAt"] = disconnected_at
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if account is not UNSET:
            field_dict["account"] = account
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if setup is not UNSET:
            field_dict["setup"] = setup

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_status_view_account_type_0 import ConnectionStatusViewAccountType0 # noqa: PLC0415
        from ..models.connection_status_view_credentials_type_0 import ConnectionStatusViewCredentialsType0 # noqa: PLC0415
        from ..models.connection_status_view_metadata_type_0 import ConnectionStatusViewMetadataType0 # noqa: PLC0415
        from ..models.connection_status_view_setup_type_0 import ConnectionStatusViewSetupType0 # noqa: PLC0415
        d = dict(src_dict)
        connected = d.pop("connected")

        status = ConnectionStatusViewStatus(d.pop("status"))




        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connectionId", UNSET))


        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integrationId", UNSET))


        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))


        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("providerId", UNSET))


        def _parse_auth_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_type = _parse_auth_type(d.pop("authType", UNSET))


        def _parse_connect_with(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connect_with = _parse_connect_with(d.pop("connectWith", UNSET))


        def _parse_user_scoped(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        user_scoped = _parse_user_scoped(d.pop("userScoped", UNSET))


        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))


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


        def _parse_has_refresh_token(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_refresh_token = _parse_has_refresh_token(d.pop("hasRefreshToken", UNSET))


        def _parse_connected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connected_at = _parse_connected_at(d.pop("connectedAt", UNSET))


        def _parse_last_connected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_connected_at = _parse_last_connected_at(d.pop("lastConnectedAt", UNSET))


        def _parse_last_refreshed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_refreshed_at = _parse_last_refreshed_at(d.pop("lastRefreshedAt", UNSET))


        def _parse_last_validated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_validated_at = _parse_last_validated_at(d.pop("lastValidatedAt", UNSET))


        def _parse_validation_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        validation_error = _parse_validation_error(d.pop("validationError", UNSET))


        def _parse_last_refresh_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_refresh_error = _parse_last_refresh_error(d.pop("lastRefreshError", UNSET))


        def _parse_credentials_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credentials_updated_at = _parse_credentials_updated_at(d.pop("credentialsUpdatedAt", UNSET))


        def _parse_disconnected_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disconnected_at = _parse_disconnected_at(d.pop("disconnectedAt", UNSET))


        def _parse_credentials(data: object) -> ConnectionStatusViewCredentialsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = ConnectionStatusViewCredentialsType0.from_dict(data)



                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionStatusViewCredentialsType0 | None | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))


        def _parse_account(data: object) -> ConnectionStatusViewAccountType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                account_type_0 = ConnectionStatusViewAccountType0.from_dict(data)



                return account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionStatusViewAccountType0 | None | Unset, data)

        account = _parse_account(d.pop("account", UNSET))


        def _parse_metadata(data: object) -> ConnectionStatusViewMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ConnectionStatusViewMetadataType0.from_dict(data)



                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionStatusViewMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))


        def _parse_setup(data: object) -> ConnectionStatusViewSetupType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                setup_type_0 = ConnectionStatusViewSetupType0.from_dict(data)



                return setup_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionStatusViewSetupType0 | None | Unset, data)

        setup = _parse_setup(d.pop("setup", UNSET))


        connection_status_view = cls(
            connected=connected,
            status=status,
            connection_id=connection_id,
            integration_id=integration_id,
            user_id=user_id,
            provider_id=provider_id,
            auth_type=auth_type,
            connect_with=connect_with,
            user_scoped=user_scoped,
            display_name=display_name,
            scopes=scopes,
            expires_at=expires_at,
            has_refresh_token=has_refresh_token,
            connected_at=connected_at,
            last_connected_at=last_connected_at,
            last_refreshed_at=last_refreshed_at,
            last_validated_at=last_validated_at,
            validation_error=validation_error,
            last_refresh_error=last_refresh_error,
            credentials_updated_at=credentials_updated_at,
            disconnected_at=disconnected_at,
            credentials=credentials,
            account=account,
            metadata=metadata,
            setup=setup,
        )


        connection_status_view.additional_properties = d
        return connection_status_view

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
