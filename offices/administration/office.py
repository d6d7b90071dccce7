"""The way in (which office to administer), an office's overview, its settings and its audit log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from offices import access, selectors
from offices.administration.sections import SECTIONS, render_section
from offices.audit import describe_changes, kind_of
from offices.forms import OfficeSettingsForm
from offices.services import office_record_save


@login_required
def manage_home(request):
    """The offices the user administers: their own and those below; straight in if only one."""
    if not access.administers_any_office(request.user):
        raise PermissionDenied
    offices = list(selectors.offices_administered_by(request.user)[:500])
    if len(offices) == 1:
        return redirect("offices:manage", pk=offices[0].pk)
    return render(request, "offices/manage/home.html", {"offices": offices})


@login_required
def overview(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    ctx = {
        "cards": [s for s in SECTIONS if s.description],
        "children": list(office.children.order_by("name")),
        "entries": _audit_rows(selectors.office_audit_entries(office, limit=8)),
    }
    return render_section(request, office, "overview", "offices/manage/overview.html", ctx)


@login_required
def office_settings(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    form = OfficeSettingsForm(request.POST or None, instance=office)
    if request.method == "POST" and form.is_valid():
        office_record_save(record=form.instance, fields=list(form.Meta.fields), by=request.user)
        messages.success(request, _("Saved."))
        return redirect("offices:settings", pk=office.pk)
    return render_section(request, office, "settings", "offices/manage/settings.html", {"form": form})


@login_required
def audit(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    ctx = {"entries": _audit_rows(selectors.office_audit_entries(office))}
    return render_section(request, office, "audit", "offices/manage/audit.html", ctx)


def _audit_rows(entries):
    return [{"entry": e, "kind": kind_of(e), "changes": describe_changes(e)} for e in entries]
