"""The pages every user of an office sees: home, their offices, an office's records; and the page
where an invited user sets a password. Changing the records is the administration's
(offices/administration/)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from offices import access, selectors
from offices.invitations import invitation_token_generator
from offices.services import user_invitation_accept


def home(request):
    """Staff see their offices; everyone else is sent to the public website (not a permanent
    redirect: the same address serves staff)."""
    if not request.user.is_authenticated:
        return redirect("public:home")
    return render(
        request, "offices/home.html", {"offices_with_roles": selectors.user_roles_listing(request.user)}
    )


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


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """Django's set-password page with the invitation's token; saving activates the account."""

    token_generator = invitation_token_generator
    template_name = "offices/invitation_accept.html"

    def form_valid(self, form):
        user = user_invitation_accept(user=self.user, password=form.cleaned_data["new_password1"])
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(
            self.request,
            _("Your password is set. Log in with your user name, %(username)s.")
            % {"username": user.username},
        )
        return HttpResponseRedirect(reverse("login"))
