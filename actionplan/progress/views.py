"""Downloads for those who read the plan (its office's staff, and the offices above it; anyone else
gets 404): the quarterly progress sheet (.xlsx, PDF) and an indicator's evidence bundle (ZIP).
GET only, nothing written: the PDF is printed by a worker and cached (the page waits a few seconds
for it, then says it is being prepared), the issued minutes' PDFs are read as stored."""

import re
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actionplan.progress import bundle, xlsx
from actionplan.progress.document import plan_sheet_html
from actionplan.progress.sheet import progress_sheet, quarter_label
from actionplan.selectors import get_indicator_for_user_or_404, get_plan_for_user_or_404
from actionplan.tasks import progress_sheet_print_task
from bangla.fiscal import format_fiscal_year
from minutes.document import store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NOT_ASCII_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def attachment(response: HttpResponse, ascii_name: str, name: str) -> HttpResponse:
    """Content-Disposition with both names: an ASCII one for old clients, the Bangla one in UTF-8
    (RFC 6266 / RFC 5987 `filename*`) for the others; no caching by proxies."""
    ascii_name = _NOT_ASCII_NAME.sub("-", ascii_name).strip("-") or "download"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _sheet_names(plan, quarter: int, extension: str) -> tuple[str, str]:
    year = f"{plan.fiscal_year}-{(plan.fiscal_year + 1) % 100:02d}"
    ascii_name = f"action-plan-progress-{year}-q{quarter}-office-{plan.office_id}.{extension}"
    name = bundle.safe_name(
        f"কর্মপরিকল্পনার অগ্রগতি {format_fiscal_year(plan.fiscal_year)} {quarter_label(quarter)} {plan.office.name}"
    )
    return ascii_name, f"{name}.{extension}"


def _plan_and_quarter(request, pk, quarter):
    plan = get_plan_for_user_or_404(request.user, pk)
    if quarter not in (1, 2, 3, 4):
        raise Http404
    return plan


@require_GET
@login_required
def progress_sheet_xlsx(request, pk, quarter):
    plan = _plan_and_quarter(request, pk, quarter)
    response = HttpResponse(xlsx.sheet_xlsx(progress_sheet(plan, quarter)), content_type=XLSX)
    return attachment(response, *_sheet_names(plan, quarter, "xlsx"))


@require_GET
@login_required
def progress_sheet_pdf(request, pk, quarter):
    plan = _plan_and_quarter(request, pk, quarter)
    pdf = store.awaited_pdf(
        plan_sheet_html(plan, quarter), lambda: progress_sheet_print_task.delay(plan.pk, quarter)
    )
    if pdf is None or pdf.startswith(store.FAILED):
        failed = pdf.removeprefix(store.FAILED).decode() if pdf else ""
        title = _("Quarterly progress sheet")
        ctx = {"plan": plan, "title": title, "failed": failed}
        return render(request, "actionplan/preparing.html", ctx, status=422 if failed else 202)
    return attachment(HttpResponse(pdf, content_type="application/pdf"), *_sheet_names(plan, quarter, "pdf"))


@require_GET
@login_required
def evidence_bundle(request, pk):
    indicator = get_indicator_for_user_or_404(request.user, pk)
    try:
        zipped = bundle.bundle_file(indicator)
    except bundle.BundleNotReady:
        ctx = {"plan": indicator.plan, "title": _("Evidence bundle"), "failed": ""}
        return render(request, "actionplan/preparing.html", ctx, status=202)
    name = bundle.bundle_name(indicator)
    response = FileResponse(zipped, content_type="application/zip")
    ascii_name = (
        f"evidence-{indicator.number}-{indicator.plan.fiscal_year}-office-{indicator.plan.office_id}.zip"
    )
    return attachment(response, ascii_name, f"{name}.zip")
