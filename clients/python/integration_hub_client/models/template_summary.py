from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.capabilities import Capabilities
  from ..models.config_field import ConfigField
  from ..models.credential_field import CredentialField
  from ..models.template_o_auth_view import TemplateOAuthView
  from ..models.template_verification_view import TemplateVerificationView





T = TypeVar("T", bound="TemplateSummary")



@_attrs_define
class TemplateSummary:
    """ A built-in template (hub/providers/templates.py template_summary): no wiring, no secrets.

        Attributes:
            id (str):
            name (str):
            display_name (str):
            category (str):
            auth_mode (str):
            tags (list[str]):
            status (str):
            beta (bool):
            sandbox (bool):
            capabilities (Capabilities):
            credential_fields (list[CredentialField]):
            connection_config (list[ConfigField]):
            description (None | str | Unset):
            custom_auth (None | str | Unset):
            docs_url (None | str | Unset):
            logo_url (None | str | Unset):
            oauth (None | TemplateOAuthView | Unset):
            api_base_url (None | str | Unset):
            verification (None | TemplateVerificationView | Unset):
     """

    id: str
    name: str
    display_name: str
    category: str
    auth_mode: str
    tags: list[str]
    status: str
    beta: bool
    sandbox: bool
    capabilities: Capabilities
    credential_fields: list[CredentialField]
    connection_config: list[ConfigField]
    description: None | str | Unset = UNSET
    custom_auth: None | str | Unset = UNSET
    docs_url: None | str | Unset = UNSET
    logo_url: None | str | Unset = UNSET
    oauth: None | TemplateOAuthView | Unset = UNSET
    api_base_url: None | str | Unset = UNSET
    verification: None | TemplateVerificationView | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.capabilities import Capabilities # noqa: PLC0415
        from ..models.config_field import ConfigField # noqa: PLC0415
        from ..models.credential_field import CredentialField # noqa: PLC0415
        from ..models.template_o_auth_view import TemplateOAuthView # noqa: PLC0415
        from ..models.template_verification_view import TemplateVerificationView # noqa: PLC0415
        id = self.id

        name = self.name

        display_name = self.display_name

        category = self.category

        auth_mode = self.auth_mode

        tags = self.tags



        status = self.status

        beta = self.beta

        sandbox = self.sandbox

        capabilities = self.capabilities.to_dict()

        credential_fields = []
        for credential_fields_item_data in self.credential_fields:
            credential_fields_item = credential_fields_item_data.to_dict()
            credential_fields.append(credential_fields_item)



        connection_config = []
        for connection_config_item_data in self.connection_config:
            connection_config_item = connection_config_item_data.to_dict()
            connection_config.append(connection_config_item)



        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        custom_auth: None | str | Unset
        if isinstance(self.custom_auth, Unset):
            custom_auth = UNSET
        else:
            custom_auth = self.custom_auth

        docs_url: None | str | Unset
        if isinstance(self.docs_url, Unset):
            docs_url = UNSET
        else:
            docs_url = self.docs_url

        logo_url: None | str | Unset
        if isinstance(self.logo_url, Unset):
            logo_url = UNSET
        else:
            logo_url = self.logo_url

        oauth: dict[str, Any] | None | Unset
        if isinstance(self.oauth, Unset):
            oauth = UNSET
        elif isinstance(self.oauth, TemplateOAuthView):
            oauth = self.oauth.to_dict()
        else:
            oauth = self.oauth

        api_base_url: None | str | Unset
        if isinstance(self.api_base_url, Unset):
            api_base_url = UNSET
        else:
            api_base_url = self.api_base_url

        verification: dict[str, Any] | None | Unset
        if isinstance(self.verification, Unset):
            verification = UNSET
        elif isinstance(self.verification, TemplateVerificationView):
            verification = self.verification.to_dict()
        else:
            verification = self.verification


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "displayName": display_name,
            "category": category,
            "authMode": auth_mode,
            "tags": tags,
            "status": status,
            "beta": beta,
            "sandbox": sandbox,
            "capabilities": capabilities,
            "credentialFields": credential_fields,
            "connectionConfig": connection_config,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if custom_auth is not UNSET:
            field_dict["customAuth"] = custom_auth
        if docs_url is not UNSET:
            field_dict["docsUrl"] = docs_url
        if logo_url is not UNSET:
            field_dict["logoUrl"] = logo_url
        if oauth is not UNSET:
            field_dict["oauth"] = oauth
        if api_base_url is not UNSET:
            field_dict["apiBaseUrl"] = api_base_url
        if verification is not UNSET:
            field_dict["verification"] = verification

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capabilities import Capabilities # noqa: PLC0415
        from ..models.config_field import ConfigField # noqa: PLC0415
        from ..models.credential_field import CredentialField # noqa: PLC0415
        from ..models.template_o_auth_view import TemplateOAuthView # noqa: PLC0415
        from ..models.template_verification_view import TemplateVerificationView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        display_name = d.pop("displayName")

        category = d.pop("category")

        auth_mode = d.pop("authMode")

        tags = cast(list[str], d.pop("tags"))


        status = d.pop("status")

        beta = d.pop("beta")

        sandbox = d.pop("sandbox")

        capabilities = Capabilities.from_dict(d.pop("capabilities"))




        credential_fields = []
        _credential_fields = d.pop("credentialFields")
        for credential_fields_item_data in (_credential_fields):
            credential_fields_item = CredentialField.from_dict(credential_fields_item_data)



            credential_fields.append(credential_fields_item)


        connection_config = []
        _connection_config = d.pop("connectionConfig")
        for connection_config_item_data in (_connection_config):
            connection_config_item = ConfigField.from_dict(connection_config_item_data)



            connection_config.append(connection_config_item)


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_custom_auth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom_auth = _parse_custom_auth(d.pop("customAuth", UNSET))


        def _parse_docs_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        docs_url = _parse_docs_url(d.pop("docsUrl", UNSET))


        def _parse_logo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_url = _parse_logo_url(d.pop("logoUrl", UNSET))


        def _parse_oauth(data: object) -> None | TemplateOAuthView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                oauth_type_0 = TemplateOAuthView.from_dict(data)



                return oauth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TemplateOAuthView | Unset, data)

        oauth = _parse_oauth(d.pop("oauth", UNSET))


        def _parse_api_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_base_url = _parse_api_base_url(d.pop("apiBaseUrl", UNSET))


        def _parse_verification(data: object) -> None | TemplateVerificationView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verification_type_0 = TemplateVerificationView.from_dict(data)



                return verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TemplateVerificationView | Unset, data)

        verification = _parse_verification(d.pop("verification", UNSET))


        template_summary = cls(
            id=id,
            name=name,
            display_name=display_name,
            category=category,
            auth_mode=auth_mode,
            tags=tags,
            status=status,
            beta=beta,
            sandbox=sandbox,
            capabilities=capabilities,
            credential_fields=credential_fields,
            connection_config=connection_config,
            description=description,
            custom_auth=custom_auth,
            docs_url=docs_url,
            logo_url=logo_url,
            oauth=oauth,
            api_base_url=api_base_url,
            verification=verification,
        )


        template_summary.additional_properties = d
        return template_summary

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
