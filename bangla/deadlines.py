"""Deadlines in a decision's own words: "আগামী ০৭ (সাত) কার্যদিবসের মধ্যে", "১৫.০২.২০২১ তারিখের
মধ্যে", "মার্চ ২০২১ এর মধ্যে", "প্রতি মাসের ১০ তারিখের মধ্যে", "অবিলম্বে" …

`find_deadlines(text, reference)` reads plain text (Bangla or ASCII digits, Bangla, English or
Bangla-calendar month names) and returns what it understood, in order; `propose_deadline` picks the
one to offer. Dates count from `reference`, the meeting's date (working days count from the issue,
which is why they stay a number of days). A date is a deadline only with a word that makes it one
("মধ্যে", "নাগাদ", "পর্যন্ত", "পূর্বে" …): "২৯ সেপ্টেম্বর ২০২০ তারিখের ৯৫ নং স্মারক" is a reference
to a letter, not a deadline, and a date before the meeting is not this decision's deadline.

Pure: no Django, no app. Spans are offsets in the NFC form of the text (what the editor stores).
"""

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from bangla import calendar as bangla_calendar
from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_bounds, fiscal_year_start
from bangla.recurrence import MONTH, QUARTER, Recurrence, quarter_end

DATE, WORKING_DAYS, RULE, UNDATED = "date", "working_days", "rule", "undated"
# Why a deadline gives no date.
NEXT_MEETING, AS_SOON_AS_POSSIBLE, SET_ELSEWHERE = "next_meeting", "as_soon_as_possible", "set_elsewhere"
MAX_WORKING_DAYS = 365  # as the decision's field allows


@dataclass(frozen=True)
class Finding:
    """One deadline found in the text: a date, working days after issue, a recurring rule, or
    words that give no date (`reason` says which)."""

    kind: str
    start: int
    end: int
    phrase: str
    date: datetime.date | None = None
    working_days: int | None = None
    rule: Recurrence | None = None
    reason: str = ""

    @property
    def has_date(self) -> bool:
        return self.kind != UNDATED


@dataclass(frozen=True)
class Proposal:
    """The deadline to offer: the text's first one with a date (or a rule), else its first undated
    one; `others` are the text's other deadlines, so that the drafter can be told."""

    finding: Finding
    others: tuple[Finding, ...] = field(default=())


def _nfc(*words: str) -> list[str]:
    return [unicodedata.normalize("NFC", w) for w in words]


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# ---- words ------------------------------------------------------------------------------------------
_GREGORIAN = {
    1: ["জানুয়ারি", "জানুয়ারী", "January", "Jan"],
    2: ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুয়ারী", "February", "Feb"],
    3: ["মার্চ", "March", "Mar"],
    4: ["এপ্রিল", "April", "Apr"],
    5: ["মে", "May"],
    6: ["জুন", "June", "Jun"],
    7: ["জুলাই", "July", "Jul"],
    8: ["আগস্ট", "আগষ্ট", "অগাস্ট", "August", "Aug"],
    9: ["সেপ্টেম্বর", "সেপ্টেমবর", "September", "Sept", "Sep"],
    10: ["অক্টোবর", "October", "Oct"],
    11: ["নভেম্বর", "November", "Nov"],
    12: ["ডিসেম্বর", "December", "Dec"],
}
_BANGLA_MONTHS = {
    1: ["বৈশাখ"],
    2: ["জ্যৈষ্ঠ", "জৈষ্ঠ্য", "জ্যেষ্ঠ", "জৈষ্ঠ"],
    3: ["আষাঢ়", "আষাঢ"],
    4: ["শ্রাবণ", "শ্রাবন"],
    5: ["ভাদ্র"],
    6: ["আশ্বিন"],
    7: ["কার্তিক", "কার্ত্তিক"],
    8: ["অগ্রহায়ণ", "অগ্রহায়ন"],
    9: ["পৌষ"],
    10: ["মাঘ"],
    11: ["ফাল্গুন", "ফাল্গুণ"],
    12: ["চৈত্র"],
}
_MONTH_OF: dict[str, tuple[str, int]] = {}  # lower-cased name -> ("g" or "b", month)
for _calendar, _names in (("g", _GREGORIAN), ("b", _BANGLA_MONTHS)):
    for _month, _spellings in _names.items():
        for _name in _nfc(*_spellings):
            _MONTH_OF[_name.lower()] = (_calendar, _month)

