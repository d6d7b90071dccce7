"""The sections of the administration, in the order its menu shows them. The offices app lists its
own; another app adds one from its AppConfig.ready() with `add_section` (offices cannot import it)."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from offices.access import Role, has_role
from offices.models import Office


@dataclass(frozen=True)
class Section:
    key: str
    label: str | Promise
    url_name: str  # takes the office's id
    description: str | Promise = ""


SECTIONS = [
    Section("overview", _("Overview"), "offices:manage"),
    Section(
        "users", _("Users and roles"), "offices:users", _("Invite users, give and take roles, deactivate.")
    ),
    Section(
        "officials",
        _("Officials and posts"),
        "offices:officials",
        _("The people in office and the posts they hold; transfers."),
    ),
    Section(
        "branches",
        _("Wings and branches"),
        "offices:branches",
        _("The office's wings, sections and branches."),
    ),
    Section(
        "teams",
        _("Teams and committees"),
        "offices:teams",
        _("The innovation team and other committees, with their members."),
    ),
    Section(
        "files",
        _("Government files"),
        "offices:files",
        _("Files (নথি) whose serials give memo numbers; files already used on paper."),
    ),
    Section(
        "holidays",
        _("Holidays"),
        "offices:holidays",
        _("Public holidays and the office's own announcements; working-day deadlines count with them."),
    ),
    Section(
        "settings",
        _("Office settings"),
        "offices:settings",
        _("Policies for approving and publishing; what documents print about the office."),
    ),
    Section("audit", _("Recent changes"), "offices:audit", _("Who changed what, and when.")),
]


def add_section(section: Section, *, before: str = "settings") -> None:
    if any(existing.key == section.key for existing in SECTIONS):
        return
    keys = [existing.key for existing in SECTIONS]
    SECTIONS.insert(keys.index(before) if before in keys else len(SECTIONS), section)


def render_section(request, office: Office, section: str, template: str, ctx: dict | None = None, status=200):
    """A page of the administration: its menu, the office, and the page's own context."""
    ctx = {
        "office": office,
        "section": section,
        "sections": [(s, reverse(s.url_name, args=[office.pk])) for s in SECTIONS],
        # Administrators of a superior office act here on its behalf: the page says so.
        "acting_from_above": not has_role(request.user, office, Role.ADMIN),
        **(ctx or {}),
    }
    return render(request, template, ctx, status=status)
