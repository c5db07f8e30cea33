from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.webhook_create_metadata_type_0 import WebhookCreateMetadataType0





T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ 
        Attributes:
            url (str): https URL that receives the events
            events (list[str]): event types, or ['*'] for all
            integration_id (None | str | Unset): only events about this integration
            description (None | str | Unset):
            metadata (None | Unset | WebhookCreateMetadataType0):
            rate_limit (int | None | Unset): at most this many messages per second; more are queued, not dropped
     """

    url: str
    events: list[str]
    integration_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    metadata: None | Unset | WebhookCreateMetadataType0 = UNSET
    rate_limit: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_create_metadata_type_0 import WebhookCreateMetadataType0 # noqa: PLC0415
        url = self.url

        events = self.events



        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, WebhookCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        rate_limit: int | None | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = self.rate_limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
            "events": events,
        })
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if rate_limit is not UNSET:
            field_dict["rateLimit"] = rate_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_create_metadata_type_0 import WebhookCreateMetadataType0 # noqa: PLC0415
        d = dict(src_dict)
        url = d.pop("url")

        events = cast(list[str], d.pop("events"))


        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integrationId", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_metadata(data: object) -> None | Unset | WebhookCreateMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = WebhookCreateMetadataType0.from_dict(data)



                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebhookCreateMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))


        def _parse_rate_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rateLimit", UNSET))


        webhook_create = cls(
            url=url,
            events=events,
            integration_id=integration_id,
            description=description,
            metadata=metadata,
            rate_limit=rate_limit,
        )

        return webhook_create

