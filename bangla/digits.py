"""Bangla digits (placeholder until the full module lands)."""

_TO_BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_TO_ASCII = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


def to_bangla_digits(value) -> str:
    return "" if value is None else str(value).translate(_TO_BN)


def to_ascii_digits(value: str) -> str:
    return str(value).translate(_TO_ASCII)
