""" Contains all the data models used in inputs/outputs """

from .activity_params import ActivityParams
from .activity_params_timerange import ActivityParamsTimerange
from .admin_audit_list_params import AdminAuditListParams
from .admin_audit_list_params_sortorder import AdminAuditListParamsSortorder
from .api_key_connect_request import ApiKeyConnectRequest
from .api_key_connect_request_credentials_type_0 import ApiKeyConnectRequestCredentialsType0
from .api_spec import ApiSpec
from .api_spec_apikeyin import ApiSpecApikeyin
from .api_spec_extraheaders import ApiSpecExtraheaders
from .attempt_view import AttemptView
from .audit_admin_list_sort_order import AuditAdminListSortOrder
from .audit_change import AuditChange
from .audit_change_diff import AuditChangeDiff
from .audit_list_params import AuditListParams
from .audit_list_params_sortorder import AuditListParamsSortorder
from .audit_log_view import AuditLogView
from .audit_log_view_actor import AuditLogViewActor
from .audit_log_view_target import AuditLogViewTarget
from .audit_page import AuditPage
from .audit_tenant_list_sort_order import AuditTenantListSortOrder
from .basic_connect_request import BasicConnectRequest
from .basic_connect_request_credentials_type_0 import BasicConnectRequestCredentialsType0
from .catalog_get_return import CatalogGetReturn
from .catalog_list_params import CatalogListParams
from .catalog_list_params_sortorder import CatalogListParamsSortorder
from .catalog_list_return import CatalogListReturn
from .catalog_list_sort_order import CatalogListSortOrder
from .connections_connect_api_key_return import ConnectionsConnectApiKeyReturn
from .connections_connect_basic_return import ConnectionsConnectBasicReturn
from .connections_connect_custom_return import ConnectionsConnectCustomReturn
from .connections_connect_oauth_return import ConnectionsConnectOauthReturn
from .connections_disconnect_return import ConnectionsDisconnectReturn
from .connections_exchange_oauth_return import ConnectionsExchangeOauthReturn
from .connections_get_return import ConnectionsGetReturn
from .connections_refresh_return import ConnectionsRefreshReturn
from .connections_test_return import ConnectionsTestReturn
from .connections_update_credentials_return import ConnectionsUpdateCredentialsReturn
from .credentials_update_request import CredentialsUpdateRequest
from .credentials_update_request_credentials import CredentialsUpdateRequestCredentials
from .credentials_update_request_credentialtype import CredentialsUpdateRequestCredentialtype
from .custom_connect_request import CustomConnectRequest
from .custom_connect_request_credentials import CustomConnectRequestCredentials
from .data_params import DataParams
from .data_params_filters_type_0 import DataParamsFiltersType0
from .date_range import DateRange
from .delivery_counts import DeliveryCounts
from .delivery_list import DeliveryList
from .delivery_list_params import DeliveryListParams
from .delivery_list_params_sortorder import DeliveryListParamsSortorder
from .delivery_list_params_status_type_0 import DeliveryListParamsStatusType0
from .delivery_view import DeliveryView
from .delivery_view_payload_type_0 import DeliveryViewPayloadType0
from .delivery_view_status import DeliveryViewStatus
from .discover_request import DiscoverRequest
from .endpoint_stats import EndpointStats
from .entity_mapping import EntityMapping
from .entity_mapping_fieldmappings import EntityMappingFieldmappings
from .error_envelope import ErrorEnvelope
from .error_envelope_error import ErrorEnvelopeError
from .error_envelope_error_details_type_0 import ErrorEnvelopeErrorDetailsType0
from .event_type_list import EventTypeList
from .event_type_view import EventTypeView
from .event_type_view_jsonschema import EventTypeViewJsonschema
from .health_get_return import HealthGetReturn
from .health_get_sort_order import HealthGetSortOrder
from .health_get_status import HealthGetStatus
from .health_history_params import HealthHistoryParams
from .health_history_params_sortorder import HealthHistoryParamsSortorder
from .health_history_params_status_type_0 import HealthHistoryParamsStatusType0
from .health_list_params import HealthListParams
from .health_list_params_sortorder import HealthListParamsSortorder
from .health_list_params_status_type_0 import HealthListParamsStatusType0
from .health_list_return import HealthListReturn
from .health_list_sort_order import HealthListSortOrder
from .health_list_status import HealthListStatus
from .inbound_keys_update import InboundKeysUpdate
from .inbound_settings_view import InboundSettingsView
from .integration_activated import IntegrationActivated
from .integration_create import IntegrationCreate
from .integration_create_connection_config_type_0 import IntegrationCreateConnectionConfigType0
from .integration_create_settings_type_0 import IntegrationCreateSettingsType0
from .integration_deactivated import IntegrationDeactivated
from .integration_entity import IntegrationEntity
from .integration_intake_view import IntegrationIntakeView
from .integration_keys_update import IntegrationKeysUpdate
from .integration_list import IntegrationList
from .integration_list_params import IntegrationListParams
from .integration_list_params_sortorder import IntegrationListParamsSortorder
from .integration_list_params_status_type_0 import IntegrationListParamsStatusType0
from .integration_metadata import IntegrationMetadata
from .integration_search_params import IntegrationSearchParams
from .integration_update import IntegrationUpdate
from .integration_update_connection_config_type_0 import IntegrationUpdateConnectionConfigType0
from .integration_update_settings_type_0 import IntegrationUpdateSettingsType0
from .integration_view import IntegrationView
from .integration_view_connection_config_type_0 import IntegrationViewConnectionConfigType0
from .integration_view_metadata_type_0 import IntegrationViewMetadataType0
from .integration_view_provider_quota_type_0 import IntegrationViewProviderQuotaType0
from .integrations_admin_list_sort_order import IntegrationsAdminListSortOrder
from .integrations_admin_list_status import IntegrationsAdminListStatus
from .integrations_list_sort_order import IntegrationsListSortOrder
from .integrations_list_status import IntegrationsListStatus
from .o_auth_config_input import OAuthConfigInput
from .o_auth_config_input_authorization_params_type_0 import OAuthConfigInputAuthorizationParamsType0
from .o_auth_config_input_refresh_params_type_0 import OAuthConfigInputRefreshParamsType0
from .o_auth_config_input_revocation_token_type_hint_type_0 import OAuthConfigInputRevocationTokenTypeHintType0
from .o_auth_config_input_scope_separator_type_0 import OAuthConfigInputScopeSeparatorType0
from .o_auth_config_input_token_body_format_type_0 import OAuthConfigInputTokenBodyFormatType0
from .o_auth_config_input_token_client_auth_type_0 import OAuthConfigInputTokenClientAuthType0
from .o_auth_config_input_token_params_type_0 import OAuthConfigInputTokenParamsType0
from .o_auth_exchange_request import OAuthExchangeRequest
from .o_auth_start_request import OAuthStartRequest
from .o_auth_start_request_metadata_type_0 import OAuthStartRequestMetadataType0
from .provider_audience_update import ProviderAudienceUpdate
from .provider_audience_update_audience import ProviderAudienceUpdateAudience
from .provider_create import ProviderCreate
from .provider_create_audience_type_0 import ProviderCreateAudienceType0
from .provider_create_auth_type_type_0 import ProviderCreateAuthTypeType0
from .provider_create_category_type_0 import ProviderCreateCategoryType0
from .provider_create_connection_config_type_0 import ProviderCreateConnectionConfigType0
from .provider_create_status_type_0 import ProviderCreateStatusType0
from .provider_create_supported_sync_directions_type_0_item import ProviderCreateSupportedSyncDirectionsType0Item
from .provider_delete_params import ProviderDeleteParams
from .provider_list_params import ProviderListParams
from .provider_list_params_audience_type_0 import ProviderListParamsAudienceType0
from .provider_list_params_sortorder import ProviderListParamsSortorder
from .provider_list_params_status_type_0 import ProviderListParamsStatusType0
from .provider_status_update import ProviderStatusUpdate
from .provider_status_update_status import ProviderStatusUpdateStatus
from .provider_update import ProviderUpdate
from .provider_update_audience_type_0 import ProviderUpdateAudienceType0
from .provider_update_auth_type_type_0 import ProviderUpdateAuthTypeType0
from .provider_update_category_type_0 import ProviderUpdateCategoryType0
from .provider_update_connection_config_type_0 import ProviderUpdateConnectionConfigType0
from .provider_update_status_type_0 import ProviderUpdateStatusType0
from .provider_update_supported_sync_directions_type_0_item import ProviderUpdateSupportedSyncDirectionsType0Item
from .providers_create_return import ProvidersCreateReturn
from .providers_discover_return import ProvidersDiscoverReturn
from .providers_get_return import ProvidersGetReturn
from .providers_list_audience import ProvidersListAudience
from .providers_list_return import ProvidersListReturn
from .providers_list_sort_order import ProvidersListSortOrder
from .providers_list_status import ProvidersListStatus
from .providers_list_templates_return import ProvidersListTemplatesReturn
from .providers_list_templates_sort_order import ProvidersListTemplatesSortOrder
from .providers_rediscover_return import ProvidersRediscoverReturn
from .providers_set_audience_return import ProvidersSetAudienceReturn
from .providers_set_status_return import ProvidersSetStatusReturn
from .providers_test_return import ProvidersTestReturn
from .providers_update_return import ProvidersUpdateReturn
from .quota_limits import QuotaLimits
from .rate_limit_headers import RateLimitHeaders
from .rate_limit_headers_resetformat import RateLimitHeadersResetformat
from .recent_failure import RecentFailure
from .recover_job_view import RecoverJobView
from .recover_job_view_status import RecoverJobViewStatus
from .recover_request import RecoverRequest
from .rediscover_request import RediscoverRequest
from .refresh_request import RefreshRequest
from .search_capabilities import SearchCapabilities
from .search_filters import SearchFilters
from .search_filters_custom_filters_type_0 import SearchFiltersCustomFiltersType0
from .search_global_search_return import SearchGlobalSearchReturn
from .search_integration_search_return import SearchIntegrationSearchReturn
from .search_request import SearchRequest
from .search_spec import SearchSpec
from .search_spec_body_type_0 import SearchSpecBodyType0
from .search_spec_method import SearchSpecMethod
from .search_spec_queryin import SearchSpecQueryin
from .secret_rotated import SecretRotated
from .stats_params import StatsParams
from .sync_list_logs_return import SyncListLogsReturn
from .sync_list_logs_sort_order import SyncListLogsSortOrder
from .sync_list_logs_status import SyncListLogsStatus
from .sync_list_logs_trigger import SyncListLogsTrigger
from .sync_log_list_params import SyncLogListParams
from .sync_log_list_params_sortorder import SyncLogListParamsSortorder
from .sync_log_list_params_status_type_0 import SyncLogListParamsStatusType0
from .sync_log_list_params_trigger_type_0 import SyncLogListParamsTriggerType0
from .sync_request import SyncRequest
from .sync_run_return import SyncRunReturn
from .sync_spec import SyncSpec
from .sync_spec_body_type_0 import SyncSpecBodyType0
from .sync_spec_method import SyncSpecMethod
from .system_health_return import SystemHealthReturn
from .system_openapi_return import SystemOpenapiReturn
from .system_ready_return import SystemReadyReturn
from .template_list_params import TemplateListParams
from .template_list_params_sortorder import TemplateListParamsSortorder
from .token_base_url import TokenBaseUrl
from .token_response_spec import TokenResponseSpec
from .token_response_spec_expiresinunit import TokenResponseSpecExpiresinunit
from .user_connections_connect_oauth_return import UserConnectionsConnectOauthReturn
from .user_connections_disconnect_return import UserConnectionsDisconnectReturn
from .user_connections_get_return import UserConnectionsGetReturn
from .user_connections_list_return import UserConnectionsListReturn
from .user_connections_list_sort_order import UserConnectionsListSortOrder
from .user_connections_refresh_return import UserConnectionsRefreshReturn
from .user_connections_test_return import UserConnectionsTestReturn
from .user_integration_list_params import UserIntegrationListParams
from .user_integration_list_params_sortorder import UserIntegrationListParamsSortorder
from .verification_request import VerificationRequest
from .verification_request_body_type_0 import VerificationRequestBodyType0
from .verification_request_expectedjson import VerificationRequestExpectedjson
from .verification_request_method_type_0 import VerificationRequestMethodType0
from .webhook_create import WebhookCreate
from .webhook_create_metadata_type_0 import WebhookCreateMetadataType0
from .webhook_created import WebhookCreated
from .webhook_created_metadata import WebhookCreatedMetadata
from .webhook_created_status import WebhookCreatedStatus
from .webhook_list import WebhookList
from .webhook_list_params import WebhookListParams
from .webhook_list_params_sortorder import WebhookListParamsSortorder
from .webhook_list_params_status_type_0 import WebhookListParamsStatusType0
from .webhook_update import WebhookUpdate
from .webhook_update_metadata_type_0 import WebhookUpdateMetadataType0
from .webhook_update_status_type_0 import WebhookUpdateStatusType0
from .webhook_view import WebhookView
from .webhook_view_metadata import WebhookViewMetadata
from .webhook_view_status import WebhookViewStatus
from .webhooks_list_deliveries_sort_order import WebhooksListDeliveriesSortOrder
from .webhooks_list_deliveries_status import WebhooksListDeliveriesStatus
from .webhooks_list_sort_order import WebhooksListSortOrder
from .webhooks_list_status import WebhooksListStatus
from .widgets_activity_return import WidgetsActivityReturn
from .widgets_activity_time_range import WidgetsActivityTimeRange
from .widgets_data_filters import WidgetsDataFilters
from .widgets_data_return import WidgetsDataReturn
from .widgets_status_return import WidgetsStatusReturn

