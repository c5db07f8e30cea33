from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.provider_draft import ProviderDraft
  from ..models.provider_view import ProviderView





T = TypeVar("T", bound="Rediscovery")



@_attrs_define
class Rediscovery:
    """ 
        Attributes:
            applied (bool): Whether the changes were saved
            changes (ProviderDraft): Provider fields not saved yet: a discovery preview, or the changes a rediscovery finds.
            provider (ProviderView): A provider as the super admin sees it.
     """

    applied: bool
    changes: ProviderDraft
    provider: ProviderView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.provider_draft import ProviderDraft # noqa: PLC0415
        from ..models.provider_view import ProviderView # noqa: PLC0415
        applied = self.applied

        changes = self.changes.to_dict()

        provider = self.provider.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied": applied,
            "changes": changes,
            "provider": provider,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provider_draft import ProviderDraft # noqa: PLC0415
        from ..models.provider_view import ProviderView # noqa: PLC0415
        d = dict(src_dict)
        applied = d.pop("applied")

        changes = ProviderDraft.from_dict(d.pop("changes"))




        provider = ProviderView.from_dict(d.pop("provider"))




        rediscovery = cls(
            applied=applied,
            changes=changes,
            provider=provider,
        )


        rediscovery.additional_properties = d
        return rediscovery

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
