"""The public website as a reader uses it: home, all minutes, an office's page with its filters and
the offices below it, a document with its PDF and versions, the innovation bank, the old addresses."""

import gzip

import pytest
from django.urls import reverse

from actionplan.models import Idea
from minutes.document.selectors import issued_html
from minutes.models import Decision
from tests.factories import OfficeFactory, UserFactory
from tests.website.publishing import S, minutes
from website.addresses import minutes_url

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_it_sends_anonymous_visitors_of_the_front_door_to_the_public_site(client, division):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("public:home")
    client.force_login(UserFactory())
    assert client.get("/").status_code == 200  # staff keep their home page


def test_the_home_page_lists_the_latest_published_minutes_in_bangla(client, division):
    published = minutes(division, title="প্রকাশিত সভার কার্যবিবরণী")
    minutes(division, state=S.ISSUED, title="জারি হয়েছে, প্রকাশ হয়নি")
    page = text(client.get(reverse("public:home")))
    assert '<html lang="bn">' in page
    assert "প্রকাশিত সভার কার্যবিবরণী" in page and minutes_url(published) in page
    assert "প্রকাশ হয়নি" not in page
    assert "সুরক্ষা সেবা বিভাগ" in page  # the divisions and ministries, to start from
    # The same bytes for every reader: no CSRF token, no cookie, nothing about the user.
    assert "csrfmiddlewaretoken" not in page and not client.cookies


def test_an_office_page_lists_its_minutes_and_the_offices_below_it(client, ministry, division, directorate):
    own = minutes(division, title="বিভাগের সভা")
    below = minutes(directorate, title="অধিদপ্তরের সভা")
    page = text(client.get(reverse("public:office", args=["ssd"])))
    assert "বিভাগের সভা" in page and "অধিদপ্তরের সভা" not in page
    assert reverse("public:office", args=["dnc"]) in page  # the office below it
    assert reverse("public:office", args=["moha"]) in page  # and the one above
    page = text(client.get(reverse("public:office", args=["ssd"]), {"sub": "1"}))
    assert "বিভাগের সভা" in page and "অধিদপ্তরের সভা" in page
    page = text(client.get(reverse("public:office", args=["moha"]), {"sub": "1"}))
    assert minutes_url(own) in page and minutes_url(below) in page  # every office below, not only the next


