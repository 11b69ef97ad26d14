"""Verification codes: 20 characters from an alphabet without look-alikes, typed in groups.

30 symbols (digits 2–9, letters without I, L, O and U) give log2(30) × 20 ≈ 98 bits: a code
can be printed on paper and typed back by anyone, and guessing one is hopeless.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 20
GROUP = 4
_NOT_CODE = re.compile(r"[\s\-–—_.·/]+")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(typed: str) -> str | None:
    """The stored form of what someone typed, or None when it cannot be a code."""
    code = _NOT_CODE.sub("", typed or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code
