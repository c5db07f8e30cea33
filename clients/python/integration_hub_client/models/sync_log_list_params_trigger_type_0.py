from enum import StrEnum

class SyncLogListParamsTriggerType0(StrEnum):
    EVENT = "event"
    MANUAL = "manual"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
