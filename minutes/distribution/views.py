"""Distribution groups in the office administration (offices/administration/sections.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minutes.distribution import services
from minutes.distribution.forms import GroupMemberFormSet, GroupNameForm, members_of
from minutes.models import DistributionGroup
from offices.access import require_admin
from offices.administration.sections import render_section
from offices.forms import add_errors
from offices.selectors import get_office_to_administer_or_404


def _get_group_to_administer_or_404(user, pk) -> DistributionGroup:
    group = get_object_or_404(DistributionGroup.objects.select_related("office"), pk=pk)
    require_admin(user, group.office)
    return group


@login_required
def group_list(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    groups = list(
        DistributionGroup.objects.filter(office=office).annotate(size=Count("members")).order_by("name")
    )
    return render_section(
        request, office, "groups", "minutes/distribution/group_list.html", {"groups": groups}
    )


@login_required
def group_create(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    return _group_page(request, DistributionGroup(office=office))


@login_required
def group_edit(request, pk):
    return _group_page(request, _get_group_to_administer_or_404(request.user, pk))


def _group_page(request, group: DistributionGroup):
    members = group.members.order_by("order", "id") if group.pk else []
    name_form = GroupNameForm(request.POST or None, initial={"name": group.name})
    formset = GroupMemberFormSet(
        request.POST or None, initial=[member.content() for member in members], prefix="members"
    )
    if request.method == "POST" and name_form.is_valid() and formset.is_valid():
        try:
            services.distribution_group_save(
                group=group, name=name_form.cleaned_data["name"], members=members_of(formset), by=request.user
            )
        except ValidationError as error:
            add_errors(name_form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("minutes:groups", office_pk=group.office.pk)
    ctx = {"group": group, "name_form": name_form, "formset": formset}
    return render_section(request, group.office, "groups", "minutes/distribution/group_form.html", ctx)


@login_required
@require_POST
def group_delete(request, pk):
    group = _get_group_to_administer_or_404(request.user, pk)
    office_pk = group.office.pk
    services.distribution_group_delete(group=group, by=request.user)
    messages.success(request, _("The group is deleted."))
    return redirect("minutes:groups", office_pk=office_pk)
