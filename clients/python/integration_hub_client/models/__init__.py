""" Contains all the data models used in inputs/outputs """

from .activity_entry import ActivityEntry
from .activity_entry_details import ActivityEntryDetails
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
from .capabilities import Capabilities
from .catalog_entry import CatalogEntry
from .catalog_entry_audience_type_0 import CatalogEntryAudienceType0
from .catalog_entry_auth_type_type_0 import CatalogEntryAuthTypeType0
from .catalog_entry_status_type_0 import CatalogEntryStatusType0
from .catalog_entry_supported_sync_directions_type_0_item import CatalogEntrySupportedSyncDirectionsType0Item
from .catalog_list import CatalogList
from .catalog_list_params import CatalogListParams
from .catalog_list_params_sortorder import CatalogListParamsSortorder
from .catalog_list_sort_order import CatalogListSortOrder
from .catalog_o_auth_view import CatalogOAuthView
from .config_field import ConfigField
from .connected import Connected
from .connected_status import ConnectedStatus
from .connection_counts import ConnectionCounts
from .connection_status_view import ConnectionStatusView
from .connection_status_view_account_type_0 import ConnectionStatusViewAccountType0
from .connection_status_view_credentials_type_0 import ConnectionStatusViewCredentialsType0
from .connection_status_view_metadata_type_0 import ConnectionStatusViewMetadataType0
from .connection_status_view_setup_type_0 import ConnectionStatusViewSetupType0
from .connection_status_view_status import ConnectionStatusViewStatus
from .credential_field import CredentialField
from .credential_field_type import CredentialFieldType
from .credential_field_view import CredentialFieldView
from .credential_field_view_type import CredentialFieldViewType
from .credentials_submit import CredentialsSubmit
from .credentials_submit_credentials import CredentialsSubmitCredentials
from .credentials_update_request import CredentialsUpdateRequest
from .credentials_update_request_credentials import CredentialsUpdateRequestCredentials
from .credentials_update_request_credentialtype import CredentialsUpdateRequestCredentialtype
from .credentials_updated import CredentialsUpdated
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
from .disconnected import Disconnected
from .discover_request import DiscoverRequest
from .discovery_preview import DiscoveryPreview
from .discovery_preview_metadata import DiscoveryPreviewMetadata
from .endpoint_stats import EndpointStats
from .entity_mapping import EntityMapping
from .entity_mapping_fieldmappings import EntityMappingFieldmappings
from .entity_mapping_view import EntityMappingView
from .entity_mapping_view_fieldmappings import EntityMappingViewFieldmappings
from .entity_view import EntityView
from .error_envelope import ErrorEnvelope
from .error_envelope_error import ErrorEnvelopeError
from .error_envelope_error_details_type_0 import ErrorEnvelopeErrorDetailsType0
from .event_type_list import EventTypeList
from .event_type_view import EventTypeView
from .event_type_view_jsonschema import EventTypeViewJsonschema
from .global_search_answer import GlobalSearchAnswer
from .global_search_answer_byentity import GlobalSearchAnswerByentity
from .global_search_answer_byintegration import GlobalSearchAnswerByintegration
from .health_check import HealthCheck
from .health_get_sort_order import HealthGetSortOrder
from .health_get_status import HealthGetStatus
from .health_history_params import HealthHistoryParams
from .health_history_params_sortorder import HealthHistoryParamsSortorder
from .health_history_params_status_type_0 import HealthHistoryParamsStatusType0
from .health_list import HealthList
from .health_list_params import HealthListParams
from .health_list_params_sortorder import HealthListParamsSortorder
from .health_list_params_status_type_0 import HealthListParamsStatusType0
from .health_list_sort_order import HealthListSortOrder
from .health_list_status import HealthListStatus
from .health_summary import HealthSummary
from .inbound_account_view import InboundAccountView
from .inbound_account_view_source import InboundAccountViewSource
from .inbound_accounts_update import InboundAccountsUpdate
from .inbound_accounts_view import InboundAccountsView
from .inbound_keys_update import InboundKeysUpdate
from .inbound_payload_response_200_type_0 import InboundPayloadResponse200Type0
from .inbound_settings_view import InboundSettingsView
from .intake_ack import IntakeAck
from .integration_activated import IntegrationActivated
from .integration_create import IntegrationCreate
from .integration_create_connection_config_type_0 import IntegrationCreateConnectionConfigType0
from .integration_create_settings_type_0 import IntegrationCreateSettingsType0
from .integration_deactivated import IntegrationDeactivated
from .integration_entity import IntegrationEntity
from .integration_health import IntegrationHealth
from .integration_health_history import IntegrationHealthHistory
from .integration_intake_view import IntegrationIntakeView
from .integration_keys_update import IntegrationKeysUpdate
from .integration_list import IntegrationList
from .integration_list_params import IntegrationListParams
from .integration_list_params_sortorder import IntegrationListParamsSortorder
from .integration_list_params_status_type_0 import IntegrationListParamsStatusType0
from .integration_metadata import IntegrationMetadata
from .integration_search_answer import IntegrationSearchAnswer
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
from .liveness import Liveness
from .o_auth_config_input import OAuthConfigInput
from .o_auth_config_input_authorization_params_type_0 import OAuthConfigInputAuthorizationParamsType0
from .o_auth_config_input_refresh_params_type_0 import OAuthConfigInputRefreshParamsType0
from .o_auth_config_input_revocation_token_type_hint_type_0 import OAuthConfigInputRevocationTokenTypeHintType0
from .o_auth_config_input_scope_separator_type_0 import OAuthConfigInputScopeSeparatorType0
from .o_auth_config_input_token_body_format_type_0 import OAuthConfigInputTokenBodyFormatType0
from .o_auth_config_input_token_client_auth_type_0 import OAuthConfigInputTokenClientAuthType0
from .o_auth_config_input_token_params_type_0 import OAuthConfigInputTokenParamsType0
from .o_auth_config_view import OAuthConfigView
from .o_auth_config_view_authorization_params_type_0 import OAuthConfigViewAuthorizationParamsType0
from .o_auth_config_view_refresh_params_type_0 import OAuthConfigViewRefreshParamsType0
from .o_auth_config_view_revocation_token_type_hint_type_0 import OAuthConfigViewRevocationTokenTypeHintType0
from .o_auth_config_view_token_body_format_type_0 import OAuthConfigViewTokenBodyFormatType0
from .o_auth_config_view_token_client_auth_type_0 import OAuthConfigViewTokenClientAuthType0
from .o_auth_config_view_token_params_type_0 import OAuthConfigViewTokenParamsType0
from .o_auth_exchange_request import OAuthExchangeRequest
from .o_auth_start_request import OAuthStartRequest
from .o_auth_start_request_metadata_type_0 import OAuthStartRequestMetadataType0
from .o_auth_started import OAuthStarted
from .open_api_document import OpenApiDocument
from .open_api_document_components import OpenApiDocumentComponents
from .open_api_document_info import OpenApiDocumentInfo
from .open_api_document_paths import OpenApiDocumentPaths
from .open_api_document_security_type_0_item import OpenApiDocumentSecurityType0Item
from .open_api_document_servers_type_0_item import OpenApiDocumentServersType0Item
from .open_api_document_tags_item import OpenApiDocumentTagsItem
from .payload_params import PayloadParams
from .provider_audience_update import ProviderAudienceUpdate
from .provider_audience_update_audience import ProviderAudienceUpdateAudience
from .provider_audience_view import ProviderAudienceView
from .provider_audience_view_audience import ProviderAudienceViewAudience
from .provider_create import ProviderCreate
from .provider_create_audience_type_0 import ProviderCreateAudienceType0
from .provider_create_auth_type_type_0 import ProviderCreateAuthTypeType0
from .provider_create_category_type_0 import ProviderCreateCategoryType0
from .provider_create_connection_config_type_0 import ProviderCreateConnectionConfigType0
from .provider_create_status_type_0 import ProviderCreateStatusType0
from .provider_create_supported_sync_directions_type_0_item import ProviderCreateSupportedSyncDirectionsType0Item
from .provider_delete_params import ProviderDeleteParams
from .provider_draft import ProviderDraft
from .provider_draft_audience_type_0 import ProviderDraftAudienceType0
from .provider_draft_auth_type_type_0 import ProviderDraftAuthTypeType0
from .provider_draft_connection_config_type_0 import ProviderDraftConnectionConfigType0
from .provider_draft_status_type_0 import ProviderDraftStatusType0
from .provider_draft_supported_sync_directions_type_0_item import ProviderDraftSupportedSyncDirectionsType0Item
from .provider_list import ProviderList
from .provider_list_params import ProviderListParams
from .provider_list_params_audience_type_0 import ProviderListParamsAudienceType0
from .provider_list_params_sortorder import ProviderListParamsSortorder
from .provider_list_params_status_type_0 import ProviderListParamsStatusType0
from .provider_status_update import ProviderStatusUpdate
from .provider_status_update_status import ProviderStatusUpdateStatus
from .provider_status_view import ProviderStatusView
from .provider_status_view_status import ProviderStatusViewStatus
from .provider_test_result import ProviderTestResult
from .provider_update import ProviderUpdate
from .provider_update_audience_type_0 import ProviderUpdateAudienceType0
from .provider_update_auth_type_type_0 import ProviderUpdateAuthTypeType0
from .provider_update_category_type_0 import ProviderUpdateCategoryType0
from .provider_update_connection_config_type_0 import ProviderUpdateConnectionConfigType0
from .provider_update_status_type_0 import ProviderUpdateStatusType0
from .provider_update_supported_sync_directions_type_0_item import ProviderUpdateSupportedSyncDirectionsType0Item
from .provider_view import ProviderView
from .provider_view_audience_type_0 import ProviderViewAudienceType0
from .provider_view_auth_type_type_0 import ProviderViewAuthTypeType0
from .provider_view_connection_config_type_0 import ProviderViewConnectionConfigType0
from .provider_view_status_type_0 import ProviderViewStatusType0
from .provider_view_supported_sync_directions_type_0_item import ProviderViewSupportedSyncDirectionsType0Item
from .providers_list_audience import ProvidersListAudience
from .providers_list_sort_order import ProvidersListSortOrder
from .providers_list_status import ProvidersListStatus
from .providers_list_templates_sort_order import ProvidersListTemplatesSortOrder
from .proxy_tenant_patch_json_body import ProxyTenantPatchJsonBody
from .proxy_tenant_patch_root_json_body import ProxyTenantPatchRootJsonBody
from .proxy_tenant_post_json_body import ProxyTenantPostJsonBody
from .proxy_tenant_post_root_json_body import ProxyTenantPostRootJsonBody
from .proxy_tenant_put_json_body import ProxyTenantPutJsonBody
from .proxy_tenant_put_root_json_body import ProxyTenantPutRootJsonBody
from .proxy_user_patch_json_body import ProxyUserPatchJsonBody
from .proxy_user_patch_root_json_body import ProxyUserPatchRootJsonBody
from .proxy_user_post_json_body import ProxyUserPostJsonBody
from .proxy_user_post_root_json_body import ProxyUserPostRootJsonBody
from .proxy_user_put_json_body import ProxyUserPutJsonBody
from .proxy_user_put_root_json_body import ProxyUserPutRootJsonBody
from .quota_limits import QuotaLimits
from .rate_limit_headers import RateLimitHeaders
from .rate_limit_headers_resetformat import RateLimitHeadersResetformat
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .recent_failure import RecentFailure
from .recover_job_view import RecoverJobView
from .recover_job_view_status import RecoverJobViewStatus
from .recover_request import RecoverRequest
from .rediscover_request import RediscoverRequest
from .rediscovery import Rediscovery
from .refresh_request import RefreshRequest
from .refresh_result import RefreshResult
from .refresh_result_outcome import RefreshResultOutcome
from .refresh_result_status import RefreshResultStatus
from .search_capabilities import SearchCapabilities
from .search_capabilities_view import SearchCapabilitiesView
from .search_error_entry import SearchErrorEntry
from .search_error_entry_details import SearchErrorEntryDetails
from .search_filters import SearchFilters
from .search_filters_custom_filters_type_0 import SearchFiltersCustomFiltersType0
from .search_request import SearchRequest
from .search_result_item import SearchResultItem
from .search_result_item_raw_type_0 import SearchResultItemRawType0
from .search_spec import SearchSpec
from .search_spec_body_type_0 import SearchSpecBodyType0
from .search_spec_method import SearchSpecMethod
from .search_spec_queryin import SearchSpecQueryin
from .secret_rotated import SecretRotated
from .session_create import SessionCreate
from .session_created import SessionCreated
from .session_integration_view import SessionIntegrationView
from .session_integration_view_connectwith import SessionIntegrationViewConnectwith
from .session_o_auth_started import SessionOAuthStarted
from .session_result import SessionResult
from .session_view import SessionView
from .session_view_status import SessionViewStatus
from .stats_params import StatsParams
from .sync_list_logs_sort_order import SyncListLogsSortOrder
from .sync_list_logs_status import SyncListLogsStatus
from .sync_list_logs_trigger import SyncListLogsTrigger
from .sync_log import SyncLog
from .sync_log_details import SyncLogDetails
from .sync_log_list import SyncLogList
from .sync_log_list_params import SyncLogListParams
from .sync_log_list_params_sortorder import SyncLogListParamsSortorder
from .sync_log_list_params_status_type_0 import SyncLogListParamsStatusType0
from .sync_log_list_params_trigger_type_0 import SyncLogListParamsTriggerType0
from .sync_request import SyncRequest
from .sync_spec import SyncSpec
from .sync_spec_body_type_0 import SyncSpecBodyType0
from .sync_spec_method import SyncSpecMethod
from .table_check import TableCheck
from .template_list import TemplateList
from .template_list_params import TemplateListParams
from .template_list_params_sortorder import TemplateListParamsSortorder
from .template_o_auth_view import TemplateOAuthView
from .template_summary import TemplateSummary
from .template_verification_view import TemplateVerificationView
from .test_result import TestResult
from .test_result_details import TestResultDetails
from .test_result_outcome import TestResultOutcome
from .token_base_url import TokenBaseUrl
from .token_response_spec import TokenResponseSpec
from .token_response_spec_expiresinunit import TokenResponseSpecExpiresinunit
from .user_connection import UserConnection
from .user_connection_status_type_0 import UserConnectionStatusType0
from .user_connection_view import UserConnectionView
from .user_connection_view_status_type_0 import UserConnectionViewStatusType0
from .user_connections_list_sort_order import UserConnectionsListSortOrder
from .user_integration import UserIntegration
from .user_integration_list import UserIntegrationList
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
from .widget_activity import WidgetActivity
from .widget_activity_timerange import WidgetActivityTimerange
from .widget_data import WidgetData
from .widget_data_data_item import WidgetDataDataItem
from .widget_status import WidgetStatus
from .widgets_activity_time_range import WidgetsActivityTimeRange
from .widgets_data_filters import WidgetsDataFilters

