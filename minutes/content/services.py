"""Writes to a meeting's content: starting a draft, saving the editor, copying a version.

`meeting_save` stores a whole meeting (header, agenda items, decisions, responsibilities,
attendance, distribution) with a fixed number of queries, however many rows it has: rows
are matched by id, then created, updated and deleted in bulk. Each model's CONTENT_FIELDS
say which columns are content.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from minutes.content import titles
from minutes.content.responsibility import resolve_responsibilities
from minutes.content.richtext import visible_text
from minutes.limits import validate_document_size
from minutes.models import (
    AgendaItem,
    Attendee,
    Decision,
    DistributionGroup,
    Meeting,
    OfficeConventions,
    Recipient,
    RecipientFields,
    Responsibility,
)
from minutes.workflow.steps import check, may_start_minutes
from offices.models import Office, TeamMember, User

PREVIOUS_DECISIONS_TITLE = "পূর্ববর্তী সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"


@dataclass
class ItemContent:
    item: AgendaItem  # unsaved; its id is that of the row it updates, or None
    decisions: list[tuple[Decision, list[str]]] = field(default_factory=list)  # (decision, responsible)


@dataclass
class MeetingContent:
    """Everything below the header, in document order, as unsaved rows."""

    items: list[ItemContent] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)

    def text_length(self) -> int:
        """Visible characters of the content, for the document's size limit."""
        texts = [visible_text(c.item.discussion) for c in self.items]
        texts += [c.item.title for c in self.items]
        texts += [
            visible_text(d.text) + d.progress_note + " ".join(r) for c in self.items for d, r in c.decisions
        ]
        texts += [a.name + a.designation + a.workplace for a in self.attendees]
        texts += [r.line() for r in self.recipients]
        return sum(len(t) for t in texts)


@transaction.atomic
def meeting_create(*, office: Office, by: User, pull_previous_decisions: bool = True, **header) -> Meeting:
    """A new draft with the team's chair and the office's defaults filled in; the team's members are
    offered as attendees in the editor, not imposed."""
    if not may_start_minutes(by, office):
        raise PermissionDenied
    meeting = Meeting(
        office=office, created_by=by, **{**OfficeConventions.of(office).conventions(), **header}
    )
    if meeting.team_id and not meeting.chair_id:
        chair = TeamMember.objects.filter(team=meeting.team, role=TeamMember.Role.CHAIR).first()
        meeting.chair = chair.official if chair else None
    if meeting.chair_id:
        meeting.chair_name = meeting.chair_name or meeting.chair.name
        meeting.chair_designation = meeting.chair_designation or meeting.chair.designation
    if not meeting.title:
        meeting.title = titles.suggest_title(meeting)
    meeting.full_clean()
    meeting.save()
    if meeting.team_id and pull_previous_decisions:
        _pull_previous_decisions(meeting)
    return meeting


def attendees_from_team(*, office: Office, team_id) -> list[dict]:
    """The members of one of the office's teams as attendance rows (field: value), to add in the editor."""
    members = TeamMember.objects.filter(team__office=office, team_id=team_id).select_related(
        "official__office", "official__branch"
    )
    rows = [Attendee.of_official(m.official) for m in members]
    return [
        {name: getattr(row, row._meta.get_field(name).attname) for name in Attendee.CONTENT_FIELDS}
        for row in rows
    ]


def open_decisions_of_earlier_meetings(meeting: Meeting):
    """Decisions of the same team's earlier meetings that are still pending or in progress."""
    return (
        Decision.objects.filter(
            agenda_item__meeting__team_id=meeting.team_id,
            agenda_item__meeting__date__lt=meeting.date,
            status__in=Decision.OPEN_STATUSES,
            follow_ups__isnull=True,
        )
        .exclude(agenda_item__meeting=meeting)
        .select_related("agenda_item__meeting")
        .prefetch_related("responsibilities")
        .order_by("agenda_item__meeting__date", "agenda_item__order", "order")
    )


def _pull_previous_decisions(meeting: Meeting) -> None:
    """Put the still-open decisions of earlier meetings first, as "পূর্ববর্তী সভার সিদ্ধান্ত …"."""
    earlier = list(open_decisions_of_earlier_meetings(meeting))
    if not earlier:
        return
    item = AgendaItem.objects.create(meeting=meeting, order=0, title=PREVIOUS_DECISIONS_TITLE)
    _copy_decisions([(d, item, {"order": i, "carried_from": d}) for i, d in enumerate(earlier)])


def _content_of(row, fields: list[str]) -> dict:
    """The row's values of `fields`, foreign keys as ids (no query per row)."""
    names = [row._meta.get_field(name).attname for name in fields]
    return {name: getattr(row, name) for name in names}


def _copy_decisions(rows: list[tuple[Decision, AgendaItem, dict]]) -> list[Decision]:
    """Copy decisions (with their responsibilities) under new agenda items; `dict` overrides fields."""
    copies = Decision.objects.bulk_create(
        Decision(
            agenda_item=item, **{"order": d.order, **_content_of(d, Decision.CONTENT_FIELDS), **overrides}
        )
        for d, item, overrides in rows
    )
    Responsibility.objects.bulk_create(
        Responsibility(decision=copy, order=r.order, office_id=r.office_id, branch_id=r.branch_id,
                       post_id=r.post_id, official_id=r.official_id, label=r.label)
        for (old, _item, _overrides), copy in zip(rows, copies, strict=True)
        for r in old.responsibilities.all()
    )  # fmt: skip
    return copies


