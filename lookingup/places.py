"""Markers for "places left", filled in after the page is rendered.

Lists of sessions are cached as HTML (lookingup/cache.py), keyed on the public content version,
which enrolments do not change. A row that has places to show carries a marker instead, an HTML
comment the cache keeps; ``{% fill_places %}`` in base.html (participants' template tags) reads
the current figures for every marker on the page in one query and writes them in. A page with no
marker costs nothing; a marker nobody fills is an invisible comment.
"""

import re

MARKER_RE = re.compile(r"<!--places:session:(\d+)-->")


def session_marker(pk: int) -> str:
    return f"<!--places:session:{int(pk)}-->"
