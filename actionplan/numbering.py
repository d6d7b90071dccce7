"""How plans number their rows: `[১]`, `[১.১]`, `[১.১.১]`, with or without brackets, in Bangla or
ASCII digits. Stored normalised ("1.1.1"); shown in the plan's own way."""

import datetime
import re
import unicodedata
from decimal import Decimal

from bangla.digits import to_ascii_digits, to_bangla_digits

_NUMBER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}", re.ASCII)


def parse_number(text: str) -> tuple[str, bool]:
    """ "[১.১.১]" -> ("1.1.1", True); "1.2" -> ("1.2", False). Raises ValueError for anything else.
    A trailing dot ("১.") and spaces inside the brackets are forgiven; leading zeros are dropped."""
    typed = to_ascii_digits(unicodedata.normalize("NFC", str(text))).strip()
    brackets = typed.startswith("[") and typed.endswith("]")
    if brackets:
        typed = typed[1:-1].strip()
    typed = typed.rstrip(".").replace(" ", "")
    if not _NUMBER.fullmatch(typed):
        raise ValueError(f"not a plan number: {text!r}")
    return ".".join(str(int(part)) for part in typed.split(".")), brackets


def depth(number: str) -> int:
    """ "1" -> 1 (an area), "1.1" -> 2 (an activity), "1.1.1" -> 3 (an indicator)."""
    return number.count(".") + 1


def parent_number(number: str) -> str:
    """ "1.1.1" -> "1.1"; "1" -> ""."""
    return number.rpartition(".")[0]


def show_number(number: str, brackets: bool, bangla: bool = True) -> str:
    """("1.1.1", True) -> "[১.১.১]"; ("1.1.1", False) -> "১.১.১"."""
    shown = to_bangla_digits(number) if bangla else number
    return f"[{shown}]" if brackets else shown


def show_value(value, bangla: bool = True) -> str:
    """A target, a weight, a tier, an achievement or marks as the plans write them: a date
    day-month-year (১৬-০৩-২০২২), a number without trailing zeros (৫, ২.৫); None -> ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date):
        text = value.strftime("%d-%m-%Y")
    elif isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
    else:
        text = str(value)
    return to_bangla_digits(text) if bangla else text


def sort_key(number: str) -> tuple[int, ...]:
    """Numeric order: 1.2 before 1.10."""
    return tuple(int(part) for part in number.split("."))
