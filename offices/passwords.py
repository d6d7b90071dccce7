"""Password reset by e-mail, throttled: at most a few requests per address and per e-mail address an
hour, so the portal cannot be made to flood an official's mailbox. Over the limit nothing is sent,
and the page says the same as always (it never tells whether an address is known)."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from offices.lockout import client_ip
from offices.throttle import over_limit

log = logging.getLogger(__name__)
PER_HOUR = 5


def _over_limit(key: str) -> bool:
    return over_limit(key, limit=PER_HOUR)


class PasswordResetView(auth_views.PasswordResetView):
    # Links in the e-mail point at the portal's public address, not at whatever Host the request named.
    extra_email_context = {"site_url": settings.SITE_URL.rstrip("/")}

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        over_address = _over_limit(f"password-reset:address:{client_ip(self.request)}")
        if over_address or _over_limit(f"password-reset:email:{email}"):
            log.warning("Password reset not sent: too many requests (address %s)", client_ip(self.request))
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
