from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recover_job_view_status import RecoverJobViewStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RecoverJobView")



@_attrs_define
class RecoverJobView:
    """ 
        Attributes:
            id (str):
            webhook_id (str):
            status (RecoverJobViewStatus):
            since (str):
            until (str):
            scanned (int): deliveries in the window looked at so far
            requeued (int): failed deliveries put back for one more attempt so far
            created_at (str):
            updated_at (str):
            finished_at (None | str | Unset):
     """

    id: str
    webhook_id: str
    status: RecoverJobViewStatus
    since: str
    until: str
    scanned: int
    requeued: int
    created_at: str
    updated_at: str
    finished_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        webhook_id = self.webhook_id

        status = self.status.value

        since = self.since

        until = self.until

        scanned = self.scanned

        requeued = self.requeued

        created_at = self.created_at

        updated_at = self.updated_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "webhookId": webhook_id,
            "status": status,
            "since": since,
            "until": until,
            "scanned": scanned,
            "requeued": requeued,
            "createdAt": created_at,
            "updatedAt": updated_at,
        })
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        webhook_id = d.pop("webhookId")

        status = RecoverJobViewStatus(d.pop("status"))




        since = d.pop("since")

        until = d.pop("until")

        scanned = d.pop("scanned")

        requeued = d.pop("requeued")

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        def _parse_finished_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finished_at = _parse_finished_at(d.pop("finishedAt", UNSET))


        recover_job_view = cls(
            id=id,
            webhook_id=webhook_id,
            status=status,
            since=since,
            until=until,
            scanned=scanned,
            requeued=requeued,
            created_at=created_at,
            updated_at=updated_at,
            finished_at=finished_at,
        )


        recover_job_view.additional_properties = d
        return recover_job_view

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
