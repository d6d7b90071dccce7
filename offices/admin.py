from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from offices.models import (
    AuditEntry,
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeHoliday,
    OfficeRole,
    Official,
    Post,
    TeamMember,
    User,
)
from offices.publication import public_content_changed


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, answering 404 rather than a server error for an id that is
    not a number (its history views look the object up without checking)."""

    def history_view(self, request, object_id, extra_context=None):
        self._check_id(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_id(object_id)
        if not str(version_id).isdigit():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_id(self, object_id):
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError as error:
            raise Http404 from error


@admin.register(Office)
class OfficeAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "slug", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_en", "short_name", "slug"]
    raw_id_fields = ["parent"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        public_content_changed()  # its name and web address are on the public pages


@admin.register(OfficeHoliday)
class OfficeHolidayAdmin(HistoryAdmin):
    list_display = ["date", "name", "kind", "office"]
    list_filter = ["kind"]
    list_select_related = ["office"]
    search_fields = ["name", "office__name"]
    raw_id_fields = ["office"]
    date_hierarchy = "date"


@admin.register(Branch)
class BranchAdmin(HistoryAdmin):
    list_display = ["name", "kind", "office", "parent"]
    list_filter = ["kind"]
    list_select_related = ["office", "parent"]
    search_fields = ["name", "name_en", "office__name"]
    raw_id_fields = ["office", "parent"]


@admin.register(Post)
class PostAdmin(HistoryAdmin):
    list_display = ["title", "branch", "office"]
    list_select_related = ["office", "branch"]
    search_fields = ["title", "office__name"]
    raw_id_fields = ["office", "branch"]


@admin.register(Official)
class OfficialAdmin(HistoryAdmin):
    list_display = ["name", "designation", "branch", "office", "email", "mobile", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["office", "branch"]
    search_fields = ["name", "name_en", "designation", "email", "office__name"]
    raw_id_fields = ["office", "branch", "post"]


@admin.register(GovernmentFile)
class GovernmentFileAdmin(HistoryAdmin):
    list_display = ["number_bn", "subject", "office", "last_serial", "is_active"]
    list_select_related = ["office"]
    search_fields = ["number", "subject", "office__name"]
    raw_id_fields = ["office", "branch"]

    @admin.display(description=_("file number"), ordering="number")
    def number_bn(self, obj):
        return obj.number_bn


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    raw_id_fields = ["official"]
    extra = 0


@admin.register(InnovationTeam)
class InnovationTeamAdmin(HistoryAdmin):
    list_display = ["name", "office", "covers_subordinates"]
    list_select_related = ["office"]
    inlines = [TeamMemberInline]
    raw_id_fields = ["office"]


class OfficeRoleInline(admin.TabularInline):
    model = OfficeRole
    raw_id_fields = ["office"]
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = [*DjangoUserAdmin.fieldsets, (_("Official"), {"fields": ["official"]})]
    raw_id_fields = ["official"]
    inlines = [OfficeRoleInline]
    list_display = ["username", "official", "email", "is_staff", "is_active"]
    list_select_related = ["official"]


@admin.register(OfficeRole)
class OfficeRoleAdmin(HistoryAdmin):
    list_display = ["user", "role", "office"]
    list_filter = ["role"]
    list_select_related = ["user", "office"]
    search_fields = ["user__username", "office__name"]
    raw_id_fields = ["user", "office"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The administration's audit log, read-only: entries are written by the services alone."""

    list_display = ["at", "office", "actor", "action", "content_type", "object_repr"]
    list_filter = ["action"]
    list_select_related = ["office", "actor", "content_type"]
    search_fields = ["object_repr", "office__name", "actor__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
