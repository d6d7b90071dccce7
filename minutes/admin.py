"""Django admin for minutes. Issued versions are read-only here too: corrections go through the workflow."""

from django.contrib import admin

from minutes.models import (
    AgendaItem,
    Decision,
    Delivery,
    DistributionGroup,
    DistributionGroupMember,
    IssuedDocument,
    Meeting,
    Transition,
)
from minutes.workflow.steps import STEPS
from offices.admin import HistoryAdmin


def _is_draft(meeting) -> bool:
    """A draft may be changed here; once submitted, only the workflow moves it."""
    return meeting.state in STEPS["edit"].sources


class AgendaItemInline(admin.StackedInline):
    """Shown, not edited: a meeting's content is written in the editor, which sanitises it."""

    model = AgendaItem
    extra = 0
    readonly_fields = ["order", "title", "discussion"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "by", "by_name", "by_designation", "comment", "at"]


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["title", "office", "date", "state", "memo_number"]
    list_filter = ["state", "layout"]
    list_select_related = ["office"]
    search_fields = ["title", "memo_number", "office__name"]
    raw_id_fields = ["office", "team", "chair", "issuer", "government_file", "replaces", "created_by"]
    inlines = [AgendaItemInline, TransitionInline]

    def get_readonly_fields(self, request, obj=None):
        if obj and not _is_draft(obj):
            return [f.name for f in Meeting._meta.fields]
        return [
            "state",
            "memo_number",
            "memo_serial",
            "government_file",
            "issue_date",
            "version",
            "replaces",
            "submitted_by",
        ]

    def get_inlines(self, request, obj):
        return [TransitionInline] if obj and not _is_draft(obj) else self.inlines


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """The text is shown, not edited: it is rich text, written in the editor, which sanitises it."""

    list_display = ["__str__", "status", "deadline_kind", "deadline_date"]
    list_filter = ["status"]
    list_select_related = ["agenda_item__meeting"]
    search_fields = ["text"]
    raw_id_fields = ["agenda_item", "carried_from"]
    readonly_fields = ["text"]

    def has_add_permission(self, request):
        return False


class DistributionGroupMemberInline(admin.TabularInline):
    model = DistributionGroupMember
    extra = 1


@admin.register(DistributionGroup)
class DistributionGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "office"]
    list_select_related = ["office"]
    raw_id_fields = ["office"]
    inlines = [DistributionGroupMemberInline]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read only: deliveries are recorded when minutes are issued, and sent again from the meeting's page."""

    list_display = ["email", "meeting", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["meeting"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "pdf_sha256", "created_at"]
    list_select_related = ["meeting"]
    readonly_fields = [
        "meeting",
        "html_file",
        "html_sha256",
        "pdf_file",
        "pdf_sha256",
        "pdf_size",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
