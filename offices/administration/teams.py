"""Teams and committees of an office (the innovation team is one of them) and their members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offices import selectors, services
from offices.administration.records import record_edit_page
from offices.administration.sections import render_section
from offices.forms import InnovationTeamForm, TeamMemberAddForm, TeamMemberForm, add_errors
from offices.models import InnovationTeam


@login_required
def team_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    return render_section(
        request, office, "teams", "offices/manage/teams.html", {"teams": selectors.office_teams(office)}
    )


@login_required
def team_create(request, office_pk):
    office = selectors.get_office_to_administer_or_404(request.user, office_pk)
    team = InnovationTeam(office=office, name="")
    return record_edit_page(
        request, office, team, InnovationTeamForm, section="teams", title=_("New team or committee")
    )


@login_required
def team_detail(request, pk):
    """The team's name, and its members: add one, change a role or the order, remove one."""
    team = selectors.get_record_to_administer_or_404(request.user, InnovationTeam, pk)
    form = InnovationTeamForm(request.POST or None, instance=team, prefix="team")
    if request.method == "POST" and form.is_valid():
        services.office_record_save(record=form.instance, fields=list(form.Meta.fields), by=request.user)
        messages.success(request, _("Saved."))
        return redirect("offices:team", pk=team.pk)
    return _team_page(request, team, form=form, add_form=TeamMemberAddForm(team=team))


def _team_page(request, team, *, form=None, add_form=None, member_form=None, status=200):
    """The team's page; a form that was posted with errors is shown as posted, in its place."""
    members = list(team.members.select_related("official", "official__office").order_by("order", "id"))

    def row_form(member):
        if member_form is not None and member_form.instance.pk == member.pk:
            return member_form
        return TeamMemberForm(instance=member, prefix=f"m{member.pk}")

    ctx = {
        "team": team,
        "form": form or InnovationTeamForm(instance=team, prefix="team"),
        "add_form": add_form or TeamMemberAddForm(team=team),
        "members": [(member, row_form(member)) for member in members],
    }
    return render_section(
        request, team.office, "teams", "offices/manage/team_detail.html", ctx, status=status
    )


@login_required
@require_POST
def team_member_add(request, pk):
    team = selectors.get_record_to_administer_or_404(request.user, InnovationTeam, pk)
    add_form = TeamMemberAddForm(request.POST, team=team)
    if add_form.is_valid():
        try:
            member = services.team_member_add(
                team=team,
                official=add_form.cleaned_data["official"],
                role=add_form.cleaned_data["role"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(add_form, error)
        else:
            messages.success(request, _("%(name)s is a member now.") % {"name": member.official.name})
            return redirect("offices:team", pk=team.pk)
    return _team_page(request, team, add_form=add_form, status=400)


@login_required
@require_POST
def team_member_edit(request, pk):
    member = selectors.get_team_member_to_administer_or_404(request.user, pk)
    form = TeamMemberForm(request.POST, instance=member, prefix=f"m{member.pk}")
    if form.is_valid():
        services.team_member_update(
            member=member, role=form.cleaned_data["role"], order=form.cleaned_data["order"], by=request.user
        )
        messages.success(request, _("Saved."))
        return redirect("offices:team", pk=member.team.pk)
    messages.error(request, _("Nothing was saved: correct the fields marked in red."))
    return _team_page(request, member.team, member_form=form, status=400)


@login_required
@require_POST
def team_member_remove(request, pk):
    member = selectors.get_team_member_to_administer_or_404(request.user, pk)
    services.team_member_remove(member=member, by=request.user)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": member.official.name})
    return redirect("offices:team", pk=member.team.pk)
