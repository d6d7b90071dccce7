"""The document's wording by its conventions (minutes/models/conventions.py): dates, times, agenda
headings, letters, numbers and the memo block, each written the way the office writes it.

Every function takes the holder of the conventions (a Meeting, or an office's OfficeConventions for
the settings page's preview) and the facts; none queries the database.
"""

import datetime
from dataclasses import dataclass

from bangla.dates import format_bangla_date, format_date, format_date_form
from bangla.digits import to_bangla_digits
from bangla.times import format_time
from minutes.models import ConventionFields
from minutes.models.conventions import AgendaNumbering, IssueDateForm, MemoLayout

NUMBER_FORMS = {"right_paren": "{})", "parens": "({})", "dot": "{}.", "dari": "{}।"}


def numbered(form: str, label: str) -> str:
    """A letter or number in its form: numbered("parens", "ক") -> (ক), numbered("dari", "১") -> ১।"""
    return NUMBER_FORMS[form].format(label)


def meeting_date(c: ConventionFields, date: datetime.date) -> str:
    return format_date_form(date, c.date_form)


def meeting_time(
    c: ConventionFields, time: datetime.time, day_part: str, *, suffix: str | None = None
) -> str:
    """বিকাল ০৩.০০টা, ১২.০০ ঘটিকা।, বেলা ১২.০০ ঘটিকা: the day-part word as the drafter chose it (or
    none), the separator and the word after the time by the conventions. `suffix` replaces that
    word (the attendance sheet's "ঘটিকায়"), without the full stop."""
    if suffix is None:
        word = c.time_suffix
        suffix = f" {word}" if word and c.time_suffix_spaced else word
        stop = "।" if c.time_full_stop else ""
    else:
        stop = ""
    return format_time(time, suffix, word=day_part, separator=c.time_separator) + stop


@dataclass
class AgendaLabels:
    heading: str  # "১.০ আলোচ্য সূচি-১: <title>"
    discussion: str  # "১.১ আলোচনা:" ("" for none)
    decisions: str  # "১.২ সিদ্ধান্ত:"


def agenda_labels(c: ConventionFields, n: int, title: str, has_discussion: bool) -> AgendaLabels:
    """The numbered-sections layout's heading and labels of agenda item `n` (1-based)."""
    serial = to_bangla_digits(n)
    numbering = c.agenda_numbering
    heading = c.agenda_heading.replace("#", serial).strip()
    heading = f"{heading} {title}".strip() if heading else title
    discussion_label, decisions_label = c.discussion_label.strip(), c.decisions_label.strip()
    if numbering == AgendaNumbering.DECIMAL:
        decisions_number = f"{serial}.{'২' if has_discussion else '১'}"
        return AgendaLabels(
            heading=f"{serial}.০ {heading}",
            discussion=f"{serial}.১ {discussion_label}".strip(),
            decisions=f"{decisions_number} {decisions_label}".strip(),
        )
    prefix = {AgendaNumbering.DARI: f"{serial}। ", AgendaNumbering.DOT: f"{serial}. "}.get(numbering, "")
    return AgendaLabels(heading=f"{prefix}{heading}", discussion=discussion_label, decisions=decisions_label)


def issue_dates(c: ConventionFields, date: datetime.date) -> tuple[str, str]:
    """(Bangla calendar, Gregorian) of the issue date: ("৯ ফাল্গুন ১৪২৭", "২২ ফেব্রুয়ারি ২০২১"), padded
    ("০৫ সেপ্টেম্বর ২০২২") or with the eras ("২০ শ্রাবণ ১৪৩১ বঙ্গাব্দ", "০৪ আগস্ট ২০২৪ খ্রিস্টাব্দ")."""
    pad = c.issue_date_form in (IssueDateForm.PADDED, IssueDateForm.PADDED_ERA)
    era = c.issue_date_form == IssueDateForm.PADDED_ERA
    return format_bangla_date(date, era=era, pad=pad), format_date(date, era=era, pad=pad)


@dataclass
class MemoBlock:
    label: str  # "স্মারক নম্বর:"
    number: str  # in Bangla digits
    bangla_date: str
    gregorian_date: str
    dates_first: bool


def memo_block(c: ConventionFields, memo_number: str, issue_date: datetime.date | None) -> MemoBlock | None:
    """The memo number and the issue date as the office prints them; None before the minutes are issued."""
    if not memo_number and not issue_date:
        return None
    bangla, gregorian = issue_dates(c, issue_date) if issue_date else ("", "")
    return MemoBlock(
        label=c.memo_label.strip(),
        number=to_bangla_digits(memo_number),
        bangla_date=bangla,
        gregorian_date=gregorian,
        dates_first=c.memo_layout == MemoLayout.DATES_FIRST,
    )


def signature_date(c: ConventionFields, issue_date: datetime.date | None) -> str:
    """The date above each signer's name ("০৪-০৮-২০২৪"), if the office prints one and the minutes are issued."""
    return format_date_form(issue_date, c.signature_date_form) if issue_date and c.signature_date_form else ""
