"""The one context the minutes document is rendered from, for the HTML page and for the PDF.

Everything the template prints is worked out here (section and paragraph numbers, decision
letters, deadlines, the implementer column, dates in both calendars), so the template only
lays it out. Five queries (agenda items, decisions, responsibilities, recipients, attendees),
whatever the size of the meeting; load the meeting with its office (select_related).
"""

import re
from dataclasses import dataclass, field

import segno
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from bangla.dates import format_date
from bangla.digits import to_bangla_digits
from bangla.letters import decision_letter
from minutes.deadlines import due_dates
from minutes.document import conventions as by
from minutes.models import Decision, Meeting, Responsibility

# (css class, heading) of the table layout's columns and of the attendance sheet's.
AGENDA_TABLE_COLUMNS = [
    ("col-num", "ক্র:নং"), ("col-title", "আলোচ্যসূচি"), ("col-discussion", "আলোচনা"),
    ("col-decision", "সিদ্ধান্ত"), ("col-who", "বাস্তবায়নকারী"),
]  # fmt: skip
ATTENDANCE_COLUMNS = [
    ("col-num", "ক্র. নং"), ("", "কর্মকর্তার নাম, পদবি ও কর্মস্থল"), ("col-contact", "মোবাইল ও ই-মেইল নম্বর"),
    ("col-sign", "স্বাক্ষর"),
]  # fmt: skip
# A paragraph title ending like a sentence runs into its paragraph as it is; a topic gets a colon.
_SENTENCE_END = re.compile(r"[।:;.?!]\s*$")
_WEB_OR_MAIL = re.compile(r"@|://")


@dataclass
class DecisionRow:
    letter: str
    text: SafeString  # sanitised rich text, like the discussion
    deadline: str
    responsible: str

    @property
    def body(self) -> SafeString:
        """The text with its letter run into its first paragraph: "ক) …" on one line."""
        if not self.letter:
            return self.text
        return run_in(format_html('<span class="letter">{}</span>', self.letter), self.text)


@dataclass
class ItemRow:
    serial: str  # ১, ২ … (the table's ক্র:নং; sections print ১.০)
    title: str
    heading: str  # sections: "১.০ আলোচ্য সূচি-১: …"
    body: SafeString  # the discussion, its label or paragraph number run into the first paragraph
    discussion: SafeString
    decisions_label: str  # sections: "১.২ সিদ্ধান্ত:"
    decisions: list[DecisionRow] = field(default_factory=list)

    @property
    def implementers(self) -> str:
        """The implementer column: every decision's responsible, in order, each once."""
        labels = [label for d in self.decisions for label in d.responsible.split(", ") if label]
        return ", ".join(dict.fromkeys(labels))


def deadline_text(decision: Decision, issue_date=None, *, office=None) -> str:
    """ "১৫.০২.২০২১ তারিখের মধ্যে", "জারির ০৭ কার্যদিবসের মধ্যে" (with the date once issued, counted
    with the holidays of `office`, by default the meeting's), a rule in the office's words (else the
    standard words of its recurrence: "প্রতি মাসের ১০ তারিখের মধ্যে"), or ""."""
    kind = decision.deadline_kind
    if kind == Decision.Deadline.DATE and decision.deadline_date:
        return f"{format_date(decision.deadline_date, 'dotted')} তারিখের মধ্যে"
    if kind == Decision.Deadline.WORKING_DAYS and decision.deadline_working_days:
        days = decision.deadline_working_days
        text = f"জারির {to_bangla_digits(f'{days:02d}')} কার্যদিবসের মধ্যে"
        if issue_date:
            (due,) = due_dates(decision, issue_date, office=office)
            text += f", অর্থাৎ {format_date(due, 'dotted')} তারিখের মধ্যে"
        return text
    if kind == Decision.Deadline.RULE:
        return decision.rule_words
    return ""


def run_in(lead: SafeString, discussion: str) -> SafeString:
    """The lead ("১.১ আলোচনা:", "০২।") printed at the start of the discussion's first paragraph."""
    if discussion.startswith("<p>"):
        return mark_safe(f"<p>{lead} {discussion[3:]}")  # both parts are safe HTML
    return mark_safe(f"<p>{lead}</p>{discussion}")


def paragraph_lead(number: str, title: str) -> SafeString:
    if not title or _SENTENCE_END.search(title):
        return format_html('<span class="num">{}।</span> {}', number, title)
    return format_html('<span class="num">{}।</span> <strong>{}:</strong>', number, title)


def contact_text(text: str) -> str:
    """Phone numbers in Bangla digits; e-mail and web addresses as typed."""
    return re.sub(r"\S+", lambda m: m[0] if _WEB_OR_MAIL.search(m[0]) else to_bangla_digits(m[0]), text)


def _agenda(meeting: Meeting) -> list:
    """Agenda items with their decisions and responsibilities: three queries."""
    responsibilities = Responsibility.objects.order_by("order", "id")
    decisions = Decision.objects.order_by("order", "id").prefetch_related(
        Prefetch("responsibilities", queryset=responsibilities)
    )
    items = meeting.agenda_items.order_by("order", "id")
    return list(items.prefetch_related(Prefetch("decisions", queryset=decisions)))


