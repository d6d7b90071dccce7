"""The suggested title of a meeting, from its team, fiscal year and ordinal; the drafter may change it."""

from bangla.fiscal import format_fiscal_year
from bangla.ordinals import ordinal_word

_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")


def genitive(name: str) -> str:
    """Bangla possessive: 'বিভাগ' -> 'বিভাগের', 'মন্ত্রণালয়' -> 'মন্ত্রণালয়ের', 'সেবা' -> 'সেবার'."""
    name = name.strip()
    if not name:
        return name
    return name + ("র" if name[-1] in _VOWEL_SIGNS else "ের")


def suggest_title(meeting) -> str:
    """E.g. 'সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের চতুর্থ সভার কার্যবিবরণী'."""
    parts = [genitive(meeting.office.name)]
    if meeting.team_id:
        parts.append(genitive(meeting.team.name))
    if meeting.fiscal_year:
        parts.append(f"{format_fiscal_year(meeting.fiscal_year)} অর্থবছরের")
    if meeting.quarter:
        parts.append(f"{ordinal_word(meeting.quarter)} ত্রৈমাসিকের")
    if meeting.ordinal:
        parts.append(f"{ordinal_word(meeting.ordinal)} সভার কার্যবিবরণী")
    else:
        parts.append("সভার কার্যবিবরণী")
    return " ".join(parts)
