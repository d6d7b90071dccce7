"""Importing and exporting the innovation bank: the 7-column sheet and the full one, CSV and .xlsx,
every refusal in Bangla with its row and column, nothing half-saved."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.ideas import columns, export, services
from actionplan.models import Idea
from tests.actionplan.idea_sheets import PUBLISHED_HEADER, PUBLISHED_ROWS, make_idea
from tests.actionplan.templates import REFERENCE, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
FIELDS = list(columns.FULL)


def _refusal(office, data) -> str:
    with pytest.raises(ValidationError) as refused:
        services.ideas_import(office=office, data=data, by=None)
    assert Idea.objects.count() == 0 and Idea.history.count() == 0  # nothing half-saved
    return "\n".join(refused.value.messages)


def _entries(office) -> list[dict]:
    return [
        {field: getattr(idea, field) for field in FIELDS}
        for idea in Idea.objects.filter(office=office).order_by("title")
    ]


@pytest.mark.parametrize("as_bytes", [csv_bytes, xlsx_bytes])
def test_it_imports_the_7_column_sheet(office_a, alice, as_bytes):
    services.ideas_import(office=office_a, data=as_bytes(PUBLISHED_ROWS), by=alice)
    leave, transfer = Idea.objects.order_by("title")
    assert leave.title == "অনলাইনে ছুটির আবেদন"
    assert (leave.service_running, leave.expected_result, leave.service_link) == (
        True,
        True,
        "https://leave.example.gov.bd/",
    )
    assert (leave.kind, leave.status, leave.created_by, leave.is_published) == (
        "idea",
        "implemented",
        alice,
        False,
    )
    assert (transfer.service_running, transfer.not_running_reason, transfer.expected_result) == (
        False,
        "সার্ভার বন্ধ",
        False,
    )
    assert leave.history.get().history_user == alice


def test_a_serial_number_column_is_read_past(office_a):
    rows = [["ক্রমিক নং", *PUBLISHED_HEADER]] + [[str(i), *row] for i, row in enumerate(PUBLISHED_ROWS[1:], 1)]
    services.ideas_import(office=office_a, data=csv_bytes(rows), by=None)
    assert Idea.objects.count() == 2


@pytest.fixture
def full_bank(office_a, alice):
    plan = plan_services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    make_idea(
        office_a,
        alice,
        title='অনলাইনে সনদ, "দ্রুত" সেবা',
        kind="digitisation",
        summary="সংক্ষেপে:\nদুই লাইনে",
        problem="তিনবার আসতে হয়",
        root_cause="হাতে লেখা রেজিস্টার",
        solution="অনলাইন ফরম",
        days_before=Decimal("7"),
        cost_before=Decimal("150.50"),
        visits_before=3,
        days_after=Decimal("0.5"),
        cost_after=Decimal(0),
        visits_after=0,
        innovators="জনাব ক, জনাব খ",
        status="implemented",
        proposed_on=datetime.date(2021, 8, 1),
        piloted_on=datetime.date(2021, 10, 15),
        implemented_on=datetime.date(2022, 3, 16),
        service_link="https://sonod.example.gov.bd/",
        service_running=True,
        expected_result=False,
        remarks="মন্তব্য",
        showcase_result="জেলায় প্রথম",
        indicator=plan.indicators.get(number="1.1.1"),
        is_published=True,
    )
    make_idea(office_a, alice, title="শুধু নাম", kind="replication", status="idea")
    return _entries(office_a)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_export_then_import_gives_the_same_entries(client, alice, office_a, office_b, full_bank, kind):
    client.force_login(alice)
    response = client.get(reverse("actionplan:ideas_export", args=[office_a.pk]), {"format": kind})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    Idea.objects.all().delete()
    services.ideas_import(office=office_a, data=response.content, by=alice)
    assert _entries(office_a) == full_bank


def test_the_exported_workbook_reads_as_offices_write_it(client, alice, office_a, full_bank):
    client.force_login(alice)
    response = client.get(reverse("actionplan:ideas_export", args=[office_a.pk]), {"layout": "published"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == PUBLISHED_HEADER
    assert rows[1][:3] == ['অনলাইনে সনদ, "দ্রুত" সেবা', "সংক্ষেপে:\nদুই লাইনে", "হ্যাঁ"]
    full = export.sheet_rows(Idea.objects.order_by("title"))
    assert (
        full[1][FIELDS.index("cost_before")] == "১৫০.৫"
        and full[1][FIELDS.index("indicator")] == "২০২১-২২: [১.১.১]"
    )
    assert full[1][FIELDS.index("implemented_on")] == "১৬-০৩-২০২২"


def test_the_7_column_export_imports_into_another_office(client, alice, office_a, office_b, full_bank):
    client.force_login(alice)
    data = client.get(
        reverse("actionplan:ideas_export", args=[office_a.pk]), {"layout": "published", "format": "csv"}
    ).content
    services.ideas_import(office=office_b, data=data, by=None)
    copied = Idea.objects.get(office=office_b, title='অনলাইনে সনদ, "দ্রুত" সেবা')
    assert (copied.summary, copied.service_running, copied.expected_result) == (
        "সংক্ষেপে:\nদুই লাইনে",
        True,
        False,
    )


def _full_rows(**cells) -> list[list[str]]:
    """A full sheet's heading row and one entry, with the given cells."""
    row = {"title": "ধারণা ১", "kind": "সেবা সহজিকরণ", "status": "পাইলটিং"} | cells
    return [list(columns.FULL.values()), [row.get(key, "") for key in columns.FULL]]


