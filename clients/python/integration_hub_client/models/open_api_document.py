from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.open_api_document_components import OpenApiDocumentComponents
  from ..models.open_api_document_info import OpenApiDocumentInfo
  from ..models.open_api_document_paths import OpenApiDocumentPaths
  from ..models.open_api_document_security_type_0_item import OpenApiDocumentSecurityType0Item
  from ..models.open_api_document_servers_type_0_item import OpenApiDocumentServersType0Item
  from ..models.open_api_document_tags_item import OpenApiDocumentTagsItem





T = TypeVar("T", bound="OpenApiDocument")



@_attrs_define
class OpenApiDocument:
    """ The document itself (OpenAPI 3.1); its parts are described by the OpenAPI specification.

        Attributes:
            openapi (str):
            info (OpenApiDocumentInfo):
            paths (OpenApiDocumentPaths):
            components (OpenApiDocumentComponents | Unset):
            tags (list[OpenApiDocumentTagsItem] | Unset):
            security (list[OpenApiDocumentSecurityType0Item] | None | Unset):
            servers (list[OpenApiDocumentServersType0Item] | None | Unset):
     """

    openapi: str
    info: OpenApiDocumentInfo
    paths: OpenApiDocumentPaths
    components: OpenApiDocumentComponents | Unset = UNSET
    tags: list[OpenApiDocumentTagsItem] | Unset = UNSET
    security: list[OpenApiDocumentSecurityType0Item] | None | Unset = UNSET
    servers: list[OpenApiDocumentServersType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.open_api_document_components import OpenApiDocumentComponents # noqa: PLC0415
        from ..models.open_api_document_info import OpenApiDocumentInfo # noqa: PLC0415
        from ..models.open_api_document_paths import OpenApiDocumentPaths # noqa: PLC0415
        from ..models.open_api_document_security_type_0_item import OpenApiDocumentSecurityType0Item # noqa: PLC0415
        from ..models.open_api_document_servers_type_0_item import OpenApiDocumentServersType0Item # noqa: PLC0415
        from ..models.open_api_document_tags_item import OpenApiDocumentTagsItem # noqa: PLC0415
        openapi = self.openapi

        info = self.info.to_dict()

        paths = self.paths.to_dict()

        components: dict[str, Any] | Unset = UNSET
        if not isinstance(self.components, Unset):
            components = self.components.to_dict()

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)



        security: list[dict[str, Any]] | None | Unset
        if isinstance(self.security, Unset):
            security = UNSET
        elif isinstance(self.security, list):
            security = []
            for security_type_0_item_data in self.security:
                security_type_0_item = security_type_0_item_data.to_dict()
                security.append(security_type_0_item)


        else:
            security = self.security

        servers: list[dict[str, Any]] | None | Unset
        if isinstance(self.servers, Unset):
            servers = UNSET
        elif isinstance(self.servers, list):
            servers = []
            for servers_type_0_item_data in self.servers:
                servers_type_0_item = servers_type_0_item_data.to_dict()
                servers.append(servers_type_0_item)


        else:
            servers = self.servers


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "openapi": openapi,
            "info": info,
            "paths": paths,
        })
        if components is not UNSET:
            field_dict["components"] = components
        if tags is not UNSET:
            field_dict["tags"] = tags
        if security is not UNSET:
            field_dict["security"] = security
        if servers is not UNSET:
            field_dict["servers"] = servers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_api_document_components import OpenApiDocumentComponents # noqa: PLC0415
        from ..models.open_api_document_info import OpenApiDocumentInfo # noqa: PLC0415
        from ..models.open_api_document_paths import OpenApiDocumentPaths # noqa: PLC0415
        from ..models.open_api_document_security_type_0_item import OpenApiDocumentSecurityType0Item # noqa: PLC0415
        from ..models.open_api_document_servers_type_0_item import OpenApiDocumentServersType0Item # noqa: PLC0415
        from ..models.open_api_document_tags_item import OpenApiDocumentTagsItem # noqa: PLC0415
        d = dict(src_dict)
        openapi = d.pop("openapi")

        info = OpenApiDocumentInfo.from_dict(d.pop("info"))




        paths = OpenApiDocumentPaths.from_dict(d.pop("paths"))




        _components = d.pop("components", UNSET)
        components: OpenApiDocumentComponents | Unset
        if isinstance(_components,  Unset):
            components = UNSET
        else:
            components = OpenApiDocumentComponents.from_dict(_components)




        _tags = d.pop("tags", UNSET)
        tags: list[OpenApiDocumentTagsItem] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = OpenApiDocumentTagsItem.from_dict(tags_item_data)



                tags.append(tags_item)


        def _parse_security(data: object) -> list[OpenApiDocumentSecurityType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                security_type_0 = []
                _security_type_0 = data
                for security_type_0_item_data in (_security_type_0):
                    security_type_0_item = OpenApiDocumentSecurityType0Item.from_dict(security_type_0_item_data)



                    security_type_0.append(security_type_0_item)

                return security_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OpenApiDocumentSecurityType0Item] | None | Unset, data)

        security = _parse_security(d.pop("security", UNSET))


        def _parse_servers(data: object) -> list[OpenApiDocumentServersType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                servers_type_0 = []
                _servers_type_0 = data
                for servers_type_0_item_data in (_servers_type_0):
                    servers_type_0_item = OpenApiDocumentServersType0Item.from_dict(servers_type_0_item_data)



                    servers_type_0.append(servers_type_0_item)

                return servers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OpenApiDocumentServersType0Item] | None | Unset, data)

        servers = _parse_servers(d.pop("servers", UNSET))


        open_api_document = cls(
            openapi=openapi,
            info=info,
            paths=paths,
            components=components,
            tags=tags,
            security=security,
            servers=servers,
        )


        open_api_document.additional_properties = d
        return open_api_document

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
