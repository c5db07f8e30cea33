from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_view_audience_type_0 import ProviderViewAudienceType0
from ..models.provider_view_auth_type_type_0 import ProviderViewAuthTypeType0
from ..models.provider_view_status_type_0 import ProviderViewStatusType0
from ..models.provider_view_supported_sync_directions_type_0_item import ProviderViewSupportedSyncDirectionsType0Item
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_spec import ApiSpec
  from ..models.entity_mapping_view import EntityMappingView
  from ..models.entity_view import EntityView
  from ..models.o_auth_config_view import OAuthConfigView
  from ..models.provider_view_connection_config_type_0 import ProviderViewConnectionConfigType0
  from ..models.rate_limit_headers import RateLimitHeaders
  from ..models.search_capabilities_view import SearchCapabilitiesView
  from ..models.search_spec import SearchSpec
  from ..models.sync_spec import SyncSpec
  from ..models.verification_request import VerificationRequest





T = TypeVar("T", bound="ProviderView")



@_attrs_define
class ProviderView:
    """ A provider as the super admin sees it.

        Attributes:
            id (str):
            provider (str):
            version (int): Optimistic concurrency: send it back as expectedVersion
            created_at (str):
            updated_at (str):
            name (None | str | Unset):
            display_name (None | str | Unset):
            description (None | str | Unset):
            category (None | str | Unset):
            status (None | ProviderViewStatusType0 | Unset):
            audience (None | ProviderViewAudienceType0 | Unset):
            auth_type (None | ProviderViewAuthTypeType0 | Unset):
            capabilities (list[str] | None | Unset):
            supported_sync_directions (list[ProviderViewSupportedSyncDirectionsType0Item] | None | Unset):
            supports_realtime (bool | None | Unset):
            supports_webhooks (bool | None | Unset):
            supports_notifications (bool | None | Unset):
            supports_search (bool | None | Unset):
            searchable_entities (list[str] | None | Unset):
            search_capabilities (None | SearchCapabilitiesView | Unset):
            requires_user_scoping (bool | None | Unset):
            available_entities (list[EntityView] | None | Unset):
            icon (None | str | Unset):
            color (None | str | Unset):
            is_premium (bool | None | Unset):
            required_plan (None | str | Unset):
            oauth_config (None | OAuthConfigView | Unset):
            entity_mappings (list[EntityMappingView] | None | Unset):
            connection_config (None | ProviderViewConnectionConfigType0 | Unset):
            api (ApiSpec | None | Unset):
            verification (None | Unset | VerificationRequest):
            search (None | SearchSpec | Unset):
            sync (None | SyncSpec | Unset):
            rate_limit_headers (None | RateLimitHeaders | Unset):
            discovery_url (None | str | Unset):
            template_id (None | str | Unset):
            created_by (None | str | Unset):
            client_secret_updated_at (None | str | Unset):
     """

    id: str
    provider: str
    version: int
    created_at: str
    updated_at: str
    name: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    status: None | ProviderViewStatusType0 | Unset = UNSET
    audience: None | ProviderViewAudienceType0 | Unset = UNSET
    auth_type: None | ProviderViewAuthTypeType0 | Unset = UNSET
    capabilities: list[str] | None | Unset = UNSET
    supported_sync_directions: list[ProviderViewSupportedSyncDirectionsType0Item] | None | Unset = UNSET
    supports_realtime: bool | None | Unset = UNSET
    supports_webhooks: bool | None | Unset = UNSET
    supports_notifications: bool | None | Unset = UNSET
    supports_search: bool | None | Unset = UNSET
    searchable_entities: list[str] | None | Unset = UNSET
    search_capabilities: None | SearchCapabilitiesView | Unset = UNSET
    requires_user_scoping: bool | None | Unset = UNSET
    available_entities: list[EntityView] | None | Unset = UNSET
    icon: None | str | Unset = UNSET
    color: None | str | Unset = UNSET
    is_premium: bool | None | Unset = UNSET
    required_plan: None | str | Unset = UNSET
    oauth_config: None | OAuthConfigView | Unset = UNSET
    entity_mappings: list[EntityMappingView] | None | Unset = UNSET
    connection_config: None | ProviderViewConnectionConfigType0 | Unset = UNSET
    api: ApiSpec | None | Unset = UNSET
    verification: None | Unset | VerificationRequest = UNSET
    search: None | SearchSpec | Unset = UNSET
    sync: None | SyncSpec | Unset = UNSET
    rate_limit_headers: None | RateLimitHeaders | Unset = UNSET
    discovery_url: None | str | Unset = UNSET
    template_id: None | str | Unset = UNSET
    created_by: None | str | Unset = UNSET
    client_secret_updated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_spec import ApiSpec # noqa: PLC0415
        from ..models.entity_mapping_view import EntityMappingView # noqa: PLC0415
        from ..models.entity_view import EntityView # noqa: PLC0415
        from ..models.o_auth_config_view import OAuthConfigView # noqa: PLC0415
        from ..models.provider_view_connection_config_type_0 import ProviderViewConnectionConfigType0 # noqa: PLC0415
        from ..models.rate_limit_headers import RateLimitHeaders # noqa: PLC0415
        from ..models.search_capabilities_view import SearchCapabilitiesView # noqa: PLC0415
        from ..models.search_spec import SearchSpec # noqa: PLC0415
        from ..models.sync_spec import SyncSpec # noqa: PLC0415
        from ..models.verification_request import VerificationRequest # noqa: PLC0415
        id = self.id

        provider = self.provider

        version = self.version

        created_at = self.created_at

        updated_at = self.updated_at

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProviderViewStatusType0):
            status = self.status.value
        else:
            status = self.status

        audience: None | str | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, ProviderViewAudienceType0):
            audience = self.audience.value
        else:
            audience = self.audience

        auth_type: None | str | Unset
        if isinstance(self.auth_type, Unset):
            auth_type = UNSET
        elif isinstance(self.auth_type, ProviderViewAuthTypeType0):
            auth_type = self.auth_type.value
        else:
            auth_type = self.auth_type

        capabilities: list[str] | None | Unset
        if isinstance(self.capabilities, Unset):
            capabilities = UNSET
        elif isinstance(self.capabilities, list):
            capabilities = self.capabilities


        else:
            capabilities = self.capabilities

        supported_sync_directions: list[str] | None | Unset
        if isinstance(self.supported_sync_directions, Unset):
            supported_sync_directions = UNSET
        elif isinstance(self.supported_sync_directions, list):
            supported_sync_directions = []
            for supported_sync_directions_type_0_item_data in self.supported_sync_directions:
                supported_sync_directions_type_0_item = supported_sync_directions_type_0_item_data.value
                supported_sync_directions.append(supported_sync_directions_type_0_item)


        else:
            supported_sync_directions = self.supported_sync_directions

        supports_realtime: bool | None | Unset
        if isinstance(self.supports_realtime, Unset):
            supports_realtime = UNSET
        else:
            supports_realtime = self.supports_realtime

        supports_webhooks: bool | None | Unset
        if isinstance(self.supports_webhooks, Unset):
            supports_webhooks = UNSET
        else:
            supports_webhooks = self.supports_webhooks

        supports_notifications: bool | None | Unset
        if isinstance(self.supports_notifications, Unset):
            supports_notifications = UNSET
        else:
            supports_notifications = self.supports_notifications

        supports_search: bool | None | Unset
        if isinstance(self.supports_search, Unset):
            supports_search = UNSET
        else:
            supports_search = self.supports_search

        searchable_entities: list[str] | None | Unset
        if isinstance(self.searchable_entities, Unset):
            searchable_entities = UNSET
        elif isinstance(self.searchable_entities, list):
            searchable_entities = self.searchable_entities


        else:
            searchable_entities = self.searchable_entities

        search_capabilities: dict[str, Any] | None | Unset
        if isinstance(self.search_capabilities, Unset):
            search_capabilities = UNSET
        elif isinstance(self.search_capabilities, SearchCapabilitiesView):
            search_capabilities = self.search_capabilities.to_dict()
        else:
            search_capabilities = self.search_capabilities

        requires_user_scoping: bool | None | Unset
        if isinstance(self.requires_user_scoping, Unset):
            requires_user_scoping = UNSET
        else:
            requires_user_scoping = self.requires_user_scoping

        available_entities: list[dict[str, Any]] | None | Unset
        if isinstance(self.available_entities, Unset):
            available_entities = UNSET
        elif isinstance(self.available_entities, list):
            available_entities = []
            for available_entities_type_0_item_data in self.available_entities:
                available_entities_type_0_item = available_entities_type_0_item_data.to_dict()
                available_entities.append(available_entities_type_0_item)


        else:
            available_entities = self.available_entities

        icon: None | str | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        else:
            icon = self.icon

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        is_premium: bool | None | Unset
        if isinstance(self.is_premium, Unset):
            is_premium = UNSET
        else:
            is_premium = self.is_premium

        required_plan: None | str | Unset
        if isinstance(self.required_plan, Unset):
            required_plan = UNSET
        else:
            required_plan = self.required_plan

        oauth_config: dict[str, Any] | None | Unset
        if isinstance(self.oauth_config, Unset):
            oauth_config = UNSET
        elif isinstance(self.oauth_config, OAuthConfigView):
            oauth_config = self.oauth_config.to_dict()
        else:
            oauth_config = self.oauth_config

        entity_mappings: list[dict[str, Any]] | None | Unset
        if isinstance(self.entity_mappings, Unset):
            entity_mappings = UNSET
        elif isinstance(self.entity_mappings, list):
            entity_mappings = []
            for entity_mappings_type_0_item_data in self.entity_mappings:
                entity_mappings_type_0_item = entity_mappings_type_0_item_data.to_dict()
                entity_mappings.append(entity_mappings_type_0_item)


        else:
            entity_mappings = self.entity_mappings

        connection_config: dict[str, Any] | None | Unset
        if isinstance(self.connection_config, Unset):
            connection_config = UNSET
        elif isinstance(self.connection_config, ProviderViewConnectionConfigType0):
            connection_config = self.connection_config.to_dict()
        else:
            connection_config = self.connection_config

        api: dict[str, Any] | None | Unset
        if isinstance(self.api, Unset):
            api = UNSET
        elif isinstance(self.api, ApiSpec):
            api = self.api.to_dict()
        else:
            api = self.api

        verification: dict[str, Any] | None | Unset
        if isinstance(self.verification, Unset):
            verification = UNSET
        elif isinstance(self.verification, VerificationRequest):
            verification = self.verification.to_dict()
        else:
            verification = self.verification

        search: dict[str, Any] | None | Unset
        if isinstance(self.search, Unset):
            search = UNSET
        elif isinstance(self.search, SearchSpec):
            search = self.search.to_dict()
        else:
            search = self.search

        sync: dict[str, Any] | None | Unset
        if isinstance(self.sync, Unset):
            sync = UNSET
        elif isinstance(self.sync, SyncSpec):
            sync = self.sync.to_dict()
        else:
            sync = self.sync

        rate_limit_headers: dict[str, Any] | None | Unset
        if isinstance(self.rate_limit_headers, Unset):
            rate_limit_headers = UNSET
        elif isinstance(self.rate_limit_headers, RateLimitHeaders):
            rate_limit_headers = self.rate_limit_headers.to_dict()
        else:
            rate_limit_headers = self.rate_limit_headers

        discovery_url: None | str | Unset
        if isinstance(self.discovery_url, Unset):
            discovery_url = UNSET
        else:
            discovery_url = self.discovery_url

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        client_secret_updated_at: None | str | Unset
        if isinstance(self.client_secret_updated_at, Unset):
            client_secret_updated_at = UNSET
        else:
            client_secret_updated_at = self.client_secret_updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "provider": provider,
            "version": version,
            "createdAt": created_at,
            "updatedAt": updated_at,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if category is not UNSET:
            field_dict["category"] = category
        if status is not UNSET:
            field_dict["status"] = status
        if audience is not UNSET:
            field_dict["audience"] = audience
        if auth_type is not UNSET:
            field_dict["authType"] = auth_type
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if supported_sync_directions is not UNSET:
            field_dict["supportedSyncDirections"] = supported_sync_directions
        if supports_realtime is not UNSET:
            field_dict["supportsRealtime"] = supports_realtime
        if supports_webhooks is not UNSET:
            field_dict["supportsWebhooks"] = supports_webhooks
        if supports_notifications is not UNSET:
            field_dict["supportsNotifications"] = supports_notifications
        if supports_search is not UNSET:
            field_dict["supportsSearch"] = supports_search
        if searchable_entities is not UNSET:
            field_dict["searchableEntities"] = searchable_entities
        if search_capabilities is not UNSET:
            field_dict["searchCapabilities"] = search_capabilities
        if requires_user_scoping is not UNSET:
            field_dict["requiresUserScoping"] = requires_user_scoping
        if available_entities is not UNSET:
            field_dict["availableEntities"] = available_entities
        if icon is not UNSET:
            field_dict["icon"] = icon
        if color is not UNSET:
            field_dict["color"] = color
        if is_premium is not UNSET:
            field_dict["isPremium"] = is_premium
        if required_plan is not UNSET:
            field_dict["requiredPlan"] = required_plan
        if oauth_config is not UNSET:
            field_dict["oauthConfig"] = oauth_config
        if entity_mappings is not UNSET:
            field_dict["entityMappings"] = entity_mappings
        if connection_config is not UNSET:
            field_dict["connectionConfig"] = connection_config
        if api is not UNSET:
            field_dict["api"] = api
        if verification is not UNSET:
            field_dict["verification"] = verification
        if search is not UNSET:
            field_dict["search"] = search
        if sync is not UNSET:
            field_dict["sync"] = sync
        if rate_limit_headers is not UNSET:
            field_dict["rateLimitHeaders"] = rate_limit_headers
        if discovery_url is not UNSET:
            field_dict["discoveryUrl"] = discovery_url
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if client_secret_updated_at is not UNSET:
            field_dict["clientSecretUpdatedAt"] = client_secret_updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_spec import ApiSpec # noqa: PLC0415
        from ..models.entity_mapping_view import EntityMappingView # noqa: PLC0415
        from ..models.entity_view import EntityView # noqa: PLC0415
        from ..models.o_auth_config_view import OAuthConfigView # noqa: PLC0415
        from ..models.provider_view_connection_config_type_0 import ProviderViewConnectionConfigType0 # noqa: PLC0415
        from ..models.rate_limit_headers import RateLimitHeaders # noqa: PLC0415
        from ..models.search_capabilities_view import SearchCapabilitiesView # noqa: PLC0415
        from ..models.search_spec import SearchSpec # noqa: PLC0415
        from ..models.sync_spec import SyncSpec # noqa: PLC0415
        from ..models.verification_request import VerificationRequest # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        provider = d.pop("provider")

        version = d.pop("version")

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_status(data: object) -> None | ProviderViewStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProviderViewStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderViewStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_audience(data: object) -> None | ProviderViewAudienceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audience_type_0 = ProviderViewAudienceType0(data)



                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderViewAudienceType0 | Unset, data)

        audience = _parse_audience(d.pop("audience", UNSET))


        def _parse_auth_type(data: object) -> None | ProviderViewAuthTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auth_type_type_0 = ProviderViewAuthTypeType0(data)



                return auth_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderViewAuthTypeType0 | Unset, data)

        auth_type = _parse_auth_type(d.pop("authType", UNSET))


        def _parse_capabilities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                capabilities_type_0 = cast(list[str], data)

                return capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        capabilities = _parse_capabilities(d.pop("capabilities", UNSET))


        def _parse_supported_sync_directions(data: object) -> list[ProviderViewSupportedSyncDirectionsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_sync_directions_type_0 = []
                _supported_sync_directions_type_0 = data
                for supported_sync_directions_type_0_item_data in (_supported_sync_directions_type_0):
                    supported_sync_directions_type_0_item = ProviderViewSupportedSyncDirectionsType0Item(supported_sync_directions_type_0_item_data)



                    supported_sync_directions_type_0.append(supported_sync_directions_type_0_item)

                return supported_sync_directions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProviderViewSupportedSyncDirectionsType0Item] | None | Unset, data)

        supported_sync_directions = _parse_supported_sync_directions(d.pop("supportedSyncDirections", UNSET))


        def _parse_supports_realtime(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supports_realtime = _parse_supports_realtime(d.pop("supportsRealtime", UNSET))


        def _parse_supports_webhooks(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supports_webhooks = _parse_supports_webhooks(d.pop("supportsWebhooks", UNSET))


        def _parse_supports_notifications(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supports_notifications = _parse_supports_notifications(d.pop("supportsNotifications", UNSET))


        def _parse_supports_search(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supports_search = _parse_supports_search(d.pop("supportsSearch", UNSET))


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


        def _parse_search_capabilities(data: object) -> None | SearchCapabilitiesView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                search_capabilities_type_0 = SearchCapabilitiesView.from_dict(data)



                return search_capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchCapabilitiesView | Unset, data)

        search_capabilities = _parse_search_capabilities(d.pop("searchCapabilities", UNSET))


        def _parse_requires_user_scoping(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        requires_user_scoping = _parse_requires_user_scoping(d.pop("requiresUserScoping", UNSET))


        def _parse_available_entities(data: object) -> list[EntityView] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                available_entities_type_0 = []
                _available_entities_type_0 = data
                for available_entities_type_0_item_data in (_available_entities_type_0):
                    available_entities_type_0_item = EntityView.from_dict(available_entities_type_0_item_data)



                    available_entities_type_0.append(available_entities_type_0_item)

                return available_entities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EntityView] | None | Unset, data)

        available_entities = _parse_available_entities(d.pop("availableEntities", UNSET))


        def _parse_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon = _parse_icon(d.pop("icon", UNSET))


        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))


        def _parse_is_premium(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_premium = _parse_is_premium(d.pop("isPremium", UNSET))


        def _parse_required_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        required_plan = _parse_required_plan(d.pop("requiredPlan", UNSET))


        def _parse_oauth_config(data: object) -> None | OAuthConfigView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                oauth_config_type_0 = OAuthConfigView.from_dict(data)



                return oauth_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigView | Unset, data)

        oauth_config = _parse_oauth_config(d.pop("oauthConfig", UNSET))


        def _parse_entity_mappings(data: object) -> list[EntityMappingView] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entity_mappings_type_0 = []
                _entity_mappings_type_0 = data
                for entity_mappings_type_0_item_data in (_entity_mappings_type_0):
                    entity_mappings_type_0_item = EntityMappingView.from_dict(entity_mappings_type_0_item_data)



                    entity_mappings_type_0.append(entity_mappings_type_0_item)

                return entity_mappings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EntityMappingView] | None | Unset, data)

        entity_mappings = _parse_entity_mappings(d.pop("entityMappings", UNSET))


        def _parse_connection_config(data: object) -> None | ProviderViewConnectionConfigType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                connection_config_type_0 = ProviderViewConnectionConfigType0.from_dict(data)



                return connection_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderViewConnectionConfigType0 | Unset, data)

        connection_config = _parse_connection_config(d.pop("connectionConfig", UNSET))


        def _parse_api(data: object) -> ApiSpec | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                api_type_0 = ApiSpec.from_dict(data)



                return api_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiSpec | None | Unset, data)

        api = _parse_api(d.pop("api", UNSET))


        def _parse_verification(data: object) -> None | Unset | VerificationRequest:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verification_type_0 = VerificationRequest.from_dict(data)



                return verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationRequest, data)

        verification = _parse_verification(d.pop("verification", UNSET))


        def _parse_search(data: object) -> None | SearchSpec | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                search_type_0 = SearchSpec.from_dict(data)



                return search_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchSpec | Unset, data)

        search = _parse_search(d.pop("search", UNSET))


        def _parse_sync(data: object) -> None | SyncSpec | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sync_type_0 = SyncSpec.from_dict(data)



                return sync_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncSpec | Unset, data)

        sync = _parse_sync(d.pop("sync", UNSET))


        def _parse_rate_limit_headers(data: object) -> None | RateLimitHeaders | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_limit_headers_type_0 = RateLimitHeaders.from_dict(data)



                return rate_limit_headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RateLimitHeaders | Unset, data)

        rate_limit_headers = _parse_rate_limit_headers(d.pop("rateLimitHeaders", UNSET))


        def _parse_discovery_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discovery_url = _parse_discovery_url(d.pop("discoveryUrl", UNSET))


        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("templateId", UNSET))


        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))


        def _parse_client_secret_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret_updated_at = _parse_client_secret_updated_at(d.pop("clientSecretUpdatedAt", UNSET))


        provider_view = cls(
            id=id,
            provider=provider,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            display_name=display_name,
            description=description,
            category=category,
            status=status,
            audience=audience,
            auth_type=auth_type,
            capabilities=capabilities,
            supported_sync_directions=supported_sync_directions,
            supports_realtime=supports_realtime,
            supports_webhooks=supports_webhooks,
            supports_notifications=supports_notifications,
            supports_search=supports_search,
            searchable_entities=searchable_entities,
            search_capabilities=search_capabilities,
            requires_user_scoping=requires_user_scoping,
            available_entities=available_entities,
            icon=icon,
            color=color,
            is_premium=is_premium,
            required_plan=required_plan,
            oauth_config=oauth_config,
            entity_mappings=entity_mappings,
            connection_config=connection_config,
            api=api,
            verification=verification,
            search=search,
            sync=sync,
            rate_limit_headers=rate_limit_headers,
            discovery_url=discovery_url,
            template_id=template_id,
            created_by=created_by,
            client_secret_updated_at=client_secret_updated_at,
        )


        provider_view.additional_properties = d
        return provider_view

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
