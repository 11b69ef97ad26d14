"""Certificates: issue, re-issue, revoke, and the coordinators' batches.

Callers import from here: ``from certificates import services``.
"""

from .batches import finish_batch, finish_when_complete, issue_chunk, plan_batch, start_batch
from .issuing import (
    IssueContext,
    issue_certificate,
    issue_prepared,
    reissue_certificate,
    revoke_certificate,
)
from .outcome import Outcome

__all__ = [
    "IssueContext",
    "Outcome",
    "finish_batch",
    "finish_when_complete",
    "issue_certificate",
    "issue_chunk",
    "issue_prepared",
    "plan_batch",
    "reissue_certificate",
    "revoke_certificate",
    "start_batch",
]