__all__ = (
    "ActivityEntry",
    "ActivityEntryDetails",
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
    "Capabilities",
    "CatalogEntry",
    "CatalogEntryAudienceType0",
    "CatalogEntryAuthTypeType0",
    "CatalogEntryStatusType0",
    "CatalogEntrySupportedSyncDirectionsType0Item",
    "CatalogList",
    "CatalogListParams",
    "CatalogListParamsSortorder",
    "CatalogListSortOrder",
    "CatalogOAuthView",
    "ConfigField",
    "Connected",
    "ConnectedStatus",
    "ConnectionCounts",
    "ConnectionStatusView",
    "ConnectionStatusViewAccountType0",
    "ConnectionStatusViewCredentialsType0",
    "ConnectionStatusViewMetadataType0",
    "ConnectionStatusViewSetupType0",
    "ConnectionStatusViewStatus",
    "CredentialField",
    "CredentialFieldType",
    "CredentialFieldView",
    "CredentialFieldViewType",
    "CredentialsSubmit",
    "CredentialsSubmitCredentials",
    "CredentialsUpdated",
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
    "Disconnected",
    "DiscoverRequest",
    "DiscoveryPreview",
    "DiscoveryPreviewMetadata",
    "EndpointStats",
    "EntityMapping",
    "EntityMappingFieldmappings",
    "EntityMappingView",
    "EntityMappingViewFieldmappings",
    "EntityView",
    "ErrorEnvelope",
    "ErrorEnvelopeError",
    "ErrorEnvelopeErrorDetailsType0",
    "EventTypeList",
    "EventTypeView",
    "EventTypeViewJsonschema",
    "GlobalSearchAnswer",
    "GlobalSearchAnswerByentity",
    "GlobalSearchAnswerByintegration",
    "HealthCheck",
    "HealthGetSortOrder",
    "HealthGetStatus",
    "HealthHistoryParams",
    "HealthHistoryParamsSortorder",
    "HealthHistoryParamsStatusType0",
    "HealthList",
    "HealthListParams",
    "HealthListParamsSortorder",
    "HealthListParamsStatusType0",
    "HealthListSortOrder",
    "HealthListStatus",
    "HealthSummary",
    "InboundAccountsUpdate",
    "InboundAccountsView",
    "InboundAccountView",
    "InboundAccountViewSource",
    "InboundKeysUpdate",
    "InboundPayloadResponse200Type0",
    "InboundSettingsView",
    "IntakeAck",
    "IntegrationActivated",
    "IntegrationCreate",
    "IntegrationCreateConnectionConfigType0",
    "IntegrationCreateSettingsType0",
    "IntegrationDeactivated",
    "IntegrationEntity",
    "IntegrationHealth",
    "IntegrationHealthHistory",
    "IntegrationIntakeView",
    "IntegrationKeysUpdate",
    "IntegrationList",
    "IntegrationListParams",
    "IntegrationListParamsSortorder",
    "IntegrationListParamsStatusType0",
    "IntegrationMetadata",
    "IntegrationsAdminListSortOrder",
    "IntegrationsAdminListStatus",
    "IntegrationSearchAnswer",
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
    "Liveness",
    "OAuthConfigInput",
    "OAuthConfigInputAuthorizationParamsType0",
    "OAuthConfigInputRefreshParamsType0",
    "OAuthConfigInputRevocationTokenTypeHintType0",
    "OAuthConfigInputScopeSeparatorType0",
    "OAuthConfigInputTokenBodyFormatType0",
    "OAuthConfigInputTokenClientAuthType0",
    "OAuthConfigInputTokenParamsType0",
    "OAuthConfigView",
    "OAuthConfigViewAuthorizationParamsType0",
    "OAuthConfigViewRefreshParamsType0",
    "OAuthConfigViewRevocationTokenTypeHintType0",
    "OAuthConfigViewTokenBodyFormatType0",
    "OAuthConfigViewTokenClientAuthType0",
    "OAuthConfigViewTokenParamsType0",
    "OAuthExchangeRequest",
    "OAuthStarted",
    "OAuthStartRequest",
    "OAuthStartRequestMetadataType0",
    "OpenApiDocument",
    "OpenApiDocumentComponents",
    "OpenApiDocumentInfo",
    "OpenApiDocumentPaths",
    "OpenApiDocumentSecurityType0Item",
    "OpenApiDocumentServersType0Item",
    "OpenApiDocumentTagsItem",
    "PayloadParams",
    "ProviderAudienceUpdate",
    "ProviderAudienceUpdateAudience",
    "ProviderAudienceView",
    "ProviderAudienceViewAudience",
    "ProviderCreate",
    "ProviderCreateAudienceType0",
    "ProviderCreateAuthTypeType0",
    "ProviderCreateCategoryType0",
    "ProviderCreateConnectionConfigType0",
    "ProviderCreateStatusType0",
    "ProviderCreateSupportedSyncDirectionsType0Item",
    "ProviderDeleteParams",
    "ProviderDraft",
    "ProviderDraftAudienceType0",
    "ProviderDraftAuthTypeType0",
    "ProviderDraftConnectionConfigType0",
    "ProviderDraftStatusType0",
    "ProviderDraftSupportedSyncDirectionsType0Item",
    "ProviderList",
    "ProviderListParams",
    "ProviderListParamsAudienceType0",
    "ProviderListParamsSortorder",
    "ProviderListParamsStatusType0",
    "ProvidersListAudience",
    "ProvidersListSortOrder",
    "ProvidersListStatus",
    "ProvidersListTemplatesSortOrder",
    "ProviderStatusUpdate",
    "ProviderStatusUpdateStatus",
    "ProviderStatusView",
    "ProviderStatusViewStatus",
    "ProviderTestResult",
    "ProviderUpdate",
    "ProviderUpdateAudienceType0",
    "ProviderUpdateAuthTypeType0",
    "ProviderUpdateCategoryType0",
    "ProviderUpdateConnectionConfigType0",
    "ProviderUpdateStatusType0",
    "ProviderUpdateSupportedSyncDirectionsType0Item",
    "ProviderView",
    "ProviderViewAudienceType0",
    "ProviderViewAuthTypeType0",
    "ProviderViewConnectionConfigType0",
    "ProviderViewStatusType0",
    "ProviderViewSupportedSyncDirectionsType0Item",
    "ProxyTenantPatchJsonBody",
    "ProxyTenantPatchRootJsonBody",
    "ProxyTenantPostJsonBody",
    "ProxyTenantPostRootJsonBody",
    "ProxyTenantPutJsonBody",
    "ProxyTenantPutRootJsonBody",
    "ProxyUserPatchJsonBody",
    "ProxyUserPatchRootJsonBody",
    "ProxyUserPostJsonBody",
    "ProxyUserPostRootJsonBody",
    "ProxyUserPutJsonBody",
    "ProxyUserPutRootJsonBody",
    "QuotaLimits",
    "RateLimitHeaders",
    "RateLimitHeadersResetformat",
    "Readiness",
    "ReadinessChecks",
    "RecentFailure",
    "RecoverJobView",
    "RecoverJobViewStatus",
    "RecoverRequest",
    "RediscoverRequest",
    "Rediscovery",
    "RefreshRequest",
    "RefreshResult",
    "RefreshResultOutcome",
    "RefreshResultStatus",
    "SearchCapabilities",
    "SearchCapabilitiesView",
    "SearchErrorEntry",
    "SearchErrorEntryDetails",
    "SearchFilters",
    "SearchFiltersCustomFiltersType0",
    "SearchRequest",
    "SearchResultItem",
    "SearchResultItemRawType0",
    "SearchSpec",
    "SearchSpecBodyType0",
    "SearchSpecMethod",
    "SearchSpecQueryin",
    "SecretRotated",
    "SessionCreate",
    "SessionCreated",
    "SessionIntegrationView",
    "SessionIntegrationViewConnectwith",
    "SessionOAuthStarted",
    "SessionResult",
    "SessionView",
    "SessionViewStatus",
    "StatsParams",
    "SyncListLogsSortOrder",
    "SyncListLogsStatus",
    "SyncListLogsTrigger",
    "SyncLog",
    "SyncLogDetails",
    "SyncLogList",
    "SyncLogListParams",
    "SyncLogListParamsSortorder",
    "SyncLogListParamsStatusType0",
    "SyncLogListParamsTriggerType0",
    "SyncRequest",
    "SyncSpec",
    "SyncSpecBodyType0",
    "SyncSpecMethod",
    "TableCheck",
    "TemplateList",
    "TemplateListParams",
    "TemplateListParamsSortorder",
    "TemplateOAuthView",
    "TemplateSummary",
    "TemplateVerificationView",
    "TestResult",
    "TestResultDetails",
    "TestResultOutcome",
    "TokenBaseUrl",
    "TokenResponseSpec",
    "TokenResponseSpecExpiresinunit",
    "UserConnection",
    "UserConnectionsListSortOrder",
    "UserConnectionStatusType0",
    "UserConnectionView",
    "UserConnectionViewStatusType0",
    "UserIntegration",
    "UserIntegrationList",
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
    "WidgetActivity",
    "WidgetActivityTimerange",
    "WidgetData",
    "WidgetDataDataItem",
    "WidgetsActivityTimeRange",
    "WidgetsDataFilters",
    "WidgetStatus",
)
