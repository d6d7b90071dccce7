"""Staff pages of the workflow: a meeting's page with its steps and history, taking a step, the inbox.

A refused step (StepRefused) is shown the same way everywhere, by
minutes.workflow.middleware: the reason as a message on the meeting's page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minutes import selectors
from minutes.document.selectors import issued_document_exists
from minutes.models import Meeting
from minutes.sections import meeting_sections
from minutes.workflow import services, steps
from minutes.workflow.forms import IssueForm, StepForm


@login_required
def meeting_detail(request, pk):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    available = steps.available_steps(meeting, request.user)
    ctx = {
        "meeting": meeting,
        "steps": available,
        "issue_form": IssueForm(meeting=meeting, user=request.user) if "issue" in available else None,
        "step_labels": {name: step.label for name, step in steps.STEPS.items()},
        "transitions": meeting.transitions.select_related("by"),
        "changes": meeting.history.select_related("history_user").order_by("-history_date")[:50],
        "deliveries": meeting.deliveries.select_related("recipient"),
        "unmailed": meeting.recipients.filter(email=""),
        "corrections": Meeting.objects.filter(replaces=meeting),
        "document_stored": issued_document_exists(meeting),
        "sections": meeting_sections(meeting, request.user),
    }
    return render(request, "minutes/meeting_detail.html", ctx)


def _issue_page(request, meeting: Meeting, form: IssueForm, status: int = 200):
    """The issue facts for review: the form, and once it is valid what would be issued, with the button
    that confirms exactly that."""
    ctx = {
        "meeting": meeting,
        "form": form,
        "review": form.review() if form.is_bound and form.is_valid() else None,
        "issue_label": steps.STEPS["issue"].label,
    }
    return render(request, "minutes/issue.html", ctx, status=status)


@login_required
@require_GET
def meeting_issue_review(request, pk):
    """Review the issue facts before confirming (reading only: the confirmation is the issue step)."""
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    steps.check("issue", meeting, request.user)
    form = IssueForm(request.GET or None, meeting=meeting, user=request.user)
    return _issue_page(request, meeting, form, status=400 if form.is_bound and not form.is_valid() else 200)


@login_required
@require_POST
def meeting_step(request, pk, step):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    if step not in TAKE:
        raise BadRequest("unknown step")
    if step == "issue":
        steps.check("issue", meeting, request.user)
        form = IssueForm(request.POST, meeting=meeting, user=request.user)
        if not form.is_valid():
            messages.error(request, _("Nothing was issued: correct the fields marked in red."))
            return _issue_page(request, meeting, form, status=400)
        data = form.issue_facts()
    else:
        form = StepForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect("minutes:detail", pk=meeting.pk)
        data = form.cleaned_data
    meeting = TAKE[step](meeting, request.user, data)
    if step == "delete":
        messages.success(request, _("The draft is deleted."))
        return redirect("minutes:list")
    if step == "correct":
        messages.success(request, _("A correction is drafted; it goes through approval again."))
        return redirect("minutes:edit", pk=meeting.pk)
    messages.success(
        request, _("Done: the minutes are now “%(state)s”.") % {"state": meeting.get_state_display()}
    )
    return redirect("minutes:detail", pk=meeting.pk)


# step -> (meeting, user, the step form's data) -> the meeting after the step (for "correct", the new draft)
TAKE = {
    "submit": lambda m, by, data: services.meeting_submit(meeting=m, by=by),
    "return": lambda m, by, data: services.meeting_return(meeting=m, by=by, comment=data["comment"]),
    "approve": lambda m, by, data: services.meeting_approve(meeting=m, by=by, comment=data["comment"]),
    "issue": lambda m, by, data: services.minutes_issue(meeting=m, by=by, **data),
    "publish": lambda m, by, data: services.minutes_publish(meeting=m, by=by),
    "withdraw": lambda m, by, data: services.minutes_withdraw(meeting=m, by=by, reason=data["comment"]),
    "correct": lambda m, by, data: services.minutes_correct(meeting=m, by=by),
    "delete": lambda m, by, data: services.meeting_delete(meeting=m, by=by),
}


@login_required
def inbox(request):
    """What waits for the user, per step they may take (minutes/workflow/steps.py: inbox)."""
    return render(request, "minutes/inbox.html", {"sections": steps.inbox(request.user)})
