from enum import StrEnum

class TestResultOutcome(StrEnum):
    FAILED = "failed"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
