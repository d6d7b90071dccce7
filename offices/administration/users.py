"""An office's users: invitations, roles in the office, deactivation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offices import access, selectors, services
from offices.administration.sections import render_section
from offices.forms import InviteForm, RolesForm, add_errors


@login_required
def user_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    ctx = {"users": list(selectors.office_users(office)[:1000])}
    return render_section(request, office, "users", "offices/manage/users.html", ctx)


@login_required
def user_invite(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    form = InviteForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, sent = services.user_invite(
                office=office,
                email=data["email"],
                username=data["username"],
                name=data["name"],
                official=data["official"],
                roles=set(data["roles"]),
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if sent:
                message = _("The invitation is on its way to %(email)s.") % {"email": user.email}
            else:
                message = _("%(name)s already had an account: the roles are given to it.") % {
                    "name": user.display_name()
                }
            messages.success(request, message)
            return redirect("offices:user", pk=office.pk, user_pk=user.pk)
    return render_section(request, office, "users", "offices/manage/user_invite.html", {"form": form})


@login_required
def user_detail(request, pk, user_pk):
    """A user's roles in this office (given and taken here), deactivation, a new invitation."""
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    account = selectors.get_office_user_or_404(office, user_pk)
    held = [role.role for role in account.roles_here]
    form = RolesForm(request.POST or None, initial={"roles": held})
    if request.method == "POST" and form.is_valid():
        try:
            services.office_roles_set(
                user=account, office=office, roles=set(form.cleaned_data["roles"]), by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("offices:user", pk=office.pk, user_pk=account.pk)
    ctx = {
        "account": account,
        "form": form,
        "may_manage_account": access.can_manage_account(request.user, account),
    }
    return render_section(request, office, "users", "offices/manage/user_detail.html", ctx)


@login_required
@require_POST
def user_deactivate(request, pk, user_pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    account = selectors.get_office_user_or_404(office, user_pk)
    try:
        services.user_deactivate(user=account, office=office, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s can no longer log in.") % {"name": account.display_name()})
    return redirect("offices:user", pk=office.pk, user_pk=account.pk)


@login_required
@require_POST
def user_invite_again(request, pk, user_pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    account = selectors.get_office_user_or_404(office, user_pk)
    try:
        services.user_invite_again(user=account, office=office, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation is on its way to %(email)s.") % {"email": account.email})
    return redirect("offices:user", pk=office.pk, user_pk=account.pk)
