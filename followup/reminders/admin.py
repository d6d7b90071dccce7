"""The reminders in Django's admin (for staff; offices use their administration's pages). Imported by
FollowupConfig.ready(). The schedule itself is django-celery-beat's: Periodic tasks."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_celery_beat.admin import CrontabScheduleAdmin
from django_celery_beat.models import CrontabSchedule

from followup.models import Digest, DigestDelivery, Reminder, ReminderPolicy, ReminderPreference


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "office",
        "days_before",
        "overdue_every_days",
        "escalate_after_days",
        "escalate_to_superior",
    ]
    list_select_related = ["office"]
    raw_id_fields = ["office"]
    search_fields = ["office__name"]


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["official", "digest_hour", "include_soon_due", "by_sms"]
    list_select_related = ["official"]
    raw_id_fields = ["official"]
    search_fields = ["official__name"]


class DeliveryInline(admin.TabularInline):
    model = DigestDelivery
    extra = 0
    fields = ["channel", "address", "status", "attempts", "last_error", "sent_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["for_date", "official", "closed_at"]
    list_select_related = ["official"]
    raw_id_fields = ["official"]
    date_hierarchy = "for_date"
    search_fields = ["official__name", "official__email"]
    inlines = [DeliveryInline]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["digest", "channel", "address", "status", "attempts", "sent_at"]
    list_filter = ["status", "channel"]
    list_select_related = ["digest__official"]
    raw_id_fields = ["digest"]
    search_fields = ["address", "digest__official__name"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["for_date", "official", "kind", "occurrence"]
    list_filter = ["kind"]
    list_select_related = ["official", "occurrence"]
    raw_id_fields = ["digest", "official", "occurrence"]


class CrontabScheduleForm(forms.ModelForm):
    """django-celery-beat's schedule form, with a time zone that cannot fail the page: zoneinfo raises
    OSError or ValueError, not "unknown time zone", for a name too long or shaped like a path."""

    class Meta:
        model = CrontabSchedule
        fields = ["minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["timezone"]
        field.coerce = _refusing_unreadable_zones(field.coerce)


def _refusing_unreadable_zones(coerce):
    def checked(value):
        try:
            return coerce(value)
        except (OSError, ValueError) as error:
            raise ValidationError(_("Unknown time zone."), code="invalid_choice") from error

    return checked


admin.site.unregister(CrontabSchedule)


@admin.register(CrontabSchedule)
class SafeCrontabScheduleAdmin(CrontabScheduleAdmin):
    form = CrontabScheduleForm
