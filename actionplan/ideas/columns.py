"""The innovation bank's sheets: the full sheet (every field) and the 7-column sheet offices publish,
headed as the Cabinet Division's form heads them (see docs/innovation-bank.md)."""

from actionplan.importing.columns import heading_key

FULL = {
    "title": "ধারণার নাম",
    "kind": "ধরন",
    "summary": "সংক্ষিপ্ত বিবরণ",
    "problem": "সমস্যা",
    "root_cause": "সমস্যার মূল কারণ",
    "solution": "সমাধান",
    "days_before": "পূর্বে সময় (দিন)",
    "cost_before": "পূর্বে খরচ (টাকা)",
    "visits_before": "পূর্বে যাতায়াত (বার)",
    "days_after": "পরে সময় (দিন)",
    "cost_after": "পরে খরচ (টাকা)",
    "visits_after": "পরে যাতায়াত (বার)",
    "innovators": "উদ্ভাবক",
    "status": "অবস্থা",
    "proposed_on": "প্রস্তাবের তারিখ",
    "piloted_on": "পাইলটিংয়ের তারিখ",
    "implemented_on": "বাস্তবায়নের তারিখ",
    "service_running": "সেবাটি কার্যকর আছে কিনা",
    "not_running_reason": "না থাকলে তার কারণ",
    "expected_result": "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা",
    "service_link": "সেবার লিঙ্ক",
    "remarks": "মন্তব্য",
    "showcase_result": "শোকেসিংয়ের ফলাফল",
    "indicator": "সূচক",
    "is_published": "প্রকাশিত",
}

# The 7-column sheet, in its order: the name of the implemented idea first.
PUBLISHED = {"title": "বাস্তবায়িত ধারণার নাম"} | {
    key: FULL[key]
    for key in (
        "summary",
        "service_running",
        "not_running_reason",
        "expected_result",
        "service_link",
        "remarks",
    )
}

SERIAL = ("ক্রমিক নং", "ক্রমিক", "ক্রম", "নং")  # a serial-number column is read past

_ALIASES = {
    "উদ্ভাবনী ধারণার নাম": "title",
    "উদ্ভাবনী ধারণা": "title",
    "ধারণা": "title",
    "শিরোনাম": "title",
    "সেবাটি চালু আছে কিনা": "service_running",
    "চালু না থাকলে কারণ": "not_running_reason",
    "কার্যকর না থাকলে তার কারণ": "not_running_reason",
    "সেবার লিংক": "service_link",
    "লিঙ্ক": "service_link",
    "লিংক": "service_link",
    "প্রত্যাশিত ফলাফল পাচ্ছে কিনা": "expected_result",
    "কর্মসম্পাদন সূচক": "indicator",
    "সূচক নং": "indicator",
}

_BY_HEADING = (
    {heading_key(heading): key for key, heading in FULL.items()}
    | {heading_key(heading): key for key, heading in PUBLISHED.items()}
    | {heading_key(heading): key for heading, key in _ALIASES.items()}
)
_SERIAL = {heading_key(heading) for heading in SERIAL}


def column_for(heading: str) -> str | None:
    """The field a heading names ("মন্তব্য" -> "remarks"), "serial" for a serial number, else None."""
    key = heading_key(heading)
    return "serial" if key in _SERIAL else _BY_HEADING.get(key)


def heading_of(key: str) -> str:
    return FULL.get(key, key)
