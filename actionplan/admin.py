from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actionplan.models import Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["office", "fiscal_year", "total_marks", "origin", "created_at"]
    list_select_related = ["office"]
    list_filter = ["fiscal_year", "origin"]
    search_fields = ["office__name"]
    raw_id_fields = ["office", "copied_from", "created_by"]
