from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.o_auth_start_request_metadata_type_0 import OAuthStartRequestMetadataType0





T = TypeVar("T", bound="OAuthStartRequest")



@_attrs_define
class OAuthStartRequest:
    """ 
        Attributes:
            return_url (str): Where the browser goes after the callback (must be on an allowed origin); the outcome is added
                to its query
            scopes (list[str] | None | Unset): Scopes beyond the provider's defaults
            metadata (None | OAuthStartRequestMetadataType0 | Unset): Kept with the connection
            redirect_uri (None | str | Unset): A frontend page that receives the code itself (then call
                connect/oauth/exchange with the code and the state); default: the hub's callback
     """

    return_url: str
    scopes: list[str] | None | Unset = UNSET
    metadata: None | OAuthStartRequestMetadataType0 | Unset = UNSET
    redirect_uri: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.o_auth_start_request_metadata_type_0 import OAuthStartRequestMetadataType0 # noqa: PLC0415
        return_url = self.return_url

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = self.scopes


        else:
            scopes = self.scopes

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, OAuthStartRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        redirect_uri: None | str | Unset
        if isinstance(self.redirect_uri, Unset):
            redirect_uri = UNSET
        else:
            redirect_uri = self.redirect_uri


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "returnUrl": return_url,
        })
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if redirect_uri is not UNSET:
            field_dict["redirectUri"] = redirect_uri

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_auth_start_request_metadata_type_0 import OAuthStartRequestMetadataType0 # noqa: PLC0415
        d = dict(src_dict)
        return_url = d.pop("returnUrl")

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


        def _parse_metadata(data: object) -> None | OAuthStartRequestMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = OAuthStartRequestMetadataType0.from_dict(data)



                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OAuthStartRequestMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))


        def _parse_redirect_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_uri = _parse_redirect_uri(d.pop("redirectUri", UNSET))


        o_auth_start_request = cls(
            return_url=return_url,
            scopes=scopes,
            metadata=metadata,
            redirect_uri=redirect_uri,
        )

        return o_auth_start_request

