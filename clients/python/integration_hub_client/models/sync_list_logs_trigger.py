from enum import StrEnum

class SyncListLogsTrigger(StrEnum):
    EVENT = "event"
    MANUAL = "manual"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
