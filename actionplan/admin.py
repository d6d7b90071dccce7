from django.contrib import admin

from actionplan.models import Plan
from offices.admin import HistoryAdmin


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    list_display = ["office", "fiscal_year", "total_marks", "origin", "created_at"]
    list_select_related = ["office"]
    list_filter = ["fiscal_year", "origin"]
    search_fields = ["office__name"]
    raw_id_fields = ["office", "copied_from", "created_by"]