def _items(meeting: Meeting, issue_date) -> list[ItemRow]:
    """The agenda items as printed; decisions' deadlines and responsible only where the meeting prints
    them (the table's implementer column always shows the responsible)."""
    layout, rows, gathered = meeting.layout, [], 0
    for n, item in enumerate(_agenda(meeting), start=1):
        serial, discussion = to_bangla_digits(n), mark_safe(item.discussion)  # sanitised on save
        row = ItemRow(
            serial=serial,
            title=item.title,
            heading="",
            body=discussion,
            discussion=discussion,
            decisions_label="",
        )
        if layout == Meeting.Layout.SECTIONS:
            labels = by.agenda_labels(meeting, n, item.title, bool(discussion))
            row.heading, row.decisions_label = labels.heading, labels.decisions
            if discussion and labels.discussion:
                row.body = run_in(
                    format_html('<strong class="label">{}</strong>', labels.discussion), discussion
                )
        elif layout == Meeting.Layout.PARAGRAPHS:  # the opening is paragraph ০১, unnumbered
            row.body = run_in(paragraph_lead(to_bangla_digits(f"{n + 1:02d}"), item.title), discussion)
        for i, decision in enumerate(item.decisions.all()):
            # The paragraph layout gathers every decision at the end, lettered straight through.
            letter = decision_letter(gathered if layout == Meeting.Layout.PARAGRAPHS else i)
            responsible = ", ".join(r.label for r in decision.responsibilities.all())
            row.decisions.append(
                DecisionRow(
                    letter=by.numbered(meeting.letter_form, letter),
                    text=mark_safe(decision.text),  # sanitised on save
                    deadline=(
                        deadline_text(decision, issue_date, office=meeting.office_id)
                        if meeting.print_deadlines
                        else ""
                    ),
                    responsible=responsible,
                )
            )
            gathered += 1
        if layout == Meeting.Layout.TABLE and len(row.decisions) == 1:
            row.decisions[0].letter = ""  # a lone decision in the table's cell has no letter
        rows.append(row)
    return rows


def _header(meeting: Meeting) -> list[tuple[str, list[str], str]]:
    """(label, lines, link) rows of the header table."""
    chair = [line for line in (meeting.chair_name, meeting.chair_designation) if line]
    return [
        ("সভাপতি", chair, ""),
        ("সভার তারিখ", [by.meeting_date(meeting, meeting.date)], ""),
        ("সভার সময়", [by.meeting_time(meeting, meeting.start_time, meeting.day_part)], ""),
        ("স্থান", [meeting.venue], meeting.online_link),
        ("উপস্থিতি", [meeting.attendance_note], ""),
    ]


def _appendix(meeting: Meeting) -> dict | None:
    """Appendix ক, the attendance sheet, if anyone's attendance was recorded."""
    attendees = list(meeting.attendees.order_by("order", "id"))
    if not attendees:
        return None
    present = [a for a in attendees if a.is_present]
    return {
        "heading": attendance_heading(meeting),
        "columns": ATTENDANCE_COLUMNS,
        "rows": [
            {
                "serial": f"{to_bangla_digits(n)}.",
                "who": ", ".join(p for p in (a.name, a.designation, a.workplace) if p),
                "contact": [p for p in (contact_text(a.mobile), a.email) if p],
            }
            for n, a in enumerate(present, start=1)
        ],
        "absent": [", ".join(p for p in (a.name, a.designation) if p) for a in attendees if not a.is_present],
    }


def attendance_heading(meeting: Meeting) -> str:
    """As the drafter typed it, or "২৮/০৮/২০২২ তারিখ দুপুর ১২.০০ ঘটিকায় অনুষ্ঠিত সভায় উপস্থিত কর্মকর্তাগণ:"."""
    if meeting.attendance_heading.strip():
        return meeting.attendance_heading.strip()
    when = by.meeting_time(meeting, meeting.start_time, meeting.day_part, suffix=" ঘটিকায়")
    return f"{format_date(meeting.date, 'slashed')} তারিখ {when} অনুষ্ঠিত সভায় উপস্থিত কর্মকর্তাগণ:"


def verification_qr(url: str) -> str:
    """A QR code of the public address, as an SVG data URI: a printed or scanned copy leads back to it."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=0)


def minutes_context(meeting: Meeting, *, verification: dict | None = None) -> dict:
    """The document's context. `verification` ({"url", "hash"}) is printed on stored issued copies,
    with a QR code of the URL."""
    if verification:
        verification = {**verification, "qr": verification_qr(verification["url"])}
    office = meeting.office
    is_draft = not meeting.is_issued
    issue_date = None if is_draft else meeting.issue_date
    items = _items(meeting, issue_date)
    decisions = [d for item in items for d in item.decisions]
    chair = [meeting.chair_name, meeting.chair_designation, contact_text(meeting.chair_contact)]
    return {
        "meeting": meeting,
        "office": office,
        "is_draft": is_draft,
        "title": f"সংশোধিত {meeting.title}" if meeting.version > 1 else meeting.title,
        "letterhead": office.letterhead_lines() if meeting.show_letterhead else [],
        "slogan": office.slogan if meeting.show_letterhead else "",
        "header": _header(meeting),
        "items": items,
        "agenda_columns": AGENDA_TABLE_COLUMNS,
        "all_decisions": decisions,
        # Paragraphs: ০১ opening, ০২… items, then the decisions' paragraph if any, then the closing.
        "decisions_paragraph": to_bangla_digits(f"{len(items) + 2:02d}"),
        "closing_paragraph": to_bangla_digits(f"{len(items) + (3 if decisions else 2):02d}"),
        "chair_signature": [line for line in chair if line],
        "signature_date": by.signature_date(meeting, issue_date),
        "memo": None if is_draft else by.memo_block(meeting, meeting.memo_number, issue_date),
        "running_header": meeting.running_header.strip(),
        "distribution_heading": meeting.distribution_heading.strip(),
        "recipients": [
            (by.numbered(meeting.recipient_number_form, to_bangla_digits(n)), r.line())
            for n, r in enumerate(meeting.recipients.all(), start=1)
        ],
        "issuer_signature": [p for p in (meeting.issuer_name, meeting.issuer_designation) if p],
        "appendix": _appendix(meeting),
        "verification": verification,
    }
