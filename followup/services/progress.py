"""The writes of an item's follow-up, each in one transaction: report progress (or report it done),
confirm, reopen. Each adds an entry to the item's history (ProgressReport).

A decision's own status (minutes' PENDING / IN_PROGRESS / DONE) follows its items, through the
minutes' service (minutes/decision_status.py): in progress once anything is reported on it or an
item is reopened, done once every item of it is confirmed. An indicator's achievement stays the
action plan's report: here it gets notes only.

What is refused, with a Bangla message and nothing saved (no entry, no file left in the storage):
an empty note, a note too long, an item already confirmed or superseded, done twice, an evidence
file empty, too large, of a kind not accepted or with a lying extension (actionplan/evidence.py), or
too many files; confirming what is not reported done, reopening what is open, a reopening without
its comment.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.reporting import Upload, check_uploads
from bangla.forms import shown_digits
from followup.models import Occurrence, ProgressEvidence, ProgressReport
from followup.permissions import require_may_report, require_may_review
from minutes.decision_status import decision_set_status
from minutes.models import Decision

MAX_NOTE = 2000
Status = Occurrence.Status
Kind = ProgressReport.Kind

__all__ = ["Upload", "progress_confirm", "progress_reopen", "progress_report"]


def _note(note: str, *, field: str, required_message: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({field: required_message})
    if len(note) > MAX_NOTE:
        raise ValidationError(
            {field: _("Write at most %(count)s characters.") % {"count": shown_digits(MAX_NOTE)}}
        )
    return note


def _locked(occurrence: Occurrence) -> Occurrence:
    locked = Occurrence.objects.select_for_update(of=("self",)).get(pk=occurrence.pk)
    locked.office = occurrence.office
    return locked


def _entry(occurrence: Occurrence, kind: str, note: str, by) -> ProgressReport:
    official = getattr(by, "official", None)
    return ProgressReport.objects.create(
        occurrence=occurrence,
        kind=kind,
        note=note,
        by=by,
        by_name=official.name if official else (by.get_full_name() or by.username),
        by_designation=official.designation if official else "",
    )


def _decision_follows(occurrence: Occurrence) -> None:
    """The decision's status after a change to one of its items."""
    if not occurrence.decision_id:
        return
    statuses = set(
        Occurrence.objects.filter(decision_id=occurrence.decision_id)
        .exclude(status=Status.SUPERSEDED)
        .values_list("status", flat=True)
    )
    done = statuses == {Status.CONFIRMED}
    status = Decision.Status.DONE if done else Decision.Status.IN_PROGRESS
    decision_set_status(decision=Decision(pk=occurrence.decision_id), status=status)


def progress_report(
    *, occurrence: Occurrence, note: str, done: bool = False, uploads: list[Upload] = (), by
) -> ProgressReport:
    """Report progress on an open item (or one awaiting confirmation), with evidence files; with
    `done`, report it done: it then awaits the approver's confirmation and is no longer reminded."""
    require_may_report(by, occurrence)
    note = _note(
        note,
        field="note",
        required_message=_("Write what has been done, so the approver can confirm it.")
        if done
        else _("Write the progress made."),
    )
    uploads = list(uploads)
    kinds = check_uploads(uploads)
    stored: list[ProgressEvidence] = []
    try:
        with transaction.atomic():
            occurrence = _locked(occurrence)
            if occurrence.status not in Occurrence.PENDING_STATUSES:
                raise ValidationError(_("This item is closed: nothing more can be reported on it."))
            if done and occurrence.status == Status.DONE:
                raise ValidationError(_("This item is already reported done; it awaits the approver."))
            report = _entry(occurrence, Kind.DONE if done else Kind.PROGRESS, note, by)
            for upload, kind in zip(uploads, kinds, strict=True):
                evidence = ProgressEvidence(
                    report=report, name=upload.name[-255:], kind=kind, size=len(upload.data)
                )
                evidence.file.save(upload.name, ContentFile(upload.data), save=False)
                stored.append(evidence)
                evidence.save()
            if done:
                occurrence.status, occurrence.done_at, occurrence.next_reminder_on = (
                    Status.DONE,
                    timezone.now(),
                    None,
                )
                occurrence.save(update_fields=["status", "done_at", "next_reminder_on"])
            _decision_follows(occurrence)
    except BaseException:
        for evidence in stored:  # the database rolled back; the storage does not, so undo it by hand
            evidence.file.delete(save=False)
        raise
    return report


@transaction.atomic
def progress_confirm(*, occurrence: Occurrence, by, comment: str = "") -> Occurrence:
    """The approver confirms an item reported done."""
    require_may_review(by, occurrence)
    comment = (comment or "").strip()[:MAX_NOTE]
    occurrence = _locked(occurrence)
    if occurrence.status != Status.DONE:
        raise ValidationError(_("Only an item reported done can be confirmed."))
    occurrence.status, occurrence.confirmed_by, occurrence.confirmed_at = Status.CONFIRMED, by, timezone.now()
    occurrence.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    _entry(occurrence, Kind.CONFIRMED, comment, by)
    _decision_follows(occurrence)
    return occurrence


@transaction.atomic
def progress_reopen(*, occurrence: Occurrence, by, comment: str) -> Occurrence:
    """The approver reopens an item reported done (or confirmed), saying what is missing; it is open
    again, and reminded again from its first reminder date."""
    require_may_review(by, occurrence)
    comment = _note(comment, field="comment", required_message=_("Write what is still missing."))
    occurrence = _locked(occurrence)
    if occurrence.status not in (Status.DONE, Status.CONFIRMED):
        raise ValidationError(_("Only an item reported done or confirmed can be reopened."))
    occurrence.status, occurrence.done_at = Status.OPEN, None
    occurrence.confirmed_by, occurrence.confirmed_at = None, None
    occurrence.next_reminder_on = Occurrence.first_reminder(occurrence.due_date)
    occurrence.save(update_fields=["status", "done_at", "confirmed_by", "confirmed_at", "next_reminder_on"])
    _entry(occurrence, Kind.REOPENED, comment, by)
    _decision_follows(occurrence)
    return occurrence
