"""The public search (website/search.py, the page at /public/search/, the index in minutes/search.py):
what a citizen finds, what they never find, and that whatever they type gets a page. Run on SQLite
and on PostgreSQL; the tests marked `postgres` need PostgreSQL's full-text search and pg_trgm."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from minutes.content.richtext import sanitize_rich_text
from minutes.models import Meeting, SearchEntry
from minutes.search import search_entry_sync
from minutes.workflow import services as workflow
from offices.models import Office, OfficeRole
from tests.factories import GovernmentFileFactory, MeetingFactory, OfficeFactory, user_with_role
from tests.minutes.reference_fixtures import make_minutes_004
from website import search as public_search
from website.search import search

S = Meeting.State
R = OfficeRole.Role
URL = "/public/search/"
_serial = iter(range(1, 10_000))


def minutes(
    office,
    *,
    title="ইনোভেশন টিমের সভার কার্যবিবরণী",
    decisions=("সভার কার্যবিবরণী ওয়েবসাইটে প্রকাশ করতে হবে।",),
    discussion="",
    attendees=(),
    issuer_name="মোঃ আবদুল কাদির",
    state=S.PUBLISHED,
    issue_date=datetime.date(2024, 8, 4),
    memo_number=None,
) -> Meeting:
    """Minutes in `state`, typed in as the editor stores them, and indexed as publishing does."""
    issued = state in Meeting.ISSUED_STATES
    meeting = MeetingFactory(
        office=office,
        title=title,
        date=issue_date - datetime.timedelta(days=5),
        state=state,
        issuer_name=issuer_name,
        issue_date=issue_date if issued else None,
        memo_number=(memo_number or f"58.00.0000.018.31.006.17.{next(_serial)}") if issued else "",
    )
    item = meeting.agenda_items.create(order=0, title="বিবিধ", discussion=sanitize_rich_text(discussion))
    for order, text in enumerate(decisions):
        item.decisions.create(order=order, text=sanitize_rich_text(text))
    for order, name in enumerate(attendees):
        meeting.attendees.create(order=order, name=name, designation="উপসচিব")
    search_entry_sync(meeting_id=meeting.pk)
    return meeting


def found(query, **filters) -> list[int]:
    return [hit.meeting.pk for hit in search(query, **filters).hits]


@pytest.fixture
def on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (full-text search and pg_trgm)")


@pytest.fixture
def office(db):
    return OfficeFactory(name="মহিলা বিষয়ক অধিদপ্তর")


# ---- What is found -------------------------------------------------------------------------------------------


def test_it_finds_the_reference_minutes_by_a_word_of_a_decision_and_by_its_memo_number(db):
    meeting = make_minutes_004(state=S.PUBLISHED)
    search_entry_sync(meeting_id=meeting.pk)
    assert found("ক্ষুদ্রঋণ") == [meeting.pk]  # "প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার সফটওয়্যার …"
    assert found("৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮") == [meeting.pk]  # Bangla digits
    assert found("32.01.0000.021.18.003.24.48") == [meeting.pk]  # ASCII digits
    assert found("32.01.0000.021") == [meeting.pk]  # the start of it: the file's number
    assert found("কেয়া খান") == [meeting.pk]  # the chair and signer


def test_it_finds_words_of_the_title_discussion_decisions_attendees_and_signer(office):
    meeting = minutes(
        office,
        title="ডিজিটাইজেশন বিষয়ক সভা",
        discussion="<p>শোকেসিং আয়োজনের প্রস্তুতি আলোচনা হয়।</p>",
        decisions=["<p>হেল্পডেস্ক চালু করতে হবে।</p>"],
        attendees=["জনাব নিপু হালদার"],
        issuer_name="মল্লিক সাঈদ মাহবুব",
    )
    for query in ("ডিজিটাইজেশন", "শোকেসিং", "হেল্পডেস্ক", "হালদার", "মাহবুব", "নিপু হালদার"):
        assert found(query) == [meeting.pk], query
    assert found("হেল্পডেস্ক মাহবুব") == [meeting.pk]  # every word, from different parts
    assert found("হেল্পডেস্ক ঘূর্ণিঝড়") == []  # every word must be found


def test_a_word_typed_in_another_unicode_form_finds_the_same_minutes(office):
    meeting = minutes(office, decisions=["সভায় ক্‌ষমতা ও ব্যয়ের বিষয়ে সিদ্ধান্ত হয়।"])  # ZWNJ in ক্‌ষ
    assert found("সভায়") == [meeting.pk]  # য় typed as U+09AF U+09BC
    assert found("সভা\u09df") == [meeting.pk]  # য় typed as U+09DF
    assert found("ক্ষমতা") == [meeting.pk]  # without the ZWNJ
    assert found("ব্য\u200dয়ের") == [meeting.pk]  # with a stray ZWJ


def test_a_memo_number_is_an_identifier_found_from_its_start_not_a_bag_of_words(office):
    first = minutes(office, memo_number="58.00.0000.018.31.006.17.26")
    second = minutes(office, memo_number="58.00.0000.018.31.006.17.211")
    other = minutes(office, memo_number="05.42.0000.006.18.001.22.7")
    assert found("৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬") == [first.pk]
    assert set(found("58.00.0000.018.31.006.17.2")) == {first.pk, second.pk}
    assert found("০১৮.৩১.০০৬.১৭.২৬") == []  # the middle of a number is not its start
    assert found("05.42.0000") == [other.pk]
    results = search("58.00.0000.018.31.006.17.211")
    assert [(s.text, s.match) for s in results.hits[0].memo] == [("58.00.0000.018.31.006.17.211", True)]


def test_a_memo_number_and_a_word_are_both_required(office):
    meeting = minutes(office, decisions=["হেল্পডেস্ক চালু হবে।"], memo_number="58.00.0000.018.31.006.17.26")
    assert found("58.00.0000.018 হেল্পডেস্ক") == [meeting.pk]
    assert found("58.00.0000.018 শোকেসিং") == []


def test_only_published_minutes_are_ever_found(office):
    published = minutes(office, decisions=["প্রকাশিতশব্দ"])
    for state in (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ISSUED):
        minutes(office, decisions=[f"গোপনশব্দ {state}"], state=state)
    assert SearchEntry.objects.count() == 1  # the index holds the published minutes only
    assert found("গোপনশব্দ") == []
    assert found("58.00.0000.018.31.006.17") == [published.pk]  # the issued one has a number too
    # An entry left behind (minutes taken off the website) finds nothing either.
    Meeting.objects.filter(pk=published.pk).update(state=S.ISSUED)
    assert found("প্রকাশিতশব্দ") == []
    search_entry_sync(meeting_id=published.pk)
    assert not SearchEntry.objects.filter(pk=published.pk).exists()


def test_the_publish_step_adds_the_minutes_after_its_commit(office, django_capture_on_commit_callbacks):
    issuer = user_with_role(office, R.ISSUER, username="issuer")
    meeting = minutes(office, decisions=["প্রকাশেরপরেখুঁজুন"], state=S.ISSUED)
    assert found("প্রকাশেরপরেখুঁজুন") == []
    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_publish(meeting=meeting, by=issuer)
    assert found("প্রকাশেরপরেখুঁজুন") == [meeting.pk]


def test_an_office_that_publishes_on_issue_is_searchable_after_the_issue(
    office, django_capture_on_commit_callbacks
):
    Office.objects.filter(pk=office.pk).update(publish_on_issue=True)
    office.refresh_from_db()
    issuer = user_with_role(office, R.ISSUER, username="issuer")
    meeting = minutes(office, decisions=["একসাথেপ্রকাশ"], state=S.APPROVED)
    nothi = GovernmentFileFactory(office=office, number="58.00.0000.018.31.099.17")
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer, issue_date=meeting.date)
    # the public pages' new version, the document's printing (a Celery task), and the index
    assert len(callbacks) == 3
    assert found("একসাথেপ্রকাশ") == []
    callbacks[-1]()
    assert found("একসাথেপ্রকাশ") == [meeting.pk]
    assert found("58.00.0000.018.31.099.17.1") == [meeting.pk]


def test_the_rebuild_command_indexes_every_published_minutes_and_nothing_else(office):
    published = minutes(office, decisions=["পুনর্গঠন"])
    issued = minutes(office, decisions=["পুনর্গঠন"], state=S.ISSUED)
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(
        meeting=issued, office=office, fiscal_year=2024, issue_date=issued.issue_date, title="x"
    )
    call_command("search_rebuild", verbosity=0)
    assert list(SearchEntry.objects.values_list("pk", flat=True)) == [published.pk]
    assert found("পুনর্গঠন") == [published.pk]


# ---- Filters and pages ---------------------------------------------------------------------------------------


def test_the_office_filter_takes_the_offices_below_it(db):
    division = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    directorate = OfficeFactory(name="কারা অধিদপ্তর", parent=division)
    district = OfficeFactory(name="জেলা কারাগার, ঢাকা", parent=directorate)
    elsewhere = OfficeFactory(name="জনপ্রশাসন মন্ত্রণালয়")
    meetings = {
        o.pk: minutes(o, decisions=["কারাবন্দি সেবা"]).pk for o in (division, directorate, district, elsewhere)
    }
    assert set(found("কারাবন্দি", office_ids=[division.pk])) == {
        meetings[division.pk],
        meetings[directorate.pk],
        meetings[district.pk],
    }
    assert set(found("কারাবন্দি", office_ids=[directorate.pk])) == {
        meetings[directorate.pk],
        meetings[district.pk],
    }
    assert found("কারাবন্দি", office_ids=[elsewhere.pk]) == [meetings[elsewhere.pk]]


def test_the_fiscal_year_filter(office):
    older = minutes(office, issue_date=datetime.date(2021, 2, 22), decisions=["অর্থবছরশব্দ"])
    newer = minutes(office, issue_date=datetime.date(2024, 8, 4), decisions=["অর্থবছরশব্দ"])
    assert found("অর্থবছরশব্দ", fiscal_year=2020) == [older.pk]  # held in February 2021: ২০২০-২১
    assert found("অর্থবছরশব্দ", fiscal_year=2024) == [newer.pk]
    assert found("অর্থবছরশব্দ") == [newer.pk, older.pk]  # the newest first when the rank is equal


def test_results_come_in_pages_and_a_page_past_the_end_is_the_last(office):
    ids = [
        minutes(office, decisions=["পাতাশব্দ"], issue_date=datetime.date(2024, 1, 1) + datetime.timedelta(d)).pk
        for d in range(23)
    ]
    first = search("পাতাশব্দ")
    assert first.total == 23 and len(first.hits) == 20 and first.page.has_next()
    assert [h.meeting.pk for h in first.hits] == ids[::-1][:20]
    assert [h.meeting.pk for h in search("পাতাশব্দ", page=2).hits] == ids[::-1][20:]
    for page in (99, "৯৯", -1, "abc", "²", str(10**30)):
        assert search("পাতাশব্দ", page=page).page.number in (1, 2), page


def test_past_the_counted_matches_the_newest_come_first(office, monkeypatch):
    monkeypatch.setattr(public_search, "COUNTED", 3)
    ids = [
        minutes(office, decisions=["গণনাশব্দ"], issue_date=datetime.date(2024, 1, 1) + datetime.timedelta(d)).pk
        for d in range(5)
    ]
    results = search("গণনাশব্দ")
    assert results.more and results.total == 3 and not results.by_relevance
    assert [h.meeting.pk for h in results.hits] == ids[::-1][:3]


# ---- Passages and their marks -------------------------------------------------------------------------------


def test_the_passage_around_the_match_is_marked(office):
    long_before = "ক " * 100
    minutes(office, decisions=[f"{long_before}উদ্ভাবনী ধারণা বাস্তবায়নের জন্য কর্মশালা আয়োজন করতে হবে। {long_before}"])
    hit = search("কর্মশালা").hits[0]
    (passage,) = hit.passages
    marked = [s.text for s in passage if s.match]
    assert marked == ["কর্মশালা"]
    text = "".join(s.text for s in passage)
    assert text.startswith("…") and text.endswith("…") and "উদ্ভাবনী ধারণা" in text
    assert len(text) < 200


def test_a_word_is_marked_where_it_begins_a_longer_word(office):
    minutes(office, decisions=["সভায় উপস্থিত সকলে সভাপতিকে ধন্যবাদ জানান।"])
    marked = {s.text for p in search("সভা").hits[0].passages for s in p if s.match}
    assert {"সভায়", "সভাপতিকে"} <= marked


def test_html_in_documents_and_in_queries_is_shown_as_text_and_marks_are_the_only_markup(client, office):
    meeting = minutes(
        office,
        title="<b>শিরোনাম</b> <script>alert('t')</script>",
        decisions=[
            "<p>&lt;script&gt;alert('d')&lt;/script&gt; স্ক্রিপ্টশব্দ &lt;img src=x onerror=alert(1)&gt;</p>"
        ],
    )
    response = client.get(URL, {"q": "<script>স্ক্রিপ্টশব্দ</script>"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>শিরোনাম" not in page
    assert "&lt;<mark>script</mark>&gt;alert(&#x27;d&#x27;)" in page  # the decision's text, shown as text
    assert "<mark>স্ক্রিপ্টশব্দ</mark>" in page
    assert "&lt;script&gt;স্ক্রিপ্টশব্দ&lt;/script&gt;" in page  # the query, kept in the box as text
    assert f'href="/public/minutes/{meeting.pk}/"' in page


# ---- The page: whatever is typed gets one ---------------------------------------------------------------------


def test_the_page_shows_results_with_bangla_digits_and_links_to_the_document(client, office):
    meeting = minutes(
        office, decisions=["হেল্পডেস্ক ২০২৪ সালে চালু হবে।"], memo_number="58.00.0000.018.31.006.17.26"
    )
    response = client.get(URL, {"q": "58.00.0000.018.31.006.17.26"})
    page = response.content.decode()
    assert response.status_code == 200 and "website/search.html" in [t.name for t in response.templates]
    assert "<mark>৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬</mark>" in page
    assert "২০২৪" in page and f'href="/public/minutes/{meeting.pk}/"' in page
    assert "প্রকাশিত কার্যবিবরণী পাওয়া গেছে: ১" in page


BAD_QUERIES = [
    "",
    "   ",
    "সভা " * 700,  # 2,800 characters
    "x" * 2000,
    "' OR 1=1 --",
    "'; DROP TABLE minutes_searchentry; --",
    "%",
    "_",
    "\\",
    "'",
    ":*",
    "!!!",
    "&|!<->()",
    "সভা & | ! :* <-> (",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "সভা meeting сессия 会议 اجتماع",
    "\u202eসভা\u0338",
    "👨\u200d👩\u200d👧",
    "৯" * 5000,
    "58.00.0000.018.31.006.17.26.1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9.0",
    "১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ ০ ক খ গ",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_any_query_gets_the_search_page(client, office, query):
    minutes(office)
    response = client.get(URL, {"q": query})
    assert response.status_code == 200 and "website/search.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(
    "raw",
    [
        "q=%ED%A0%80",  # a lone surrogate, UTF-8 encoded
        "q=%ED%A0%80%ED%B0%80সভা",
        "q=%FF%FE%C0",
        "q=সভা&page=%ED%A0%80",
        "q=সভা&office=%ED%A0%80&year=%ED%A0%80",
        "q=সভা&office=abc&year=99999&page=-5",
        "q=সভা&office=99999999999999999999999&year=২০২৪-২৫&page=৯৯৯",
        "q=সভা&office=0&year=1900",
        "q[]=সভা&q=সভা&q=x",
    ],
)
def test_malformed_urls_get_the_search_page(client, office, raw):
    minutes(office)
    response = client.get(f"{URL}?{raw}")
    assert response.status_code == 200 and "website/search.html" in [t.name for t in response.templates]


def test_a_nul_gets_the_bad_request_page_and_search_strips_it(client, office):
    meeting = minutes(office, decisions=["নালশব্দ"])
    response = client.get(f"{URL}?q=%00নালশব্দ")
    assert response.status_code == 400 and "400.html" in [t.name for t in response.templates]
    assert found("\x00নালশব্দ\x00") == [meeting.pk]  # the office page calls search() itself


def test_a_search_that_finds_nothing_says_so(client, office):
    minutes(office)
    page = client.get(URL, {"q": "ঘূর্ণিঝড়"}).content.decode()
    assert "“ঘূর্ণিঝড়” মেলে এমন কোনো প্রকাশিত কার্যবিবরণী পাওয়া যায়নি।" in page
    page = client.get(URL, {"q": "!!!"}).content.decode()
    assert "কার্যবিবরণীর কোনো শব্দ (অন্তত একটি অক্ষর বা অঙ্ক)" in page


def test_a_long_query_is_cut_and_says_so(client, office):
    minutes(office, decisions=["দীর্ঘশব্দ"])
    results = search("দীর্ঘশব্দ " + "ক" * 3000)
    assert results.cut and len(results.query) <= public_search.MAX_QUERY
    page = client.get(URL, {"q": "দীর্ঘশব্দ " + "ক" * 3000}).content.decode()
    assert "প্রথম ২০০টি অক্ষর" in page


def test_the_filters_are_read_in_either_digits_and_kept_in_the_page_links(client, office):
    for d in range(23):
        minutes(office, decisions=["ফিল্টারশব্দ"], issue_date=datetime.date(2024, 8, 1) + datetime.timedelta(d))
    response = client.get(
        URL,
        {
            "q": "ফিল্টারশব্দ",
            "office": str(office.pk).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")),
            "year": "২০২৪-২৫",
        },
    )
    results = response.context["results"]
    assert results.total == 23 and response.context["office"] == office and response.context["year"] == 2024
    page = response.content.decode()
    assert "page=2" in page and "office=" in page and "year=" in page


def test_the_search_page_makes_a_fixed_number_of_queries(client, office, django_assert_num_queries):
    for d in range(25):
        minutes(
            office,
            decisions=["প্রশ্নশব্দ"],
            attendees=["জনাব নিপু হালদার"],
            issue_date=datetime.date(2024, 1, 1) + datetime.timedelta(d),
        )
    # office (the filter), subordinate offices (one level: none), office choices, fiscal years,
    # [PostgreSQL: the settings (time limit, plans), the words, index scans again for the page, the
    # savepoint and its release], the count, the page of results with their meetings and offices.
    expected = 6 if connection.vendor == "sqlite" else 11
    with django_assert_num_queries(expected):
        response = client.get(URL, {"q": "প্রশ্নশব্দ হালদার", "office": office.pk})
    assert response.context["results"].total == 25


# ---- PostgreSQL: words inside words, near spellings, Bangla trigrams --------------------------------------------


@pytest.mark.postgres
def test_the_test_database_knows_bangla_letters_for_pg_trgm(on_postgresql):
    from minutes.checks import search_database_locale

    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        (ctype,) = cursor.fetchone()
        cursor.execute("SELECT show_trgm('সচিব')")
        (trigrams,) = cursor.fetchone()
    assert ctype.upper() not in ("C", "POSIX") and len(trigrams) >= 3
    assert search_database_locale(None) == []


@pytest.mark.postgres
def test_the_test_database_is_created_in_utf8_with_a_utf8_ctype_whatever_the_cluster(on_postgresql):
    suffix = connection.creation.sql_table_creation_suffix()
    assert "ENCODING 'UTF8'" in suffix and 'TEMPLATE "template0"' in suffix
    assert "LC_CTYPE 'C.UTF-8'" in suffix


@pytest.mark.postgres
def test_a_word_finds_the_longer_words_it_is_inside_of(on_postgresql, office):
    inside = minutes(office, attendees=["জনাব মোঃ মনিরুজ্জামান"], decisions=["প্রশিক্ষণকেন্দ্রে কর্মশালা হবে।"])
    minutes(office, decisions=["কোনো মিল নেই।"])
    assert found("কেন্দ্রে") == [inside.pk]
    assert found("জ্জামান") == [inside.pk]  # inside a name
    marked = {s.text for p in search("কেন্দ্রে").hits[0].passages for s in p if s.match}
    assert marked == {"প্রশিক্ষণকেন্দ্রে"}


@pytest.mark.postgres
def test_a_misspelt_word_finds_the_nearest_spelling(on_postgresql, office):
    meeting = minutes(office, attendees=["জনাব আসাদুজ্জামান"], decisions=["ডিজিটাইজেশন কার্যক্রম চলবে।"])
    assert found("আসাদুজ্জমান") == [meeting.pk]  # "া" left out
    assert found("ডিজিটাইজেসন") == [meeting.pk]  # স for শ


@pytest.mark.postgres
def test_the_best_match_comes_first(on_postgresql, office):
    in_text = minutes(
        office, title="সাধারণ সভা", decisions=["হেল্পডেস্ক চালু হবে।"], issue_date=datetime.date(2024, 9, 1)
    )
    in_title = minutes(
        office, title="হেল্পডেস্ক বিষয়ক সভা", decisions=["অন্য কাজ।"], issue_date=datetime.date(2024, 1, 1)
    )
    results = search("হেল্পডেস্ক")
    assert results.by_relevance and [h.meeting.pk for h in results.hits] == [in_title.pk, in_text.pk]


@pytest.mark.postgres
def test_a_search_past_its_time_limit_says_so(on_postgresql, office, monkeypatch):
    minutes(office, decisions=["সময়শব্দ"])

    def slow():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 10")
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr(public_search, "_limit", slow)
    results = search("সময়শব্দ")
    assert results.timed_out and not results.hits
    assert found("সময়শব্দ") == []  # still limited: the patched function runs again
    monkeypatch.undo()
    assert len(found("সময়শব্দ")) == 1  # and the connection still works


def test_the_check_warns_about_a_postgresql_database_whose_ctype_is_c():
    from minutes.checks import database_locale_problems

    assert [m.id for m in database_locale_problems("UTF8", "C")] == ["minutes.W001"]
    assert [m.id for m in database_locale_problems("UTF8", "POSIX")] == ["minutes.W001"]
    assert [m.id for m in database_locale_problems("SQL_ASCII", "C")] == ["minutes.E001"]
    assert database_locale_problems("UTF8", "C.UTF-8") == database_locale_problems("UTF8", "bn_BD.utf8") == []
