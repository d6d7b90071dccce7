"""The office's document conventions, in the office administration: presets, the fields, a live preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from minutes.conventions import services
from minutes.conventions.forms import PRESETS, SUGGESTIONS, OfficeConventionsForm, preset_values
from minutes.conventions.preview import preview_context
from minutes.models import OfficeConventions
from offices.administration.sections import render_section
from offices.selectors import get_office_to_administer_or_404


@login_required
def conventions_edit(request, office_pk):
    """GET shows the office's conventions; POST "preset" fills the form with a preset (unsaved);
    POST saves."""
    office = get_office_to_administer_or_404(request.user, office_pk)
    conventions, status = OfficeConventions.of(office), 200
    if request.method != "POST":
        form = OfficeConventionsForm(instance=conventions)
    elif preset := request.POST.get("preset"):
        if preset not in PRESETS:
            raise BadRequest("unknown preset")
        form = OfficeConventionsForm(initial=preset_values(preset), instance=OfficeConventions(office=office))
        messages.info(request, _("The preset is filled in: check the preview, change what differs and save."))
    else:
        form = OfficeConventionsForm(request.POST, instance=conventions)
        if form.is_valid():
            services.office_conventions_save(office=office, values=form.cleaned_data, by=request.user)
            messages.success(request, _("Saved. Minutes started from now on are written this way."))
            return redirect("minutes:conventions", office_pk=office.pk)
        messages.error(request, _("Nothing was saved: correct the fields marked in red."))
        status = 400
    ctx = {
        "form": form,
        "presets": [(name, label) for name, (label, _values) in PRESETS.items()],
        "suggestions": SUGGESTIONS,
        **preview_context(_shown(form), office),
    }
    return render_section(request, office, "conventions", "minutes/conventions/edit.html", ctx, status)


@login_required
def conventions_preview(request, office_pk):
    """The preview of the conventions in the query (the form's fields, sent by htmx as they change)."""
    office = get_office_to_administer_or_404(request.user, office_pk)
    form = OfficeConventionsForm(request.GET, instance=OfficeConventions(office=office))
    return render(request, "minutes/conventions/_preview.html", preview_context(_shown(form), office))


def _shown(form: OfficeConventionsForm) -> OfficeConventions:
    """The conventions the form shows: as posted (a field in error keeps its value), or as filled in."""
    if form.is_bound:
        form.is_valid()
        return form.instance
    values = {**form.instance.conventions(), **form.initial}
    return OfficeConventions(
        office=form.instance.office, **{k: values[k] for k in form.instance.conventions()}
    )
