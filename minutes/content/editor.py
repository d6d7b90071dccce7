"""The whole-meeting editor: one page, one POST, one transaction.

The header form and the formsets for agenda items (each holding a formset of its
decisions), attendees and recipients are bound to the same POST. Adding, removing
and moving rows are POSTs too ("action" button values such as "add:items",
"add:items-2-decisions", "remove:attendees-4", "up:items-3"): the editor edits the
posted data and renders it again, unsaved. htmx swaps the re-rendered editor in place;
without JavaScript the browser simply reloads the page. Nothing typed is lost.

Posted text is normalised (NFC) once, here, before any form sees it.
"""

import re

from django.core.exceptions import BadRequest
from django.http import QueryDict

from minutes.content import deadline_proposals
from minutes.content import rows as row_lists
from minutes.content.deadline_proposals import reference_date
from minutes.content.forms import (
    AgendaItemForm,
    AgendaItemFormSet,
    AttendeeFormSet,
    DecisionFormSet,
    HeaderForm,
    RecipientFormSet,
)
from minutes.content.responsibility import join_responsible
from minutes.content.richtext import normalize_text, sanitize_rich_text
from minutes.content.services import ItemContent, MeetingContent, attendees_from_team
from minutes.conventions.forms import MeetingConventionsForm
from minutes.limits import (
    MAX_AGENDA_ITEMS,
    MAX_ATTENDEES,
    MAX_DECISIONS,
    MAX_DECISIONS_PER_ITEM,
    MAX_RECIPIENTS,
)
from minutes.models import AgendaItem, Attendee, Decision, Meeting, RecipientFields, Responsibility
from offices.models import Official

LIMITS = {
    "items": MAX_AGENDA_ITEMS,
    "decisions": MAX_DECISIONS_PER_ITEM,
    "attendees": MAX_ATTENDEES,
    "recipients": MAX_RECIPIENTS,
}

# "add:items", "add:items-2-decisions" (a list); "remove:attendees-4", "up:items-3-decisions-0" (a row);
# "team:attendees" (the team's members), "clear:recipients" (remove every row of a list);
# "deadline:items-0-decisions-1" (accept the deadline the decision's words propose)
_LIST = r"(?:items|attendees|recipients|items-\d{1,4}-decisions)"
_ACTION = re.compile(
    rf"(add):({_LIST})|(remove|up|down):({_LIST}-\d{{1,4}})|(team|clear):(attendees|recipients)"
    r"|(deadline):(items-\d{1,4}-decisions-\d{1,4})"
)
# The rich-text fields (forms.RichTextField): an agenda item's discussion and its decisions' text.
_RICH_TEXT = re.compile(r"items-\d{1,4}-(?:discussion|decisions-\d{1,4}-text)")


def normalized(data: QueryDict) -> QueryDict:
    """A mutable copy of the POST with every value in NFC and Unix line endings, and the rich text
    (discussions, decisions) sanitised: a page shown again after an error never hands unsanitised
    markup to the browser's editing area. (Saving sanitises them once more, last.)"""
    copy = QueryDict(mutable=True)
    for key, values in data.lists():
        clean = sanitize_rich_text if _RICH_TEXT.fullmatch(key) else normalize_text
        copy.setlist(key, [clean(v) for v in values])
    return copy


def row_limit(prefix: str) -> int:
    """How many rows the list may hold: "items", "attendees", "recipients" or "items-3-decisions"."""
    return LIMITS[prefix.rpartition("-")[2]]


def total_forms(data: QueryDict, prefix: str) -> int:
    return row_lists.total_forms(data, prefix, row_limit(prefix))