_NUMBER_WORDS = {
    1: ["এক"], 2: ["দুই", "দু"], 3: ["তিন"], 4: ["চার"], 5: ["পাঁচ"], 6: ["ছয়", "ছয়"], 7: ["সাত"],
    8: ["আট"], 9: ["নয়"], 10: ["দশ"], 11: ["এগারো", "এগার"], 12: ["বারো", "বার"], 13: ["তেরো", "তের"],
    14: ["চৌদ্দ"], 15: ["পনেরো", "পনের", "পনর"], 16: ["ষোলো", "ষোল"], 17: ["সতেরো", "সতের"],
    18: ["আঠারো", "আঠার"], 19: ["উনিশ"], 20: ["বিশ", "কুড়ি"], 21: ["একুশ"], 22: ["বাইশ"], 23: ["তেইশ"],
    24: ["চব্বিশ"], 25: ["পঁচিশ"], 26: ["ছাব্বিশ"], 27: ["সাতাশ"], 28: ["আটাশ"], 29: ["ঊনত্রিশ", "উনত্রিশ"],
    30: ["ত্রিশ"], 31: ["একত্রিশ"], 45: ["পঁয়তাল্লিশ"], 60: ["ষাট"], 90: ["নব্বই"],
}  # fmt: skip
_NUMBER_OF = {w: n for n, words in _NUMBER_WORDS.items() for w in _nfc(*words)}
_ORDINALS = {w: n for n, words in {1: ["প্রথম", "1ম"], 2: ["দ্বিতীয়", "2য়"], 3: ["তৃতীয়", "3য়"],
             4: ["চতুর্থ", "4র্থ"]}.items() for w in _nfc(*words)}  # fmt: skip

# Bangla letters and signs: a word does not end where one of these follows.
_L = "\u0980-\u09ff\u200c\u200d"
_END = rf"(?![{_L}A-Za-z0-9])"
_START = rf"(?<![{_L}A-Za-z0-9])"
_MONTH_NAME = _alternation(_MONTH_OF)
_NUMBER_WORD = _alternation(_NUMBER_OF)
_ORDINAL = _alternation(_ORDINALS)
# "১৫ই", "১লা", "২রা", "৪ঠা", "২১শে", "15th"
_DAY = r"(?P<day>[0-9]{1,2})(?:ই|লা|রা|ঠা|শে|st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})(?![0-9])"
# The genitive and the words that may stand between a date and "মধ্যে": "তারিখের", "মাসের",
# "২০২৩-এর", "মার্চের", "জুলাইয়ের", "খ্রিস্টাব্দের", "বঙ্গাব্দের", "খ্রি:", "সালের" …
_GEN = r"(?:\s*[-–]?\s*(?:এর|য়ের|ের|র|'র|’র))"
_GLUE_WORD = _alternation(
    _nfc(
        "তারিখ",
        "তারিখে",
        "মাস",
        "সাল",
        "খ্রিস্টাব্দ",
        "খ্রিষ্টাব্দ",
        "খ্রীস্টাব্দ",
        "খ্রি:",
        "খ্রিঃ",
        "খ্রি.",
        "খ্রি",
        "ইং",
        "বঙ্গাব্দ",
        "বাংলা",
    )  # fmt: skip
)
_GLUE = rf"(?:\s*,?\s*(?:{_GLUE_WORD}){_GEN}?|{_GEN})*"
# The words that make a date a deadline, and "before" (the day before).
_BY = r"(?:মধ্যেই|মধ্যে|নাগাদ|পর্যন্ত)"
_BEFORE = r"(?:পূর্বেই|পূর্বে|আগেই|আগে)"
_MARK = rf"{_GLUE}\s*[-–]?\s*(?:(?P<by>{_BY})|(?P<before>{_BEFORE})){_END}"
# Words before a deadline that belong to it ("আগামী ০৭ (সাত) কার্যদিবসের মধ্যে"): taken into its span.
_AHEAD = r"(?:আগামী|পরবর্তী|জারির(?:\s+পর)?|পত্র\s+প্রাপ্তির)\s+$"
_NUMBER = rf"(?:(?P<digits>[0-9]{{1,3}})(?:\s*\(\s*(?:{_NUMBER_WORD})\s*\))?|(?P<word>{_NUMBER_WORD}))"


