"""Who answers for an item, and the items an official answers for: the one rule read both ways."""

import datetime

import pytest

from followup.models import Occurrence
from followup.responsibility import items_for_official, office_focal_points, responsible_officials
from followup.services import occurrences_for_meeting, occurrences_for_plan
from offices.models import OfficeRole, TeamMember
from tests.factories import OfficeFactory, OfficialFactory, PostFactory, user_with_role
from tests.followup.conftest import TODAY, add_decision, due_on, make_meeting, make_plan

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


def _item(decision) -> Occurrence:
    return Occurrence.objects.get(decision=decision)


def test_each_kind_of_responsibility_reaches_its_officials(people, issued):
    to_official = add_decision(issued["meeting"], to=[people.colleague], **due_on(datetime.date(2024, 9, 20)))
    typed = add_decision(issued["meeting"], to=["জেলা প্রশাসক, ঢাকা"], **due_on(datetime.date(2024, 9, 21)))
    occurrences_for_meeting(meeting=issued["meeting"], today=TODAY)

    assert responsible_officials(_item(issued["to_post"])) == [people.holder]
    assert set(responsible_officials(_item(issued["to_branch"]))) == {people.holder, people.colleague}
    assert responsible_officials(_item(issued["to_office"])) == [people.secretary]
    assert responsible_officials(_item(to_official)) == [people.colleague]
    assert responsible_officials(_item(typed)) == []  # outside the portal: no one


def test_a_post_follows_whoever_holds_it_now(people, issued):
    item = _item(issued["to_post"])
    assert item in items_for_official(people.holder)

    people.holder.post = None  # transferred away; the successor takes the post
    people.holder.is_active = False
    people.holder.save()
    successor = OfficialFactory(office=people.office, post=people.post, name="নতুন সিস্টেম এনালিস্ট")

    assert responsible_officials(item) == [successor]
    assert item in items_for_official(successor)
    assert not items_for_official(people.holder).exists()


def test_an_office_is_answered_for_by_its_member_secretary_else_chair_else_administrators(people):
    other = OfficeFactory(name="জেলা কার্যালয়")
    assert office_focal_points([other.pk]) == {}
    admin_official = OfficialFactory(office=other, name="প্রশাসক")
    admin = user_with_role(other, R.ADMIN)
    admin.official = admin_official
    admin.save()
    assert office_focal_points([other.pk]) == {other.pk: [admin_official]}
    chair = OfficialFactory(office=other, name="সভাপতি")
    team = people.secretary.team_memberships.get().team
    team.pk, team.office = None, other
    team.save()
    TeamMember.objects.create(team=team, official=chair, role=TeamMember.Role.CHAIR)
    assert office_focal_points([other.pk]) == {other.pk: [chair]}
    assert office_focal_points([people.office.pk]) == {people.office.pk: [people.secretary]}


def test_items_for_an_official_are_theirs_their_posts_their_branchs_and_their_offices(people, issued):
    mine = set(items_for_official(people.holder).values_list("decision_id", flat=True))
    assert mine == {issued["to_post"].pk, issued["to_branch"].pk}
    assert set(items_for_official(people.colleague).values_list("decision_id", flat=True)) == {
        issued["to_branch"].pk
    }
    assert set(items_for_official(people.secretary).values_list("decision_id", flat=True)) == {
        issued["to_office"].pk
    }
    stranger = OfficialFactory(office=people.office, post=PostFactory(office=people.office))
    assert not items_for_official(stranger).exists()
    assert not items_for_official(None).exists()


def test_an_indicators_responsible_post_and_branch(people):
    plan = make_plan(people.office, branch=people.branch, post=people.post)
    occurrences_for_plan(plan=plan)
    count_items = Occurrence.objects.filter(indicator__number="1.1.1")
    date_item = Occurrence.objects.get(indicator__number="1.1.2")

    assert set(responsible_officials(date_item)) == {people.holder}
    assert set(responsible_officials(count_items.first())) == {people.holder, people.colleague}
    assert set(items_for_official(people.colleague)) == set(count_items)
    assert set(items_for_official(people.holder)) == {*count_items, date_item}


def test_the_queries_do_not_grow_with_the_items(people, django_assert_max_num_queries):
    def make(n):
        meeting = make_meeting(people.office)
        for i in range(n):
            target = [people.post, people.branch, people.office, people.colleague][i % 4]
            add_decision(
                meeting, to=[target], **due_on(datetime.date(2024, 9, 1) + datetime.timedelta(days=i))
            )
        occurrences_for_meeting(meeting=meeting, today=TODAY)
        return Occurrence.objects.filter(decision__agenda_item__meeting=meeting)

    few, many = make(4), make(40)
    with django_assert_max_num_queries(5):
        assert len(responsible_officials(few)) == 4
    with django_assert_max_num_queries(5):
        found = responsible_officials(many)
    assert len(found) == 40
    assert all(found.values())
