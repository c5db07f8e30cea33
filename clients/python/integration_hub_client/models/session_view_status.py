from enum import StrEnum

class SessionViewStatus(StrEnum):
    COMPLETED = "completed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
