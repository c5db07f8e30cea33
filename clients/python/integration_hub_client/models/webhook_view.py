from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_view_status import WebhookViewStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.webhook_view_metadata import WebhookViewMetadata





T = TypeVar("T", bound="WebhookView")



@_attrs_define
class WebhookView:
    """ 
        Attributes:
            id (str):
            url (str):
            events (list[str]):
            status (WebhookViewStatus):
            created_at (str):
            updated_at (str):
            version (int):
            integration_id (None | str | Unset):
            description (None | str | Unset):
            metadata (WebhookViewMetadata | Unset):
            rate_limit (int | None | Unset): messages per second; more are queued
            disabled_reason (None | str | Unset):
            disabled_at (None | str | Unset):
            previous_secret_expires_at (None | str | Unset): while set, deliveries are signed with the old secret as well
            failing_since (None | str | Unset):
            last_success_at (None | str | Unset):
            last_failure_at (None | str | Unset):
     """

    id: str
    url: str
    events: list[str]
    status: WebhookViewStatus
    created_at: str
    updated_at: str
    version: int
    integration_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    metadata: WebhookViewMetadata | Unset = UNSET
    rate_limit: int | None | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    disabled_at: None | str | Unset = UNSET
    previous_secret_expires_at: None | str | Unset = UNSET
    failing_since: None | str | Unset = UNSET
    last_success_at: None | str | Unset = UNSET
    last_failure_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_view_metadata import WebhookViewMetadata # noqa: PLC0415
        id = self.id

        url = self.url

        events = self.events



        status = self.status.value

        created_at = self.created_at

        updated_at = self.updated_at

        version = self.version

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

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        rate_limit: int | None | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = self.rate_limit

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        else:
            disabled_at = self.disabled_at

        previous_secret_expires_at: None | str | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        failing_since: None | str | Unset
        if isinstance(self.failing_since, Unset):
            failing_since = UNSET
        else:
            failing_since = self.failing_since

        last_success_at: None | str | Unset
        if isinstance(self.last_success_at, Unset):
            last_success_at = UNSET
        else:
            last_success_at = self.last_success_at

        last_failure_at: None | str | Unset
        if isinstance(self.last_failure_at, Unset):
            last_failure_at = UNSET
        else:
            last_failure_at = self.last_failure_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "events": events,
            "status": status,
            "createdAt": created_at,
            "updatedAt": updated_at,
            "version": version,
        })
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if rate_limit is not UNSET:
            field_dict["rateLimit"] = rate_limit
        if disabled_reason is not UNSET:
            field_dict["disabledReason"] = disabled_reason
        if disabled_at is not UNSET:
            field_dict["disabledAt"] = disabled_at
        if previous_secret_expires_at is not UNSET:
            field_dict["previousSecretExpiresAt"] = previous_secret_expires_at
        if failing_since is not UNSET:
            field_dict["failingSince"] = failing_since
        if last_success_at is not UNSET:
            field_dict["lastSuccessAt"] = last_success_at
        if last_failure_at is not UNSET:
            field_dict["lastFailureAt"] = last_failure_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_view_metadata import WebhookViewMetadata # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        events = cast(list[str], d.pop("events"))


        status = WebhookViewStatus(d.pop("status"))




        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        version = d.pop("version")

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


        _metadata = d.pop("metadata", UNSET)
        metadata: WebhookViewMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = WebhookViewMetadata.from_dict(_metadata)




        def _parse_rate_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rateLimit", UNSET))


        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabledReason", UNSET))


        def _parse_disabled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabledAt", UNSET))


        def _parse_previous_secret_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previousSecretExpiresAt", UNSET))


        def _parse_failing_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failing_since = _parse_failing_since(d.pop("failingSince", UNSET))


        def _parse_last_success_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_success_at = _parse_last_success_at(d.pop("lastSuccessAt", UNSET))


        def _parse_last_failure_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_failure_at = _parse_last_failure_at(d.pop("lastFailureAt", UNSET))


        webhook_view = cls(
            id=id,
            url=url,
            events=events,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            integration_id=integration_id,
            description=description,
            metadata=metadata,
            rate_limit=rate_limit,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            previous_secret_expires_at=previous_secret_expires_at,
            failing_since=failing_since,
            last_success_at=last_success_at,
            last_failure_at=last_failure_at,
        )


        webhook_view.additional_properties = d
        return webhook_view

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
