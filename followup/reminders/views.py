"""The reminders' pages: an office's policy and what was sent (office administration), and an
official's own preferences."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.reminders import selectors, services
from followup.reminders.channels.base import channel_labels
from followup.reminders.forms import ReminderPolicyForm, ReminderPreferenceForm
from offices.administration.sections import render_section
from offices.selectors import get_office_to_administer_or_404

PAGE_SIZE = 50


@login_required
def office_policy(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    form = ReminderPolicyForm(request.POST or None, instance=services.policy_for(office))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.reminder_policy_save(office=office, values=form.cleaned_data, by=request.user)
            messages.success(request, _("Saved. The office's open items are reminded this way from today."))
            return redirect("reminders:office_policy", office_pk=office.pk)
        messages.error(request, _("Nothing was saved: correct the fields marked in red."))
        status = 400
    failed = selectors.office_deliveries(office, failed_only=True).count()
    ctx = {"form": form, "failed": failed, "default_hour": settings.SOBHA_REMINDER_DIGEST_HOUR}
    return render_section(request, office, "reminders", "followup/reminders/office_policy.html", ctx, status)


@login_required
def office_sent(request, office_pk):
    office = get_office_to_administer_or_404(request.user, office_pk)
    failed_only = request.GET.get("status") == "failed"
    page = Paginator(selectors.office_deliveries(office, failed_only=failed_only), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = _labelled(page.object_list)
    ctx = {"page": page, "failed_only": failed_only}
    return render_section(request, office, "reminders", "followup/reminders/office_sent.html", ctx)


@login_required
@require_POST
def send_again(request, pk):
    delivery = selectors.get_delivery_to_administer_or_404(request.user, pk)
    if services.delivery_send_again(delivery=delivery, by=request.user):
        messages.success(request, _("The digest is queued to be sent again."))
    else:
        messages.info(request, _("This digest is not waiting for another try."))
    return redirect("reminders:office_sent", office_pk=delivery.digest.official.office_id)


@login_required
def preferences(request):
    official = request.user.official if request.user.official_id else None
    if official is None or not official.is_active:
        return render(request, "followup/reminders/preferences.html", {"official": None})
    sms = "sms" in settings.SOBHA_REMINDER_CHANNELS
    form = ReminderPreferenceForm(
        request.POST or None, instance=services.preference_for(official), sms_available=sms
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.reminder_preference_save(official=official, values=form.cleaned_data, by=request.user)
            messages.success(request, _("Saved. Your next digest follows these choices."))
            return redirect("reminders:preferences")
        messages.error(request, _("Nothing was saved: correct the fields marked in red."))
        status = 400
    ctx = {
        "official": official,
        "form": form,
        "deliveries": _labelled(selectors.official_deliveries(official)),
    }
    return render(request, "followup/reminders/preferences.html", ctx, status=status)


def _labelled(deliveries) -> list:
    labels = channel_labels()
    deliveries = list(deliveries)
    for delivery in deliveries:
        delivery.channel_label = labels.get(delivery.channel, delivery.channel)
    return deliveries