def test_bangla_and_ascii_digits_and_plain_words_are_read(office_a):
    rows = _full_rows(days_before="৭", cost_before="1,500.50", visits_before="৩", proposed_on="০১.০৮.২০২১")
    rows += _full_rows(
        title="ধারণা ২", kind="ডিজিটাইজেশন", status="ধারণা", cost_before="2", proposed_on="2021-08-01"
    )[1:]
    services.ideas_import(office=office_a, data=csv_bytes(rows), by=None)
    first, second = Idea.objects.order_by("title")
    assert (first.days_before, first.cost_before, first.visits_before) == (Decimal(7), Decimal("1500.50"), 3)
    assert (first.kind, first.status, first.proposed_on) == (
        "simplification",
        "piloting",
        datetime.date(2021, 8, 1),
    )
    assert (second.kind, second.status, second.cost_before) == ("digitisation", "idea", Decimal(2))
    assert (second.proposed_on, second.days_before) == (datetime.date(2021, 8, 1), None)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["ধারণা", "বাজেট"], ["ক", "১০"]], "সারি ১: “বাজেট” কলামটি শিটের কলাম নয়।"),
        ([["ধারণা", "শিরোনাম"], ["ক", "খ"]], "সারি ১: “শিরোনাম” কলামটি দুইবার আছে।"),
        ([["সংক্ষিপ্ত বিবরণ", "মন্তব্য"], ["ক", "খ"]], "সারি ১: শিটে ধারণার নামের কলাম (“বাস্তবায়িত ধারণার নাম”) নেই।"),
        ([["Kg©m¤úv`b m~PK", "gšÍe¨"], ["ক", "খ"]], "সারি ১: লেখাটি বিজয়"),
        ([PUBLISHED_HEADER, ["Awf‡hvM e¨e¯’vcbv"]], "সারি ২, কলাম “বাস্তবায়িত ধারণার নাম”: লেখাটি বিজয়"),
        ([PUBLISHED_HEADER], "শিটে কোনো ধারণা নেই"),
        ([PUBLISHED_HEADER, ["ক"], [], ["খ"], [], []], "সারি ৩: সারিটি ফাঁকা।"),
        ([PUBLISHED_HEADER, ["ক", "", "", "", "", "", "", "বাড়তি"]], "সারি ২: শিটের কলামের বাইরে একটি মান আছে।"),
        ([PUBLISHED_HEADER, ["", "বিবরণ"]], "সারি ২, কলাম “বাস্তবায়িত ধারণার নাম”: এই ঘরটি ফাঁকা রাখা যাবে না।"),
        ([PUBLISHED_HEADER, ["ক"], ["ক"]], "সারি ৩: “ক” ধারণাটি সারি ২-এ আগেই আছে।"),
        (
            [PUBLISHED_HEADER, ["ক", "", "হয়তো"]],
            "সারি ২, কলাম “সেবাটি কার্যকর আছে কিনা”: “হয়তো” হ্যাঁ বা না কোনোটিই নয়।",
        ),
        ([PUBLISHED_HEADER, ["ক", "", "", "", "", "ওয়েবসাইট"]], "সারি ২, কলাম “সেবার লিঙ্ক”:"),
        (_full_rows(kind="গবেষণা"), "সারি ২, কলাম “ধরন”: “গবেষণা” এগুলোর কোনোটি নয়: উদ্ভাবনী ধারণা"),
        (_full_rows(status="চলমান"), "সারি ২, কলাম “অবস্থা”: “চলমান” এগুলোর কোনোটি নয়: ধারণা، পাইলটিং"),
        (_full_rows(days_before="সাত"), "সারি ২, কলাম “পূর্বে সময় (দিন)”: “সাত” কোনো সংখ্যা নয়।"),
        (_full_rows(cost_after="-৫"), "সারি ২, কলাম “পরে খরচ (টাকা)”: “-৫” কোনো সংখ্যা নয়।"),
        (_full_rows(visits_after="১.৫"), "সারি ২, কলাম “পরে যাতায়াত (বার)”: “১.৫” কোনো পূর্ণসংখ্যা নয়।"),
        (_full_rows(proposed_on="৩২.০১.২০২২"), "সারি ২, কলাম “প্রস্তাবের তারিখ”: “৩২.০১.২০২২” দিন-মাস-বছর"),
        (_full_rows(piloted_on="2022/13/01"), "সারি ২, কলাম “পাইলটিংয়ের তারিখ”: “2022/13/01” দিন-মাস-বছর"),
        (
            _full_rows(proposed_on="০১-০৫-২০২২", piloted_on="০১-০৪-২০২২"),
            "সারি ২, কলাম “পাইলটিংয়ের তারিখ”: এই তারিখ ধারণার আগের ধাপের তারিখের আগে।",
        ),
        (
            _full_rows(indicator="২০২১-২২: [৯.৯.৯]"),
            "সারি ২, কলাম “সূচক”: দপ্তরের কর্মপরিকল্পনায় “২০২১-২২: [৯.৯.৯]” কোনো সূচক নেই।",
        ),
        (_full_rows(title="ক" * 301), "সারি ২, কলাম “ধারণার নাম”:"),
    ],
)
def test_every_bad_sheet_is_refused_whole_in_bangla(office_a, rows, message):
    assert message in _refusal(office_a, csv_bytes(rows))


