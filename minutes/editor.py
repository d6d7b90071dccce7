"""The whole-meeting editor: one page, one POST, one transaction.

The header form and the formsets for agenda items (each holding a formset of its
decisions), attendees and recipients are bound to the same POST. Adding, removing
and moving rows are POSTs too ("action" button values such as "add:items",
"add:items-2-decisions", "remove:attendees-4", "up:items-3"): the editor edits the
posted data and renders it again, unsaved. htmx swaps the re-rendered editor in place;
without JavaScript the browser simply reloads the page. Nothing typed is lost.
"""

from django.http import QueryDict

from minutes.content import AgendaItemContent, MeetingContent
from minutes.forms import (
    AgendaItemForm,
    AgendaItemFormSet,
    AttendeeFormSet,
    DecisionFormSet,
    HeaderForm,
    RecipientFormSet,
    decision_initial,
)
from minutes.models import Meeting

LISTS = ("items", "attendees", "recipients")


def _ordered(formset):
    """The formset's live forms in the order the drafter arranged them."""
    forms = [f for f in formset.forms if not _is_deleted(f)]
    return sorted(forms, key=lambda f: (_order_of(f), formset.forms.index(f)))


def _order_of(form) -> int:
    value = form["ORDER"].value()
    try:
        return int(value)
    except (TypeError, ValueError):
        return 10**6


def _is_deleted(form) -> bool:
    return bool(form["DELETE"].value()) and form["DELETE"].value() not in ("", "false", "False", "0")


