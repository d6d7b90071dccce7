"""The links' pages: the editor's fragment under a decision (loaded by htmx), an indicator's page,
and the drafters' POSTs that link a decision or attach minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from actionplan.links import selectors, services
from actionplan.selectors import get_indicator_for_user_or_404
from minutes.models import Meeting
from offices.access import require_readable

FRAGMENT = "actionplan/_decision_links.html"


@login_required
@require_GET
def decision_links(request, decision_pk):
    """Under a saved decision in the editor: its indicators and the ones its text names. Nothing at
    all when the office has no plan for the meeting's year, or nothing to show."""
    decision = selectors.get_decision_for_user_or_404(request.user, decision_pk)
    ctx = selectors.decision_panel(decision, request.user)
    if not ctx["linked"] and not (ctx["may_link"] and ctx["suggested"]):
        return HttpResponse("")
    return render(request, FRAGMENT, ctx)


def _decision_and_indicator(request, decision_pk, indicator_pk):
    decision = selectors.get_decision_for_user_or_404(request.user, decision_pk)
    indicator = get_indicator_for_user_or_404(request.user, indicator_pk)
    return decision, indicator


def _after_decision_change(request, decision, indicator, error: str = ""):
    """htmx: the fragment again (with the refusal, if any); a plain form post: the indicator's page."""
    if request.htmx:
        ctx = {**selectors.decision_panel(decision, request.user), "error": error}
        return render(request, FRAGMENT, ctx)  # htmx swaps only 2xx: the refusal shows in it
    if error:
        messages.error(request, error)
    return redirect("actionplan:indicator", pk=indicator.pk)


@login_required
@require_POST
def decision_link(request, decision_pk, indicator_pk):
    decision, indicator = _decision_and_indicator(request, decision_pk, indicator_pk)
    try:
        services.decision_link(decision=decision, indicator=indicator, by=request.user)
    except ValidationError as error:
        return _after_decision_change(request, decision, indicator, " ".join(error.messages))
    return _after_decision_change(request, decision, indicator)


@login_required
@require_POST
def decision_unlink(request, decision_pk, indicator_pk):
    decision, indicator = _decision_and_indicator(request, decision_pk, indicator_pk)
    services.decision_unlink(decision=decision, indicator=indicator, by=request.user)
    return _after_decision_change(request, decision, indicator)


def _meeting_for_user_or_404(request, meeting_pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("office"), pk=meeting_pk)
    require_readable(request.user, meeting.office)
    return meeting


@login_required
@require_POST
def minutes_attach(request, pk, meeting_pk):
    indicator = get_indicator_for_user_or_404(request.user, pk)
    meeting = _meeting_for_user_or_404(request, meeting_pk)
    try:
        services.minutes_attach(meeting=meeting, indicator=indicator, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes are attached as evidence."))
    return redirect("actionplan:indicator", pk=indicator.pk)


@login_required
@require_POST
def minutes_detach(request, pk, meeting_pk):
    indicator = get_indicator_for_user_or_404(request.user, pk)
    meeting = _meeting_for_user_or_404(request, meeting_pk)
    services.minutes_detach(meeting=meeting, indicator=indicator, by=request.user)
    messages.success(request, _("The minutes are no longer attached."))
    return redirect("actionplan:indicator", pk=indicator.pk)
