from enum import StrEnum

class SyncListLogsStatus(StrEnum):
    FAILED = "failed"
    PARTIAL = "partial"
    RUNNING = "running"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
