"""Calendar feeds: what an official's and an office's feed hold (after a post transfer too), and that
nothing else gets in: another office's items, drafts' decisions, superseded items."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from followup.calendar.services import calendar_feed_create
from followup.models import CalendarFeed
from offices.services import post_transfer
from tests.factories import OfficialFactory, user_with_role
from tests.followup import dashboard_world

pytestmark = pytest.mark.django_db
world, clock = dashboard_world.world, dashboard_world.clock  # the fixtures
Scope = CalendarFeed.Scope


def read_feed(client, token) -> Calendar:
    response = client.get(reverse("followup:calendar_feed", args=[token]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def uids(calendar: Calendar) -> set[str]:
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def uid(item) -> str:
    return f"followup-occurrence-{item.pk}@{urlsplit(settings.SITE_URL).hostname}"


def expected(world, *names) -> set[str]:
    return {uid(world.items[name]) for name in names}


def test_it_gives_an_official_the_items_of_them_their_post_branch_and_office(client, world, clock):
    _feed, token = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    calendar = read_feed(client, token)  # no login: the token is the key
    # d1 and 1.1.2 to his post, d5 to his branch, d7 to his branch (confirmed last August: kept,
    # ticked); not d4 (to the whole office: its focal points answer for it, followup.responsibility),
    # not d2/d3/d8/1.1.1 (প্রশাসন শাখা, karim), not the superseded d6, not the draft's decision (to
    # his post!), not another office's
    assert uids(calendar) == expected(world, "d1", "d5", "d7", "i2q2", "i2q3")
    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert summaries[uid(world.items["d1"])] == "সিদ্ধান্ত: ওয়েবসাইটের সেবাবক্স হালনাগাদ করতে হবে।"
    assert summaries[uid(world.items["d7"])] == "সিদ্ধান্ত: প্রশিক্ষণ আয়োজন করতে হবে। [সম্পন্ন]"
    assert summaries[uid(world.items["i2q2"])] == "সূচক [১.১.২]: উদ্ভাবন কর্মপরিকল্পনা প্রণীত (২য় ত্রৈমাসিক)"
    assert "খসড়ার গোপন সিদ্ধান্ত" not in calendar.to_ical().decode()


def test_after_a_post_transfer_the_new_holder_gets_the_posts_items_and_the_old_one_does_not(
    client, world, clock
):
    salam = OfficialFactory(office=world.directorate, name="মোঃ সালাম", designation="প্রোগ্রামার")
    salam_user = user_with_role(world.directorate, username="salam")
    salam_user.official = salam
    salam_user.save()
    _old, rahims = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    _new, salams = calendar_feed_create(user=salam_user, scope=Scope.MINE)
    assert expected(world, "d1", "i2q2", "i2q3") <= uids(read_feed(client, rahims))

    post_transfer(post=world.post, to=salam, previous_leave_office=False, by=world.users["head"])

    # the post's items (d1, 1.1.2) moved to Salam, who also joined the post's branch (d5, d7)
    assert uids(read_feed(client, salams)) == expected(world, "d1", "d5", "d7", "i2q2", "i2q3")
    # Rahim keeps his branch's items, no longer the post's
    assert uids(read_feed(client, rahims)) == expected(world, "d5", "d7")


def test_an_official_who_left_the_office_gets_404(client, world, clock):
    _feed, token = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    salam = OfficialFactory(office=world.directorate, name="মোঃ সালাম")
    post_transfer(post=world.post, to=salam, previous_leave_office=True, by=world.users["head"])
    assert client.get(reverse("followup:calendar_feed", args=[token])).status_code == 404


def test_an_office_feed_holds_its_pending_items_only(client, world, clock):
    _feed, token = calendar_feed_create(
        user=world.users["head"], scope=Scope.OFFICE, office=world.directorate
    )
    calendar = read_feed(client, token)
    # pending: open or done awaiting confirmation; not the confirmed, the superseded, the draft's,
    # nor another office's (দপ্তর খ's, the outside office's)
    assert uids(calendar) == expected(world, "d1", "d2", "d4", "d5", "d8", "i1q2", "i1q3", "i2q2", "i2q3")
    text = calendar.to_ical().decode()
    for secret in ("খসড়ার গোপন সিদ্ধান্ত", "বাইরের দপ্তরের গোপন কাজ", "দপ্তর খ-এর কাজ"):
        assert secret not in text


def test_a_superior_offices_staff_may_subscribe_to_a_subordinates_feed_but_not_the_other_way(world, clock):
    from django.core.exceptions import PermissionDenied

    calendar_feed_create(user=world.users["ministry"], scope=Scope.OFFICE, office=world.directorate)
    for user, office in (
        (world.users["district"], world.directorate),
        (world.users["sibling"], world.directorate),
        (world.users["outsider"], world.directorate),
    ):
        with pytest.raises(PermissionDenied):
            calendar_feed_create(user=user, scope=Scope.OFFICE, office=office)
    with pytest.raises(PermissionDenied):  # no official: no "my items"
        calendar_feed_create(user=world.users["head"], scope=Scope.MINE)


def test_a_feed_stops_when_its_owner_loses_access(client, world, clock):
    from offices.models import OfficeRole

    _feed, token = calendar_feed_create(
        user=world.users["ministry"], scope=Scope.OFFICE, office=world.directorate
    )
    url = reverse("followup:calendar_feed", args=[token])
    assert client.get(url).status_code == 200
    OfficeRole.objects.filter(user=world.users["ministry"]).delete()
    assert client.get(url).status_code == 404
    OfficeRole.objects.create(user=world.users["ministry"], office=world.ministry, role="drafter")
    assert client.get(url).status_code == 200
    world.users["ministry"].is_active = False
    world.users["ministry"].save()
    assert client.get(url).status_code == 404
