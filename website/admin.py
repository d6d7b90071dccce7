"""Readers' e-mail alerts in the admin: to find a reader's subscriptions and delete them on request.
They are created only by the reader's confirmation, never here."""

from django.contrib import admin

from website.alerts.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "office", "subordinates", "query", "fiscal_year", "language", "confirmed_at"]
    list_select_related = ["office"]
    search_fields = ["email"]
    readonly_fields = [f.name for f in Subscription._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
