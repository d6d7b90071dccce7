"""The read-only JSON API (django-ninja) and the bulk exports of published decisions."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.models import Decision
from tests.factories import OfficeFactory
from tests.website.following_world import published_in

SITE = settings.SITE_URL.rstrip("/")
API = "/public/api/v1"


@pytest.fixture
def ministry(db):
    return OfficeFactory(name="সুরক্ষা সেবা বিভাগ", slug="ssd")


@pytest.fixture
def directorate(ministry):
    return OfficeFactory(name="কারা অধিদপ্তর", slug="prisons", parent=ministry, publish_decision_status=True)


def get_json(client, path, status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content[:1000]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_published_minutes_with_their_agenda_items_and_decisions(
    client, ministry, django_capture_on_commit_callbacks
):
    meeting = published_in(
        django_capture_on_commit_callbacks,
        ministry,
        decisions=["<p>ই-নথির <strong>ব্যবহার</strong> বাড়াতে হবে।</p>", "<ul><li>এক</li><li>দুই</li></ul>"],
    )

    listing = get_json(client, f"{API}/minutes")

    assert listing["pagination"] == {"totalElements": 1, "elementsPerPage": 20, "offset": 0}
    assert listing["links"] == {"next": None, "prev": None}
    (item,) = listing["data"]
    assert item["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert (item["id"], item["name"], item["memo_number"]) == (meeting.pk, meeting.title, meeting.memo_number)
    assert item["office"] == {"id": ministry.pk, "name": "সুরক্ষা সেবা বিভাগ", "web": f"{SITE}/public/ssd/"}
    assert item["web"] == f"{SITE}/public/ssd/2023-24/{meeting.memo_number}/"
    assert item["resultsProtocol"]["accessUrl"] == f"{SITE}/public/ssd/2023-24/{meeting.memo_number}.pdf"
    assert item["start"] == "2024-03-03T15:00:00+06:00" and item["fiscal_year"] == "2023-24"
    assert item["published_at"]

    detail = get_json(client, f"{API}/minutes/{meeting.pk}")
    (agenda_item,) = detail["agendaItem"]
    assert agenda_item["type"] == "https://schema.oparl.org/1.1/AgendaItem" and agenda_item["number"] == 1
    first, second = agenda_item["decisions"]
    assert first["text"] == "ই-নথির ব্যবহার বাড়াতে হবে।"
    assert first["text_html"] == "<p>ই-নথির <strong>ব্যবহার</strong> বাড়াতে হবে।</p>"
    assert second["text"] == "এক\nদুই" and second["number"] == 2
    assert first["responsible"] == ["প্রশাসন-১ শাখা"]
    assert first["deadline"] == "৩০.০৪.২০২৪ তারিখের মধ্যে" and first["due_date"] == "2024-04-30"
    assert first["status"] is None  # the office does not publish where its decisions stand
    assert get_json(client, f"{API}/minutes/{meeting.pk}/agenda-items") == detail["agendaItem"]
    assert get_json(client, f"{API}/agenda-items/{agenda_item['id']}") == agenda_item
    assert get_json(client, f"{API}/decisions/{second['id']}") == second
    assert "ব্যবহার" in client.get(f"{API}/minutes/{meeting.pk}").content.decode()  # Bangla, not \\u escapes


def test_lists_filter_and_page_with_a_maximum(
    client, ministry, directorate, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    for _ in range(3):
        published_in(steps, ministry)
    below = published_in(steps, directorate)

    assert get_json(client, f"{API}/minutes", office=ministry.pk)["pagination"]["totalElements"] == 3
    with_below = get_json(client, f"{API}/minutes", office=ministry.pk, subordinates="true")
    assert with_below["pagination"]["totalElements"] == 4
    page = get_json(client, f"{API}/minutes", limit=2, offset=1)
    assert len(page["data"]) == 2
    assert page["links"]["next"] == f"{SITE}{API}/minutes?limit=2&offset=3"
    assert page["links"]["prev"] == f"{SITE}{API}/minutes?limit=2&offset=0"
    assert get_json(client, f"{API}/minutes", fiscal_year=2022)["data"] == []
    assert get_json(client, f"{API}/decisions", office=directorate.pk)["data"][0]["status"] == "in_progress"
    assert get_json(client, f"{API}/decisions", office=directorate.pk)["data"][0]["meeting"] == below.pk
    offices = get_json(client, f"{API}/offices")["data"]
    assert {o["name"] for o in offices} == {"সুরক্ষা সেবা বিভাগ", "কারা অধিদপ্তর"}
    assert offices[0]["type"] == "https://schema.oparl.org/1.1/Body"
    assert get_json(client, f"{API}/offices/{directorate.pk}")["parent"] == ministry.pk


@pytest.mark.parametrize(
    "path, params",
    [
        ("/minutes", {"limit": "101"}),
        ("/minutes", {"limit": "0"}),
        ("/minutes", {"limit": "abc"}),
        ("/minutes", {"offset": "-1"}),
        ("/minutes", {"offset": "9" * 30}),
        ("/minutes", {"office": "9" * 30}),
        ("/minutes", {"office": "x"}),
        ("/minutes", {"fiscal_year": "20222"}),
        ("/minutes", {"subordinates": "perhaps"}),
        ("/minutes", {"q": "ক" * 201}),
        ("/decisions", {"limit": "১০০০"}),
        ("/offices", {"offset": "1e3"}),
        ("/minutes/0", {}),
        ("/minutes/" + "9" * 30, {}),
        ("/decisions/-1", {}),
    ],
)
def test_parameters_not_understood_get_a_4xx_json_answer(client, ministry, path, params):
    response = client.get(API + path, params)
    assert response.status_code in (400, 404, 422), response.content[:300]
    if response.status_code != 404:
        assert response["Content-Type"].startswith("application/json") and "detail" in response.json()


def test_odd_characters_and_broken_encodings_never_give_a_server_error(client, ministry):
    for query in (
        "q=%00",
        "q=%ff%fe",
        "q=%ed%a0%80",
        "q=\u202e\u0338",
        "q=ই-নথি\x01",
        "office=%d9%a2",
        "limit=%e0%a7%a7",
    ):
        response = client.get(f"{API}/minutes?{query}")
        assert 200 <= response.status_code < 500, query


def test_unknown_ids_and_an_unknown_office_filter_answer_404(client, ministry):
    assert get_json(client, f"{API}/minutes/123456", status=404) == {"detail": "Not Found"}
    assert get_json(client, f"{API}/offices/123456", status=404)
    assert get_json(client, f"{API}/minutes", status=404, office=123456)
    assert client.get(f"{API}/minutes/123456/agenda-items").status_code == 404


def test_answers_carry_validators_and_304_when_unchanged(
    client, ministry, django_capture_on_commit_callbacks
):
    meeting = published_in(django_capture_on_commit_callbacks, ministry)
    for path in ("/minutes", f"/minutes/{meeting.pk}", "/offices", "/decisions"):
        response = client.get(API + path)
        assert (
            response["ETag"]
            and response["Last-Modified"]
            and response["Cache-Control"] == "public, max-age=300"
        )
        assert client.get(API + path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        assert client.get(API + path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304


def test_the_openapi_description_and_its_documentation_page(client, db):
    schema = get_json(client, f"{API}/openapi.json")
    assert schema["info"]["title"] == "Sobha open data"
    assert {
        "/public/api/v1/minutes",
        "/public/api/v1/minutes/{minutes_id}",
        "/public/api/v1/decisions",
    } <= set(schema["paths"])
    limit = next(
        p for p in schema["paths"]["/public/api/v1/minutes"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 100
    page = client.get(f"{API}/docs")
    assert page.status_code == 200 and b"swagger-ui" in page.content
    assert b"cdn" not in page.content.lower()  # served from the portal's own static files


@pytest.mark.parametrize(
    "path",
    [
        "/minutes",
        "/decisions",
        "/offices",
        "/minutes/{pk}",
        "/minutes/{pk}/agenda-items",
        "/decisions/{decision}",
    ],
)
def test_an_api_answers_queries_do_not_grow_with_the_number_of_minutes(
    client, ministry, directorate, path, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    meeting = published_in(steps, ministry, decisions=["<p>ক</p>"])

    def queries():
        address = API + path.format(
            pk=meeting.pk, decision=Decision.objects.filter(agenda_item__meeting=meeting).first().pk
        )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(5):
        published_in(steps, directorate, decisions=["<p>ক</p>", "<p>খ</p>", "<p>গ</p>"])
    meeting.agenda_items.first().decisions.create(order=2, text="<p>নতুন</p>")  # a bigger document too
    published_in(steps, ministry)  # a new public version: nothing answered from the cache
    assert queries() == few
    assert few <= 6


# ---- Exports ----------------------------------------------------------------------------------------


def streamed(response) -> bytes:
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content)


def test_the_csv_export_opens_in_excel_with_bangla_and_plain_text(
    client, ministry, directorate, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    meeting = published_in(
        steps, ministry, decisions=["<p>ই-নথি <em>চালু</em> &amp; নিয়মিত</p>", '<p>=HYPERLINK("x")</p>']
    )
    published_in(steps, directorate)

    response = client.get("/public/api/exports/decisions.csv", {"office": "ssd"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="decisions.csv"'
    content = streamed(response)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row["decision"] for row in rows] == ["ই-নথি চালু & নিয়মিত", '\'=HYPERLINK("x")']
    first = rows[0]
    assert first["office"] == "সুরক্ষা সেবা বিভাগ" and first["memo_number"] == meeting.memo_number
    assert (first["issue_date"], first["fiscal_year"], first["due_date"]) == (
        "2024-03-10",
        "2023-24",
        "2024-04-30",
    )
    assert first["responsible"] == "প্রশাসন-১ শাখা" and first["deadline"] == "৩০.০৪.২০২৪ তারিখের মধ্যে"
    assert first["status"] == ""  # this office does not publish its decisions' status
    assert first["minutes_url"] == f"{SITE}/public/ssd/2023-24/{meeting.memo_number}/"


def test_the_json_export_has_the_same_records_filtered_by_office_and_year(
    client, ministry, directorate, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    published_in(steps, ministry)
    published_in(steps, directorate, decisions=["<p>=এক</p>", "<p>দুই</p>"])

    records = json.loads(
        streamed(client.get("/public/api/exports/decisions.json", {"office": "ssd", "sub": "1"}))
    )
    assert len(records) == 3
    below = [r for r in records if r["office"] == "কারা অধিদপ্তর"]
    assert [r["decision"] for r in below] == ["=এক", "দুই"] and {r["status"] for r in below} == {"in_progress"}
    assert json.loads(streamed(client.get("/public/api/exports/decisions.json", {"fy": "2022-23"}))) == []
    assert client.get("/public/api/exports/decisions.json", {"fy": "next year"}).status_code == 400
    assert client.get("/public/api/exports/decisions.csv", {"office": "nowhere"}).status_code == 400


def test_an_export_is_304_until_something_is_published(client, ministry, django_capture_on_commit_callbacks):
    published_in(django_capture_on_commit_callbacks, ministry)
    first = client.get("/public/api/exports/decisions.csv")
    streamed(first)
    assert first["Cache-Control"] == "public, max-age=300"
    with CaptureQueriesContext(connection) as captured:
        assert (
            client.get("/public/api/exports/decisions.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
            == 304
        )
    assert len(captured) == 0
    published_in(django_capture_on_commit_callbacks, ministry)
    assert (
        client.get("/public/api/exports/decisions.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    )


def test_an_exports_queries_grow_with_chunks_not_with_decisions(
    client, ministry, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks

    def queries():
        with CaptureQueriesContext(connection) as captured:
            streamed(client.get("/public/api/exports/decisions.csv"))
        return len(captured)

    published_in(steps, ministry)
    few = queries()
    for _ in range(4):
        published_in(steps, ministry, decisions=[f"<p>{n}</p>" for n in range(10)])
    assert queries() == few <= 3
