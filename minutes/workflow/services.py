"""Taking the workflow's steps (the rules are in minutes/workflow/steps.py).

Each step locks the meeting's row, checks the step against the table, records who took
it (Transition) and moves the state, in one transaction. Issuing takes the next serial of
one of the office's files (নথি) as the memo number in the same transaction, so serials
never repeat or skip and a failed issue uses up nothing; the file's row is locked only
from taking the serial to the commit. The issued document is rendered and stored after
the commit, by a Celery task (minutes/tasks.py). The issue date, the officer who signs the
memo block and the file are the issuer's choices; their rules are in minutes/workflow/issue.py.
Publishing (its own step, or with the issue) adds the minutes to the public search after the commit.

The Transition rows are the record of the steps (who, when, from which state); the meeting's
change history (django-simple-history) records the drafters' edits, and issuing, a narrow
UPDATE inside the file's lock, does not add to it.
"""

import datetime
import logging

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bangla.forms import shown_digits
from minutes.content.services import meeting_copy
from minutes.models import Meeting, Transition
from minutes.search import search_entry_sync
from minutes.signals import minutes_issued
from minutes.workflow.issue import issue_date_refusal, signer_refusal
from minutes.workflow.steps import STEPS, StepRefused, check
from offices.models import GovernmentFile, Official, User, memo_number
from offices.publication import public_content_changed

logger = logging.getLogger(__name__)


def _locked(meeting: Meeting) -> Meeting:
    """The meeting's row (only it, not its office's), locked until the transaction ends; its office
    is the one already loaded (a meeting never changes office)."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    locked.office = meeting.office
    return locked


def _take(step_name: str, meeting: Meeting, by: User, comment: str = "") -> Meeting:
    """Check the step on the locked row and record it; the caller saves the new state."""
    meeting = _locked(meeting)
    _record(step_name, meeting, by, comment)
    return meeting


def _record(step_name: str, meeting: Meeting, by: User, comment: str = "") -> None:
    """Check the step on the (locked) meeting, record who took it, and move the state."""
    check(step_name, meeting, by)
    target = STEPS[step_name].target
    official = by.official
    Transition.objects.create(
        meeting=meeting,
        from_state=meeting.state,
        to_state=target,
        by=by,
        by_name=official.name if official else by.get_full_name() or by.username,
        by_designation=official.designation if official else "",
        comment=comment,
    )
    meeting.state = target


@transaction.atomic
def meeting_submit(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _take("submit", meeting, by)
    if not meeting.agenda_items.exists():
        raise StepRefused(_("The minutes need at least one agenda item."), meeting)
    if not meeting.chair_name:
        raise StepRefused(_("Name the chair before submitting."), meeting)
    meeting.submitted_by = by
    meeting.save(update_fields=["state", "submitted_by", "updated_at"])
    return meeting


@transaction.atomic
def meeting_return(*, meeting: Meeting, by: User, comment: str) -> Meeting:
    if not comment.strip():
        raise StepRefused(_("Write what the drafter should change."), meeting)
    meeting = _take("return", meeting, by, comment=comment.strip())
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def meeting_approve(*, meeting: Meeting, by: User, comment: str = "") -> Meeting:
    """The approver's approval is the signature: their name and designation are frozen on the step."""
    meeting = _take("approve", meeting, by, comment=comment.strip())
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def minutes_issue(
    *,
    meeting: Meeting,
    government_file: GovernmentFile,
    by: User,
    issue_date: datetime.date | None = None,
    signer: Official | None = None,
    expected_memo_number: str = "",
) -> Meeting:
    """Give the approved minutes the file's next serial as memo number and the issue date the issuer
    chose (today if none); after the commit, the document is rendered, stored and distributed.

    `signer`: the issuing officer of the office who signs the memo block; None keeps the one typed
    in the editor (or none), never replacing it. `expected_memo_number`: the number the issuer saw
    before confirming; if another letter took it meanwhile, the issue is refused and nothing used.
    """
    meeting = _take("issue", meeting, by)
    if government_file.office_id != meeting.office_id:
        raise StepRefused(_("Issue from one of this office's own files."), meeting)
    issue_date = issue_date or timezone.localdate()
    refused = issue_date_refusal(meeting, issue_date) or (signer and signer_refusal(meeting, signer))
    if refused:
        raise StepRefused(refused, meeting)
    if meeting.office.publish_on_issue:  # the office issues and publishes in one step
        _record("publish", meeting, by)
        public_content_changed()
    if signer is not None:
        meeting.issuer = signer
        meeting.issuer_name, meeting.issuer_designation = signer.name, signer.designation
    meeting.issue_date = issue_date
    # From here to the commit the file's row is locked: take the serial, write it, nothing else.
    taken = _take_serial(government_file)
    if taken is None:
        raise StepRefused(_("This file is closed; pick a file in use."), meeting)
    meeting.government_file_id, meeting.memo_serial = government_file.pk, taken[0]
    meeting.memo_number = memo_number(taken[1], taken[0])
    if expected_memo_number and meeting.memo_number != expected_memo_number:
        raise StepRefused(
            _(
                "Another letter was issued from this file meanwhile, so the memo number would now be "
                "%(number)s. Nothing was issued: review the memo number and issue again."
            )
            % {"number": shown_digits(meeting.memo_number)},
            meeting,
        )
    meeting.updated_at = timezone.now()
    try:  # one narrow UPDATE (the Transition above is the record of this step)
        Meeting.objects.filter(pk=meeting.pk).update(
            **{name: getattr(meeting, name) for name in ISSUE_FIELDS}
        )
    except IntegrityError as error:  # the memo number exists already: refuse, never issue it twice
        raise StepRefused(
            _("This memo number was issued before; check the file's number."), meeting
        ) from error
    transaction.on_commit(lambda: _after_issue(meeting.pk))
    if meeting.state == Meeting.State.PUBLISHED:
        _index_after_commit(meeting.pk)
    return meeting


