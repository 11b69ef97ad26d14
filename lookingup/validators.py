import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (line breaks and tabs included) and the Unicode line and
# paragraph separators: none belongs in a title, a name or an address.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def validate_single_line(value: str) -> None:
    """Single-line text: a title with a line break breaks calendar files and mail headers."""
    if value and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("Write this on a single line, without line breaks or control characters."),
            code="control_characters",
        )


def single_line(value: str) -> str:
    """``value`` with every control character turned into a space, for data already stored."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", value or "").split())
