"""Connect sessions in the single table; every condition of their life is written here.

Session   pk TENANT#{tenantId}   sk CONNECTSESSION#{sha256(token)}   ttl = expiry + one day

The token is never stored: the item is found by the SHA-256 of the whole token (its tenant
prefix only says which partition to look in, as OAuth states do: hub/connections/state.py), so a
changed character finds nothing. DynamoDB removes the item a day after it expired; until then a
late use is told "expired" rather than "unknown".

Single use: a connect attempt first takes the session (`claim_attempt`: open, not expired, no
other attempt running), so two attempts never race; a refused credential releases it for the
next try (`release_attempt`); a stored connection completes it (`complete`), and from then on
every use is refused.
"""

from __future__ import annotations

from hub.repository import ConditionFailed, Repository
from hub.sessions.models import SessionRecord, SessionResult
from hub.table import tenant_pk

SESSION_PREFIX = "CONNECTSESSION#"
KEEP_AFTER_EXPIRY_SECONDS = 24 * 3600
_NAMES = {"#status": "status", "#expires": "expiresAt", "#attempt": "attemptUntil"}


def session_sk(token_hash: str) -> str:
    return f"{SESSION_PREFIX}{token_hash}"


class SessionRepository(Repository):
    def create_session(self, record: SessionRecord) -> None:
        item = {
            "pk": tenant_pk(record.tenantId),
            "sk": session_sk(record.tokenHash),
            "entity": "connect_session",
            "ttl": int(record.expiresAt + KEEP_AFTER_EXPIRY_SECONDS),
            **record.item_fields(),
        }
        self.put_new(item)

    def get_session(self, tenant_id: str, token_hash: str) -> SessionRecord | None:
        item = self.get(tenant_pk(tenant_id), session_sk(token_hash))
        return SessionRecord.model_validate(item) if item else None

    def claim_attempt(self, record: SessionRecord, *, now: float, lease_seconds: float) -> bool:
        """Take the session for one connect attempt: only while it is open, unexpired and not
        held by another attempt (or that attempt's lease ran out)."""
        try:
            self.update(
                tenant_pk(record.tenantId), session_sk(record.tokenHash),
                set_fields={"attemptUntil": now + lease_seconds},
                condition="#status = :open AND #expires > :now AND "
                          "(attribute_not_exists(#attempt) OR #attempt <= :now)",
                names=_NAMES, values={":open": "open", ":now": now}, return_new=False,
            )
        except ConditionFailed:
            return False
        return True

    def release_attempt(self, record: SessionRecord) -> None:
        """The attempt failed (a refused credential): the session stays open for the next one."""
        try:
            self.update(tenant_pk(record.tenantId), session_sk(record.tokenHash), remove_fields=["attemptUntil"],
                        condition="#status = :open", names={"#status": "status"}, values={":open": "open"},
                        return_new=False)
        except ConditionFailed:
            return  # completed meanwhile: nothing to release

    def complete(self, record: SessionRecord, result: SessionResult, *, at_iso: str) -> bool:
        """Spend the session on the connection it made; False when it was spent already."""
        try:
            self.update(
                tenant_pk(record.tenantId), session_sk(record.tokenHash),
                set_fields={"status": "completed", "result": result.model_dump(), "completedAt": at_iso},
                remove_fields=["attemptUntil"],
                condition="#status = :open", names={"#status": "status"}, values={":open": "open"},
                return_new=False,
            )
        except ConditionFailed:
            return False
        return True