ISSUE_FIELDS = [
    "state", "issuer_id", "issuer_name", "issuer_designation", "issue_date", "government_file_id",
    "memo_serial", "memo_number", "updated_at",
]  # fmt: skip


def _take_serial(government_file: GovernmentFile) -> tuple[int, str] | None:
    """(serial, file number) of the next letter from an open file, or None if the file is closed.

    One statement (UPDATE … RETURNING, on PostgreSQL and SQLite alike): it takes the file's row
    lock, which the transaction then holds only until its commit."""
    table = GovernmentFile._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_serial = last_serial + 1 WHERE id = %s AND is_active "  # noqa: S608
            "RETURNING last_serial, number",
            [government_file.pk],
        )
        return cursor.fetchone()


def _after_issue(meeting_id: int) -> None:
    from minutes.tasks import issued_minutes_store_and_distribute

    issued_minutes_store_and_distribute.delay(meeting_id)
    # The issue is committed whatever a receiver does: a failure is logged, never shown to the issuer
    # (the follow-up's periodic sync_occurrences catches up).
    for receiver, result in minutes_issued.send_robust(sender=Meeting, meeting_id=meeting_id):
        if isinstance(result, Exception):
            logger.error("minutes_issued receiver %r failed", receiver, exc_info=result)


def _index_after_commit(meeting_id: int) -> None:
    """The public search finds published minutes from the commit on (minutes/search.py). Outside the
    step's transaction (issuing holds the file's lock until its commit); a failure is logged and
    leaves the step done: `manage.py search_rebuild` repairs the index."""
    transaction.on_commit(lambda: search_entry_sync(meeting_id=meeting_id), robust=True)


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _take("publish", meeting, by)
    meeting.save(update_fields=["state", "updated_at"])
    _index_after_commit(meeting.pk)
    public_content_changed()
    return meeting


@transaction.atomic
def minutes_withdraw(*, meeting: Meeting, by: User, reason: str) -> Meeting:
    """Take published minutes off the public website (they stay issued, with their memo number, and
    may be published again); the reason is recorded with the step."""
    if not reason.strip():
        raise StepRefused(_("Write why the minutes are withdrawn from the website."), meeting)
    meeting = _take("withdraw", meeting, by, comment=reason.strip())
    meeting.save(update_fields=["state", "updated_at"])
    _index_after_commit(meeting.pk)
    public_content_changed()
    return meeting


@transaction.atomic
def minutes_correct(*, meeting: Meeting, by: User) -> Meeting:
    """Start a corrected version (সংশোধিত কার্যবিবরণী) of issued minutes: a new draft that replaces it
    once issued. The issued version stays as it was, readable, with its own memo number."""
    meeting = _locked(meeting)
    check("correct", meeting, by)
    return meeting_copy(source=meeting, by=by)


@transaction.atomic
def meeting_delete(*, meeting: Meeting, by: User) -> None:
    """Delete a draft (or returned minutes) with everything in it; issued minutes are never deleted."""
    meeting = _locked(meeting)
    check("delete", meeting, by)
    meeting.delete()
