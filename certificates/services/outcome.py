from dataclasses import dataclass

from certificates.models import Certificate


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    certificate: Certificate | None = None
    level: str = "success"
    created: bool = False
    # Why a refusal happened, for the batches' summary: not_eligible, no_name, failed, ...
    reason: str = ""

    @classmethod
    def refused(cls, message, certificate=None, *, reason: str = "") -> "Outcome":
        return cls(
            ok=False, message=str(message), certificate=certificate, level="error", reason=reason
        )
