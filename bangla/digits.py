"""Bangla digits (০১২৩৪৫৬৭৮৯) and numbers grouped the South Asian way (১২,৩৪,৫৬৭)."""

import re

_TO_BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_TO_ASCII = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# After Bangla digits become ASCII: only ASCII digits (re.ASCII: no other script's digits) and a sign.
_INTEGER = re.compile(r"[+-]?[0-9]{1,50}", re.ASCII)


def to_bangla_digits(value) -> str:
    """Every ASCII digit in str(value) becomes a Bangla digit; None gives ""."""
    return "" if value is None else str(value).translate(_TO_BN)


def to_ascii_digits(value) -> str:
    """Every Bangla digit becomes an ASCII digit, e.g. for parsing what users type; None gives ""."""
    return "" if value is None else str(value).translate(_TO_ASCII)


def bn_number(number: int, grouping: bool = True) -> str:
    """1234567 -> ১২,৩৪,৫৬৭ (thousands, then lakhs and crores in pairs); grouping=False -> ১২৩৪৫৬৭."""
    digits = str(abs(int(number)))
    if grouping and len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        digits = ",".join([*pairs, tail])
    return to_bangla_digits(("-" if int(number) < 0 else "") + digits)


def parse_integer(text: str) -> int:
    """What a user types as a whole number: "০৭", "7", " ১২ ", "-১" -> 7, 7, 12, -1. Bangla and ASCII
    digits, even mixed; digits of other scripts (which int() would take), letters, fractions and
    more than 50 digits raise ValueError."""
    typed = to_ascii_digits(text).strip()
    if not _INTEGER.fullmatch(typed):
        raise ValueError(f"not a whole number: {text!r}")
    return int(typed)
