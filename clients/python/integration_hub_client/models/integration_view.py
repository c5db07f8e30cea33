from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.integration_view_connection_config_type_0 import IntegrationViewConnectionConfigType0
  from ..models.integration_view_metadata_type_0 import IntegrationViewMetadataType0
  from ..models.integration_view_provider_quota_type_0 import IntegrationViewProviderQuotaType0





T = TypeVar("T", bound="IntegrationView")



@_attrs_define
class IntegrationView:
    """ An integration instance as the API answers it; the optional fields a tenant set are
    returned as stored (extra fields allowed, so a new stored field never breaks an answer).

        Attributes:
            id (str): The instance's id (`int_…`)
            tenant_id (str):
            provider_id (str):
            status (str): pending, connected, error or disabled
            provider_name (None | str | Unset):
            provider_display_name (None | str | Unset):
            category (None | str | Unset):
            auth_type (None | str | Unset):
            name (None | str | Unset):
            description (None | str | Unset):
            enabled (bool | None | Unset):
            user_scoped (bool | None | Unset):
            search_enabled (bool | None | Unset):
            metadata (IntegrationViewMetadataType0 | None | Unset):
            provider_quota (IntegrationViewProviderQuotaType0 | None | Unset):
            connection_config (IntegrationViewConnectionConfigType0 | None | Unset):
            created_at (None | str | Unset):
            updated_at (None | str | Unset):
            created_by (None | str | Unset):
            version (int | None | Unset): Send as expectedVersion for optimistic concurrency
     """

    id: str
    tenant_id: str
    provider_id: str
    status: str
    provider_name: None | str | Unset = UNSET
    provider_display_name: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    auth_type: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    user_scoped: bool | None | Unset = UNSET
    search_enabled: bool | None | Unset = UNSET
    metadata: IntegrationViewMetadataType0 | None | Unset = UNSET
    provider_quota: IntegrationViewProviderQuotaType0 | None | Unset = UNSET
    connection_config: IntegrationViewConnectionConfigType0 | None | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    created_by: None | str | Unset = UNSET
    version: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.integration_view_connection_config_type_0 import IntegrationViewConnectionConfigType0 # noqa: PLC0415
        from ..models.integration_view_metadata_type_0 import IntegrationViewMetadataType0 # noqa: PLC0415
        from ..models.integration_view_provider_quota_type_0 import IntegrationViewProviderQuotaType0 # noqa: PLC0415
        id = self.id

        tenant_id = self.tenant_id

        provider_id = self.provider_id

        status = self.status

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        user_scoped: bool | None | Unset
        if isinstance(self.user_scoped, Unset):
            user_scoped = UNSET
        else:
            user_scoped = self.user_scoped

        search_enabled: bool | None | Unset
        if isinstance(self.search_enabled, Unset):
            search_enabled = UNSET
        else:
            search_enabled = self.search_enabled

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, IntegrationViewMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        provider_quota: dict[str, Any] | None | Unset
        if isinstance(self.provider_quota, Unset):
            provider_quota = UNSET
        elif isinstance(self.provider_quota, IntegrationViewProviderQuotaType0):
            provider_quota = self.provider_quota.to_dict()
        else:
            provider_quota = self.provider_quota

        connection_config: dict[str, Any] | None | Unset
        if isinstance(self.connection_config, Unset):
            connection_config = UNSET
        elif isinstance(self.connection_config, IntegrationViewConnectionConfigType0):
            connection_config = self.connection_config.to_dict()
        else:
            connection_config = self.connection_config

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tenantId": tenant_id,
            "providerId": provider_id,
            "status": status,
        })
        if provider_name is not UNSET:
            field_dict["providerName"] = provider_name
        if provider_display_name is not UNSET:
            field_dict["providerDisplayName"] = provider_display_name
        if category is not UNSET:
            field_dict["category"] = category
        if auth_type is not UNSET:
            field_dict["authType"] = auth_type
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if user_scoped is not UNSET:
            field_dict["userScoped"] = user_scoped
        if search_enabled is not UNSET:
            field_dict["searchEnabled"] = search_enabled
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if provider_quota is not UNSET:
            field_dict["providerQuota"] = provider_quota
        if connection_config is not UNSET:
            field_dict["connectionConfig"] = connection_config
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.integration_view_connection_config_type_0 import IntegrationViewConnectionConfigType0 # noqa: PLC0415
        from ..models.integration_view_metadata_type_0 import IntegrationViewMetadataType0 # noqa: PLC0415
        from ..models.integration_view_provider_quota_type_0 import IntegrationViewProviderQuotaType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenantId")

        provider_id = d.pop("providerId")

        status = d.pop("status")

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


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))


        def _parse_user_scoped(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        user_scoped = _parse_user_scoped(d.pop("userScoped", UNSET))


        def _parse_search_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        search_enabled = _parse_search_enabled(d.pop("searchEnabled", UNSET))


        def _parse_metadata(data: object) -> IntegrationViewMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = IntegrationViewMetadataType0.from_dict(data)



                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationViewMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))


        def _parse_provider_quota(data: object) -> IntegrationViewProviderQuotaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provider_quota_type_0 = IntegrationViewProviderQuotaType0.from_dict(data)



                return provider_quota_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationViewProviderQuotaType0 | None | Unset, data)

        provider_quota = _parse_provider_quota(d.pop("providerQuota", UNSET))


        def _parse_connection_config(data: object) -> IntegrationViewConnectionConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                connection_config_type_0 = IntegrationViewConnectionConfigType0.from_dict(data)



                return connection_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationViewConnectionConfigType0 | None | Unset, data)

        connection_config = _parse_connection_config(d.pop("connectionConfig", UNSET))


        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))


        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))


        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))


        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        integration_view = cls(
            id=id,
            tenant_id=tenant_id,
            provider_id=provider_id,
            status=status,
            provider_name=provider_name,
            provider_display_name=provider_display_name,
            category=category,
            auth_type=auth_type,
            name=name,
            description=description,
            enabled=enabled,
            user_scoped=user_scoped,
            search_enabled=search_enabled,
            metadata=metadata,
            provider_quota=provider_quota,
            connection_config=connection_config,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            version=version,
        )


        integration_view.additional_properties = d
        return integration_view

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
