"""Starting a draft: the team's people, the suggested title and the earlier meetings' open decisions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from minutes.content.services import PREVIOUS_DECISIONS_TITLE, meeting_create
from minutes.models import Decision, Meeting
from offices.models import OfficeRole, TeamMember
from tests.factories import InnovationTeamFactory, OfficialFactory, TeamMemberFactory, user_with_role

R = OfficeRole.Role


@pytest.fixture
def team(office_a):
    team = InnovationTeamFactory(office=office_a, name="ইনোভেশন টিম")
    chair = OfficialFactory(office=office_a, name="ড. তরুণ কান্তি শিকদার", designation="অতিরিক্ত সচিব")
    TeamMemberFactory(team=team, official=chair, role=TeamMember.Role.CHAIR)
    TeamMemberFactory(team=team, official=OfficialFactory(office=office_a, name="মোঃ আবদুল কাদির"))
    return team


def create(office, user, team, day, **extra):
    return meeting_create(
        office=office, by=user, team=team, date=day, start_time=datetime.time(15), venue="সভাকক্ষ", **extra
    )


def test_a_new_draft_gets_the_teams_chair_and_a_suggested_title_and_no_imposed_attendees(
    alice, office_a, team
):
    office_a.name = "সুরক্ষা সেবা বিভাগ"
    office_a.save()
    meeting = create(office_a, alice, team, datetime.date(2021, 2, 17), fiscal_year=2020, ordinal=4)
    assert meeting.title == "সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের চতুর্থ সভার কার্যবিবরণী"
    assert (meeting.chair_name, meeting.chair_designation) == ("ড. তরুণ কান্তি শিকদার", "অতিরিক্ত সচিব")
    assert not meeting.attendees.exists()  # the team's members are offered in the editor (test_editor.py)
    assert meeting.state == Meeting.State.DRAFT and not meeting.memo_number


def test_open_decisions_of_earlier_meetings_come_first_with_their_status(alice, office_a, team):
    first = create(office_a, alice, team, datetime.date(2024, 1, 10))
    item = first.agenda_items.create(order=0, title="ডাটাবেজ")
    item.decisions.create(order=0, text="ডাটাবেজ প্রস্তুত করতে হবে।", status=Decision.Status.IN_PROGRESS)
    item.decisions.create(order=1, text="কর্মশালা আয়োজন।", status=Decision.Status.DONE)
    item.decisions.create(order=2, text="শোকেসিং।", status=Decision.Status.PENDING)

    second = create(office_a, alice, team, datetime.date(2024, 4, 10))
    pulled = second.agenda_items.get()
    assert pulled.title == PREVIOUS_DECISIONS_TITLE
    assert list(pulled.decisions.values_list("text", "status")) == [
        ("ডাটাবেজ প্রস্তুত করতে হবে।", "in_progress"),
        ("শোকেসিং।", "pending"),
    ]
    # Once carried forward, a decision is followed up in the newer meeting, not pulled twice.
    third = create(office_a, alice, team, datetime.date(2024, 7, 10))
    assert third.agenda_items.get().decisions.count() == 2
    assert set(
        third.agenda_items.get().decisions.values_list("carried_from__agenda_item__meeting", flat=True)
    ) == {second.pk}


def test_only_the_offices_drafters_start_drafts(office_a, charlie, team):
    with pytest.raises(PermissionDenied):
        create(office_a, charlie, team, datetime.date(2024, 1, 10))
    with pytest.raises(PermissionDenied):
        create(office_a, user_with_role(office_a, R.APPROVER), team, datetime.date(2024, 1, 10))
    assert not Meeting.objects.exists()
