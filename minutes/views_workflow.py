"""Staff pages of the workflow: a meeting's page with its steps and history, the inbox, deliveries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minutes import selectors, workflow
from minutes.delivery import delivery_resend
from minutes.models import Delivery, Meeting
from offices.access import Role, roles_by_office
from offices.models import GovernmentFile


@login_required
def meeting_detail(request, pk):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    ctx = {
        "meeting": meeting,
        "steps": workflow.available_steps(meeting, request.user),
        "can_edit": meeting.is_editable and "submit" in workflow.available_steps(meeting, request.user),
        "files": GovernmentFile.objects.filter(office=meeting.office, is_active=True),
        "transitions": meeting.transitions.select_related("by"),
        "changes": meeting.history.select_related("history_user").order_by("-history_date")[:50],
        "deliveries": meeting.deliveries.select_related("recipient"),
        "unmailed": meeting.recipients.filter(email=""),
        "corrections": Meeting.objects.filter(replaces=meeting),
    }
    return render(request, "minutes/meeting_detail.html", ctx)


@login_required
@require_POST
def meeting_step(request, pk, step):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    comment = request.POST.get("comment", "")
    try:
        if step == "submit":
            workflow.meeting_submit(meeting=meeting, by=request.user)
        elif step == "return":
            workflow.meeting_return(meeting=meeting, by=request.user, comment=comment)
        elif step == "approve":
            workflow.meeting_approve(meeting=meeting, by=request.user, comment=comment)
        elif step == "issue":
            government_file = get_object_or_404(GovernmentFile, pk=request.POST.get("government_file") or 0)
            workflow.minutes_issue(meeting=meeting, government_file=government_file, by=request.user)
        elif step == "publish":
            workflow.minutes_publish(meeting=meeting, by=request.user)
        elif step == "correct":
            correction = workflow.minutes_correct(meeting=meeting, by=request.user)
            messages.success(request, _("A correction is drafted; it goes through approval again."))
            return redirect("minutes:edit", pk=correction.pk)
        else:
            raise workflow.TransitionRefused(_("Unknown step."))
    except workflow.TransitionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("minutes:detail", pk=meeting.pk)
    messages.success(
        request, _("Done: the minutes are now “%(state)s”.") % {"state": _state_label(meeting.pk)}
    )
    return redirect("minutes:detail", pk=meeting.pk)


def _state_label(pk) -> str:
    return Meeting.objects.get(pk=pk).get_state_display()


@login_required
def inbox(request):
    """What waits for the user, per role: returned drafts, minutes to approve, to issue, to publish."""
    roles = roles_by_office(request.user)
    waiting = {
        Role.DRAFTER: (Meeting.State.RETURNED, Meeting.State.DRAFT),
        Role.APPROVER: (Meeting.State.SUBMITTED,),
        Role.ISSUER: (Meeting.State.APPROVED, Meeting.State.ISSUED),
    }
    sections = []
    for role, states in waiting.items():
        office_ids = [office_id for office_id, held in roles.items() if role in held]
        if office_ids:
            meetings = Meeting.objects.filter(office_id__in=office_ids, state__in=states).select_related(
                "office"
            )
            sections.append((Role(role).label, list(meetings.order_by("-updated_at")[:100])))
    return render(request, "minutes/inbox.html", {"sections": sections})


@login_required
@require_POST
def delivery_retry(request, pk):
    delivery = get_object_or_404(Delivery.objects.select_related("meeting__office"), pk=pk)
    meeting = selectors.get_meeting_for_user_or_404(request.user, delivery.meeting_id)
    delivery_resend(delivery=delivery, by=request.user)
    messages.success(request, _("The e-mail is queued to be sent again."))
    return redirect("minutes:detail", pk=meeting.pk)
