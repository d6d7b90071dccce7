"""The follow-up's pages: My work, an item with its history and forms, the evidence files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from followup import selectors, services
from followup.forms import ProgressForm, ReviewForm
from followup.models import Occurrence
from followup.permissions import may_report, may_review, require_may_report, require_may_review
from offices.access import can_read_office
from offices.forms import add_errors

REVIEWABLE = (Occurrence.Status.DONE, Occurrence.Status.CONFIRMED)


@login_required
@require_GET
def my_work(request):
    return render(request, "followup/my_work.html", {"work": selectors.my_work(request.user)})


def _item_page(request, occurrence, form=None, review_form=None, status=200):
    ctx = {
        "item": occurrence,
        "history": selectors.occurrence_history(occurrence),
        "may_open_source": can_read_office(request.user, occurrence.office),
        "may_report": occurrence.is_pending and may_report(request.user, occurrence),
        "may_review": occurrence.status in REVIEWABLE and may_review(request.user, occurrence),
        "form": form or ProgressForm(),
        "review_form": review_form or ReviewForm(),
    }
    return render(request, "followup/item_detail.html", ctx, status=status)


@login_required
@require_GET
def item_detail(request, pk):
    return _item_page(request, selectors.get_occurrence_for_user_or_404(request.user, pk))


@login_required
@require_POST
def item_report(request, pk):
    occurrence = selectors.get_occurrence_for_user_or_404(request.user, pk)
    require_may_report(request.user, occurrence)
    form = ProgressForm(request.POST, request.FILES)
    if form.is_valid():
        done = form.cleaned_data["status"] == ProgressForm.DONE
        try:
            services.progress_report(
                occurrence=occurrence,
                note=form.cleaned_data["note"],
                done=done,
                uploads=[services.Upload(f.name, f.read()) for f in form.cleaned_data["files"]],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Reported done: the approver will confirm it.") if done else _("The progress is reported."),
            )
            return redirect("followup:item", pk=occurrence.pk)
    messages.error(request, _("Nothing was reported: correct what is marked below."))
    return _item_page(request, occurrence, form=form, status=400)


@login_required
@require_POST
def item_review(request, pk, action):
    occurrence = selectors.get_occurrence_for_user_or_404(request.user, pk)
    require_may_review(request.user, occurrence)
    form = ReviewForm(request.POST)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if action == "confirm":
                services.progress_confirm(occurrence=occurrence, comment=comment, by=request.user)
                messages.success(request, _("Confirmed as done."))
            else:
                services.progress_reopen(occurrence=occurrence, comment=comment, by=request.user)
                messages.success(request, _("Reopened with your comment."))
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("followup:item", pk=occurrence.pk)
    messages.error(request, _("Nothing was changed: correct what is marked below."))
    return _item_page(request, occurrence, review_form=form, status=400)


@login_required
@require_GET
def evidence_download(request, pk):
    """The file, to those who may read the item; never from a public URL."""
    evidence = selectors.get_evidence_for_user_or_404(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=evidence.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
