"""Writes to meetings. Each function checks the acting user's role, validates, and runs in one transaction.

`meeting_save` stores a whole meeting (header, agenda items, decisions,
responsibilities, attendance, distribution) with a fixed number of queries,
however many rows it has: rows are matched by id, then created, updated and
deleted in bulk.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from minutes import titles
from minutes.content import DecisionContent, MeetingContent, RecipientContent
from minutes.models import (
    AgendaItem,
    Attendee,
    Decision,
    DistributionGroup,
    Meeting,
    Recipient,
    Responsibility,
)
from minutes.responsibility import resolve_responsibilities
from minutes.selectors import EDITOR_ROLES
from offices.access import require_role
from offices.models import Office, TeamMember, User

PREVIOUS_DECISIONS_TITLE = "পূর্ববর্তী সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"


def require_editable(meeting: Meeting, by: User) -> None:
    """Only the office's drafters and administrators edit, and only a draft or returned minutes."""
    require_role(by, meeting.office, *EDITOR_ROLES)
    if not meeting.is_editable:
        raise PermissionDenied(
            _("These minutes are %(state)s and can no longer be edited.")
            % {"state": meeting.get_state_display()}
        )


@transaction.atomic
def meeting_create(*, office: Office, by: User, pull_previous_decisions: bool = True, **header) -> Meeting:
    """A new draft with the team's chair, members and the office's defaults filled in."""
    require_role(by, office, *EDITOR_ROLES)
    meeting = Meeting(office=office, created_by=by, **header)
    if meeting.team_id and not meeting.chair_id:
        chair = (
            TeamMember.objects.filter(team=meeting.team, role=TeamMember.Role.CHAIR)
            .select_related("official")
            .first()
        )
        if chair:
            meeting.chair = chair.official
    if meeting.chair_id:
        meeting.chair_name = meeting.chair_name or meeting.chair.name
        meeting.chair_designation = meeting.chair_designation or meeting.chair.designation
    if not meeting.title:
        meeting.title = titles.suggest_title(meeting)
    meeting.full_clean()
    meeting.save()
    if meeting.team_id:
        _attendees_from_team(meeting)
    if pull_previous_decisions and meeting.team_id:
        _pull_previous_decisions(meeting)
    return meeting


def _attendees_from_team(meeting: Meeting) -> None:
    members = TeamMember.objects.filter(team=meeting.team).select_related(
        "official__office", "official__branch"
    )
    Attendee.objects.bulk_create(
        Attendee(
            meeting=meeting,
            order=i,
            official=m.official,
            name=m.official.name,
            designation=m.official.designation,
            workplace=", ".join(p.name for p in (m.official.branch, m.official.office) if p),
            mobile=m.official.mobile,
            email=m.official.email,
        )
        for i, m in enumerate(members)
    )


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


def _copy_decisions(rows: list[tuple[Decision, AgendaItem, dict]]) -> list[Decision]:
    """Copy decisions (with their responsibilities) under new agenda items; `dict` overrides fields."""
    copies = Decision.objects.bulk_create(
        Decision(
            agenda_item=item,
            **{
                "order": d.order, "text": d.text, "deadline_kind": d.deadline_kind,
                "deadline_date": d.deadline_date, "deadline_working_days": d.deadline_working_days,
                "deadline_rule": d.deadline_rule, "status": d.status, "progress_note": d.progress_note,
                **overrides,
            },
        )
        for d, item, overrides in rows
    )  # fmt: skip
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
    require_editable(Meeting.objects.select_for_update().get(pk=meeting.pk), by)
    if not content.agenda_items:
        raise ValidationError(_("The minutes need at least one agenda item."))
    if meeting.chair_id and not meeting.chair_name:
        meeting.chair_name, meeting.chair_designation = meeting.chair.name, meeting.chair.designation
    if meeting.issuer_id and not meeting.issuer_name:
        meeting.issuer_name, meeting.issuer_designation = meeting.issuer.name, meeting.issuer.designation
    meeting.full_clean()
    meeting.save()
    if participating_offices is not None:
        meeting.participating_offices.set(participating_offices)
    items = _sync_rows(
        AgendaItem,
        AgendaItem.objects.filter(meeting=meeting),
        [
            AgendaItem(id=c.id, meeting=meeting, order=i, title=c.title, discussion=c.discussion)
            for i, c in enumerate(content.agenda_items)
        ],
        fields=["order", "title", "discussion"],
    )
    pairs = [(d, item) for item, c in zip(items, content.agenda_items, strict=True) for d in c.decisions]
    decisions = _sync_rows(
        Decision,
        Decision.objects.filter(agenda_item__meeting=meeting),
        [_decision_row(c, item, order) for order, (c, item) in _orders_within(pairs)],
        fields=[
            "agenda_item",
            "order",
            "text",
            "deadline_kind",
            "deadline_date",
            "deadline_working_days",
            "deadline_rule",
            "status",
            "progress_note",
        ],  # fmt: skip
    )
    _replace_responsibilities(meeting, decisions, [c for c, _item in pairs])
    _sync_rows(
        Attendee,
        Attendee.objects.filter(meeting=meeting),
        [Attendee(meeting=meeting, order=i, **vars(c)) for i, c in enumerate(content.attendees)],
        fields=["order", "official", "name", "designation", "workplace", "mobile", "email", "is_present"],
    )
    _sync_rows(
        Recipient,
        Recipient.objects.filter(meeting=meeting),
        [Recipient(meeting=meeting, order=i, **vars(c)) for i, c in enumerate(content.recipients)],
        fields=["order", "designation", "name", "branch", "office", "office_name", "request", "email"],
    )
    return meeting