@transaction.atomic
def meeting_save(
    *, meeting: Meeting, content: MeetingContent, by: User, participating_offices=None
) -> Meeting:
    """Store the header (already set on `meeting`) and the whole content, replacing what was there."""
    check(
        "edit",
        Meeting.objects.select_for_update(of=("self",)).select_related("office").get(pk=meeting.pk),
        by,
    )
    if not content.items:
        raise ValidationError(_("The minutes need at least one agenda item."))
    validate_document_size(content.text_length() + len(meeting.opening) + len(meeting.closing))
    if meeting.chair_id and not meeting.chair_name:
        meeting.chair_name, meeting.chair_designation = meeting.chair.name, meeting.chair.designation
    if meeting.issuer_id and not meeting.issuer_name:
        meeting.issuer_name, meeting.issuer_designation = meeting.issuer.name, meeting.issuer.designation
    meeting.full_clean()
    meeting.save(
        update_fields=[*Meeting.HEADER_FIELDS, *Meeting.CONVENTION_FIELDS, "updated_at"]
    )  # never the workflow's fields
    if participating_offices is not None:
        meeting.participating_offices.set(participating_offices)
    items = [c.item for c in content.items]
    for order, item in enumerate(items):
        item.meeting, item.order = meeting, order
    _sync_rows(AgendaItem, AgendaItem.objects.filter(meeting=meeting), items, AgendaItem.CONTENT_FIELDS)
    decisions = []
    for c in content.items:
        for order, (decision, _labels) in enumerate(c.decisions):  # letters follow this order
            decision.agenda_item, decision.order = c.item, order
            decision.clean()  # the deadline rule (the fields were checked by the editor's forms)
            decisions.append(decision)
    _sync_rows(
        Decision,
        Decision.objects.filter(agenda_item__meeting=meeting),
        decisions,
        ["agenda_item", *Decision.CONTENT_FIELDS],
    )
    _replace_responsibilities(meeting, [(d, labels) for c in content.items for d, labels in c.decisions])
    for model, rows, fields in (
        (Attendee, content.attendees, Attendee.CONTENT_FIELDS),
        (Recipient, content.recipients, RecipientFields.CONTENT_FIELDS),
    ):
        for order, row in enumerate(rows):
            row.meeting, row.order = meeting, order
        _sync_rows(model, model.objects.filter(meeting=meeting), rows, fields)
    return meeting


def _sync_rows(model, existing_qs, rows: list, fields: list[str]) -> None:
    """Make the table hold exactly `rows`: update those whose id exists (only if something in them
    changed), create the rest, delete the others.

    Ids posted by a browser that do not belong to this meeting are treated as new rows,
    so one meeting's form can never touch another meeting's rows.
    """
    columns = ["order", *(model._meta.get_field(name).attname for name in fields)]
    stored = {row.pop("id"): row for row in existing_qs.values("id", *columns)}
    to_update, to_create, kept = [], [], set()
    for row in rows:
        if row.id in stored:
            kept.add(row.id)
            if any(getattr(row, column) != stored[row.id][column] for column in columns):
                to_update.append(row)
        else:
            row.id = None
            to_create.append(row)
    if stored.keys() - kept:
        model.objects.filter(id__in=stored.keys() - kept).delete()
    if to_update:
        model.objects.bulk_update(to_update, ["order", *fields], batch_size=500)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)


def _replace_responsibilities(meeting: Meeting, decisions: list[tuple[Decision, list[str]]]) -> None:
    Responsibility.objects.filter(decision__agenda_item__meeting=meeting).delete()
    offices = [meeting.office_id, *meeting.participating_offices.values_list("id", flat=True)]
    resolved = resolve_responsibilities(
        [label for _d, labels in decisions for label in labels], office_ids=offices
    )
    Responsibility.objects.bulk_create(
        Responsibility(decision=decision, order=i, label=label, **resolved[label])
        for decision, labels in decisions
        for i, label in enumerate(labels)
    )


def recipients_from_group(group: DistributionGroup) -> list[dict]:
    """The group's members as distribution-list rows (field: value), to add to a meeting in the editor."""
    return [member.content() for member in group.members.all()]


def meeting_copy(*, source: Meeting, by: User) -> Meeting:
    """A new draft version with the same content as `source` (called inside the caller's transaction)."""
    copy = Meeting(
        office=source.office,
        **_content_of(source, [*Meeting.HEADER_FIELDS, *Meeting.CONVENTION_FIELDS]),
        version=source.version + 1,
        replaces=source,
        created_by=by,
    )
    copy.save()
    copy.participating_offices.set(source.participating_offices.all())
    items = list(source.agenda_items.prefetch_related("decisions__responsibilities"))
    new_items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=copy, order=i.order, **_content_of(i, AgendaItem.CONTENT_FIELDS)) for i in items
    )
    _copy_decisions(
        [(d, new, {}) for old, new in zip(items, new_items, strict=True) for d in old.decisions.all()]
    )
    Attendee.objects.bulk_create(
        Attendee(meeting=copy, order=a.order, **_content_of(a, Attendee.CONTENT_FIELDS))
        for a in source.attendees.all()
    )
    Recipient.objects.bulk_create(
        Recipient(meeting=copy, order=r.order, **r.content()) for r in source.recipients.all()
    )
    return copy
