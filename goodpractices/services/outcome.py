from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What an operation did, and the message the view shows as it is."""

    ok: bool
    message: str
    obj: object = None
    level: str = "success"

    @classmethod
    def refused(cls, message, obj=None) -> "Outcome":
        return cls(ok=False, message=str(message), obj=obj, level="error")
