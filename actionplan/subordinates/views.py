"""A superior office's template for its subordinates (published and taken back on the plan's page, used
on a subordinate's plans page) and its overview of their plans' scores."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan import selectors
from actionplan.forms import OverviewForm, this_fiscal_year
from actionplan.subordinates import services
from actionplan.subordinates.selectors import (
    DEFAULT_SORT,
    get_template_for_office_or_404,
    subordinates_overview,
)
from offices.selectors import get_office_for_user_or_404, get_office_to_administer_or_404


@login_required
@require_POST
def template_publish(request, pk, published):
    plan = selectors.get_plan_to_administer_or_404(request.user, pk)
    try:
        services.template_publish(plan=plan, published=published, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The plan is published as the template for the subordinate offices.")
            if published
            else _("The plan is no longer a template. The plans made from it stay as they are."),
        )
    return redirect(plan)


@login_required
@require_POST
def plan_from_template(request, office_pk, pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    template = get_template_for_office_or_404(office, pk)
    try:
        plan = services.plan_from_template(office=office, template=template, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("actionplan:office", office_pk=office.pk)
    messages.success(request, _("The plan is made from the template. Adjust it to the office in the editor."))
    return redirect(plan)


@login_required
def overview(request, office_pk):
    """The plans of the offices directly below, for one fiscal year, with their scores: for those who
    may read the office (its staff and those of the offices above it)."""
    office = get_office_for_user_or_404(request.user, office_pk)
    form = OverviewForm(request.GET)
    form.is_valid()  # what is valid is used; the rest falls back to the default
    year = form.cleaned_data.get("year") or this_fiscal_year()
    sort = form.cleaned_data.get("sort") or DEFAULT_SORT
    ctx = {
        "office": office,
        "year": year,
        "sort": sort,
        "form": OverviewForm(initial={"year": year}),
        "rows": subordinates_overview(office, year, sort),
    }
    return render(request, "actionplan/subordinates_overview.html", ctx)
