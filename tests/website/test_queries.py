"""Each public page's queries are a fixed few, whatever the number of minutes or the size of the
document; a page served again from the cache needs none."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.models import Idea
from tests.factories import InnovationTeamFactory, OfficeFactory
from tests.website.publishing import minutes
from website.addresses import minutes_url

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(office, meeting) -> dict[str, str]:
    return {
        "home": "/public/",
        "list": "/public/minutes/?fy=2022-23",
        "office": f"/public/{office.web_name}/?sub=1",
        "office_year": f"/public/{office.web_name}/2022-23/",
        "ideas": f"/public/{office.web_name}/ideas/",
        "document": minutes_url(meeting),
    }


def counts(client, office, meeting) -> dict[str, int]:
    cache.clear()  # built afresh: every query the page needs
    return {name: queries(client, url) for name, url in pages(office, meeting).items()}


def test_queries_do_not_grow_with_the_minutes_or_the_document(client, division, directorate):
    InnovationTeamFactory(office=division)
    first = minutes(division)
    Idea.objects.create(office=division, title="ধারণা ১", is_published=True)
    few = counts(client, division, first)

    big = minutes(division, stored=False)
    from tests.factories import store_stand_in_document

    store_stand_in_document(
        big, html="<html><head></head><body>" + "<p>অনেক লেখা</p>" * 20_000 + "</body></html>"
    )
    item = big.agenda_items.create(order=0, title="বিষয়")
    for n in range(30):
        item.decisions.create(order=n, text=f"<p>সিদ্ধান্ত {n}</p>")
    for n in range(30):
        minutes(division)
        minutes(OfficeFactory(parent=division) if n < 5 else directorate)
        Idea.objects.create(office=division, title=f"ধারণা {n + 2}", is_published=True)
    many = counts(client, division, big)
    assert many == few, (few, many)
    # home: latest minutes, ministries and divisions; office: the office, the offices tree, the office's
    # children, committees, fiscal years, innovation bank?, count, page; document: the office, the
    # minutes with their versions and stored files.
    assert few == {"home": 2, "list": 3, "office": 8, "office_year": 8, "ideas": 3, "document": 2}


def test_decisions_status_costs_one_query_whatever_their_number(client, division):
    division.publish_decision_status = True
    division.save()
    meeting = minutes(division)
    item = meeting.agenda_items.create(order=0, title="বিষয়")
    for n in range(40):
        item.decisions.create(order=n, text=f"<p>সিদ্ধান্ত {n}</p>")
    cache.clear()
    assert queries(client, minutes_url(meeting)) == 3  # the office, the minutes, their decisions


def test_a_page_served_again_needs_no_query(client, division):
    meeting = minutes(division)
    for url in pages(division, meeting).values():
        client.get(url)
        assert queries(client, url) == 0, url
