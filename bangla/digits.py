"""Bangla digits (০১২৩৪৫৬৭৮৯) and numbers grouped the South Asian way (১২,৩৪,৫৬৭)."""

_TO_BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_TO_ASCII = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


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
