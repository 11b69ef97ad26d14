"""The good-practice library's operations: who sees what, submission, review, search.

Callers import from here: ``from goodpractices import services``.
"""

from .access import (
    cache_scope,
    can_edit,
    can_review,
    can_see_material,
    can_see_partner_content,
    can_see_practice,
    is_partner,
    library,
    partner_programme_ids,
    public_library,
    reviewable_practices,
    visibility_filter,
)
from .outcome import Outcome
from .review import allowed_steps, review, review_refusal
from .submission import (
    draft_refusal,
    missing_for_submission,
    save_draft,
    submission_refusal,
    submit,
)

__all__ = [
    "Outcome",
    "allowed_steps",
    "cache_scope",
    "can_edit",
    "can_review",
    "can_see_material",
    "can_see_partner_content",
    "can_see_practice",
    "draft_refusal",
    "is_partner",
    "latest_practices",
    "library",
    "missing_for_submission",
    "partner_programme_ids",
    "public_library",
    "review",
    "review_refusal",
    "reviewable_practices",
    "save_draft",
    "submission_refusal",
    "submit",
    "visibility_filter",
]

CARD_FIELDS = (
    "slug",
    "original_language",
    "country",
    "place",
    "region",
    "organisation_name",
    "published_at",
    "visibility",
    "is_example",
    "year_started",
    *(f"{name}_{code}" for name in ("title", "summary") for code in ("it", "en", "fr", "pt")),
)


def latest_practices(count: int = 4):
    """The most recently published public practices (the home page), in one query."""
    return public_library().only(*CARD_FIELDS).order_by("-published_at", "-pk")[:count]
