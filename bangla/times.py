"""Times as the minutes write them: a day-part word and a 12-hour clock, e.g. বিকাল ০৩.০০টা; and
times as users type them (০২:০০, 14:00, ২.০০, বেলা ১২.০০ ঘটিকা)."""

import datetime
import re
import unicodedata

from bangla.digits import to_ascii_digits, to_bangla_digits

# (from hour, word): রাত before 4, ভোর to 6, সকাল to 12, দুপুর to 3 pm, বিকাল to 6, সন্ধ্যা to 8, then রাত.
DAY_PARTS = ((0, "রাত"), (4, "ভোর"), (6, "সকাল"), (12, "দুপুর"), (15, "বিকাল"), (18, "সন্ধ্যা"), (20, "রাত"))

# The day-part words a drafter may choose, and the hours (24-hour clock) each covers as minutes use
# them: "সকাল ১১.০০টা", "বেলা ১২.০০ ঘটিকা", "বেলা ২.৩০", "দুপুর ১২.৩০", "বিকাল ৩টা", "সন্ধ্যা ৭টা".
# Each covers less than 12 hours, so a 12-hour time and a word give exactly one 24-hour time.
DAY_PART_HOURS = {
    "সকাল": range(5, 13),
    "বেলা": range(9, 18),
    "দুপুর": range(11, 16),
    "বিকাল": range(13, 19),
    "সন্ধ্যা": range(17, 21),
    "রাত": (*range(19, 24), *range(0, 5)),
}
DAY_PART_ALIASES = {"বিকেল": "বিকাল", "রাত্রি": "রাত"}  # other spellings people type

_WORDS = sorted((*DAY_PART_HOURS, *DAY_PART_ALIASES), key=len, reverse=True)  # রাত্রি before রাত
_SUFFIXES = tuple(unicodedata.normalize("NFC", s) for s in ("ঘটিকায়", "ঘটিকা", "টায়", "টা"))
# H, H:MM or H.MM (and :SS), after Bangla digits become ASCII; re.ASCII: \d is 0-9 only.
_CLOCK = re.compile(r"(\d{1,2})(?:\s*[:.]\s*(\d{2}))?(?:\s*[:.]\s*(\d{2}))?", re.ASCII)


class TimeInputError(ValueError):
    """Why a typed time was refused: code "format" (not a time), or "range" (25:00, 10:61)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def day_part(value: datetime.time) -> str:
    return [word for hour, word in DAY_PARTS if value.hour >= hour][-1]


def format_time(
    value: datetime.time, suffix: str = "টা", word: str | None = None, separator: str = "."
) -> str:
    """বিকাল ০৩.০০টা. suffix=" ঘটিকা": দুপুর ১২.০০ ঘটিকা; word: the day-part the drafter chose
    (Meeting.day_part), printed instead of the one the hour suggests: বেলা ১২.০০ ঘটিকা; word="": no word,
    on the 24-hour clock: ১৫.০০ ঘটিকা. separator ":" gives ০৩:০০."""
    if word == "":
        clock = f"{value.hour:02d}{separator}{value.minute:02d}"
        return to_bangla_digits(clock) + suffix
    hour = value.hour % 12 or 12
    return f"{word or day_part(value)} {to_bangla_digits(f'{hour:02d}{separator}{value.minute:02d}')}{suffix}"


def parse_time(text: str) -> tuple[datetime.time, str]:
    """A typed time, on the clock as typed, and the day-part word typed before it ("" if none):
    "০২:০০" -> (02:00, ""), "14:00" -> (14:00, ""), "২.০০" -> (02:00, ""),
    "বেলা ১২.০০ ঘটিকা" -> (12:00, "বেলা"), "বিকেল ৩টা" -> (03:00, "বিকাল"). Raises TimeInputError."""
    typed, word = unicodedata.normalize("NFC", to_ascii_digits(text)).strip(), ""
    for candidate in _WORDS:
        if typed.startswith(candidate):
            word, typed = DAY_PART_ALIASES.get(candidate, candidate), typed[len(candidate) :].strip()
            break
    for suffix in _SUFFIXES:
        if typed.endswith(suffix):
            typed = typed[: -len(suffix)].strip()
            break
    match = _CLOCK.fullmatch(typed)
    if not match:
        raise TimeInputError("format")
    hour, minute, second = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise TimeInputError("range")
    return datetime.time(hour, minute, second), word


def fits_day_part(value: datetime.time, word: str) -> bool:
    """Whether a 24-hour time lies in the day-part: 15:00 is বিকাল (and বেলা), not সকাল."""
    return value.hour in DAY_PART_HOURS[word]


def apply_day_part(value: datetime.time, word: str) -> datetime.time:
    """A time typed on a 12-hour clock, with its day-part word, as the 24-hour time it means:
    (03:00, "বিকাল") -> 15:00, (12:00, "বেলা") -> 12:00, (12:30, "রাত") -> 00:30. A time already on
    the 24-hour clock (00:xx, 13:00-23:59) is kept. Raises ValueError if the time is not in that
    day-part (সকাল ০৯:০০ is fine; সকাল 21:00 and বিকাল ১০:০০ are not)."""
    hours = DAY_PART_HOURS[word]
    candidates = (
        [value.hour] if value.hour == 0 or value.hour > 12 else [value.hour % 12, value.hour % 12 + 12]
    )
    for hour in candidates:
        if hour in hours:
            return value.replace(hour=hour)
    raise ValueError(f"{value} is not in {word}")


def twelve_hour(value: datetime.time) -> datetime.time:
    """The same time on a 12-hour clock (15:00 -> 03:00, 00:30 -> 12:30), shown next to its day-part."""
    return value.replace(hour=value.hour % 12 or 12)