class MeetingEditor:
    def __init__(self, meeting: Meeting, data: QueryDict | None = None):
        self.meeting = meeting
        self.data = data
        self.header = HeaderForm(data, instance=meeting, office=meeting.office)
        if data is None:
            self._build_from_meeting()
        else:
            self._build_from_data(data)

    # -- building ---------------------------------------------------------------------------------
    def _build_from_meeting(self):
        meeting = self.meeting
        items = list(
            meeting.agenda_items.prefetch_related("decisions__responsibilities").order_by("order", "id")
        )
        self.items = AgendaItemFormSet(
            prefix="items",
            initial=[{"id": i.id, "title": i.title, "discussion": i.discussion, "ORDER": n + 1}
                     for n, i in enumerate(items)] or [{"ORDER": 1}],
        )  # fmt: skip
        for form, item in zip(self.items.forms, [*items, None], strict=False):
            decisions = list(item.decisions.all()) if item else []
            initial = [{**decision_initial(d), "ORDER": n + 1} for n, d in enumerate(decisions)]
            form.decisions = DecisionFormSet(
                prefix=f"{form.prefix}-decisions", initial=initial or [{"ORDER": 1}]
            )
        self.attendees = AttendeeFormSet(
            prefix="attendees",
            initial=[
                {"id": a.id, "name": a.name, "designation": a.designation, "workplace": a.workplace,
                 "mobile": a.mobile, "email": a.email, "is_present": a.is_present, "official": a.official_id,
                 "ORDER": n + 1}
                for n, a in enumerate(meeting.attendees.all())
            ],
        )  # fmt: skip
        self.recipients = RecipientFormSet(
            prefix="recipients",
            initial=[
                {"id": r.id, "designation": r.designation, "name": r.name, "branch": r.branch,
                 "office_name": r.office_name, "request": r.request, "email": r.email, "ORDER": n + 1}
                for n, r in enumerate(meeting.recipients.all())
            ],
        )  # fmt: skip

    def _build_from_data(self, data):
        self.items = AgendaItemFormSet(data, prefix="items")
        for form in self.items.forms:
            form.decisions = DecisionFormSet(data, prefix=f"{form.prefix}-decisions")
        self.attendees = AttendeeFormSet(data, prefix="attendees")
        self.recipients = RecipientFormSet(data, prefix="recipients")

    # -- structural actions on the posted data ---------------------------------------------------
    @classmethod
    def apply_action(cls, meeting: Meeting, data: QueryDict, action: str) -> "MeetingEditor":
        """Add, remove or move a row in the posted data and return the editor for it, unsaved."""
        data = data.copy()
        verb, _sep, target = action.partition(":")
        if verb == "add" and target == "items":
            cls.add_row(data, "items")  # a new agenda item starts with one empty decision
            cls.add_row(data, f"items-{int(data['items-TOTAL_FORMS']) - 1}-decisions")
        elif verb == "add" and target:
            cls.add_row(data, target)
        elif verb == "remove" and target:
            data[f"{target}-DELETE"] = "on"
        elif verb in ("up", "down") and target:
            cls._move_row(data, target, -1 if verb == "up" else 1)
        return cls(meeting, data)

    @staticmethod
    def add_row(data, prefix: str):
        total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
        if f"{prefix}-TOTAL_FORMS" not in data:
            data[f"{prefix}-INITIAL_FORMS"] = "0"
        orders = [int(data.get(f"{prefix}-{i}-ORDER") or 0) for i in range(total)]
        data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
        data[f"{prefix}-{total}-ORDER"] = str(max(orders, default=0) + 1)

    @staticmethod
    def _move_row(data, target: str, step: int):
        prefix, _sep, index = target.rpartition("-")
        total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
        live = [i for i in range(total) if not data.get(f"{prefix}-{i}-DELETE")]
        live.sort(key=lambda i: (int(data.get(f"{prefix}-{i}-ORDER") or 0), i))
        for n, i in enumerate(live):  # renumber 1..n, then swap with the neighbour
            data[f"{prefix}-{i}-ORDER"] = str(n + 1)
        position = live.index(int(index)) if int(index) in live else -1
        other = position + step
        if position >= 0 and 0 <= other < len(live):
            a, b = live[position], live[other]
            data[f"{prefix}-{a}-ORDER"], data[f"{prefix}-{b}-ORDER"] = (
                data[f"{prefix}-{b}-ORDER"],
                data[f"{prefix}-{a}-ORDER"],
            )

    # -- what the template shows -----------------------------------------------------------------
    @staticmethod
    def _deleted(formset):
        return [f for f in formset.forms if _is_deleted(f)]

    def items_view(self):
        """[(item form, its live decision forms, its deleted decision forms)] in the drafter's order."""
        return [(f, _ordered(f.decisions), self._deleted(f.decisions)) for f in self.ordered_items()]

    def deleted_items(self):
        return self._deleted(self.items)

    def deleted_attendees(self):
        return self._deleted(self.attendees)

    def deleted_recipients(self):
        return self._deleted(self.recipients)

    # -- validation and content ------------------------------------------------------------------
    def ordered_items(self):
        return _ordered(self.items)

    def ordered_attendees(self):
        return _ordered(self.attendees)

    def ordered_recipients(self):
        return _ordered(self.recipients)

    def is_valid(self) -> bool:
        header_valid = self.header.is_valid()
        meeting_date = self.header.cleaned_data.get("date") if header_valid else None
        live_items = [f for f in self.items.forms if not _is_deleted(f)]
        for form in live_items:
            for decision in form.decisions.forms:
                decision.meeting_date = meeting_date
        formsets = [self.items, self.attendees, self.recipients, *(f.decisions for f in live_items)]
        valid = all([fs.is_valid() for fs in formsets]) and header_valid
        for form in live_items:
            has_decisions = any(hasattr(d, "cleaned_data") and not d.is_blank() for d in form.decisions.forms)
            if has_decisions and hasattr(form, "cleaned_data") and not form.cleaned_data.get("title"):
                form.add_error("title", AgendaItemForm.title_missing)
                valid = False
        return valid

    def content(self) -> MeetingContent:
        items = []
        for form in self.ordered_items():
            decisions = [d.content() for d in _ordered(form.decisions) if not d.is_blank()]
            if form.is_blank() and not decisions:
                continue
            d = form.cleaned_data
            items.append(AgendaItemContent(id=d.get("id"), title=d["title"], discussion=d["discussion"],
                                           decisions=decisions))  # fmt: skip
        return MeetingContent(
            agenda_items=items,
            attendees=[f.content() for f in self.ordered_attendees() if not f.is_blank()],
            recipients=[f.content() for f in self.ordered_recipients() if not f.is_blank()],
        )

    def participating_offices(self):
        return self.header.cleaned_data.get("participating_offices")
