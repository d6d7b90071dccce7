"""The secret address: made, shown once, kept only as a SHA-256, revoked and replaced from the
calendar page; read without logging in; a revoked or unknown token is 404; conditional GET; a GET
never writes to the database."""

import hashlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bangla.digits import to_bangla_digits
from followup.calendar.services import calendar_feed_create
from followup.models import CalendarFeed
from tests.followup import dashboard_world
from tests.followup.dashboard_world import occurrence

pytestmark = pytest.mark.django_db
world, clock = dashboard_world.world, dashboard_world.clock  # the fixtures
Scope = CalendarFeed.Scope
WRITE = re.compile(r"^\W*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
FEED_URL = re.compile(r'id="new-feed-url">(https?://[^<]+)<')


def make_on_page(client, **fields):
    response = client.post(reverse("followup:calendar_create"), fields)
    assert response.status_code == 200
    page = response.content.decode()
    return FEED_URL.search(page).group(1), page


def test_the_address_is_shown_once_and_only_its_sha256_is_kept(client, world, clock):
    client.force_login(world.users["rahim"])
    url, page = make_on_page(client, scope="mine", with_alarm="on")
    assert "এখনই কপি করুন" in page and url.startswith("http://testserver/followup/calendar/feed/")
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    feed = CalendarFeed.objects.get(user=world.users["rahim"])
    assert feed.token_sha256 == hashlib.sha256(token.encode()).hexdigest() and feed.with_alarm
    assert token not in str(list(CalendarFeed.objects.values()))
    again = client.get(reverse("followup:calendar")).content.decode()
    assert token not in again and "ঠিকানা বাতিল করুন" in again  # listed, never shown again
    client.logout()  # calendar apps cannot log in: the token alone opens it
    assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_revoking_makes_the_address_404_and_a_new_one_replaces_the_old(client, world, clock):
    client.force_login(world.users["head"])
    old, _page = make_on_page(client, scope="office", office=str(world.directorate.pk))
    old = old.removeprefix("http://testserver")
    assert client.get(old).status_code == 200
    new, _page = make_on_page(client, scope="office", office=to_bangla_digits(world.directorate.pk))
    new = new.removeprefix("http://testserver")
    assert client.get(old).status_code == 404  # the new address revoked the old
    assert client.get(new).status_code == 200
    feed = CalendarFeed.objects.get(user=world.users["head"], revoked_at__isnull=True)
    response = client.post(reverse("followup:calendar_revoke", args=[feed.pk]), follow=True)
    assert "ঠিকানাটি বাতিল করা হয়েছে" in response.content.decode()
    assert client.get(new).status_code == 404
    assert CalendarFeed.objects.filter(user=world.users["head"]).count() == 2  # kept, revoked


def test_only_the_owner_revokes_a_feed(client, world, clock):
    feed, _token = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    client.force_login(world.users["head"])
    assert client.post(reverse("followup:calendar_revoke", args=[feed.pk])).status_code == 404
    feed.refresh_from_db()
    assert feed.is_live


@pytest.mark.parametrize("token", ["x", "a" * 43, "a" * 300, "১২৩", "..", "%00"])
def test_unknown_tokens_are_404(client, world, token):
    assert client.get(f"/followup/calendar/feed/{token}.ics").status_code == 404


def test_the_page_refuses_what_it_should(client, world, clock):
    client.force_login(world.users["district"])
    # an office the user may not read: 404, nothing made
    response = client.post(
        reverse("followup:calendar_create"), {"scope": "office", "office": str(world.directorate.pk)}
    )
    assert response.status_code == 404
    # no official tied to the account: a message, nothing made
    response = client.post(reverse("followup:calendar_create"), {"scope": "mine"}, follow=True)
    assert "কর্মরত কোনো কর্মকর্তার সাথে যুক্ত নয়" in response.content.decode()
    # bad input: a message, nothing made
    for bad in ({"scope": "everything"}, {"scope": "office"}, {"scope": "office", "office": "abc"}):
        response = client.post(reverse("followup:calendar_create"), bad, follow=True)
        assert "কোন ক্যালেন্ডার যুক্ত করবেন তা বেছে নিন" in response.content.decode()
    assert not CalendarFeed.objects.exists()
    assert client.get(reverse("followup:calendar_create")).status_code == 405
    client.logout()
    assert client.get(reverse("followup:calendar")).status_code == 302  # to the log-in page


def test_the_page_offers_the_office_of_the_dashboard_the_user_came_from(client, world, clock):
    client.force_login(world.users["ministry"])
    page = client.get(reverse("followup:calendar"), {"office": str(world.directorate.pk)}).content.decode()
    assert "দপ্তর ক" in page and "সুরক্ষা সেবা বিভাগ" in page
    page = client.get(reverse("followup:calendar"), {"office": str(world.outside.pk)}).content.decode()
    assert "বাইরের দপ্তর" not in page
    assert client.get(reverse("followup:calendar"), {"office": "৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯৯"}).status_code == 200
    # a feed of an office the user holds no role in stays listed, to be revoked
    calendar_feed_create(user=world.users["ministry"], scope=Scope.OFFICE, office=world.directorate)
    page = client.get(reverse("followup:calendar")).content.decode()
    assert "দপ্তর ক" in page and page.count("ঠিকানা বাতিল করুন") == 1


def test_conditional_get_answers_304_until_the_items_change(client, world, clock):
    _feed, token = calendar_feed_create(
        user=world.users["head"], scope=Scope.OFFICE, office=world.directorate
    )
    url = reverse("followup:calendar_feed", args=[token])
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') and "private" in first["Cache-Control"]
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    occurrence(world.directorate, "01.02.2025", indicator=world.plan.indicators.first(), period=4)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_reading_a_feed_never_writes_to_the_database_and_its_last_use_shows(client, world, clock):
    _feed, token = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("followup:calendar_feed", args=[token])).status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]
    assert len(queries.captured_queries) <= 8  # feed, roles, items, responsibilities: not one per item
    client.force_login(world.users["rahim"])
    assert "ক্যালেন্ডার সর্বশেষ পড়েছে: ২০ জানুয়ারি ২০২৫" in client.get(reverse("followup:calendar")).content.decode()
