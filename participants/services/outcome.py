from dataclasses import dataclass

from participants.models import Enrolment, SessionRegistration


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    obj: Enrolment | SessionRegistration | None = None
    level: str = "success"

    @classmethod
    def refused(cls, message, obj=None) -> "Outcome":
        return cls(ok=False, message=str(message), obj=obj, level="error")
