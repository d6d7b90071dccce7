"""The facts the issuing officer chooses when issuing: the issue date, the officer who signs the
memo block, and the file (নথি) whose next serial gives the memo number.

The rules live here once; the issue form (minutes/workflow/forms.py) asks them to show the issuer
a message next to the field, and minutes_issue (services.py) asks them again inside its
transaction, before anything is written.
"""

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bangla.forms import shown_digits
from minutes.models import Meeting
from offices.models import Official
from offices.selectors import issuing_officials


def _dotted(day: datetime.date) -> str:
    return shown_digits(day.strftime("%d.%m.%Y"))


def approval_date(meeting: Meeting) -> datetime.date | None:
    """The day (in Dhaka) the minutes were last approved, from the workflow's record; None if no
    approval was recorded (minutes entered before the workflow kept its steps)."""
    at = (
        meeting.transitions.filter(to_state=Meeting.State.APPROVED)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    return timezone.localdate(at) if at else None


def issue_date_refusal(meeting: Meeting, day: datetime.date) -> str | None:
    """Why minutes may not carry this issue date, or None: not in the future, not before the
    approval (nor, if no approval was recorded, before the meeting)."""
    today = timezone.localdate()
    if day > today:
        return _("The issue date cannot be in the future: today is %(today)s.") % {"today": _dotted(today)}
    approved = approval_date(meeting)
    if approved and day < approved:
        return _("The issue date cannot be before the approval of the minutes on %(date)s.") % {
            "date": _dotted(approved)
        }
    if not approved and day < meeting.date:
        return _("The issue date cannot be before the meeting on %(date)s.") % {"date": _dotted(meeting.date)}
    return None


def signers(meeting: Meeting) -> QuerySet[Official]:
    """Who may be chosen to sign the memo block: the office's officials with the issuer role."""
    return issuing_officials(meeting.office)


def signer_refusal(meeting: Meeting, official: Official) -> str | None:
    if not signers(meeting).filter(pk=official.pk).exists():
        return _("The memo block is signed by an issuing officer of this office: choose one from the list.")
    return None
