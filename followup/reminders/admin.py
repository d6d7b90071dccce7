"""The reminders in Django's admin (for staff; offices use their administration's pages). Imported by
FollowupConfig.ready(). The schedule itself is django-celery-beat's: Periodic tasks."""

from django.contrib import admin

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
