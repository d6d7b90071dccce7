"""Nothing but published minutes ever reaches the public: every public route (found in the URL
resolver, so a route added later is walked too) with the addresses of minutes in every other
state, guessed ones included, answers 404; no list names them; bad input is a page or a 404."""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from actionplan.models import Idea
from minutes.models import Meeting
from minutes.workflow import services as workflow
from offices.models import OfficeRole
from tests.factories import UserFactory, user_with_role
from tests.website.publishing import S, minutes
from website.addresses import fiscal_year_of, fiscal_year_segment

pytestmark = pytest.mark.django_db

HIDDEN = ("draft", "submitted", "returned", "approved", "issued", "withdrawn", "withdrawn-unstored")


def public_routes() -> dict[str, list[str]]:
    """name -> the route's parameter names, for every route of the public website."""
    resolver = get_resolver().url_patterns
    (public,) = [p for p in resolver if getattr(p, "namespace", None) == "public"]
    # The API (a resolver of its own) is walked by test_nothing_unpublished_open_data.py.
    return {p.name: list(p.pattern.converters) for p in public.url_patterns if hasattr(p, "name")}


@pytest.fixture
def world(division, django_capture_on_commit_callbacks):
    """Published minutes (the control) and minutes in every other state, each with a title that must
    never be seen, the issued ones stored; two withdrawn after publication."""
    issuer = user_with_role(division, OfficeRole.Role.ISSUER)
    meetings = {"published": minutes(division, title="প্রকাশিত-নিয়ন্ত্রণ")}
    for state in (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ISSUED):
        meetings[state] = minutes(division, state=state, title=f"গোপন-{state}")
    for label, stored in (("withdrawn", True), ("withdrawn-unstored", False)):
        meeting = minutes(division, title=f"গোপন-{label}", stored=stored)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.minutes_withdraw(meeting=meeting, by=issuer, reason="ভুল")
        meetings[label] = Meeting.objects.select_related("office").get(pk=meeting.pk)
    # A draft has no memo number: guess the one it would get from the published one's file.
    published = meetings["published"]
    guessed = published.memo_number.rsplit(".", 1)[0] + ".9999"
    Idea.objects.create(office=division, title="প্রকাশিত-ধারণা", is_published=True)
    Idea.objects.create(office=division, title="গোপন-ধারণা")
    return {"meetings": meetings, "guessed": guessed, "office": division}


def body(response) -> str:
    """The answer's text, whole (the exports are streamed)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


KNOWN_PARAMETERS = {"pk", "office", "fiscal_year", "memo_number"}


def addresses(route: str, params: list[str], meeting: Meeting, guessed: str) -> list[str]:
    values = {
        "pk": [meeting.pk],
        "office": [meeting.office.web_name, str(meeting.office.pk)],
        "fiscal_year": [fiscal_year_of(meeting), fiscal_year_of(meeting) - 1],
        "memo_number": [meeting.memo_number or guessed],
    }
    urls = [[]]
    for param in params:
        urls = [[*done, (param, value)] for done in urls for value in values[param]]
    return [reverse(f"public:{route}", kwargs=dict(args)) for args in urls]


def test_every_public_route_walks_and_drafts_are_never_reachable(client, world):
    routes = public_routes()
    assert {
        "home",
        "list",
        "office",
        "office_year",
        "minutes",
        "minutes_pdf",
        "document",
        "pdf",
        "ideas",
    } <= set(routes)
    readers = {"anonymous": client, "superuser": Client()}
    readers["superuser"].force_login(UserFactory(is_superuser=True, is_staff=True))  # staff see no more here
    published = world["meetings"]["published"]
    for label in HIDDEN:
        hidden = world["meetings"][label]
        for route, params in routes.items():
            if route == "language" or not set(params) <= KNOWN_PARAMETERS:
                continue  # the language switch; the alerts' signed links (tested in test_alerts.py)
            for reader, browser in readers.items():
                if not params or params == ["office"] or params == ["office", "fiscal_year"]:
                    lists = addresses(route, params, hidden, world["guessed"])
                    for url in lists:
                        response = browser.get(url, {"q": "গোপন"})  # the titles start so
                        assert hidden.title not in body(response), (label, reader, url)
                        response = browser.get(url)
                        assert hidden.title not in body(response), (label, reader, url)
                    continue
                for url in addresses(route, params, hidden, world["guessed"]):
                    response = browser.get(url, follow=True)
                    assert response.status_code == 404, (label, reader, url, response.status_code)
                    assert hidden.title not in response.content.decode()
    # The control: the published minutes are reachable by the same walk.
    assert client.get(reverse("public:document", args=[published.pk]), follow=True).status_code == 200
    for route in ("minutes", "minutes_pdf"):
        assert client.get(addresses(route, routes[route], published, "")[0]).status_code == 200
    ideas = client.get(reverse("public:ideas", args=["ssd"])).content.decode()
    assert "প্রকাশিত-ধারণা" in ideas and "গোপন-ধারণা" not in ideas


def test_every_list_names_the_published_minutes_only(client, world):
    published = world["meetings"]["published"]
    fy = fiscal_year_segment(fiscal_year_of(published))
    for url in ("/public/", "/public/minutes/", f"/public/minutes/?fy={fy}", "/public/ssd/", f"/public/ssd/{fy}/",
                "/public/ssd/?sub=1", "/public/moha/?sub=1", "/public/minutes/?q=গোপন"):  # fmt: skip
        page = client.get(url).content.decode()
        assert "গোপন-" not in page, url
        assert ("প্রকাশিত-নিয়ন্ত্রণ" in page) != url.endswith("গোপন"), url


@pytest.mark.parametrize(
    "url",
    [
        "/public/?q=%00",
        "/public/minutes/?q=a%00b",
        "/public/ssd/?fy=%00",
        "/public/minutes/?page=%00",
    ],
)
def test_a_nul_gets_the_bad_request_page(client, world, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/public/minutes/?page=99999999999999999999999",
        "/public/minutes/?page=-5&fy=9999-00&team=%F0%9F%98%80",
        "/public/ssd/?fy=2022-23&fy=x&team=1&team=2&sub=1&sub=0",
        "/public/ssd/?q=" + "অ" * 5000,
        "/public/ssd/?q=%E2%80%AE%F0%9F%98%80'\"<script>",
        "/public/ssd/ideas/?page=2",
        "/public/minutes/?fy=%D9%A2%D9%A0%D9%A2%D9%A2-%D9%A2%D9%A3",  # Arabic-Indic digits: not ours
    ],
)
def test_garbage_in_the_query_string_gets_a_page(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/public/%00/",
        "/public/ssd%00/",
        "/public/ssd/2022-23/58.1%00/",
        "/public/SSD/2022-23/1.2.3/",
        "/public/ssd/0000-01/1.2.3/",
        "/public/ssd/2022-23/" + ".".join(["1"] * 40) + "/",
        "/public/ssd/2022-23/99999999999999999999.1/",
        "/public/minutes/99999999999999999999999/",
        "/public/minutes/0.pdf",
        "/public/ssd/%E0%A7%A8%E0%A7%A6%E0%A7%A8%E0%A7%A8-%E0%A7%A8%E0%A7%A9/9.9.9/",  # ২০২২-২৩ in Bangla
        "/public/😀/",
        "/public/a" * 60 + "/",
    ],
)
def test_made_up_addresses_are_not_found(client, world, path):
    assert client.get(path).status_code == 404