def test_the_office_page_filters_by_fiscal_year_committee_and_text(client, division):
    from tests.factories import InnovationTeamFactory

    team, other_team = (
        InnovationTeamFactory(office=division),
        InnovationTeamFactory(office=division, name="কমিটি"),
    )
    old = minutes(division, title="পুরনো সভা", fiscal_year=2020, team=team)
    new = minutes(division, title="নতুন সভা", fiscal_year=2022, team=other_team)
    office = reverse("public:office", args=["ssd"])

    def shown(**query):
        page = text(client.get(office, query))
        return {title for title in ("পুরনো সভা", "নতুন সভা") if title in page}

    assert shown() == {"পুরনো সভা", "নতুন সভা"}
    assert shown(fy="2020-21") == shown(fy="২০২০-২১") == {"পুরনো সভা"}
    assert text(client.get(reverse("public:office_year", args=["ssd", 2022]))).count("নতুন সভা") == 1
    assert "পুরনো সভা" not in text(client.get("/public/ssd/২০২২-২৩/"))  # the year in Bangla digits too
    assert shown(team=str(team.pk)) == {"পুরনো সভা"}
    assert shown(q="নতুন") == {"নতুন সভা"}
    serial = new.memo_number.rsplit(".", 1)[1]
    assert (
        shown(q=new.memo_number)
        == shown(q=new.memo_number.translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")))
        == {"নতুন সভা"}
    )
    assert serial and old.memo_number != new.memo_number
    # What it does not understand it leaves out: the page shows everything, never an error.
    assert shown(fy="গতবছর", team="abc", page="x", sub="maybe") == {"পুরনো সভা", "নতুন সভা"}
    other_office_team = InnovationTeamFactory(office=OfficeFactory())
    assert shown(team=str(other_office_team.pk)) == {"পুরনো সভা", "নতুন সভা"}


def test_unknown_offices_and_fiscal_years_are_not_found(client, division):
    meeting = minutes(division)
    for path in (
        "/public/nowhere/",
        "/public/nowhere/ideas/",
        "/public/ssd/2022-24/",  # not a fiscal year
        "/public/ssd/1900-01/",
        "/public/99999999/",
        f"/public/dnc/2022-23/{meeting.memo_number}/",  # the right memo number, another office
        f"/public/ssd/2021-22/{meeting.memo_number}/",  # another fiscal year
        f"/public/ssd/2022-23/{meeting.memo_number}9/",
        f"/public/ssd/2022-23/{meeting.memo_number}9.pdf",
    ):
        assert client.get(path).status_code == 404, path


def test_an_office_is_found_by_its_number_until_it_has_a_web_address(client, division):
    plain = OfficeFactory(name="ঠিকানাহীন দপ্তর")
    meeting = minutes(plain)
    assert text(client.get(f"/public/{plain.pk}/")).count("ঠিকানাহীন দপ্তর") >= 1
    assert client.get(minutes_url(meeting)).status_code == 200
    response = client.get(f"/public/{division.pk}/?fy=2022-23")  # it has one: sent there, for good
    assert response.status_code == 301 and response["Location"] == "/public/ssd/?fy=2022-23"
    response = client.get(f"/public/{division.pk}/2022-23/")
    assert response.status_code == 301 and response["Location"] == "/public/ssd/2022-23/"


def test_lists_are_paginated_and_a_page_past_the_end_is_the_last(client, division):
    for n in range(23):
        minutes(division, title=f"সভা নম্বর {n:02d}")
    first = text(client.get(reverse("public:list")))
    assert first.count('class="minutes-item"') == 20 and "?page=2" in first
    second = text(client.get(reverse("public:list"), {"page": "২"}))
    assert second.count('class="minutes-item"') == 3 and 'rel="prev"' in second
    for page in ("99", "99999999999999999999", "-1", "0", "abc", "1e3"):
        assert client.get(reverse("public:office", args=["ssd"]), {"page": page}).status_code == 200
    assert text(client.get(reverse("public:list"), {"page": "99"})).count('class="minutes-item"') == 3


def test_a_document_page_is_the_stored_document_with_its_pdf_and_the_way_back(client, division):
    meeting = minutes(division, title="ডকুমেন্ট সভা")
    page = text(client.get(minutes_url(meeting)))
    stored = issued_html(meeting)
    assert stored[stored.index("<article") : stored.index("</body>")] in page  # as stored
    assert page.startswith(stored[: stored.index("</head>")])
    assert minutes_url(meeting, pdf=True) in page and reverse("public:office", args=["ssd"]) in page
    assert reverse("public:list") in page
    pdf = client.get(minutes_url(meeting, pdf=True))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and pdf["ETag"] == f'"{meeting.issued_document.pdf_sha256}"'
    assert (
        client.get(minutes_url(meeting, pdf=True), headers={"If-None-Match": pdf["ETag"]}).status_code == 304
    )


def test_a_published_page_whose_document_is_not_stored_yet_says_it_is_being_prepared(client, division):
    meeting = minutes(division, stored=False)
    for url in (minutes_url(meeting), minutes_url(meeting, pdf=True)):
        response = client.get(url)
        assert response.status_code == 202 and response["Cache-Control"] == "no-cache"
        assert "প্রস্তুত" in response.content.decode()


def test_a_stored_file_that_changed_is_not_served(client, division):
    from pathlib import Path

    meeting = minutes(division)
    stored = meeting.issued_document
    path = Path(stored.pdf_file.storage.path(stored.pdf_file.name))
    original = path.read_bytes()
    try:
        path.write_bytes(b"%PDF-1.4 changed")
        assert client.get(minutes_url(meeting, pdf=True)).status_code == 503
    finally:  # files are named by their bytes: others' tests may use this one
        path.write_bytes(original)


def test_versions_are_linked_both_ways_once_both_are_published(
    client, division, django_capture_on_commit_callbacks
):
    first = minutes(division, title="মূল কার্যবিবরণী")
    correction = minutes(division, state=S.ISSUED, title="সংশোধিত কার্যবিবরণী", replaces=first, version=2)
    page = text(client.get(minutes_url(first)))
    assert minutes_url(correction) not in page  # not published yet: not even named
    from minutes.workflow import services as workflow
    from offices.models import OfficeRole
    from tests.factories import user_with_role

    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_publish(meeting=correction, by=user_with_role(division, OfficeRole.Role.ISSUER))
    assert minutes_url(correction) in text(client.get(minutes_url(first)))
    assert minutes_url(first) in text(client.get(minutes_url(correction)))
    assert "সংশোধিত" in text(client.get(reverse("public:list")))


def test_decisions_and_their_status_only_where_the_office_publishes_them(
    client, division, django_capture_on_commit_callbacks
):
    meeting = minutes(division)
    item = meeting.agenda_items.create(order=0, title="ই-নথি")
    item.decisions.create(order=0, text="<p>সকল নথি ই-নথিতে হবে।</p>", status=Decision.Status.DONE)
    assert "সকল নথি ই-নথিতে হবে।" not in text(client.get(minutes_url(meeting)))
    from offices.models import OfficeRole
    from offices.services.records import office_record_save
    from tests.factories import user_with_role

    division.publish_decision_status = True
    with django_capture_on_commit_callbacks(execute=True):  # the administrator's settings page saves so
        office_record_save(
            record=division,
            fields=["publish_decision_status"],
            by=user_with_role(division, OfficeRole.Role.ADMIN),
        )
    page = text(client.get(minutes_url(meeting)))
    assert "সকল নথি ই-নথিতে হবে।" in page and "সম্পন্ন" in page and '<th scope="col">' in page


def test_the_first_addresses_lead_to_the_new_ones_for_good(client, division):
    meeting = minutes(division)
    for old, new in (
        (f"/public/minutes/{meeting.pk}/", minutes_url(meeting)),
        (f"/public/minutes/{meeting.pk}.pdf", minutes_url(meeting, pdf=True)),
    ):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new
    assert new.startswith(f"/public/ssd/2022-23/{meeting.memo_number}")


def test_pages_carry_validators_are_compressed_and_answer_304(client, division):
    minutes(division)
    for url in (reverse("public:home"), reverse("public:list"), "/public/ssd/"):
        first = client.get(url)
        assert first["ETag"].startswith('W/"') and first["Last-Modified"]
        assert first["Cache-Control"] == "public, max-age=300" and "Accept-Encoding" in first["Vary"]
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304 and again.content == b""
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        assert since.status_code == 304
        zipped = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
        assert zipped["Content-Encoding"] == "gzip" and gzip.decompress(zipped.content) == first.content


def test_a_cached_list_changes_at_once_when_minutes_are_published_or_withdrawn(
    client, division, django_capture_on_commit_callbacks
):
    from minutes.workflow import services as workflow
    from offices.models import OfficeRole
    from tests.factories import user_with_role

    first = minutes(division, title="প্রথম সভা")
    later = minutes(division, state=S.ISSUED, title="পরের সভা")
    issuer = user_with_role(division, OfficeRole.Role.ISSUER)
    for url in ("/public/", "/public/minutes/", "/public/ssd/"):
        assert "প্রথম সভা" in text(client.get(url)) and "পরের সভা" not in text(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_publish(meeting=later, by=issuer)
    for url in ("/public/", "/public/minutes/", "/public/ssd/"):
        assert "পরের সভা" in text(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_withdraw(meeting=first, by=issuer, reason="ভুল সংযুক্তি")
    for url in ("/public/", "/public/minutes/", "/public/ssd/"):
        assert "প্রথম সভা" not in text(client.get(url))
    assert client.get(minutes_url(first)).status_code == 404


def test_the_innovation_bank_shows_published_entries_only(client, division):
    Idea.objects.create(office=division, title="অনলাইন আবেদন", summary="ঘরে বসে আবেদন", is_published=True)
    Idea.objects.create(office=division, title="গোপন খসড়া ধারণা")
    office_page = text(client.get("/public/ssd/"))
    assert reverse("public:ideas", args=["ssd"]) in office_page
    page = text(client.get(reverse("public:ideas", args=["ssd"])))
    assert "অনলাইন আবেদন" in page and "ঘরে বসে আবেদন" in page and "গোপন খসড়া ধারণা" not in page
    assert reverse("public:ideas", args=["dnc"]) not in text(client.get("/public/ssd/"))


def test_the_language_switch_needs_no_token_and_the_pages_follow_it(client, division):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("public:language"), {"language": "en", "next": "/public/"})
    assert response.status_code == 302 and response["Location"] == "/public/"
    page = text(client.get("/public/"))
    assert '<html lang="en">' in page and "Latest published minutes" in page
    assert (
        client.post(reverse("public:language"), {"language": "bn", "next": "https://evil.example/"})[
            "Location"
        ]
        == "/"
    )  # never sent elsewhere
