"""The plan's pages: the plans an office's staff may read, a plan, importing and copying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan import reporting, selectors, services
from actionplan.forms import (
    AchievementReportForm,
    PlanCopyForm,
    PlanImportForm,
    ReportReturnForm,
    shown_achievement,
)
from actionplan.links import selectors as links_selectors
from actionplan.permissions import may_report, may_review, require_may_report, require_may_review
from actionplan.subordinates.selectors import published_templates
from offices.access import can_administer_office, roles_by_office
from offices.forms import add_errors
from offices.models import Office
from offices.selectors import get_office_for_user_or_404, get_office_to_administer_or_404


@login_required
def plan_list(request):
    """Every plan the user may read, and the way to each of their own offices' plans."""
    ctx = {
        "plans": selectors.plans_for_user(request.user)[:200],
        "own_offices": Office.objects.filter(pk__in=roles_by_office(request.user).keys()).order_by("name"),
    }
    return render(request, "actionplan/plan_list.html", ctx)


@login_required
def office_plans(request, office_pk):
    office = get_office_for_user_or_404(request.user, office_pk)
    may_administer = can_administer_office(request.user, office)
    plans = list(selectors.office_plans(office))
    ctx = {
        "office": office,
        "plans": plans,
        "may_administer": may_administer,
        "copy_form": PlanCopyForm() if may_administer else None,
        # the superior office's templates, for the administrators to make the office's plan from
        "templates": list(published_templates(office)) if may_administer else [],
        "planned_years": {plan.fiscal_year for plan in plans},
        "has_subordinates": office.children.exists(),
    }
    return render(request, "actionplan/office_plans.html", ctx)


@login_required
def plan_detail(request, pk):
    plan = selectors.get_plan_for_user_or_404(request.user, pk)
    may_administer = can_administer_office(request.user, plan.office)
    ctx = {
        "plan": plan,
        **selectors.plan_page(plan),
        "may_administer": may_administer,
        "may_publish_template": may_administer and plan.office.children.exists(),
        "progress_quarters": selectors.quarters_begun(plan, timezone.localdate()),
    }
    return render(request, "actionplan/plan_detail.html", ctx)


@login_required
def plan_import(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    form = PlanImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["template"]
        try:
            plan = services.plan_import(
                office=office,
                fiscal_year=form.cleaned_data["fiscal_year"],
                total_marks=form.cleaned_data["total_marks"],
                data=upload.read(),
                file_name=upload.name,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The plan is imported."))
            return redirect(plan)
    return render(request, "actionplan/plan_import.html", {"office": office, "form": form})


@login_required
@require_POST
def plan_copy(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    form = PlanCopyForm(request.POST)
    if form.is_valid():
        try:
            plan = services.plan_copy_last_year(
                office=office, fiscal_year=form.cleaned_data["fiscal_year"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Last year's plan is copied. Check the targets for this year."))
            return redirect(plan)
    else:
        messages.error(request, _("Choose a fiscal year."))
    return redirect("actionplan:office", office_pk=office.pk)


@login_required
def indicator_detail(request, pk):
    """An indicator's four quarters: reports, evidence, states and the score; the buttons each user may use."""
    indicator = selectors.get_indicator_for_user_or_404(request.user, pk)
    page = selectors.indicator_page(indicator)
    ctx = {
        "indicator": indicator,
        "plan": indicator.plan,
        **page,
        "may_report": may_report(request.user, indicator),
        "reviewable": {
            report.pk for _quarter, report in page["quarters"] if report and may_review(request.user, report)
        },
        "return_form": ReportReturnForm(),
        **links_selectors.indicator_links(indicator, request.user),  # decisions and minutes about it
    }
    return render(request, "actionplan/indicator_detail.html", ctx)


@login_required
def report_achievement(request, pk, quarter):
    indicator = selectors.get_indicator_for_user_or_404(request.user, pk)
    require_may_report(request.user, indicator)
    if quarter not in range(1, 5):
        raise Http404
    report = indicator.reports.filter(quarter=quarter).first()
    initial = {"achieved": shown_achievement(report.achieved), "note": report.note} if report else {}
    form = AchievementReportForm(
        request.POST or None, request.FILES or None, indicator=indicator, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        uploads = [reporting.Upload(f.name, f.read()) for f in form.cleaned_data["files"]]
        try:
            reporting.achievement_report(
                indicator=indicator,
                quarter=quarter,
                achieved=form.cleaned_data["achieved"],
                note=form.cleaned_data["note"],
                uploads=uploads,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The achievement is reported; the approver will confirm it."))
            return redirect("actionplan:indicator", pk=indicator.pk)
    ctx = {"indicator": indicator, "plan": indicator.plan, "quarter": quarter, "report": report, "form": form}
    return render(request, "actionplan/report_form.html", ctx)


@login_required
@require_POST
def report_review(request, pk, action):
    report = selectors.get_report_for_user_or_404(request.user, pk)
    require_may_review(request.user, report)
    try:
        if action == "confirm":
            reporting.achievement_confirm(report=report, by=request.user)
            messages.success(request, _("The report is confirmed."))
        else:
            reporting.achievement_return(
                report=report, comment=request.POST.get("comment", ""), by=request.user
            )
            messages.success(request, _("The report is returned with your comment."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("actionplan:indicator", pk=report.indicator_id)


@login_required
@require_POST
def evidence_remove(request, pk):
    evidence = selectors.get_evidence_for_user_or_404(request.user, pk)
    try:
        reporting.evidence_remove(evidence=evidence, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is removed.") % {"name": evidence.name})
    return redirect("actionplan:indicator", pk=evidence.report.indicator_id)


@login_required
def evidence_download(request, pk):
    """The file, to those who may read the plan; never from a public URL."""
    evidence = selectors.get_evidence_for_user_or_404(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=evidence.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