def _compile(pattern: str) -> re.Pattern:
    return re.compile(unicodedata.normalize("NFC", pattern), re.IGNORECASE)


# ---- patterns: (name, regex); the longest match wins where two overlap ---------------------------------
_PATTERNS = [
    # ১৫.০২.২০২১, 15/02/2021, ১৫-০২-২০২১ (not a piece of a memo number: no digit or "digit." around)
    ("numeric", rf"(?<![0-9.])(?P<d>[0-9]{{1,2}})(?P<sep>[./-])(?P<m>[0-9]{{1,2}})(?P=sep){_YEAR}{_MARK}"),
    # ০৮ সেপ্টেম্বর, ২০২২ · ১৫ পৌষ ১৪২৯ · ৩০ জুনের (the next 30 June)
    ("day_month", rf"{_START}{_DAY}\s*[-]?\s*(?P<month>{_MONTH_NAME})(?:\s*[,/-]?\s*{_YEAR})?{_MARK}"),
    # September 8, 2022
    ("month_day", rf"{_START}(?P<month>{_MONTH_NAME})\s+{_DAY},?\s+{_YEAR}{_MARK}"),
    # by 30 June 2023 · by June 30, 2023 (minutes written in English)
    ("english", rf"{_START}by\s+(?:{_DAY}\s+(?P<month>{_MONTH_NAME})|(?P<month2>{_MONTH_NAME})\s+(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?),?\s+{_YEAR}{_END}"),
    # মার্চ ২০২১ এর মধ্যে (the month's last day) · আগামী মার্চ মাসের মধ্যে
    ("month_year", rf"{_START}(?P<month>{_MONTH_NAME})\s*[,/-]?\s*{_YEAR}{_MARK}"),
    ("month", rf"(?:আগামী|চলতি|এই|এ)\s+(?P<month>{_MONTH_NAME})\s*মাস{_MARK}"),
    # ২০২২-২৩ অর্থবছরের মধ্যে
    ("fiscal_year", rf"{_START}(?P<fy>[0-9]{{4}})\s*[-–/]\s*(?:[0-9]{{4}}|[0-9]{{2}})\s*(?:অর্থ\s*বছর|অর্থবছর){_MARK}"),
    # চলতি মাসের মধ্যে, আগামী মাসের ১০ তারিখের মধ্যে, চলতি অর্থবছরের মধ্যে …
    ("this_period", rf"(?P<which>চলতি|এই|এ|বর্তমান|আগামী|পরবর্তী)\s+(?P<unit>মাস|ত্রৈমাসিক|কোয়ার্টার|অর্থ\s*বছর|অর্থবছর|বছর|সাল|সপ্তাহ)(?:{_GEN})?(?:\s+{_DAY}\s*তারিখ)?{_MARK}"),
    # আগামী ০৭ (সাত) কার্যদিবসের মধ্যে · ১৫ দিনের মধ্যে · দুই সপ্তাহের মধ্যে · এক মাসের মধ্যে
    ("count", rf"{_START}{_NUMBER}\s*(?P<unit>কার্যদিবস|কর্মদিবস|কার্য\s+দিবস|working\s+days?|business\s+days?|দিন|সপ্তাহ|মাস)(?:{_GEN})?\s*(?:{_BY}){_END}"),
    ("count", rf"{_START}within\s+(?P<digits>[0-9]{{1,3}})(?P<word>)\s+(?P<unit>working\s+days?|business\s+days?|days?|weeks?|months?){_END}"),
    # প্রতি মাসের ১০ তারিখের মধ্যে · প্রতি মাসের প্রথম সপ্তাহের মধ্যে · প্রতি মাসের শেষ তারিখের মধ্যে
    ("monthly", rf"প্রতি\s*মাসের\s+(?:(?:{_DAY}\s*তারিখ)|(?P<week>{_ORDINAL}|শেষ)\s+সপ্তাহ|(?P<last>শেষ)\s*(?:তারিখ|দিন|কার্যদিবস|কর্মদিবস)?){_MARK}"),
    # প্রতি মাসে · প্রতিমাসে · মাসিক ভিত্তিতে · প্রতি মাস শেষে
    ("monthly_end", r"(?:প্রতি\s*মাসে|প্রতি\s*মাস\s+শেষে|মাসিক\s+ভিত্তিতে)" + _END),
    # প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে · … শেষ মাসের ১০ তারিখের মধ্যে
    ("quarterly", rf"প্রতি\s*(?:ত্রৈমাসিক|কোয়ার্টার)(?:{_GEN})?\s+(?P<qmonth>{_ORDINAL}|শেষ)\s+মাসের\s+(?:(?:{_DAY}\s*তারিখ)|(?P<week>{_ORDINAL}|শেষ)\s+সপ্তাহ|(?P<last>শেষ)\s*(?:তারিখ|দিন)?){_MARK}"),
    # প্রতি ত্রৈমাসিক শেষে পরবর্তী মাসের ১৫ তারিখের মধ্যে (the progress reports: 15 Oct, 15 Jan …)
    ("quarterly_after", rf"(?:প্রতি\s*)?(?:ত্রৈমাসিক|কোয়ার্টার)\s+শেষে\s+(?:পরবর্তী|পরের)\s+মাসের\s+{_DAY}\s*তারিখ{_MARK}"),
    # প্রতি ত্রৈমাসিকে · ত্রৈমাসিক ভিত্তিতে · প্রতি তিন মাস অন্তর
    ("quarterly_end", r"(?:প্রতি\s*(?:ত্রৈমাসিকে|কোয়ার্টারে|ত্রৈমাসিক\s+শেষে)|(?:ত্রৈমাসিক|কোয়ার্টার)\s+ভিত্তিতে|প্রতি\s+(?:তিন|3)\s+মাস(?:\s+অন্তর|ে))" + _END),
    # No date: the next meeting, as soon as possible, a time set elsewhere.
    ("next_meeting", rf"(?:আগামী|পরবর্তী)\s+সভা(?:র\s*(?:পূর্বে|আগে|মধ্যে)ই?|য়){_END}"),
    ("asap", rf"{_START}(?:অবিলম্বে|(?:অতি\s*)?দ্রুত(?:তম)?\s*সময়ের\s*মধ্যে|স্বল্পতম\s+সময়ের\s+মধ্যে|যথাশীঘ্র(?:ই)?(?:\s+সম্ভব)?|যত\s+দ্রুত\s+সম্ভব|as\s+soon\s+as\s+possible){_END}"),
    ("set_elsewhere", rf"নির্ধারিত\s+সময়(?:ের)?\s*(?:সীমার\s+)?মধ্যে{_END}"),
]  # fmt: skip
_UNITS = {
    **dict.fromkeys(_nfc("কার্যদিবস", "কর্মদিবস", "কার্য দিবস", "working day", "business day"), WORKING_DAYS),
    **dict.fromkeys(_nfc("দিন", "day"), "day"),
    **dict.fromkeys(_nfc("সপ্তাহ", "week"), "week"),
    **dict.fromkeys(_nfc("মাস", "month"), "month"),
}
_COMPILED = [(name, _compile(pattern)) for name, pattern in _PATTERNS]
_AHEAD_WORDS = _compile(_AHEAD)
# Every pattern holds one of these words, and no phrase reaches further than _REACH characters from
# it: the patterns are run only around them (a text without any is skipped at once; the editor asks
# for each decision of a meeting).
_ANCHOR = _compile(
    r"মধ্যে|নাগাদ|পর্যন্ত|পূর্বে|আগে|প্রতি\s*(?:মাস|ত্রৈমাসিক|কোয়ার্টার|তিন|3)|ভিত্তিতে|(?:ত্রৈমাসিক|কোয়ার্টার)\s+শেষে"
    r"|(?:আগামী|পরবর্তী)\s+সভা|অবিলম্বে|দ্রুত|যথাশীঘ্র|\bby\b|\bwithin\b|\bsoon\b"
)
_REACH = 100