def test_a_title_already_in_the_bank_is_refused(office_a):
    existing = make_idea(office_a, title="অনলাইনে ছুটির আবেদন")
    with pytest.raises(ValidationError) as refused:
        services.ideas_import(office=office_a, data=csv_bytes(PUBLISHED_ROWS), by=None)
    assert "সারি ২: “অনলাইনে ছুটির আবেদন” ধারণাটি ব্যাংকে আগেই আছে।" in refused.value.messages
    assert list(Idea.objects.all()) == [existing]


def test_every_problem_is_listed_at_once(office_a):
    rows = [PUBLISHED_HEADER, ["ক", "", "হয়তো"], ["খ", "", "", "", "কখনো"]]
    messages = _refusal(office_a, csv_bytes(rows))
    assert "সারি ২" in messages and "সারি ৩" in messages


def test_the_plan_imports_file_checks_apply(office_a):
    assert "একীভূত (merged) ঘর" in _refusal(office_a, xlsx_bytes(PUBLISHED_ROWS, merge="A2:A3"))
    assert "CSV (UTF-8) বা এক্সেল ওয়ার্কবুক (.xlsx) নয়" in _refusal(office_a, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    assert "ফাইলটি খুব বড়" in _refusal(office_a, b"a," * (1024 * 1024 + 1))
    assert "ফাইলটি ফাঁকা" in _refusal(office_a, b"")


def test_the_page_imports_a_sheet_and_keeps_the_form_on_refusal(client, drafter_a, office_a):
    client.force_login(drafter_a)
    url = reverse("actionplan:ideas_import", args=[office_a.pk])
    bad = [PUBLISHED_HEADER, ["ক", "", "হয়তো"]]
    response = client.post(url, {"sheet": SimpleUploadedFile("bank.csv", csv_bytes(bad), "text/csv")})
    assert response.status_code == 200 and Idea.objects.count() == 0
    assert "সারি ২, কলাম “সেবাটি কার্যকর আছে কিনা”: “হয়তো” হ্যাঁ বা না কোনোটিই নয়।" in response.content.decode()
    upload = SimpleUploadedFile("bank.xlsx", xlsx_bytes(PUBLISHED_ROWS), "application/octet-stream")
    response = client.post(url, {"sheet": upload}, follow=True)
    assert "২টি ধারণা আমদানি হয়েছে।" in response.content.decode() and Idea.objects.count() == 2


def test_the_page_refuses_a_large_upload_before_reading_it(client, alice, office_a):
    client.force_login(alice)
    upload = SimpleUploadedFile("bank.csv", b"a," * (1024 * 1024 + 1), "text/csv")
    response = client.post(reverse("actionplan:ideas_import", args=[office_a.pk]), {"sheet": upload})
    assert "ফাইলটি খুব বড়: শিট সর্বোচ্চ ২০৪৮ কিলোবাইট হতে পারে।" in response.content.decode()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_text_that_looks_like_a_formula_stays_text_both_ways(client, alice, office_a, kind):
    make_idea(office_a, alice, title='=HYPERLINK("http://evil.example/","খুলুন")', remarks="-দ্রুত সেবা")
    before = _entries(office_a)
    client.force_login(alice)
    data = client.get(reverse("actionplan:ideas_export", args=[office_a.pk]), {"format": kind}).content
    if kind == "xlsx":
        cells = [c for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
        assert not any(c.data_type == "f" for c in cells)
    else:
        assert '"\'=HYPERLINK(""http' in data.decode("utf-8-sig") and ",'-দ্রুত সেবা," in data.decode(
            "utf-8-sig"
        )
    Idea.objects.all().delete()
    services.ideas_import(office=office_a, data=data, by=alice)
    assert _entries(office_a) == before


def test_an_imports_queries_do_not_grow_with_its_rows(office_a, alice):
    plan_services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    counts = []
    for size in (3, 30):
        rows = [["ধারণার নাম", "সূচক"]] + [[f"ধারণা {size}-{i}", "২০২১-২২: [১.১.১]"] for i in range(size)]
        with CaptureQueriesContext(connection) as queries:
            services.ideas_import(office=office_a, data=csv_bytes(rows), by=alice)
        counts.append(len(queries))
    assert counts[0] == counts[1]
