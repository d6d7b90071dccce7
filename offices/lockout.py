"""django-axes hooks: whose address a log-in comes from, how failures count, and the page a
locked-out visitor sees.

Settings name them (AXES_HANDLER, AXES_CLIENT_IP_CALLABLE, AXES_LOCKOUT_CALLABLE); nothing else
calls them.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


class LockoutHandler(AxesDatabaseHandler):
    """Failed log-ins counted per user name (from any address) and per address (for any user name),
    each against its own limit: AXES_FAILURE_LIMIT per user, SOBHA_ADDRESS_FAILURE_LIMIT per address,
    which is higher because an office's officials share one address behind NAT.

    axes compares one number with AXES_FAILURE_LIMIT, so the per-address count is scaled to it.
    AXES_LOCKOUT_PARAMETERS must be ["username", "ip_address"], in that order.
    """

    def get_failures(self, request, credentials=None) -> int:
        per_user, per_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = per_address * settings.AXES_FAILURE_LIMIT // settings.SOBHA_ADDRESS_FAILURE_LIMIT
        return max(per_user, scaled)


def client_ip(request) -> str | None:
    """The address failed log-ins are counted against.

    REMOTE_ADDR, unless SOBHA_TRUSTED_PROXIES says how many reverse proxies stand in front of the
    portal: then the address the outermost of them saw, read from the right of X-Forwarded-For
    (each proxy appends the address it was reached from; whatever the client sent stays on the left
    and is never believed).
    """
    proxies = settings.SOBHA_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies:
            try:
                return str(ipaddress.ip_address(forwarded[-proxies]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    """Too many failed log-ins: a page in the portal's layout instead of the log-in form."""
    cool_off = get_cool_off(request)
    ctx = {"cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None}
    return render(request, "registration/locked_out.html", ctx, status=settings.AXES_HTTP_RESPONSE_CODE)
