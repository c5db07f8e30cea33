from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.integration_metadata import IntegrationMetadata
  from ..models.integration_update_connection_config_type_0 import IntegrationUpdateConnectionConfigType0
  from ..models.integration_update_settings_type_0 import IntegrationUpdateSettingsType0
  from ..models.quota_limits import QuotaLimits





T = TypeVar("T", bound="IntegrationUpdate")



@_attrs_define
class IntegrationUpdate:
    """ Partial update. `status`, `tenantId` and the provider cannot be set this way.

        Attributes:
            description (None | str | Unset):
            icon (None | str | Unset):
            settings (IntegrationUpdateSettingsType0 | None | Unset):
            allowed_shard_types (list[str] | None | Unset):
            search_enabled (bool | None | Unset):
            searchable_entities (list[str] | None | Unset):
            user_scoped (bool | None | Unset):
            metadata (IntegrationMetadata | None | Unset):
            connection_config (IntegrationUpdateConnectionConfigType0 | None | Unset): Account-specific values for the
                provider's URL placeholders, e.g. a shop
            provider_quota (None | QuotaLimits | Unset): This integration's provider request budget per connection, shared
                by the proxy, search, widgets, sync and health checks (default: the template's)
            name (None | str | Unset):
            expected_version (int | None | Unset):
     """

    description: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    settings: IntegrationUpdateSettingsType0 | None | Unset = UNSET
    allowed_shard_types: list[str] | None | Unset = UNSET
    search_enabled: bool | None | Unset = UNSET
    searchable_entities: list[str] | None | Unset = UNSET
    user_scoped: bool | None | Unset = UNSET
    metadata: IntegrationMetadata | None | Unset = UNSET
    connection_config: IntegrationUpdateConnectionConfigType0 | None | Unset = UNSET
    provider_quota: None | QuotaLimits | Unset = UNSET
    name: None | str | Unset = UNSET
    expected_version: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.integration_metadata import IntegrationMetadata # noqa: PLC0415
        from ..models.integration_update_connection_config_type_0 import IntegrationUpdateConnectionConfigType0 # noqa: PLC0415
        from ..models.integration_update_settings_type_0 import IntegrationUpdateSettingsType0 # noqa: PLC0415
        from ..models.quota_limits import QuotaLimits # noqa: PLC0415
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        icon: None | str | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        else:
            icon = self.icon

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, IntegrationUpdateSettingsType0):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        allowed_shard_types: list[str] | None | Unset
        if isinstance(self.allowed_shard_types, Unset):
            allowed_shard_types = UNSET
        elif isinstance(self.allowed_shard_types, list):
            allowed_shard_types = self.allowed_shard_types


        else:
            allowed_shard_types = self.allowed_shard_types

        search_enabled: bool | None | Unset
        if isinstance(self.search_enabled, Unset):
            search_enabled = UNSET
        else:
            search_enabled = self.search_enabled

        searchable_entities: list[str] | None | Unset
        if isinstance(self.searchable_entities, Unset):
            searchable_entities = UNSET
        elif isinstance(self.searchable_entities, list):
            searchable_entities = self.searchable_entities


        else:
            searchable_entities = self.searchable_entities

        user_scoped: bool | None | Unset
        if isinstance(self.user_scoped, Unset):
            user_scoped = UNSET
        else:
            user_scoped = self.user_scoped

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, IntegrationMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        connection_config: dict[str, Any] | None | Unset
        if isinstance(self.connection_config, Unset):
            connection_config = UNSET
        elif isinstance(self.connection_config, IntegrationUpdateConnectionConfigType0):
            connection_config = self.connection_config.to_dict()
        else:
            connection_config = self.connection_config

        provider_quota: dict[str, Any] | None | Unset
        if isinstance(self.provider_quota, Unset):
            provider_quota = UNSET
        elif isinstance(self.provider_quota, QuotaLimits):
            provider_quota = self.provider_quota.to_dict()
        else:
            provider_quota = self.provider_quota

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        expected_version: int | None | Unset
        if isinstance(self.expected_version, Unset):
            expected_version = UNSET
        else:
            expected_version = self.expected_version


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if icon is not UNSET:
            field_dict["icon"] = icon
        if settings is not UNSET:
            field_dict["settings"] = settings
        if allowed_shard_types is not UNSET:
            field_dict["allowedShardTypes"] = allowed_shard_types
        if search_enabled is not UNSET:
            field_dict["searchEnabled"] = search_enabled
        if searchable_entities is not UNSET:
            field_dict["searchableEntities"] = searchable_entities
        if user_scoped is not UNSET:
            field_dict["userScoped"] = user_scoped
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if connection_config is not UNSET:
            field_dict["connectionConfig"] = connection_config
        if provider_quota is not UNSET:
            field_dict["providerQuota"] = provider_quota
        if name is not UNSET:
            field_dict["name"] = name
        if expected_version is not UNSET:
            field_dict["expectedVersion"] = expected_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.integration_metadata import IntegrationMetadata # noqa: PLC0415
        from ..models.integration_update_connection_config_type_0 import IntegrationUpdateConnectionConfigType0 # noqa: PLC0415
        from ..models.integration_update_settings_type_0 import IntegrationUpdateSettingsType0 # noqa: PLC0415
        from ..models.quota_limits import QuotaLimits # noqa: PLC0415
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon = _parse_icon(d.pop("icon", UNSET))


        def _parse_settings(data: object) -> IntegrationUpdateSettingsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = IntegrationUpdateSettingsType0.from_dict(data)



                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationUpdateSettingsType0 | None | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))


        def _parse_allowed_shard_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_shard_types_type_0 = cast(list[str], data)

                return allowed_shard_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_shard_types = _parse_allowed_shard_types(d.pop("allowedShardTypes", UNSET))


        def _parse_search_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        search_enabled = _parse_search_enabled(d.pop("searchEnabled", UNSET))


        def _parse_searchable_entities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                searchable_entities_type_0 = cast(list[str], data)

                return searchable_entities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        searchable_entities = _parse_searchable_entities(d.pop("searchableEntities", UNSET))


        def _parse_user_scoped(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        user_scoped = _parse_user_scoped(d.pop("userScoped", UNSET))


        def _parse_metadata(data: object) -> IntegrationMetadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = IntegrationMetadata.from_dict(data)



                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationMetadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))


        def _parse_connection_config(data: object) -> IntegrationUpdateConnectionConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                connection_config_type_0 = IntegrationUpdateConnectionConfigType0.from_dict(data)



                return connection_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationUpdateConnectionConfigType0 | None | Unset, data)

        connection_config = _parse_connection_config(d.pop("connectionConfig", UNSET))


        def _parse_provider_quota(data: object) -> None | QuotaLimits | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provider_quota_type_0 = QuotaLimits.from_dict(data)



                return provider_quota_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotaLimits | Unset, data)

        provider_quota = _parse_provider_quota(d.pop("providerQuota", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_expected_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_version = _parse_expected_version(d.pop("expectedVersion", UNSET))


        integration_update = cls(
            description=description,
            icon=icon,
            settings=settings,
            allowed_shard_types=allowed_shard_types,
            search_enabled=search_enabled,
            searchable_entities=searchable_entities,
            user_scoped=user_scoped,
            metadata=metadata,
            connection_config=connection_config,
            provider_quota=provider_quota,
            name=name,
            expected_version=expected_version,
        )

        return integration_update

