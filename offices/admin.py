from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from offices.models import (
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeRole,
    Official,
    Post,
    TeamMember,
    User,
)


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_en", "short_name"]
    raw_id_fields = ["parent"]


@admin.register(Branch)
class BranchAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "office", "parent"]
    list_filter = ["kind"]
    list_select_related = ["office", "parent"]
    search_fields = ["name", "name_en", "office__name"]
    raw_id_fields = ["office", "parent"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "branch", "office"]
    list_select_related = ["office", "branch"]
    search_fields = ["title", "office__name"]
    raw_id_fields = ["office", "branch"]


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    list_display = ["name", "designation", "branch", "office", "email", "mobile", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["office", "branch"]
    search_fields = ["name", "name_en", "designation", "email", "office__name"]
    raw_id_fields = ["office", "branch", "post"]


@admin.register(GovernmentFile)
class GovernmentFileAdmin(SimpleHistoryAdmin):
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
class InnovationTeamAdmin(admin.ModelAdmin):
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
class OfficeRoleAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "office"]
    list_filter = ["role"]
    list_select_related = ["user", "office"]
    search_fields = ["user__username", "office__name"]
    raw_id_fields = ["user", "office"]