# ---- reading one match ----------------------------------------------------------------------------------
def _number(match) -> int | None:
    if match["digits"]:
        return int(match["digits"])
    return _NUMBER_OF.get(unicodedata.normalize("NFC", match["word"]))


def _month(name: str) -> tuple[str, int]:
    return _MONTH_OF[unicodedata.normalize("NFC", name).lower()]


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(value: datetime.date, months: int) -> datetime.date:
    month0 = value.month - 1 + months
    year, month = value.year + month0 // 12, month0 % 12 + 1
    return datetime.date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def _gregorian_or_bangla(kind: str, year: int, month: int, day: int | None) -> datetime.date:
    """The date (the month's last day without a day); ValueError if there is no such day."""
    if kind == "b":
        if not 1300 <= year <= 1600:
            raise ValueError("not a Bangla year")
        if day is None:
            day = bangla_calendar.month_lengths(year)[month - 1]
        return bangla_calendar.from_bangla(year, month, day)
    if not 1900 <= year <= 2200:
        raise ValueError("not a year of ours")
    return _last_day(year, month) if day is None else datetime.date(year, month, day)


def _next_yearly(kind: str, month: int, day: int | None, reference: datetime.date) -> datetime.date:
    """The first such day (or month end) on or after the reference, when the text gives no year."""
    year = bangla_calendar.to_bangla(reference).year if kind == "b" else reference.year
    for candidate in (year, year + 1):
        value = _gregorian_or_bangla(kind, candidate, month, day)
        if value >= reference:
            return value
    raise ValueError("no such day ahead")


