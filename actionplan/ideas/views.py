"""The innovation bank's pages: an office's bank, an entry, its form, its status and publication,
importing and exporting the sheet. Read like the plans; written by the office's drafters and
administrators; published by its administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from actionplan.ideas import export, selectors, services
from actionplan.ideas.forms import IdeaFilterForm, IdeaForm, IdeaImportForm, IdeaStatusForm
from bangla.forms import shown_digits
from offices.forms import add_errors
from offices.selectors import get_office_for_user_or_404

FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.as_xlsx),
    "csv": ("text/csv; charset=utf-8", export.as_csv),
}


def _office_to_edit(user, office_pk):
    office = get_office_for_user_or_404(user, office_pk)  # 404 outside the offices the user reads
    if not selectors.may_edit_ideas(user, office):
        raise PermissionDenied
    return office


def _idea_to_edit(user, pk):
    idea = selectors.get_idea_for_user_or_404(user, pk)
    if not selectors.may_edit_ideas(user, idea.office):
        raise PermissionDenied
    return idea


@login_required
@require_GET
def idea_list(request, office_pk):
    office = get_office_for_user_or_404(request.user, office_pk)
    filters = IdeaFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    ctx = {
        "office": office,
        "ideas": selectors.office_ideas(office, kind=chosen.get("kind", ""), status=chosen.get("status", "")),
        "filters": filters,
        "may_edit": selectors.may_edit_ideas(request.user, office),
    }
    return render(request, "actionplan/idea_list.html", ctx)


@login_required
@require_GET
def idea_detail(request, pk):
    idea = selectors.get_idea_for_user_or_404(request.user, pk)
    may_edit = selectors.may_edit_ideas(request.user, idea.office)
    ctx = {
        "idea": idea,
        "office": idea.office,
        "may_edit": may_edit,
        "may_publish": selectors.may_publish_ideas(request.user, idea.office),
        "status_form": IdeaStatusForm(idea=idea) if may_edit and idea.next_statuses() else None,
    }
    return render(request, "actionplan/idea_detail.html", ctx)


@login_required
def idea_create(request, office_pk):
    office = _office_to_edit(request.user, office_pk)
    return _idea_form(request, office, IdeaForm(request.POST or None, office=office))


@login_required
def idea_edit(request, pk):
    idea = _idea_to_edit(request.user, pk)
    return _idea_form(request, idea.office, IdeaForm(request.POST or None, instance=idea, office=idea.office))


def _idea_form(request, office, form):
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_save(idea=form.save(commit=False), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The entry is saved."))
            return redirect(idea)
    return render(request, "actionplan/idea_form.html", {"office": office, "form": form})


@login_required
@require_POST
def idea_status(request, pk):
    idea = _idea_to_edit(request.user, pk)
    form = IdeaStatusForm(request.POST, idea=idea)
    if form.is_valid():
        try:
            services.idea_set_status(
                idea=idea, status=form.cleaned_data["status"], on=form.cleaned_data["on"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The status is changed."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(idea)


@login_required
@require_POST
def idea_publish(request, pk):
    idea = selectors.get_idea_for_user_or_404(request.user, pk)
    if not selectors.may_publish_ideas(request.user, idea.office):
        raise PermissionDenied
    published = request.POST.get("published") == "1"
    services.idea_set_published(idea=idea, published=published)
    messages.success(
        request, _("The entry is published.") if published else _("The entry is no longer published.")
    )
    return redirect(idea)


@login_required
def ideas_import(request, office_pk):
    office = _office_to_edit(request.user, office_pk)
    form = IdeaImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            ideas = services.ideas_import(
                office=office, data=form.cleaned_data["sheet"].read(), by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("%(count)s entries are imported.") % {"count": shown_digits(len(ideas))}
            )
            return redirect("actionplan:ideas", office_pk=office.pk)
    return render(request, "actionplan/idea_import.html", {"office": office, "form": form})


@login_required
@require_GET
def ideas_export(request, office_pk):
    office = get_office_for_user_or_404(request.user, office_pk)
    layout = request.GET.get("layout") if request.GET.get("layout") in export.LAYOUTS else "full"
    kind = request.GET.get("format") if request.GET.get("format") in FORMATS else "xlsx"
    content_type, write = FORMATS[kind]
    rows = export.sheet_rows(selectors.office_ideas(office), layout)
    response = HttpResponse(write(rows), content_type=content_type)
    name = f"innovation-bank-{office.pk}{'-7' if layout == 'published' else ''}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
