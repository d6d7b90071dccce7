"""Branches and files (নথি) of an office, and the create/edit page every record of the
administration shares."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from offices import selectors, services
from offices.administration.sections import render_section
from offices.forms import (
    BranchForm,
    GovernmentFileCreateForm,
    GovernmentFileForm,
    StartingSerialForm,
    add_errors,
)
from offices.models import Branch, GovernmentFile, Office


def record_edit_page(request, office: Office, record, form_class, *, section: str, title: str, save=None):
    """Create or edit one record of the office with a ModelForm; back to the section's list."""
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            if save is None:
                services.office_record_save(
                    record=form.instance, fields=list(form.Meta.fields), by=request.user
                )
            else:
                save(form)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"offices:{section}", pk=office.pk)
    ctx = {"form": form, "title": title, "back": reverse(f"offices:{section}", args=[office.pk])}
    return render_section(request, office, section, "offices/manage/record_form.html", ctx)


# ---- Branches ------------------------------------------------------------------------------------------


@login_required
def branch_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    branches = list(Branch.objects.filter(office=office).select_related("parent").order_by("name"))
    return render_section(request, office, "branches", "offices/manage/branches.html", {"branches": branches})


@login_required
def branch_create(request, office_pk):
    office = selectors.get_office_to_administer_or_404(request.user, office_pk)
    return record_edit_page(
        request, office, Branch(office=office), BranchForm, section="branches", title=_("New branch")
    )


@login_required
def branch_edit(request, pk):
    branch = selectors.get_record_to_administer_or_404(request.user, Branch, pk)
    return record_edit_page(
        request, branch.office, branch, BranchForm, section="branches", title=_("Edit branch")
    )


# ---- Files (নথি) -----------------------------------------------------------------------------------------


@login_required
def file_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    files = list(
        GovernmentFile.objects.filter(office=office).select_related("branch").order_by("-is_active", "number")
    )
    return render_section(request, office, "files", "offices/manage/files.html", {"files": files})


@login_required
def file_create(request, office_pk):
    office = selectors.get_office_to_administer_or_404(request.user, office_pk)

    def save(form):
        services.file_create(
            government_file=form.instance,
            fields=list(form.Meta.fields),
            starting_serial=form.cleaned_data["starting_serial"],
            by=request.user,
        )

    government_file = GovernmentFile(office=office)
    return record_edit_page(
        request,
        office,
        government_file,
        GovernmentFileCreateForm,
        section="files",
        title=_("New file"),
        save=save,
    )


@login_required
def file_edit(request, pk):
    government_file = selectors.get_record_to_administer_or_404(request.user, GovernmentFile, pk)
    office = government_file.office
    return record_edit_page(
        request, office, government_file, GovernmentFileForm, section="files", title=_("Edit file")
    )


@login_required
def file_starting_serial(request, pk):
    """A file already used on paper: the serial of its last paper letter, set once before the portal's
    first issue from it."""
    government_file = selectors.get_record_to_administer_or_404(request.user, GovernmentFile, pk)
    office = government_file.office
    form = StartingSerialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_set_starting_serial(
                government_file=government_file, serial=form.cleaned_data["serial"], by=request.user
            )
        except ValidationError as error:
            form.add_error("serial", error.messages)
        else:
            messages.success(request, _("The starting serial is set."))
            return redirect("offices:files", pk=office.pk)
    ctx = {"form": form, "government_file": government_file}
    return render_section(request, office, "files", "offices/manage/file_starting_serial.html", ctx)
