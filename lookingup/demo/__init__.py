"""Demo data: the five real programmes of ../shared/seeds/ and one upcoming demo edition.

Facts (names, dates, places, numbers, languages) come from the seed texts. Where a seed is
silent (exact days, hours, meeting links), the values are plausible placeholders, and every
meeting link points at example.org. Read by ``manage.py load_demo``
(lookingup/management/commands/load_demo.py).
"""

from .futuro_coop import FUTURO_COOP
from .looking_up import LOOKING_UP, second_edition
from .organisations import ORGANISATIONS
from .reti import RETI_SOLIDALI
from .sse_academy import SSE_ACADEMY
from .trentino import TRENTINO

SEED_PROGRAMMES = [LOOKING_UP, RETI_SOLIDALI, TRENTINO, SSE_ACADEMY, FUTURO_COOP]

__all__ = ["ORGANISATIONS", "SEED_PROGRAMMES", "second_edition"]