def _week_day(word: str | None) -> int | None:
    """প্রথম সপ্তাহ -> 7, দ্বিতীয় -> 14 …; শেষ সপ্তাহ -> None (the month's last day)."""
    if word is None or unicodedata.normalize("NFC", word) == "শেষ":
        return None
    return 7 * _ORDINALS[unicodedata.normalize("NFC", word)]


def _rule_day(match) -> int | None:
    if match["day"]:
        return int(match["day"])
    if match["week"]:
        return _week_day(match["week"])
    return None


def _period_end(which: str, unit: str, reference: datetime.date, day: str | None) -> datetime.date:
    ahead = which in ("আগামী", "পরবর্তী")
    unit = re.sub(r"\s+", "", unit)
    if unit == "মাস":
        base = _add_months(reference.replace(day=1), 1 if ahead else 0)
        if day:
            return datetime.date(base.year, base.month, int(day))
        return _last_day(base.year, base.month)
    if day:
        raise ValueError("a day of the month names a month")
    if unit in ("ত্রৈমাসিক", "কোয়ার্টার"):
        end = quarter_end(reference)
        return quarter_end(end + datetime.timedelta(days=1)) if ahead else end
    if unit == "অর্থবছর":
        return fiscal_year_bounds(fiscal_year_start(reference) + ahead)[1]
    if unit in ("বছর", "সাল"):
        return datetime.date(reference.year + ahead, 12, 31)
    # সপ্তাহ: the week's last working day, Thursday (Sunday to Thursday; the next week's with আগামী)
    days = (3 - reference.weekday()) % 7
    return reference + datetime.timedelta(days=days + 7 * ahead)


