from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Capabilities")



@_attrs_define
class Capabilities:
    """ 
        Attributes:
            search (bool | Unset):  Default: False.
            data_entities (list[str] | Unset):
            webhooks (bool | Unset):  Default: False.
            publish (bool | Unset):  Default: False.
            sync (bool | Unset):  Default: False.
     """

    search: bool | Unset = False
    data_entities: list[str] | Unset = UNSET
    webhooks: bool | Unset = False
    publish: bool | Unset = False
    sync: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        search = self.search

        data_entities: list[str] | Unset = UNSET
        if not isinstance(self.data_entities, Unset):
            data_entities = self.data_entities



        webhooks = self.webhooks

        publish = self.publish

        sync = self.sync


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if search is not UNSET:
            field_dict["search"] = search
        if data_entities is not UNSET:
            field_dict["dataEntities"] = data_entities
        if webhooks is not UNSET:
            field_dict["webhooks"] = webhooks
        if publish is not UNSET:
            field_dict["publish"] = publish
        if sync is not UNSET:
            field_dict["sync"] = sync

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        search = d.pop("search", UNSET)

        data_entities = cast(list[str], d.pop("dataEntities", UNSET))


        webhooks = d.pop("webhooks", UNSET)

        publish = d.pop("publish", UNSET)

        sync = d.pop("sync", UNSET)

        capabilities = cls(
            search=search,
            data_entities=data_entities,
            webhooks=webhooks,
            publish=publish,
            sync=sync,
        )

        return capabilities

