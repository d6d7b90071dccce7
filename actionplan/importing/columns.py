"""The template's columns, as the plans head them (see docs/actionplan-import.md)."""

import re
import unicodedata

from bangla.digits import to_ascii_digits

REQUIRED = {
    "area": "ক্ষেত্র",
    "activity_number": "কার্যক্রম নং",
    "activity": "কার্যক্রম",
    "number": "সূচক নং",
    "title": "কর্মসম্পাদন সূচক",
    "unit": "একক",
    "weight": "সূচকের মান",
    "target": "লক্ষ্যমাত্রা",
    "responsible": "বাস্তবায়নকারী",
}

TIERS = {  # the five tiers of the APA family, 100% first
    100: "অসাধারণ",
    90: "অতি উত্তম",
    80: "উত্তম",
    70: "চলতি মান",
    60: "চলতি মানের নিম্নে",
}

QUARTERS = {1: "১ম কোয়ার্টার", 2: "২য় কোয়ার্টার", 3: "৩য় কোয়ার্টার", 4: "৪র্থ কোয়ার্টার"}

OPTIONAL = {
    "area_title": "কর্মসম্পাদন ক্ষেত্র",
    "area_marks": "ক্ষেত্রের মান",
    **{f"tier_{level}": heading for level, heading in TIERS.items()},
    **{f"q{quarter}": heading for quarter, heading in QUARTERS.items()},
    "evidence": "প্রমাণক",
}

ALL = {**REQUIRED, **OPTIONAL}

# Other headings offices use for the same columns.
_ALIASES = {
    "কার্যক্রম নম্বর": "activity_number",
    "সূচক নম্বর": "number",
    "সূচকের নং": "number",
    "বাস্তবায়নকারী শাখা": "responsible",
    "প্রমাণক (প্রমাণ)": "evidence",
    **{f"{ordinal} ত্রৈমাসিক": f"q{quarter}" for quarter, ordinal in enumerate(("১ম", "২য়", "৩য়", "৪র্থ"), 1)},
}


def heading_key(text: str) -> str:
    """How a heading is compared: NFC, ASCII digits, single spaces, no trailing colon or dot."""
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "")
    text = re.sub(r"\s+", " ", to_ascii_digits(text)).strip().rstrip(":।.").strip()
    return text


_BY_HEADING = {heading_key(heading): key for key, heading in ALL.items()} | {
    heading_key(heading): key for heading, key in _ALIASES.items()
}


def column_for(heading: str) -> str | None:
    """The column a heading names ("সূচকের মান" -> "weight"), or None for an unknown heading."""
    return _BY_HEADING.get(heading_key(heading))
