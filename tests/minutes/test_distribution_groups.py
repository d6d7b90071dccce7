"""Distribution groups, kept in the office administration by the office's administrators."""

import pytest
from django.urls import reverse

from minutes.models import DistributionGroup, DistributionGroupMember
from offices.models import AuditEntry, OfficeRole
from tests.factories import MeetingFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


def _rows(*lines, extra=1):
    """The group page's member rows as posted: each line a dict of fields, then blank rows."""
    data = {"members-TOTAL_FORMS": str(len(lines) + extra), "members-INITIAL_FORMS": str(len(lines))}
    for i, line in enumerate(lines):
        data.update({f"members-{i}-{name}": value for name, value in line.items()})
    return data


def test_it_creates_a_group_with_its_members_in_order(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("minutes:group_create", args=[office_a.pk]),
        {
            "name": "সকল অধিদপ্তর প্রধান",
            **_rows(
                {"designation": "মহাপরিচালক", "office_name": "কারা অধিদপ্তর", "email": "dg@prison.example.gov.bd"},
                {"designation": "মহাপরিচালক", "office_name": "ফায়ার সার্ভিস", "request": "অবগতির জন্য"},
            ),
        },
    )
    assert response.status_code == 302
    group = DistributionGroup.objects.get(office=office_a)
    lines = [m.line() for m in group.members.order_by("order")]
    assert lines == ["মহাপরিচালক, কারা অধিদপ্তর", "মহাপরিচালক, ফায়ার সার্ভিস (অবগতির জন্য)"]
    entry = AuditEntry.objects.get(office=office_a)
    assert (entry.action, entry.actor, entry.changes["name"]) == (
        "created",
        alice,
        [None, "সকল অধিদপ্তর প্রধান"],
    )
    listing = client.get(reverse("minutes:groups", args=[office_a.pk])).content.decode()
    assert "সকল অধিদপ্তর প্রধান" in listing and "২ জন সদস্য" in listing


def test_it_edits_a_group_and_the_audit_names_the_members_added_and_removed(client, alice, office_a):
    group = DistributionGroup.objects.create(office=office_a, name="ইনোভেশন টিম")
    DistributionGroupMember.objects.create(group=group, order=0, designation="উপসচিব", name="ক")
    DistributionGroupMember.objects.create(group=group, order=1, designation="সচিব", name="খ")
    client.force_login(alice)
    data = {
        "name": "ইনোভেশন টিম",
        **_rows(
            {"designation": "উপসচিব", "name": "ক", "DELETE": "on"},
            {"designation": "সচিব", "name": "খ"},
            {"designation": "প্রোগ্রামার", "name": "গ"},
        ),
    }
    data["members-INITIAL_FORMS"] = "2"
    assert client.post(reverse("minutes:group_edit", args=[group.pk]), data).status_code == 302
    assert [m.line() for m in group.members.order_by("order")] == ["খ, সচিব", "গ, প্রোগ্রামার"]
    assert AuditEntry.objects.get().changes == {"members": ["ক, উপসচিব", "গ, প্রোগ্রামার"]}
    audit = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "দলের সদস্য" in audit and "গ, প্রোগ্রামার" in audit


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", **_rows({"designation": "সচিব"})}, "এই ঘরটি অবশ্যই পূরণ করতে হবে।"),
        (
            {"name": "টাইপ করা দল", **_rows({"designation": "সচিব", "email": "not-an-address"})},
            "সঠিক ই-মেইল ঠিকানা লিখুন।",
        ),
        (
            {"name": "আগের দল", **_rows({"designation": "সচিব"})},
            "এই দপ্তরে এই নামে একটি বিতরণ দল আগে থেকেই আছে।",
        ),
    ],
)
def test_it_keeps_the_group_form_with_a_bangla_message_on_bad_input(client, alice, office_a, data, message):
    DistributionGroup.objects.create(office=office_a, name="আগের দল")
    client.force_login(alice)
    response = client.post(reverse("minutes:group_create", args=[office_a.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="সচিব"' in page  # the typed rows are still there
    assert DistributionGroup.objects.count() == 1


def test_it_deletes_a_group_without_touching_any_minutes(client, alice, office_a):
    group = DistributionGroup.objects.create(office=office_a, name="পুরাতন দল")
    client.force_login(alice)
    client.post(reverse("minutes:group_delete", args=[group.pk]))
    assert not DistributionGroup.objects.exists()
    assert AuditEntry.objects.get().action == "removed"


def test_the_editor_offers_the_groups_the_administration_keeps(client, alice, office_a):
    client.force_login(alice)
    client.post(
        reverse("minutes:group_create", args=[office_a.pk]),
        {"name": "সকল শাখা", **_rows({"designation": "উপসচিব"})},
    )
    meeting = MeetingFactory(office=office_a, created_by=alice)
    assert "সকল শাখা" in client.get(reverse("minutes:edit", args=[meeting.pk])).content.decode()


def test_the_group_list_takes_a_fixed_number_of_queries(client, alice, office_a, django_assert_num_queries):
    client.force_login(alice)
    url = reverse("minutes:groups", args=[office_a.pk])
    for n in (1, 6):
        for i in range(n):
            group = DistributionGroup.objects.create(office=office_a, name=f"দল {n}-{i}")
            DistributionGroupMember.objects.create(group=group, designation="সচিব")
        # session, user, office, roles, offices below, the groups with their sizes
        with django_assert_num_queries(6):
            assert client.get(url).status_code == 200


def test_only_the_offices_administrators_keep_its_groups(client, office_a, charlie):
    group = DistributionGroup.objects.create(office=office_a, name="দপ্তর ক-এর দল")
    client.force_login(charlie)
    assert (
        client.post(reverse("minutes:group_edit", args=[group.pk]), {"name": "দখল", **_rows()}).status_code
        == 404
    )
    client.force_login(user_with_role(office_a, R.DRAFTER))
    assert client.post(reverse("minutes:group_delete", args=[group.pk])).status_code == 403
    assert DistributionGroup.objects.get().name == "দপ্তর ক-এর দল"
