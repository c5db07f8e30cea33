from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_list_params_sortorder import AuditListParamsSortorder
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AuditListParams")



@_attrs_define
class AuditListParams:
    """ 
        Attributes:
            limit (int | Unset): Records read for this page Default: 50.
            cursor (None | str | Unset): `nextCursor` of the previous page
            sort_order (AuditListParamsSortorder | Unset): Newest first (desc) or oldest first Default:
                AuditListParamsSortorder.DESC.
            action (None | str | Unset): Exact action, or a prefix ending in '.'
            actor_id (None | str | Unset): The acting user's id
            target_id (None | str | Unset): An id the record is about
            from_ (None | str | Unset): ISO time, inclusive
            to (None | str | Unset): ISO time, exclusive
     """

    limit: int | Unset = 50
    cursor: None | str | Unset = UNSET
    sort_order: AuditListParamsSortorder | Unset = AuditListParamsSortorder.DESC
    action: None | str | Unset = UNSET
    actor_id: None | str | Unset = UNSET
    target_id: None | str | Unset = UNSET
    from_: None | str | Unset = UNSET
    to: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        else:
            cursor = self.cursor

        sort_order: str | Unset = UNSET
        if not isinstance(self.sort_order, Unset):
            sort_order = self.sort_order.value


        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        target_id: None | str | Unset
        if isinstance(self.target_id, Unset):
            target_id = UNSET
        else:
            target_id = self.target_id

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if sort_order is not UNSET:
            field_dict["sortOrder"] = sort_order
        if action is not UNSET:
            field_dict["action"] = action
        if actor_id is not UNSET:
            field_dict["actorId"] = actor_id
        if target_id is not UNSET:
            field_dict["targetId"] = target_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        def _parse_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor = _parse_cursor(d.pop("cursor", UNSET))


        _sort_order = d.pop("sortOrder", UNSET)
        sort_order: AuditListParamsSortorder | Unset
        if isinstance(_sort_order,  Unset):
            sort_order = UNSET
        else:
            sort_order = AuditListParamsSortorder(_sort_order)




        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))


        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actorId", UNSET))


        def _parse_target_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_id = _parse_target_id(d.pop("targetId", UNSET))


        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))


        def _parse_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to = _parse_to(d.pop("to", UNSET))


        audit_list_params = cls(
            limit=limit,
            cursor=cursor,
            sort_order=sort_order,
            action=action,
            actor_id=actor_id,
            target_id=target_id,
            from_=from_,
            to=to,
        )

        return audit_list_params