def _read(name: str, match, reference: datetime.date) -> dict | None:
    """The finding's fields for one match; None when the words name no real date."""
    g = match.groupdict()
    if name in ("next_meeting", "asap", "set_elsewhere"):
        reason = {"next_meeting": NEXT_MEETING, "asap": AS_SOON_AS_POSSIBLE}.get(name, SET_ELSEWHERE)
        return {"kind": UNDATED, "reason": reason}
    if name in ("monthly", "monthly_end"):
        return {"kind": RULE, "rule": Recurrence(MONTH, day=_rule_day(match) if name == "monthly" else None)}
    if name in ("quarterly", "quarterly_after", "quarterly_end"):
        if name == "quarterly_end":
            return {"kind": RULE, "rule": Recurrence(QUARTER, month=3)}
        if name == "quarterly_after":
            return {"kind": RULE, "rule": Recurrence(QUARTER, month=1, day=int(g["day"]))}
        qmonth = unicodedata.normalize("NFC", g["qmonth"])
        month = 3 if qmonth == "শেষ" else _ORDINALS.get(qmonth)
        if month not in (1, 2, 3):
            return None
        return {"kind": RULE, "rule": Recurrence(QUARTER, month=month, day=_rule_day(match))}
    if name == "count":
        n, unit = _number(match), _UNITS[re.sub(r"\s+", " ", g["unit"].lower()).rstrip("s")]
        if not n:
            return None
        if unit == WORKING_DAYS:
            return {"kind": WORKING_DAYS, "working_days": n} if n <= MAX_WORKING_DAYS else None
        if unit == "month":
            return {"kind": DATE, "date": _add_months(reference, n)}
        return {"kind": DATE, "date": reference + datetime.timedelta(days=n * (7 if unit == "week" else 1))}
    return {"kind": DATE, "date": _date_of(name, g, reference)}


def _date_of(name: str, g: dict, reference: datetime.date) -> datetime.date:
    """The date a dated pattern names (ValueError if none): the day before it for "পূর্বে"."""
    if name == "numeric":
        value = datetime.date(int(g["year"]), int(g["m"]), int(g["d"]))
    elif name == "fiscal_year":
        value = fiscal_year_bounds(int(g["fy"]))[1]
    elif name == "this_period":
        value = _period_end(unicodedata.normalize("NFC", g["which"]), g["unit"], reference, g.get("day"))
    else:
        kind, month = _month(g.get("month") or g["month2"])
        day = g.get("day") or g.get("day2")
        day = int(day) if day else None
        if g.get("year"):
            value = _gregorian_or_bangla(kind, int(g["year"]), month, day)
        else:
            value = _next_yearly(kind, month, day, reference)
    if g.get("before"):
        value -= datetime.timedelta(days=1)
    return value


# ---- the whole text -------------------------------------------------------------------------------------
def find_deadlines(text: str, reference: datetime.date) -> list[Finding]:
    """Every deadline the text names, in order, none overlapping another (the longer one is kept)."""
    text = unicodedata.normalize("NFC", text or "")
    ascii_text = to_ascii_digits(text)  # one character for one: the offsets stay the same
    candidates = []
    for segment_start, segment_end in _segments(ascii_text):
        whole = segment_end == len(ascii_text)
        for name, pattern in _COMPILED:
            for match in pattern.finditer(ascii_text, segment_start, segment_end):
                if whole or match.end() < segment_end:  # else the text may go on past the segment
                    candidates.append((match.start(), -(match.end() - match.start()), name, match))
    found, taken_until = [], -1
    for start, _length, name, match in sorted(candidates, key=lambda c: c[:2]):
        if start < taken_until:
            continue
        try:
            fields = _read(name, match, reference)
        except ValueError:  # 31.02.2024, ৩২ পৌষ: not a day
            fields = None
        if fields is None or (fields.get("date") is not None and fields["date"] < reference):
            continue
        ahead = _AHEAD_WORDS.search(ascii_text, max(taken_until, start - 40, 0), start)
        start = ahead.start() if ahead else start
        found.append(
            Finding(start=start, end=match.end(), phrase=text[start : match.end()].strip(), **fields)
        )
        taken_until = match.end()
    return found


def _segments(text: str) -> list[tuple[int, int]]:
    """The stretches of text around the anchor words, merged where they meet."""
    segments: list[list[int]] = []
    for anchor in _ANCHOR.finditer(text):
        start, end = max(0, anchor.start() - _REACH), min(len(text), anchor.end() + _REACH)
        if segments and start <= segments[-1][1]:
            segments[-1][1] = end
        else:
            segments.append([start, end])
    return [(start, end) for start, end in segments]


def propose_deadline(text: str, reference: datetime.date) -> Proposal | None:
    """The deadline to offer the drafter: the first with a date or a rule (else the first that gives
    none, to say so), with the text's others; None when the text names no deadline."""
    found = find_deadlines(text, reference)
    if not found:
        return None
    chosen = next((f for f in found if f.has_date), found[0])
    return Proposal(chosen, tuple(f for f in found if f is not chosen))