__all__ = (
    "ActivityParams",
    "ActivityParamsTimerange",
    "AdminAuditListParams",
    "AdminAuditListParamsSortorder",
    "ApiKeyConnectRequest",
    "ApiKeyConnectRequestCredentialsType0",
    "ApiSpec",
    "ApiSpecApikeyin",
    "ApiSpecExtraheaders",
    "AttemptView",
    "AuditAdminListSortOrder",
    "AuditChange",
    "AuditChangeDiff",
    "AuditListParams",
    "AuditListParamsSortorder",
    "AuditLogView",
    "AuditLogViewActor",
    "AuditLogViewTarget",
    "AuditPage",
    "AuditTenantListSortOrder",
    "BasicConnectRequest",
    "BasicConnectRequestCredentialsType0",
    "CatalogGetReturn",
    "CatalogListParams",
    "CatalogListParamsSortorder",
    "CatalogListReturn",
    "CatalogListSortOrder",
    "ConnectionsConnectApiKeyReturn",
    "ConnectionsConnectBasicReturn",
    "ConnectionsConnectCustomReturn",
    "ConnectionsConnectOauthReturn",
    "ConnectionsDisconnectReturn",
    "ConnectionsExchangeOauthReturn",
    "ConnectionsGetReturn",
    "ConnectionsRefreshReturn",
    "ConnectionsTestReturn",
    "ConnectionsUpdateCredentialsReturn",
    "CredentialsUpdateRequest",
    "CredentialsUpdateRequestCredentials",
    "CredentialsUpdateRequestCredentialtype",
    "CustomConnectRequest",
    "CustomConnectRequestCredentials",
    "DataParams",
    "DataParamsFiltersType0",
    "DateRange",
    "DeliveryCounts",
    "DeliveryList",
    "DeliveryListParams",
    "DeliveryListParamsSortorder",
    "DeliveryListParamsStatusType0",
    "DeliveryView",
    "DeliveryViewPayloadType0",
    "DeliveryViewStatus",
    "DiscoverRequest",
    "EndpointStats",
    "EntityMapping",
    "EntityMappingFieldmappings",
    "ErrorEnvelope",
    "ErrorEnvelopeError",
    "ErrorEnvelopeErrorDetailsType0",
    "EventTypeList",
    "EventTypeView",
    "EventTypeViewJsonschema",
    "HealthGetReturn",
    "HealthGetSortOrder",
    "HealthGetStatus",
    "HealthHistoryParams",
    "HealthHistoryParamsSortorder",
    "HealthHistoryParamsStatusType0",
    "HealthListParams",
    "HealthListParamsSortorder",
    "HealthListParamsStatusType0",
    "HealthListReturn",
    "HealthListSortOrder",
    "HealthListStatus",
    "InboundKeysUpdate",
    "InboundSettingsView",
    "IntegrationActivated",
    "IntegrationCreate",
    "IntegrationCreateConnectionConfigType0",
    "IntegrationCreateSettingsType0",
    "IntegrationDeactivated",
    "IntegrationEntity",
    "IntegrationIntakeView",
    "IntegrationKeysUpdate",
    "IntegrationList",
    "IntegrationListParams",
    "IntegrationListParamsSortorder",
    "IntegrationListParamsStatusType0",
    "IntegrationMetadata",
    "IntegrationsAdminListSortOrder",
    "IntegrationsAdminListStatus",
    "IntegrationSearchParams",
    "IntegrationsListSortOrder",
    "IntegrationsListStatus",
    "IntegrationUpdate",
    "IntegrationUpdateConnectionConfigType0",
    "IntegrationUpdateSettingsType0",
    "IntegrationView",
    "IntegrationViewConnectionConfigType0",
    "IntegrationViewMetadataType0",
    "IntegrationViewProviderQuotaType0",
    "OAuthConfigInput",
    "OAuthConfigInputAuthorizationParamsType0",
    "OAuthConfigInputRefreshParamsType0",
    "OAuthConfigInputRevocationTokenTypeHintType0",
    "OAuthConfigInputScopeSeparatorType0",
    "OAuthConfigInputTokenBodyFormatType0",
    "OAuthConfigInputTokenClientAuthType0",
    "OAuthConfigInputTokenParamsType0",
    "OAuthExchangeRequest",
    "OAuthStartRequest",
    "OAuthStartRequestMetadataType0",
    "ProviderAudienceUpdate",
    "ProviderAudienceUpdateAudience",
    "ProviderCreate",
    "ProviderCreateAudienceType0",
    "ProviderCreateAuthTypeType0",
    "ProviderCreateCategoryType0",
    "ProviderCreateConnectionConfigType0",
    "ProviderCreateStatusType0",
    "ProviderCreateSupportedSyncDirectionsType0Item",
    "ProviderDeleteParams",
    "ProviderListParams",
    "ProviderListParamsAudienceType0",
    "ProviderListParamsSortorder",
    "ProviderListParamsStatusType0",
    "ProvidersCreateReturn",
    "ProvidersDiscoverReturn",
    "ProvidersGetReturn",
    "ProvidersListAudience",
    "ProvidersListReturn",
    "ProvidersListSortOrder",
    "ProvidersListStatus",
    "ProvidersListTemplatesReturn",
    "ProvidersListTemplatesSortOrder",
    "ProvidersRediscoverReturn",
    "ProvidersSetAudienceReturn",
    "ProvidersSetStatusReturn",
    "ProviderStatusUpdate",
    "ProviderStatusUpdateStatus",
    "ProvidersTestReturn",
    "ProvidersUpdateReturn",
    "ProviderUpdate",
    "ProviderUpdateAudienceType0",
    "ProviderUpdateAuthTypeType0",
    "ProviderUpdateCategoryType0",
    "ProviderUpdateConnectionConfigType0",
    "ProviderUpdateStatusType0",
    "ProviderUpdateSupportedSyncDirectionsType0Item",
    "QuotaLimits",
    "RateLimitHeaders",
    "RateLimitHeadersResetformat",
    "RecentFailure",
    "RecoverJobView",
    "RecoverJobViewStatus",
    "RecoverRequest",
    "RediscoverRequest",
    "RefreshRequest",
    "SearchCapabilities",
    "SearchFilters",
    "SearchFiltersCustomFiltersType0",
    "SearchGlobalSearchReturn",
    "SearchIntegrationSearchReturn",
    "SearchRequest",
    "SearchSpec",
    "SearchSpecBodyType0",
    "SearchSpecMethod",
    "SearchSpecQueryin",
    "SecretRotated",
    "StatsParams",
    "SyncListLogsReturn",
    "SyncListLogsSortOrder",
    "SyncListLogsStatus",
    "SyncListLogsTrigger",
    "SyncLogListParams",
    "SyncLogListParamsSortorder",
    "SyncLogListParamsStatusType0",
    "SyncLogListParamsTriggerType0",
    "SyncRequest",
    "SyncRunReturn",
    "SyncSpec",
    "SyncSpecBodyType0",
    "SyncSpecMethod",
    "SystemHealthReturn",
    "SystemOpenapiReturn",
    "SystemReadyReturn",
    "TemplateListParams",
    "TemplateListParamsSortorder",
    "TokenBaseUrl",
    "TokenResponseSpec",
    "TokenResponseSpecExpiresinunit",
    "UserConnectionsConnectOauthReturn",
    "UserConnectionsDisconnectReturn",
    "UserConnectionsGetReturn",
    "UserConnectionsListReturn",
    "UserConnectionsListSortOrder",
    "UserConnectionsRefreshReturn",
    "UserConnectionsTestReturn",
    "UserIntegrationListParams",
    "UserIntegrationListParamsSortorder",
    "VerificationRequest",
    "VerificationRequestBodyType0",
    "VerificationRequestExpectedjson",
    "VerificationRequestMethodType0",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookCreatedMetadata",
    "WebhookCreatedStatus",
    "WebhookCreateMetadataType0",
    "WebhookList",
    "WebhookListParams",
    "WebhookListParamsSortorder",
    "WebhookListParamsStatusType0",
    "WebhooksListDeliveriesSortOrder",
    "WebhooksListDeliveriesStatus",
    "WebhooksListSortOrder",
    "WebhooksListStatus",
    "WebhookUpdate",
    "WebhookUpdateMetadataType0",
    "WebhookUpdateStatusType0",
    "WebhookView",
    "WebhookViewMetadata",
    "WebhookViewStatus",
    "WidgetsActivityReturn",
    "WidgetsActivityTimeRange",
    "WidgetsDataFilters",
    "WidgetsDataReturn",
    "WidgetsStatusReturn",
)