class MeetingEditor:
    def __init__(self, meeting: Meeting, data: QueryDict | None = None):
        self.meeting = meeting
        self._official_ids = None
        self.data = data = None if data is None else normalized(data)
        self.header = HeaderForm(data, instance=meeting, office=meeting.office)
        # The conventions' fieldset is posted with the editor; a POST without it keeps them as they are.
        shown = data is not None and "conventions-shown" in data
        self.conventions = MeetingConventionsForm(data if shown else None, instance=meeting)
        if data is None:
            self._build_from_meeting()
        else:
            self._build_from_data(data)

    def office_official_ids(self) -> frozenset[int]:
        """The officials an attendee row may link to: those of the meeting's office (one query, once)."""
        if self._official_ids is None:
            self._official_ids = frozenset(
                Official.objects.filter(office=self.meeting.office).values_list("id", flat=True)
            )
        return self._official_ids

    # -- building ---------------------------------------------------------------------------------
    def _build_from_meeting(self):
        items, decisions, attendees, recipients = stored_content(self.meeting)
        self.items = AgendaItemFormSet(prefix="items", initial=row_lists.numbered(items) or [{"ORDER": 1}])
        for form, item in zip(self.items.forms, [*items, None], strict=False):
            initial = row_lists.numbered(decisions.get(item["id"], [])) if item else []
            form.decisions = DecisionFormSet(
                prefix=f"{form.prefix}-decisions", initial=initial or [{"ORDER": 1}]
            )
        self.attendees = AttendeeFormSet(
            prefix="attendees",
            form_kwargs={"office_official_ids": self.office_official_ids},
            initial=row_lists.numbered(attendees),
        )
        self.recipients = RecipientFormSet(prefix="recipients", initial=row_lists.numbered(recipients))

    def _build_from_data(self, data):
        items = total_forms(data, "items")
        for prefix in ("attendees", "recipients"):
            total_forms(data, prefix)
        if sum(total_forms(data, f"items-{i}-decisions") for i in range(items)) > MAX_DECISIONS:
            raise BadRequest("too many decisions")
        self.items = AgendaItemFormSet(data, prefix="items")
        for form in self.items.forms:
            form.decisions = DecisionFormSet(data, prefix=f"{form.prefix}-decisions")
        self.attendees = AttendeeFormSet(
            data, prefix="attendees", form_kwargs={"office_official_ids": self.office_official_ids}
        )
        self.recipients = RecipientFormSet(data, prefix="recipients")

    # -- structural actions on the posted data ---------------------------------------------------
    @classmethod
    def apply_action(cls, meeting: Meeting, data: QueryDict, action: str) -> "MeetingEditor":
        """Add, remove or move a row in the posted data and return the editor for it, unsaved."""
        match = _ACTION.fullmatch(action)
        if not match:
            raise BadRequest("unknown editor action")
        verb, target = next((match[i], match[i + 1]) for i in (1, 3, 5, 7) if match[i])
        data = data.copy()  # the editor normalises it
        if verb == "team" and target == "attendees":
            cls.add_rows(
                data,
                "attendees",
                attendees_from_team(office=meeting.office, team_id=row_lists.as_int(data.get("team"))),
            )
        elif verb == "clear":
            for i in range(total_forms(data, target)):
                data[f"{target}-{i}-DELETE"] = "on"
        elif verb == "add":
            index = cls.add_row(data, target)
            if target == "items" and index is not None:  # a new agenda item starts with one empty decision
                cls.add_row(data, f"items-{index}-decisions")
        elif verb == "remove":
            data[f"{target}-DELETE"] = "on"
        elif verb == "deadline":
            deadline_proposals.accept(data, target, reference_date(data.get("date"), meeting.date))
        else:
            cls._move_row(data, target, -1 if verb == "up" else 1)
        return cls(meeting, data)

    @staticmethod
    def add_row(data: QueryDict, prefix: str) -> int | None:
        """Append an empty row to the list `prefix`; returns its index (None: past its limit)."""
        return row_lists.add_row(data, prefix, row_limit(prefix))

    @classmethod
    def add_rows(cls, data: QueryDict, prefix: str, rows: list[dict]) -> None:
        """Append rows (field: value) to a list, as far as its limit allows (the page then says so)."""
        for row in rows:
            index = cls.add_row(data, prefix)
            if index is None:
                return
            for name, value in row.items():
                data[f"{prefix}-{index}-{name}"] = "" if value is None else str(value)

    @staticmethod
    def _move_row(data: QueryDict, target: str, step: int):
        row_lists.move_row(data, target, step, row_limit(target.rpartition("-")[0]))

    # -- what the template shows -----------------------------------------------------------------
    def items_view(self):
        """[(item form, its live decision forms, its deleted decision forms)] in the drafter's order."""
        return [
            (f, row_lists.ordered(f.decisions), row_lists.deleted(f.decisions)) for f in self.ordered_items()
        ]

    def deleted_items(self):
        return row_lists.deleted(self.items)

    def deleted_attendees(self):
        return row_lists.deleted(self.attendees)

    def deleted_recipients(self):
        return row_lists.deleted(self.recipients)

    def ordered_items(self):
        return row_lists.ordered(self.items)

    def ordered_attendees(self):
        return row_lists.ordered(self.attendees)

    def ordered_recipients(self):
        return row_lists.ordered(self.recipients)

    def list_errors(self) -> list[str]:
        """Errors of whole lists (too many rows, a tampered row count), shown above the editor."""
        formsets = [self.items, self.attendees, self.recipients, *(f.decisions for f in self.items.forms)]
        return [error for formset in formsets for error in formset.non_form_errors()]

    # -- validation and content ------------------------------------------------------------------
    def is_valid(self) -> bool:
        header_valid = self.header.is_valid()
        meeting_date = self.header.cleaned_data.get("date") if header_valid else None
        live_items = [f for f in self.items.forms if not row_lists.form_deleted(f)]
        for form in live_items:
            for decision in form.decisions.forms:
                decision.meeting_date = meeting_date
        formsets = [self.items, self.attendees, self.recipients, *(f.decisions for f in live_items)]
        conventions_valid = not self.conventions.is_bound or self.conventions.is_valid()
        valid = all([fs.is_valid() for fs in formsets]) and header_valid and conventions_valid
        for form in live_items:
            has_decisions = any(hasattr(d, "cleaned_data") and not d.is_blank() for d in form.decisions.forms)
            if has_decisions and hasattr(form, "cleaned_data") and not form.cleaned_data.get("title"):
                form.add_error("title", AgendaItemForm.title_missing)
                valid = False
        return valid

    def content(self) -> MeetingContent:
        items = []
        for form in self.ordered_items():
            decisions = [
                (d.row(), d.responsible_labels())
                for d in row_lists.ordered(form.decisions)
                if not d.is_blank()
            ]
            if form.is_blank() and not decisions:
                continue
            items.append(ItemContent(item=form.row(), decisions=decisions))
        return MeetingContent(
            items=items,
            attendees=[f.row() for f in self.ordered_attendees() if not f.is_blank()],
            recipients=[f.row() for f in self.ordered_recipients() if not f.is_blank()],
        )

    def participating_offices(self):
        return self.header.cleaned_data.get("participating_offices")


