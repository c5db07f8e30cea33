from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.o_auth_config_view_revocation_token_type_hint_type_0 import OAuthConfigViewRevocationTokenTypeHintType0
from ..models.o_auth_config_view_token_body_format_type_0 import OAuthConfigViewTokenBodyFormatType0
from ..models.o_auth_config_view_token_client_auth_type_0 import OAuthConfigViewTokenClientAuthType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.o_auth_config_view_authorization_params_type_0 import OAuthConfigViewAuthorizationParamsType0
  from ..models.o_auth_config_view_refresh_params_type_0 import OAuthConfigViewRefreshParamsType0
  from ..models.o_auth_config_view_token_params_type_0 import OAuthConfigViewTokenParamsType0
  from ..models.token_response_spec import TokenResponseSpec





T = TypeVar("T", bound="OAuthConfigView")



@_attrs_define
class OAuthConfigView:
    """ 
        Attributes:
            client_id (None | str | Unset):
            client_secret_configured (bool | None | Unset): Whether the platform's client secret is stored
            issuer (None | str | Unset):
            authorization_response_iss_parameter_supported (bool | None | Unset):
            authorization_url (None | str | Unset):
            token_url (None | str | Unset):
            refresh_url (None | str | Unset):
            revocation_url (None | str | Unset):
            revocation_token_type_hint (None | OAuthConfigViewRevocationTokenTypeHintType0 | Unset):
            userinfo_url (None | str | Unset):
            introspection_url (None | str | Unset):
            scopes (list[str] | None | Unset):
            scope_separator (None | str | Unset):
            pkce (bool | None | Unset):
            token_client_auth (None | OAuthConfigViewTokenClientAuthType0 | Unset):
            token_body_format (None | OAuthConfigViewTokenBodyFormatType0 | Unset):
            client_id_param (None | str | Unset):
            client_secret_param (None | str | Unset):
            code_param (None | str | Unset):
            authorization_params (None | OAuthConfigViewAuthorizationParamsType0 | Unset):
            token_params (None | OAuthConfigViewTokenParamsType0 | Unset):
            refresh_params (None | OAuthConfigViewRefreshParamsType0 | Unset):
            callback_fields (list[str] | None | Unset):
            token_response (None | TokenResponseSpec | Unset):
            refresh_buffer_seconds (int | None | Unset):
            refresh_token_rotates (bool | None | Unset):
     """

    client_id: None | str | Unset = UNSET
    client_secret_configured: bool | None | Unset = UNSET
    issuer: None | str | Unset = UNSET
    authorization_response_iss_parameter_supported: bool | None | Unset = UNSET
    authorization_url: None | str | Unset = UNSET
    token_url: None | str | Unset = UNSET
    refresh_url: None | str | Unset = UNSET
    revocation_url: None | str | Unset = UNSET
    revocation_token_type_hint: None | OAuthConfigViewRevocationTokenTypeHintType0 | Unset = UNSET
    userinfo_url: None | str | Unset = UNSET
    introspection_url: None | str | Unset = UNSET
    scopes: list[str] | None | Unset = UNSET
    scope_separator: None | str | Unset = UNSET
    pkce: bool | None | Unset = UNSET
    token_client_auth: None | OAuthConfigViewTokenClientAuthType0 | Unset = UNSET
    token_body_format: None | OAuthConfigViewTokenBodyFormatType0 | Unset = UNSET
    client_id_param: None | str | Unset = UNSET
    client_secret_param: None | str | Unset = UNSET
    code_param: None | str | Unset = UNSET
    authorization_params: None | OAuthConfigViewAuthorizationParamsType0 | Unset = UNSET
    token_params: None | OAuthConfigViewTokenParamsType0 | Unset = UNSET
    refresh_params: None | OAuthConfigViewRefreshParamsType0 | Unset = UNSET
    callback_fields: list[str] | None | Unset = UNSET
    token_response: None | TokenResponseSpec | Unset = UNSET
    refresh_buffer_seconds: int | None | Unset = UNSET
    refresh_token_rotates: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.o_auth_config_view_authorization_params_type_0 import OAuthConfigViewAuthorizationParamsType0 # noqa: PLC0415
        from ..models.o_auth_config_view_refresh_params_type_0 import OAuthConfigViewRefreshParamsType0 # noqa: PLC0415
        from ..models.o_auth_config_view_token_params_type_0 import OAuthConfigViewTokenParamsType0 # noqa: PLC0415
        from ..models.token_response_spec import TokenResponseSpec # noqa: PLC0415
        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        client_secret_configured: bool | None | Unset
        if isinstance(self.client_secret_configured, Unset):
            client_secret_configured = UNSET
        else:
            client_secret_configured = self.client_secret_configured

        issuer: None | str | Unset
        if isinstance(self.issuer, Unset):
            issuer = UNSET
        else:
            issuer = self.issuer

        authorization_response_iss_parameter_supported: bool | None | Unset
        if isinstance(self.authorization_response_iss_parameter_supported, Unset):
            authorization_response_iss_parameter_supported = UNSET
        else:
            authorization_response_iss_parameter_supported = self.authorization_response_iss_parameter_supported

        authorization_url: None | str | Unset
        if isinstance(self.authorization_url, Unset):
            authorization_url = UNSET
        else:
            authorization_url = self.authorization_url

        token_url: None | str | Unset
        if isinstance(self.token_url, Unset):
            token_url = UNSET
        else:
            token_url = self.token_url

        refresh_url: None | str | Unset
        if isinstance(self.refresh_url, Unset):
            refresh_url = UNSET
        else:
            refresh_url = self.refresh_url

        revocation_url: None | str | Unset
        if isinstance(self.revocation_url, Unset):
            revocation_url = UNSET
        else:
            revocation_url = self.revocation_url

        revocation_token_type_hint: None | str | Unset
        if isinstance(self.revocation_token_type_hint, Unset):
            revocation_token_type_hint = UNSET
        elif isinstance(self.revocation_token_type_hint, OAuthConfigViewRevocationTokenTypeHintType0):
            revocation_token_type_hint = self.revocation_token_type_hint.value
        else:
            revocation_token_type_hint = self.revocation_token_type_hint

        userinfo_url: None | str | Unset
        if isinstance(self.userinfo_url, Unset):
            userinfo_url = UNSET
        else:
            userinfo_url = self.userinfo_url

        introspection_url: None | str | Unset
        if isinstance(self.introspection_url, Unset):
            introspection_url = UNSET
        else:
            introspection_url = self.introspection_url

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = self.scopes


        else:
            scopes = self.scopes

        scope_separator: None | str | Unset
        if isinstance(self.scope_separator, Unset):
            scope_separator = UNSET
        else:
            scope_separator = self.scope_separator

        pkce: bool | None | Unset
        if isinstance(self.pkce, Unset):
            pkce = UNSET
        else:
            pkce = self.pkce

        token_client_auth: None | str | Unset
        if isinstance(self.token_client_auth, Unset):
            token_client_auth = UNSET
        elif isinstance(self.token_client_auth, OAuthConfigViewTokenClientAuthType0):
            token_client_auth = self.token_client_auth.value
        else:
            token_client_auth = self.token_client_auth

        token_body_format: None | str | Unset
        if isinstance(self.token_body_format, Unset):
            token_body_format = UNSET
        elif isinstance(self.token_body_format, OAuthConfigViewTokenBodyFormatType0):
            token_body_format = self.token_body_format.value
        else:
            token_body_format = self.token_body_format

        client_id_param: None | str | Unset
        if isinstance(self.client_id_param, Unset):
            client_id_param = UNSET
        else:
            client_id_param = self.client_id_param

        client_secret_param: None | str | Unset
        if isinstance(self.client_secret_param, Unset):
            client_secret_param = UNSET
        else:
            client_secret_param = self.client_secret_param

        code_param: None | str | Unset
        if isinstance(self.code_param, Unset):
            code_param = UNSET
        else:
            code_param = self.code_param

        authorization_params: dict[str, Any] | None | Unset
        if isinstance(self.authorization_params, Unset):
            authorization_params = UNSET
        elif isinstance(self.authorization_params, OAuthConfigViewAuthorizationParamsType0):
            authorization_params = self.authorization_params.to_dict()
        else:
            authorization_params = self.authorization_params

        token_params: dict[str, Any] | None | Unset
        if isinstance(self.token_params, Unset):
            token_params = UNSET
        elif isinstance(self.token_params, OAuthConfigViewTokenParamsType0):
            token_params = self.token_params.to_dict()
        else:
            token_params = self.token_params

        refresh_params: dict[str, Any] | None | Unset
        if isinstance(self.refresh_params, Unset):
            refresh_params = UNSET
        elif isinstance(self.refresh_params, OAuthConfigViewRefreshParamsType0):
            refresh_params = self.refresh_params.to_dict()
        else:
            refresh_params = self.refresh_params

        callback_fields: list[str] | None | Unset
        if isinstance(self.callback_fields, Unset):
            callback_fields = UNSET
        elif isinstance(self.callback_fields, list):
            callback_fields = self.callback_fields


        else:
            callback_fields = self.callback_fields

        token_response: dict[str, Any] | None | Unset
        if isinstance(self.token_response, Unset):
            token_response = UNSET
        elif isinstance(self.token_response, TokenResponseSpec):
            token_response = self.token_response.to_dict()
        else:
            token_response = self.token_response

        refresh_buffer_seconds: int | None | Unset
        if isinstance(self.refresh_buffer_seconds, Unset):
            refresh_buffer_seconds = UNSET
        else:
            refresh_buffer_seconds = self.refresh_buffer_seconds

        refresh_token_rotates: bool | None | Unset
        if isinstance(self.refresh_token_rotates, Unset):
            refresh_token_rotates = UNSET
        else:
            refresh_token_rotates = self.refresh_token_rotates


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if client_secret_configured is not UNSET:
            field_dict["clientSecretConfigured"] = client_secret_configured
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if authorization_response_iss_parameter_supported is not UNSET:
            field_dict["authorizationResponseIssParameterSupported"] = authorization_response_iss_parameter_supported
        if authorization_url is not UNSET:
            field_dict["authorizationUrl"] = authorization_url
        if token_url is not UNSET:
            field_dict["tokenUrl"] = token_url
        if refresh_url is not UNSET:
            field_dict["refreshUrl"] = refresh_url
        if revocation_url is not UNSET:
            field_dict["revocationUrl"] = revocation_url
        if revocation_token_type_hint is not UNSET:
            field_dict["revocationTokenTypeHint"] = revocation_token_type_hint
        if userinfo_url is not UNSET:
            field_dict["userinfoUrl"] = userinfo_url
        if introspection_url is not UNSET:
            field_dict["introspectionUrl"] = introspection_url
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if scope_separator is not UNSET:
            field_dict["scopeSeparator"] = scope_separator
        if pkce is not UNSET:
            field_dict["pkce"] = pkce
        if token_client_auth is not UNSET:
            field_dict["tokenClientAuth"] = token_client_auth
        if token_body_format is not UNSET:
            field_dict["tokenBodyFormat"] = token_body_format
        if client_id_param is not UNSET:
            field_dict["clientIdParam"] = client_id_param
        if client_secret_param is not UNSET:
            field_dict["clientSecretParam"] = client_secret_param
        if code_param is not UNSET:
            field_dict["codeParam"] = code_param
        if authorization_params is not UNSET:
            field_dict["authorizationParams"] = authorization_params
        if token_params is not UNSET:
            field_dict["tokenParams"] = token_params
        if refresh_params is not UNSET:
            field_dict["refreshParams"] = refresh_params
        if callback_fields is not UNSET:
            field_dict["callbackFields"] = callback_fields
        if token_response is not UNSET:
            field_dict["tokenResponse"] = token_response
        if refresh_buffer_seconds is not UNSET:
            field_dict["refreshBufferSeconds"] = refresh_buffer_seconds
        if refresh_token_rotates is not UNSET:
            field_dict["refreshTokenRotates"] = refresh_token_rotates

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_auth_config_view_authorization_params_type_0 import OAuthConfigViewAuthorizationParamsType0 # noqa: PLC0415
        from ..models.o_auth_config_view_refresh_params_type_0 import OAuthConfigViewRefreshParamsType0 # noqa: PLC0415
        from ..models.o_auth_config_view_token_params_type_0 import OAuthConfigViewTokenParamsType0 # noqa: PLC0415
        from ..models.token_response_spec import TokenResponseSpec # noqa: PLC0415
        d = dict(src_dict)
        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("clientId", UNSET))


        def _parse_client_secret_configured(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        client_secret_configured = _parse_client_secret_configured(d.pop("clientSecretConfigured", UNSET))


        def _parse_issuer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer = _parse_issuer(d.pop("issuer", UNSET))


        def _parse_authorization_response_iss_parameter_supported(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        authorization_response_iss_parameter_supported = _parse_authorization_response_iss_parameter_supported(d.pop("authorizationResponseIssParameterSupported", UNSET))


        def _parse_authorization_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_url = _parse_authorization_url(d.pop("authorizationUrl", UNSET))


        def _parse_token_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_url = _parse_token_url(d.pop("tokenUrl", UNSET))


        def _parse_refresh_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refresh_url = _parse_refresh_url(d.pop("refreshUrl", UNSET))


        def _parse_revocation_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revocation_url = _parse_revocation_url(d.pop("revocationUrl", UNSET))


        def _parse_revocation_token_type_hint(data: object) -> None | OAuthConfigViewRevocationTokenTypeHintType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revocation_token_type_hint_type_0 = OAuthConfigViewRevocationTokenTypeHintType0(data)



                return revocation_token_type_hint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewRevocationTokenTypeHintType0 | Unset, data)

        revocation_token_type_hint = _parse_revocation_token_type_hint(d.pop("revocationTokenTypeHint", UNSET))


        def _parse_userinfo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        userinfo_url = _parse_userinfo_url(d.pop("userinfoUrl", UNSET))


        def _parse_introspection_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        introspection_url = _parse_introspection_url(d.pop("introspectionUrl", UNSET))


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


        def _parse_scope_separator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope_separator = _parse_scope_separator(d.pop("scopeSeparator", UNSET))


        def _parse_pkce(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pkce = _parse_pkce(d.pop("pkce", UNSET))


        def _parse_token_client_auth(data: object) -> None | OAuthConfigViewTokenClientAuthType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_client_auth_type_0 = OAuthConfigViewTokenClientAuthType0(data)



                return token_client_auth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewTokenClientAuthType0 | Unset, data)

        token_client_auth = _parse_token_client_auth(d.pop("tokenClientAuth", UNSET))


        def _parse_token_body_format(data: object) -> None | OAuthConfigViewTokenBodyFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_body_format_type_0 = OAuthConfigViewTokenBodyFormatType0(data)



                return token_body_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewTokenBodyFormatType0 | Unset, data)

        token_body_format = _parse_token_body_format(d.pop("tokenBodyFormat", UNSET))


        def _parse_client_id_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id_param = _parse_client_id_param(d.pop("clientIdParam", UNSET))


        def _parse_client_secret_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret_param = _parse_client_secret_param(d.pop("clientSecretParam", UNSET))


        def _parse_code_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_param = _parse_code_param(d.pop("codeParam", UNSET))


        def _parse_authorization_params(data: object) -> None | OAuthConfigViewAuthorizationParamsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                authorization_params_type_0 = OAuthConfigViewAuthorizationParamsType0.from_dict(data)



                return authorization_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewAuthorizationParamsType0 | Unset, data)

        authorization_params = _parse_authorization_params(d.pop("authorizationParams", UNSET))


        def _parse_token_params(data: object) -> None | OAuthConfigViewTokenParamsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                token_params_type_0 = OAuthConfigViewTokenParamsType0.from_dict(data)



                return token_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewTokenParamsType0 | Unset, data)

        token_params = _parse_token_params(d.pop("tokenParams", UNSET))


        def _parse_refresh_params(data: object) -> None | OAuthConfigViewRefreshParamsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                refresh_params_type_0 = OAuthConfigViewRefreshParamsType0.from_dict(data)



                return refresh_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthConfigViewRefreshParamsType0 | Unset, data)

        refresh_params = _parse_refresh_params(d.pop("refreshParams", UNSET))


        def _parse_callback_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                callback_fields_type_0 = cast(list[str], data)

                return callback_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        callback_fields = _parse_callback_fields(d.pop("callbackFields", UNSET))


        def _parse_token_response(data: object) -> None | TokenResponseSpec | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                token_response_type_0 = TokenResponseSpec.from_dict(data)



                return token_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TokenResponseSpec | Unset, data)

        token_response = _parse_token_response(d.pop("tokenResponse", UNSET))


        def _parse_refresh_buffer_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refresh_buffer_seconds = _parse_refresh_buffer_seconds(d.pop("refreshBufferSeconds", UNSET))


        def _parse_refresh_token_rotates(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        refresh_token_rotates = _parse_refresh_token_rotates(d.pop("refreshTokenRotates", UNSET))


        o_auth_config_view = cls(
            client_id=client_id,
            client_secret_configured=client_secret_configured,
            issuer=issuer,
            authorization_response_iss_parameter_supported=authorization_response_iss_parameter_supported,
            authorization_url=authorization_url,
            token_url=token_url,
            refresh_url=refresh_url,
            revocation_url=revocation_url,
            revocation_token_type_hint=revocation_token_type_hint,
            userinfo_url=userinfo_url,
            introspection_url=introspection_url,
            scopes=scopes,
            scope_separator=scope_separator,
            pkce=pkce,
            token_client_auth=token_client_auth,
            token_body_format=token_body_format,
            client_id_param=client_id_param,
            client_secret_param=client_secret_param,
            code_param=code_param,
            authorization_params=authorization_params,
            token_params=token_params,
            refresh_params=refresh_params,
            callback_fields=callback_fields,
            token_response=token_response,
            refresh_buffer_seconds=refresh_buffer_seconds,
            refresh_token_rotates=refresh_token_rotates,
        )


        o_auth_config_view.additional_properties = d
        return o_auth_config_view

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
