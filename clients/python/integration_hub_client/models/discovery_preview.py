from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.discovery_preview_metadata import DiscoveryPreviewMetadata
  from ..models.provider_draft import ProviderDraft





T = TypeVar("T", bound="DiscoveryPreview")



@_attrs_define
class DiscoveryPreview:
    """ 
        Attributes:
            discovery_url (str): The metadata document that was read
            issuer (str):
            provider (ProviderDraft): Provider fields not saved yet: a discovery preview, or the changes a rediscovery
                finds.
            metadata (DiscoveryPreviewMetadata): The metadata fields the preview was made from
     """

    discovery_url: str
    issuer: str
    provider: ProviderDraft
    metadata: DiscoveryPreviewMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.discovery_preview_metadata import DiscoveryPreviewMetadata # noqa: PLC0415
        from ..models.provider_draft import ProviderDraft # noqa: PLC0415
        discovery_url = self.discovery_url

        issuer = self.issuer

        provider = self.provider.to_dict()

        metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "discoveryUrl": discovery_url,
            "issuer": issuer,
            "provider": provider,
            "metadata": metadata,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discovery_preview_metadata import DiscoveryPreviewMetadata # noqa: PLC0415
        from ..models.provider_draft import ProviderDraft # noqa: PLC0415
        d = dict(src_dict)
        discovery_url = d.pop("discoveryUrl")

        issuer = d.pop("issuer")

        provider = ProviderDraft.from_dict(d.pop("provider"))




        metadata = DiscoveryPreviewMetadata.from_dict(d.pop("metadata"))




        discovery_preview = cls(
            discovery_url=discovery_url,
            issuer=issuer,
            provider=provider,
            metadata=metadata,
        )


        discovery_preview.additional_properties = d
        return discovery_preview

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
