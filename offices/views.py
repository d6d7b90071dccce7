from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from offices import access, selectors
from offices.forms import BranchForm, GovernmentFileForm, OfficialForm
from offices.models import Branch, GovernmentFile, Office, Official
from offices.services import office_record_save


def home(request):
    ctx = {
        "offices_with_roles": selectors.user_roles_listing(request.user)
        if request.user.is_authenticated
        else []
    }
    return render(request, "offices/home.html", ctx)


@login_required
def office_list(request):
    ctx = {"offices": selectors.offices_for_user(request.user).order_by("name")}
    return render(request, "offices/office_list.html", ctx)


@login_required
def office_detail(request, pk):
    office = selectors.get_office_for_user_or_404(request.user, pk)
    ctx = {
        "office": office,
        "can_administer": access.can_administer_office(request.user, office),
        **selectors.office_records(office),
    }
    return render(request, "offices/office_detail.html", ctx)


def _edit_record(request, office: Office, record, form_class, title: str):
    """Shared create/edit flow for an office's branches, officials and files."""
    if not access.can_administer_office(request.user, office):
        raise PermissionDenied
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        office_record_save(record=form.instance, by=request.user)
        messages.success(request, _("Saved."))
        return redirect(office)
    ctx = {"office": office, "form": form, "title": title}
    return render(request, "offices/record_form.html", ctx)


@login_required
def official_create(request, office_pk):
    office = selectors.get_office_for_user_or_404(request.user, office_pk)
    return _edit_record(request, office, Official(office=office), OfficialForm, _("New official"))


@login_required
def official_edit(request, pk):
    official = selectors.get_official_for_user_or_404(request.user, pk)
    return _edit_record(request, official.office, official, OfficialForm, _("Edit official"))


@login_required
def file_create(request, office_pk):
    office = selectors.get_office_for_user_or_404(request.user, office_pk)
    return _edit_record(request, office, GovernmentFile(office=office), GovernmentFileForm, _("New file"))


@login_required
def file_edit(request, pk):
    government_file = selectors.get_file_for_user_or_404(request.user, pk)
    return _edit_record(request, government_file.office, government_file, GovernmentFileForm, _("Edit file"))


@login_required
def branch_create(request, office_pk):
    office = selectors.get_office_for_user_or_404(request.user, office_pk)
    return _edit_record(request, office, Branch(office=office), BranchForm, _("New branch"))


@login_required
def branch_edit(request, pk):
    branch = get_object_or_404(Branch.objects.select_related("office"), pk=pk)
    access.require_readable(request.user, branch.office)
    return _edit_record(request, branch.office, branch, BranchForm, _("Edit branch"))
