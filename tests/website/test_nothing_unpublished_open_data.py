"""Nothing unpublished ever appears: drafts, submitted, returned, approved, issued-but-unpublished and
withdrawn minutes are unreachable through every feed, the API (lists, details, nested agenda items
and decisions) and the exports, also by guessing ids, and no e-mail alert tells of them."""

import json

import pytest
from django.core import mail
from django.test import TestCase

from minutes.models import AgendaItem, Decision, Meeting
from tests.factories import OfficeFactory
from tests.website.following_world import published_in, unpublished_world
from website.alerts import services as alerts
from website.alerts.models import Subscription

SECRET = "গোপন"
FEEDS = [
    "/public/feeds/minutes.atom",
    "/public/feeds/ssd.atom",
    "/public/feeds/ssd.atom?sub=1",
    "/public/feeds/search.atom?q=কার্যবিবরণী",
    "/public/feeds/search.atom?office=ssd&fy=2023-24",
    "/public/feeds/ssd.ics",
    "/public/feeds/ssd.ics?sub=1",
]
LISTS = [
    "/public/api/v1/minutes",
    "/public/api/v1/minutes?office={office}&q=কার্যবিবরণী",
    "/public/api/v1/minutes?office={office}&subordinates=true&limit=100",
    "/public/api/v1/decisions?limit=100",
    "/public/api/v1/decisions?q=কার্যবিবরণী",
    "/public/api/exports/decisions.csv",
    "/public/api/exports/decisions.json?office=ssd&sub=1",
]


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", slug="ssd", publish_decision_status=True)
    hidden = unpublished_world(django_capture_on_commit_callbacks, office)
    public = published_in(django_capture_on_commit_callbacks, office, title="প্রকাশিত কার্যবিবরণী")
    return office, hidden, public


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def test_the_world_has_every_state_the_public_must_not_see(world):
    _, hidden, public = world
    assert {name: m.state for name, m in hidden.items()} == {
        "draft": "draft",
        "submitted": "submitted",
        "returned": "returned",
        "approved": "approved",
        "issued": "issued",
        "withdrawn": "issued",  # published, then withdrawn through the workflow
    }
    assert hidden["withdrawn"].transitions.filter(to_state=Meeting.State.PUBLISHED).exists()
    assert public.state == Meeting.State.PUBLISHED


def test_no_feed_shows_them(client, world):
    for address in FEEDS:
        response = client.get(address)
        assert response.status_code == 200, address
        text = body(response)
        assert "প্রকাশিত কার্যবিবরণী" in text, address  # the published minutes are there …
        assert SECRET not in text, address  # … and nothing else


def test_no_api_list_or_export_shows_them(client, world):
    office, _, _ = world
    for address in LISTS:
        response = client.get(address.format(office=office.pk))
        assert response.status_code == 200, address
        text = body(response)
        assert SECRET not in text, address
    minutes = client.get("/public/api/v1/minutes").json()
    assert minutes["pagination"]["totalElements"] == 1
    assert len(json.loads(body(client.get("/public/api/exports/decisions.json")))) == 1


def test_guessing_ids_finds_only_published_ones(client, world):
    _, hidden, public = world
    highest = {
        "minutes": Meeting.objects.order_by("-pk").first().pk,
        "agenda-items": AgendaItem.objects.order_by("-pk").first().pk,
        "decisions": Decision.objects.order_by("-pk").first().pk,
    }
    reachable = {
        "minutes": {public.pk},
        "agenda-items": set(AgendaItem.objects.filter(meeting=public).values_list("pk", flat=True)),
        "decisions": set(Decision.objects.filter(agenda_item__meeting=public).values_list("pk", flat=True)),
    }
    for kind, top in highest.items():
        for pk in range(1, top + 3):
            response = client.get(f"/public/api/v1/{kind}/{pk}")
            expected = 200 if pk in reachable[kind] else 404
            assert response.status_code == expected, (kind, pk)
            assert SECRET not in response.content.decode(), (kind, pk)
    for meeting in hidden.values():
        assert client.get(f"/public/api/v1/minutes/{meeting.pk}/agenda-items").status_code == 404
    assert SECRET not in client.get(f"/public/api/v1/minutes/{public.pk}/agenda-items").content.decode()


def test_no_alert_tells_of_them(client, world, celery_eager):
    office, hidden, _ = world
    subscription = Subscription.objects.create(
        email="reader@example.com",
        office=office,
        criteria_key="all of ssd",
        confirmed_at=hidden["draft"].created_at,
        checked_until=hidden["draft"].created_at,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        recorded = alerts.alerts_collect()
    assert recorded, Subscription.objects.values()
    (message,) = mail.outbox
    assert "প্রকাশিত কার্যবিবরণী" in message.body and SECRET not in message.body
    assert subscription.alerts.get().items.count() == 1
