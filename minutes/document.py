"""The one context the minutes document is rendered from, for the HTML page and for the PDF.

Everything the template prints is worked out here (numbering, decision letters, dates in
both calendars, the implementer column), so the template only lays it out. A fixed
number of queries, whatever the size of the meeting.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from bangla.dates import format_bangla_date, format_date
from bangla.digits import to_bangla_digits
from bangla.letters import decision_letter
from bangla.times import format_time
from bangla.workdays import add_working_days
from minutes.models import Decision, Meeting, Responsibility, Transition
from minutes.responsibility import join_responsible

DRAFT_STATES = (Meeting.State.DRAFT, Meeting.State.RETURNED, Meeting.State.SUBMITTED, Meeting.State.APPROVED)


@dataclass
class DecisionView:
    letter: str
    text: str
    deadline: str
    responsible: str


@dataclass
class ItemView:
    number: str  # ১, ২ … (sections: ১.০; paragraphs: ০২)
    title: str
    discussion: str  # sanitised HTML
    decisions: list[DecisionView] = field(default_factory=list)

    @property
    def implementers(self) -> str:
        seen = []
        for decision in self.decisions:
            for name in decision.responsible.split(", "):
                if name and name not in seen:
                    seen.append(name)
        return ", ".join(seen)


def deadline_text(decision: Decision, issue_date) -> str:
    kind = decision.deadline_kind
    if kind == Decision.Deadline.DATE and decision.deadline_date:
        return f"{format_date(decision.deadline_date, 'dotted')} তারিখের মধ্যে"
    if kind == Decision.Deadline.WORKING_DAYS and decision.deadline_working_days:
        days = to_bangla_digits(f"{decision.deadline_working_days:02d}")
        if issue_date:
            due = add_working_days(issue_date, decision.deadline_working_days)
            return f"{days} কার্যদিবসের মধ্যে, অর্থাৎ {format_date(due, 'dotted')} তারিখের মধ্যে"
        return f"জারির {days} কার্যদিবসের মধ্যে"
    if kind == Decision.Deadline.RULE:
        return decision.deadline_rule
    return ""


def _items(meeting: Meeting) -> list[ItemView]:
    decisions = Decision.objects.prefetch_related(
        Prefetch("responsibilities", queryset=Responsibility.objects.order_by("order", "id"))
    ).order_by("order", "id")
    items = meeting.agenda_items.prefetch_related(Prefetch("decisions", queryset=decisions)).order_by(
        "order", "id"
    )
    views, running = [], 0
    for n, item in enumerate(items, start=1):
        view = ItemView(number=to_bangla_digits(n), title=item.title, discussion=item.discussion)
        for i, decision in enumerate(item.decisions.all()):
            # Paragraph layout gathers every decision at the end, lettered straight through.
            index = running if meeting.layout == Meeting.Layout.PARAGRAPHS else i
            view.decisions.append(
                DecisionView(
                    letter=decision_letter(index),
                    text=decision.text,
                    deadline=deadline_text(decision, meeting.issue_date),
                    responsible=join_responsible([r.label for r in decision.responsibilities.all()]),
                )
            )
            running += 1
        views.append(view)
    return views


def minutes_context(meeting: Meeting, *, verification: dict | None = None) -> dict:
    """The document's context. `verification` ({"url", "hash"}) is printed on issued copies."""
    office = meeting.office
    items = _items(meeting)
    is_draft = meeting.state in DRAFT_STATES
    approval = (
        Transition.objects.filter(meeting=meeting, to_state=Meeting.State.APPROVED)
        .order_by("-at", "-id")
        .first()
    )
    attendees = list(meeting.attendees.order_by("order", "id"))
    if meeting.layout == Meeting.Layout.PARAGRAPHS:
        for n, item in enumerate(items, start=2):  # the opening is paragraph ১, unnumbered
            item.number = to_bangla_digits(f"{n:02d}")
    return {
        "meeting": meeting,
        "office": office,
        "is_draft": is_draft,
        "letterhead": office.letterhead_lines() if meeting.show_letterhead else [],
        "slogan": office.slogan if meeting.show_letterhead else "",
        "header": [
            ("সভাপতি", " ".join(p for p in (meeting.chair_name, meeting.chair_designation) if p)),
            ("সভার তারিখ", f"{format_date(meeting.date, 'dotted')} খ্রিস্টাব্দ"),
            ("সভার সময়", format_time(meeting.start_time)),
            ("স্থান", meeting.venue),
            ("উপস্থিতি", meeting.attendance_note),
        ],
        "items": items,
        "all_decisions": [d for item in items for d in item.decisions],
        "decisions_paragraph": to_bangla_digits(f"{len(items) + 2:02d}"),
        "closing_paragraph": to_bangla_digits(f"{len(items) + 3:02d}"),
        "memo_number": to_bangla_digits(meeting.memo_number) if meeting.memo_number and not is_draft else "",
        "issue_date_bangla": format_bangla_date(meeting.issue_date) if meeting.issue_date else "",
        "issue_date_gregorian": format_date(meeting.issue_date) if meeting.issue_date else "",
        "recipients": [
            (to_bangla_digits(n), r.line()) for n, r in enumerate(meeting.recipients.all(), start=1)
        ],
        "attendees": [
            (to_bangla_digits(n), a) for n, a in enumerate((a for a in attendees if a.is_present), 1)
        ],
        "absentees": [a for a in attendees if not a.is_present],
        "attendance_heading": (
            f"{format_date(meeting.date, 'slashed')} তারিখ {format_time(meeting.start_time, ' ঘটিকায়')} "
            "অনুষ্ঠিত সভায় উপস্থিত কর্মকর্তাগণ:"
        ),
        "approved_by": approval,
        "verification": verification,
    }
