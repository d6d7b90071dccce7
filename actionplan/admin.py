from django.contrib import admin

from actionplan.models import DecisionLink, Idea, MeetingEvidence, Plan
from offices.admin import HistoryAdmin


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    list_display = ["office", "fiscal_year", "total_marks", "origin", "created_at"]
    list_select_related = ["office"]
    list_filter = ["fiscal_year", "origin"]
    search_fields = ["office__name"]
    raw_id_fields = ["office", "copied_from", "created_by"]


@admin.register(Idea)
class IdeaAdmin(HistoryAdmin):
    list_display = ["title", "office", "kind", "status", "is_published"]
    list_select_related = ["office"]
    list_filter = ["kind", "status", "is_published"]
    search_fields = ["title", "office__name"]
    raw_id_fields = ["office", "indicator", "created_by"]


@admin.register(DecisionLink)
class DecisionLinkAdmin(admin.ModelAdmin):
    list_display = ["indicator", "decision", "linked_by", "linked_at"]
    list_select_related = ["indicator", "decision", "linked_by"]
    raw_id_fields = ["decision", "indicator", "linked_by"]


@admin.register(MeetingEvidence)
class MeetingEvidenceAdmin(admin.ModelAdmin):
    list_display = ["indicator", "meeting", "attached_by", "attached_at"]
    list_select_related = ["indicator", "meeting", "attached_by"]
    raw_id_fields = ["meeting", "indicator", "attached_by"]
