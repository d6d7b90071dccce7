"""Times as the minutes write them: a day-part word and a 12-hour clock, e.g. বিকাল ০৩.০০টা."""

import datetime

from bangla.digits import to_bangla_digits

# (from hour, word): রাত before 4, ভোর to 6, সকাল to 12, দুপুর to 3 pm, বিকাল to 6, সন্ধ্যা to 8, then রাত.
DAY_PARTS = ((0, "রাত"), (4, "ভোর"), (6, "সকাল"), (12, "দুপুর"), (15, "বিকাল"), (18, "সন্ধ্যা"), (20, "রাত"))


def day_part(value: datetime.time) -> str:
    return [word for hour, word in DAY_PARTS if value.hour >= hour][-1]


def format_time(value: datetime.time, suffix: str = "টা") -> str:
    """বিকাল ০৩.০০টা; with suffix=" ঘটিকা": দুপুর ১২.০০ ঘটিকা."""
    hour = value.hour % 12 or 12
    return f"{day_part(value)} {to_bangla_digits(f'{hour:02d}.{value.minute:02d}')}{suffix}"
