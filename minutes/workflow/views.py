"""Staff pages of the workflow: a meeting's page with its steps and history, taking a step, the inbox.

A refused step (StepRefused) is shown the same way everywhere, by
minutes.workflow.middleware: the reason as a message on the meeting's page.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from minutes import selectors
from minutes.content.richtext import normalize_text
from minutes.document.selectors import issued_document_exists
from minutes.models import Meeting
from minutes.workflow import services, steps
from offices.models import GovernmentFile


@login_required
def meeting_detail(request, pk):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    ctx = {
        "meeting": meeting,
        "steps": steps.available_steps(meeting, request.user),
        "step_labels": {name: step.label for name, step in steps.STEPS.items()},
        "files": GovernmentFile.objects.filter(office=meeting.office, is_active=True),
        "transitions": meeting.transitions.select_related("by"),
        "changes": meeting.history.select_related("history_user").order_by("-history_date")[:50],
        "deliveries": meeting.deliveries.select_related("recipient"),
        "unmailed": meeting.recipients.filter(email=""),
        "corrections": Meeting.objects.filter(replaces=meeting),
        "document_stored": issued_document_exists(meeting),
    }
    return render(request, "minutes/meeting_detail.html", ctx)


class StepForm(forms.Form):
    """What a step may carry: a comment (return, approve) and the file to issue from (issue)."""

    comment = forms.CharField(required=False, max_length=5000)
    government_file = forms.ModelChoiceField(
        queryset=GovernmentFile.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Pick one of this office's files in use.")},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["government_file"].queryset = GovernmentFile.objects.filter(office=meeting.office)

    def clean_comment(self):
        return normalize_text(self.cleaned_data["comment"]).strip()


@login_required
@require_POST
def meeting_step(request, pk, step):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    if step not in TAKE:
        raise BadRequest("unknown step")
    form = StepForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("minutes:detail", pk=meeting.pk)
    if step == "issue" and form.cleaned_data["government_file"] is None:
        raise steps.StepRefused(_("Pick the file to issue from."), meeting)
    meeting = TAKE[step](meeting, request.user, form.cleaned_data)
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
    "issue": lambda m, by, data: services.minutes_issue(
        meeting=m, government_file=data["government_file"], by=by
    ),
    "publish": lambda m, by, data: services.minutes_publish(meeting=m, by=by),
    "correct": lambda m, by, data: services.minutes_correct(meeting=m, by=by),
    "delete": lambda m, by, data: services.meeting_delete(meeting=m, by=by),
}


@login_required
def inbox(request):
    """What waits for the user, per step they may take (minutes/workflow/steps.py: inbox)."""
    return render(request, "minutes/inbox.html", {"sections": steps.inbox(request.user)})