def stored_content(meeting: Meeting) -> tuple[list[dict], dict[int, list[dict]], list[dict], list[dict]]:
    """The meeting's rows as the editor's initial data, in document order (five queries, plain values):
    agenda items, {agenda item id: its decisions}, attendees, recipients."""
    items = list(meeting.agenda_items.order_by("order", "id").values("id", *AgendaItem.CONTENT_FIELDS))
    labels: dict[int, list[tuple[str, bool]]] = {}
    responsibilities = Responsibility.objects.filter(decision__agenda_item__meeting=meeting).order_by(
        "order", "id"
    )
    for decision_id, label, *links in responsibilities.values_list(
        "decision_id", "label", "office_id", "branch_id", "post_id", "official_id"
    ):
        labels.setdefault(decision_id, []).append((label, not any(links)))
    decisions: dict[int, list[dict]] = {}
    rows = Decision.objects.filter(agenda_item__meeting=meeting).order_by("order", "id")
    for row in rows.values("id", "agenda_item_id", *Decision.CONTENT_FIELDS):
        responsible = labels.get(row["id"], [])
        decisions.setdefault(row.pop("agenda_item_id"), []).append(
            {
                **row,
                "responsible": join_responsible([label for label, _outside in responsible]),
                "outside_portal": [label for label, outside in responsible if outside],
            }
        )
    attendees = list(meeting.attendees.order_by("order", "id").values("id", *Attendee.CONTENT_FIELDS))
    recipients = list(
        meeting.recipients.order_by("order", "id").values("id", *RecipientFields.CONTENT_FIELDS)
    )
    return items, decisions, attendees, recipients
