"""Reads for the reminders' pages, scoped to what the user may see."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from followup.models import DigestDelivery
from offices.access import require_admin
from offices.models import Office, Official


def office_deliveries(office: Office, *, failed_only: bool = False) -> QuerySet[DigestDelivery]:
    """The digests sent (or not) to the officials of this office, newest first, with their size."""
    deliveries = (
        DigestDelivery.objects.filter(digest__official__office=office)
        .select_related("digest__official")
        .annotate(items=Count("digest__reminders"))
        .order_by("-digest__for_date", "-pk")
    )
    return deliveries.filter(status=DigestDelivery.Status.FAILED) if failed_only else deliveries


def official_deliveries(official: Official, *, limit: int = 10) -> list[DigestDelivery]:
    return list(
        DigestDelivery.objects.filter(digest__official=official)
        .select_related("digest")
        .annotate(items=Count("digest__reminders"))
        .order_by("-digest__for_date", "-pk")[:limit]
    )


def get_delivery_to_administer_or_404(user, pk) -> DigestDelivery:
    delivery = get_object_or_404(DigestDelivery.objects.select_related("digest__official__office"), pk=pk)
    require_admin(user, delivery.digest.official.office)
    return delivery
