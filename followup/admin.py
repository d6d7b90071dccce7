from django.contrib import admin

from followup.models import Occurrence, ProgressReport


class ProgressReportInline(admin.TabularInline):
    model = ProgressReport
    fields = ["kind", "note", "by_name", "by_designation", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Occurrence)
class OccurrenceAdmin(admin.ModelAdmin):
    """For looking: statuses change through My work (followup/services), which keeps the decision's
    status and the history with them."""

    list_display = ["__str__", "office", "due_date", "period", "status", "next_reminder_on"]
    list_select_related = ["office", "decision", "indicator"]
    list_filter = ["status"]
    search_fields = ["office__name", "indicator__title", "decision__text"]
    raw_id_fields = ["decision", "indicator", "office", "confirmed_by"]
    readonly_fields = ["status", "done_at", "confirmed_by", "confirmed_at", "created_at"]
    date_hierarchy = "due_date"
    inlines = [ProgressReportInline]
