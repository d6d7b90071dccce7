"""Staff action on an issued document's e-mails: send one again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minutes import selectors
from minutes.delivery.services import delivery_resend
from minutes.models import Delivery


@login_required
@require_POST
def delivery_retry(request, pk):
    delivery = get_object_or_404(Delivery.objects.select_related("meeting__office"), pk=pk)
    meeting = selectors.get_meeting_for_user_or_404(request.user, delivery.meeting_id)
    delivery_resend(delivery=delivery, by=request.user)
    messages.success(request, _("The e-mail is queued to be sent again."))
    return redirect("minutes:detail", pk=meeting.pk)
