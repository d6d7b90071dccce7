"""A decision's status (pending, in progress, done) once its minutes are issued.

The editor sets it while the minutes are drafted (it is content). After the issue, the follow-up
(followup/services.py) reports it here as the responsible officials report and the approver confirms;
the next meeting's "previous decisions" item (content/services.py: open_decisions_of_earlier_meetings)
then pulls in exactly the decisions still open.
"""

from django.db import transaction

from minutes.models import Decision, Meeting


@transaction.atomic
def decision_set_status(*, decision: Decision, status: str) -> Decision:
    """Set the status of a decision of issued minutes (the issued document is not reprinted: it keeps
    the status as issued). ValueError for an unknown status or minutes not issued."""
    if status not in Decision.Status.values:
        raise ValueError(f"unknown decision status {status!r}")
    issued = Meeting.objects.filter(
        agenda_items__decisions=decision, state__in=Meeting.ISSUED_STATES
    ).exists()
    if not issued:
        raise ValueError("only a decision of issued minutes changes status outside the editor")
    Decision.objects.filter(pk=decision.pk).exclude(status=status).update(status=status)
    decision.status = status
    return decision
