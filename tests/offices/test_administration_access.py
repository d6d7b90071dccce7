"""Who may administer an office: its administrators and those of every office above it; nobody
else, never upwards, never sideways. Every page of the administration asks offices/access.py."""

import pytest
from django.urls import reverse

from minutes.models import DistributionGroup
from offices import access
from offices.models import AuditEntry, Branch, GovernmentFile, OfficeRole, Official, TeamMember, User
from tests.factories import (
    BranchFactory,
    GovernmentFileFactory,
    InnovationTeamFactory,
    OfficeFactory,
    OfficialFactory,
    PostFactory,
    TeamMemberFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def tree():
    """ministry → division → directorate, and a sibling division; an administrator of each."""
    ministry = OfficeFactory(name="মন্ত্রণালয়")
    division = OfficeFactory(name="বিভাগ", parent=ministry)
    directorate = OfficeFactory(name="অধিদপ্তর", parent=division)
    sibling = OfficeFactory(name="অন্য বিভাগ", parent=ministry)
    admins = {
        office: user_with_role(office, R.ADMIN, username=f"admin-{key}")
        for key, office in (("ministry", ministry), ("division", division), ("directorate", directorate))
    }
    admins[sibling] = user_with_role(sibling, R.ADMIN, username="admin-sibling")
    return ministry, division, directorate, sibling, admins


def test_it_lets_an_administrator_act_for_every_office_below_their_own(tree):
    ministry, division, directorate, sibling, admins = tree
    admin = admins[ministry]
    assert all(access.can_administer_office(admin, o) for o in (ministry, division, directorate, sibling))
    assert access.can_administer_office(admins[division], directorate)


def test_it_never_lets_an_administrator_act_upwards_or_sideways(tree):
    ministry, division, directorate, sibling, admins = tree
    assert not access.can_administer_office(admins[directorate], division)
    assert not access.can_administer_office(admins[directorate], ministry)
    assert not access.can_administer_office(admins[division], ministry)
    assert not access.can_administer_office(admins[sibling], division)
    assert not access.can_administer_office(admins[division], sibling)


def test_it_does_not_make_other_roles_administrators_of_anything(tree):
    ministry, division, directorate, *_ = tree
    drafter = user_with_role(ministry, R.DRAFTER, R.APPROVER, R.ISSUER)
    assert not any(access.can_administer_office(drafter, o) for o in (ministry, division, directorate))
    assert not access.administers_any_office(drafter)


def test_it_lets_a_superior_administrator_change_a_subordinates_records(client, tree):
    ministry, division, directorate, *_ = tree
    official = OfficialFactory(office=directorate, name="কারা কর্মকর্তা")
    client.force_login(tree[4][ministry])
    response = client.post(
        reverse("offices:official_edit", args=[official.pk]),
        {"name": "নতুন নাম", "designation": "সচিব", "is_active": "on"},
    )
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.name == "নতুন নাম"
    entry = AuditEntry.objects.get(office=directorate)
    assert entry.actor == tree[4][ministry]
    page = client.get(reverse("offices:manage", args=[directorate.pk])).content.decode()
    assert "ঊর্ধ্বতন দপ্তরের প্রশাসক হিসেবে" in page  # the page says on whose behalf


# ---- Every page of the administration, by every kind of outsider -------------------------------------


def _records(office):
    team = InnovationTeamFactory(office=office)
    return {
        "office": office,
        "branch": BranchFactory(office=office, name="গোপন শাখা"),
        "official": OfficialFactory(office=office, name="গোপন কর্মকর্তা"),
        "post": PostFactory(office=office, title="গোপন পদ"),
        "file": GovernmentFileFactory(office=office, subject="গোপন নথি"),
        "team": team,
        "member": TeamMemberFactory(team=team, official=OfficialFactory(office=office)),
        "user": user_with_role(office, R.DRAFTER, username="gopon"),
        "group": DistributionGroup.objects.create(office=office, name="গোপন দল"),
    }


PAGES = [
    # url name, the record whose id it takes (the office's own pages take its id)
    ("offices:manage", "office"),
    ("offices:settings", "office"),
    ("offices:audit", "office"),
    ("offices:users", "office"),
    ("offices:user_invite", "office"),
    ("offices:user", "office+user"),
    ("offices:officials", "office"),
    ("offices:official_create", "office"),
    ("offices:official_edit", "official"),
    ("offices:post_create", "office"),
    ("offices:post_edit", "post"),
    ("offices:post_transfer", "post"),
    ("offices:branches", "office"),
    ("offices:branch_create", "office"),
    ("offices:branch_edit", "branch"),
    ("offices:files", "office"),
    ("offices:file_create", "office"),
    ("offices:file_edit", "file"),
    ("offices:file_starting_serial", "file"),
    ("offices:teams", "office"),
    ("offices:team_create", "office"),
    ("offices:team", "team"),
    ("minutes:groups", "office"),
    ("minutes:group_create", "office"),
    ("minutes:group_edit", "group"),
]
ACTIONS = [  # POST only
    ("offices:user_deactivate", "office+user"),
    ("offices:user_invite_again", "office+user"),
    ("offices:team_member_add", "team"),
    ("offices:team_member_edit", "member"),
    ("offices:team_member_remove", "member"),
    ("minutes:group_delete", "group"),
]


def _url(name, key, records):
    if key == "office+user":
        return reverse(name, args=[records["office"].pk, records["user"].pk])
    return reverse(name, args=[records[key].pk])


def _state(office):
    """Everything an outsider might try to change, as counts and names."""
    return (
        sorted(Official.objects.filter(office=office).values_list("name", "is_active")),
        sorted(Branch.objects.filter(office=office).values_list("name", flat=True)),
        sorted(GovernmentFile.objects.filter(office=office).values_list("number", "last_serial", "subject")),
        TeamMember.objects.filter(team__office=office).count(),
        sorted(OfficeRole.objects.filter(office=office).values_list("user__username", "role")),
        sorted(DistributionGroup.objects.filter(office=office).values_list("name", flat=True)),
        AuditEntry.objects.filter(office=office).count(),
        sorted(
            User.objects.filter(office_roles__office=office).values_list("username", "is_active", "password")
        ),
    )


@pytest.mark.parametrize("name, key", PAGES)
def test_it_shows_each_page_to_the_offices_own_administrator(client, office_a, alice, name, key):
    records = _records(office_a)
    client.force_login(alice)
    assert client.get(_url(name, key, records)).status_code == 200


@pytest.mark.parametrize("name, key", PAGES + ACTIONS)
@pytest.mark.parametrize("who", ["other office", "subordinate", "sibling"])
def test_it_hides_every_page_from_administrators_of_other_offices(client, tree, name, key, who):
    ministry, division, directorate, sibling, admins = tree
    records = _records(division)
    outsider = {
        "other office": user_with_role(OfficeFactory(), R.ADMIN, username="admin-elsewhere"),
        "subordinate": admins[directorate],
        "sibling": admins[sibling],
    }[who]
    before = _state(division)
    client.force_login(outsider)
    url = _url(name, key, records)
    if (name, key) in PAGES:
        response = client.get(url)
        assert response.status_code == 404
        assert "গোপন" not in response.content.decode()
    response = client.post(url, {"name": "অনধিকার", "number": "11.00.0000.001.01.001.24", "serial": "৫০০"})
    assert response.status_code == 404
    assert _state(division) == before


@pytest.mark.parametrize("name, key", PAGES + ACTIONS)
def test_it_refuses_the_offices_other_roles_with_403(client, office_a, name, key):
    records = _records(office_a)
    client.force_login(user_with_role(office_a, R.DRAFTER, R.APPROVER, R.ISSUER, username="staff"))
    before = _state(office_a)
    url = _url(name, key, records)
    if (name, key) in PAGES:
        assert client.get(url).status_code == 403
    response = client.post(url, {"name": "অনধিকার", "serial": "৫০০", "roles": ["admin"]})
    assert response.status_code == 403
    assert "অনুমতি" in response.content.decode()
    assert _state(office_a) == before


def test_it_sends_anonymous_visitors_to_log_in(client, office_a):
    response = client.get(reverse("offices:manage", args=[office_a.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_the_way_in_only_to_administrators(client, office_a, alice):
    drafter = user_with_role(office_a, R.DRAFTER, username="drafter-only")
    client.force_login(drafter)
    assert "দপ্তর প্রশাসন" not in client.get(reverse("home")).content.decode()
    assert client.get(reverse("offices:manage_home")).status_code == 403
    client.force_login(alice)
    home = client.get(reverse("home")).content.decode()
    assert reverse("offices:manage_home") in home
    assert client.get(reverse("offices:manage_home"))["Location"] == reverse(
        "offices:manage", args=[office_a.pk]
    )


def test_it_lists_every_office_a_superior_administrator_may_keep(client, tree):
    ministry, division, directorate, sibling, admins = tree
    client.force_login(admins[division])
    page = client.get(reverse("offices:manage_home")).content.decode()
    for office in (division, directorate):
        assert reverse("offices:manage", args=[office.pk]) in page
    for office in (ministry, sibling):
        assert reverse("offices:manage", args=[office.pk]) not in page