def _orders_within(pairs):
    """Number decisions from 0 inside each agenda item (their letters follow this order)."""
    counters: dict[int, int] = {}
    for content, item in pairs:
        order = counters.get(id(item), 0)
        counters[id(item)] = order + 1
        yield order, (content, item)


def _decision_row(c: DecisionContent, item: AgendaItem, order: int) -> Decision:
    return Decision(
        id=c.id,
        agenda_item=item,
        order=order,
        text=c.text,
        deadline_kind=c.deadline_kind,
        deadline_date=c.deadline_date if c.deadline_kind == Decision.Deadline.DATE else None,
        deadline_working_days=c.deadline_working_days
        if c.deadline_kind == Decision.Deadline.WORKING_DAYS
        else None,
        deadline_rule=c.deadline_rule if c.deadline_kind == Decision.Deadline.RULE else "",
        status=c.status,
        progress_note=c.progress_note,
    )


def _sync_rows(model, existing_qs, rows: list, *, fields: list[str]) -> list:
    """Make the table hold exactly `rows`: update those whose id exists, create the rest, delete the others.

    Ids posted by a browser that do not belong to this meeting are treated as new rows,
    so one meeting's form can never touch another meeting's rows.
    """
    existing_ids = set(existing_qs.values_list("id", flat=True))
    to_update, to_create = [], []
    for row in rows:
        if row.id in existing_ids:
            to_update.append(row)
        else:
            row.id = None
            to_create.append(row)
    kept = {row.id for row in to_update}
    if existing_ids - kept:
        model.objects.filter(id__in=existing_ids - kept).delete()
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=500)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)
    return rows


def _replace_responsibilities(
    meeting: Meeting, decisions: list[Decision], contents: list[DecisionContent]
) -> None:
    Responsibility.objects.filter(decision__agenda_item__meeting=meeting).delete()
    offices = [meeting.office_id, *meeting.participating_offices.values_list("id", flat=True)]
    labels = [label for c in contents for label in c.responsible]
    resolved = resolve_responsibilities(labels, office_ids=offices)
    Responsibility.objects.bulk_create(
        Responsibility(decision=decision, order=i, label=label, **resolved[label])
        for decision, c in zip(decisions, contents, strict=True)
        for i, label in enumerate(c.responsible)
    )


def recipients_from_group(group: DistributionGroup) -> list[RecipientContent]:
    """The group's members as distribution-list rows, to add to a meeting in the editor."""
    return [
        RecipientContent(
            designation=m.designation,
            name=m.name,
            branch=m.branch,
            office_name=m.office_name,
            request=m.request,
            email=m.email,
            office_id=m.office_id,
        )
        for m in group.members.all()
    ]


def meeting_copy(*, source: Meeting, by: User) -> Meeting:
    """A new draft version with the same content as `source` (called inside the caller's transaction)."""
    copy = Meeting.objects.get(pk=source.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.state = Meeting.State.DRAFT
    copy.version = source.version + 1
    copy.replaces = source
    copy.government_file, copy.memo_serial, copy.memo_number, copy.issue_date = None, None, "", None
    copy.created_by = by
    copy.save()
    copy.participating_offices.set(source.participating_offices.all())
    items = list(source.agenda_items.prefetch_related("decisions__responsibilities"))
    new_items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=copy, order=i.order, title=i.title, discussion=i.discussion) for i in items
    )
    _copy_decisions(
        [(d, new, {}) for old, new in zip(items, new_items, strict=True) for d in old.decisions.all()]
    )
    for model in (Attendee, Recipient):
        rows = list(model.objects.filter(meeting=source))
        for row in rows:
            row.pk = None
            row.meeting = copy
        model.objects.bulk_create(rows)
    return copy
