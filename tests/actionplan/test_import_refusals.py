"""A malformed template is refused whole, with a Bangla message naming the row and column; nothing
of it is saved."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actionplan import services
from actionplan.models import Activity, Area, Indicator, Plan
from tests.actionplan.templates import TIERS, csv_bytes, reference_rows, xlsx_bytes

pytestmark = pytest.mark.django_db


def _refusal(office, user, data, **kwargs) -> str:
    """The messages of the refusal, joined; asserts that nothing was written."""
    with pytest.raises(ValidationError) as refused:
        services.plan_import(office=office, fiscal_year=2021, data=data, by=user, **kwargs)
    assert (
        Plan.objects.count(),
        Area.objects.count(),
        Activity.objects.count(),
        Indicator.objects.count(),
    ) == (
        0,
        0,
        0,
        0,
    )
    return "\n".join(refused.value.messages)


def test_it_names_the_columns_a_template_lacks(office_a, alice):
    rows = [[cell for i, cell in enumerate(row) if i not in (5, 8)] for row in reference_rows()]
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert "সারি ১:" in message and "কলাম নেই" in message and "একক, বাস্তবায়নকারী" in message


def test_it_refuses_a_column_the_template_does_not_have(office_a, alice):
    rows = reference_rows()
    rows[0].append("মন্তব্য")
    assert "“মন্তব্য” কলামটি টেমপ্লেটের কলাম নয়" in _refusal(office_a, alice, csv_bytes(rows))


def test_it_refuses_marks_that_do_not_add_up_to_the_areas(office_a, alice):
    rows = reference_rows()
    rows[0].append("ক্ষেত্রের মান")
    for row in rows[1:]:
        row.append("৩০" if row[0] == "[১]" else "২১")
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert message == "ক্ষেত্র ১-এর সূচকগুলোর মান যোগ করলে ২৯ হয়, কিন্তু ক্ষেত্রের মান ৩০।"


def test_it_refuses_marks_that_do_not_add_up_to_the_plans_total(office_a, alice):
    message = _refusal(office_a, alice, csv_bytes(reference_rows()), total_marks=Decimal(100))
    assert message == "সূচকগুলোর মান যোগ করলে ৫০ হয়, কিন্তু কর্মপরিকল্পনার মোট মান ১০০।"


def test_it_refuses_a_duplicate_indicator_number(office_a, alice):
    rows = reference_rows()
    rows[8][3] = "[২.১.১]"  # row 9 repeats row 8's number
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert message == "সারি ৯, কলাম “সূচক নং”: সূচক নম্বর ২.১.১ সারি ৮-এ আগেই ব্যবহৃত হয়েছে।"


def test_it_refuses_a_target_date_outside_the_fiscal_year(office_a, alice):
    rows = reference_rows()
    rows[1][7] = "১৬-০৩-২০২৩"
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert message == ("সারি ২, কলাম “লক্ষ্যমাত্রা”: ১৬-০৩-২০২৩ অর্থবছর ২০২১-২২-এর (১ জুলাই থেকে ৩০ জুন) বাইরে।")


def test_it_refuses_a_date_that_is_not_one(office_a, alice):
    rows = reference_rows()
    rows[1][7] = "৩০-০২-২০২২"
    assert "সারি ২, কলাম “লক্ষ্যমাত্রা”" in _refusal(office_a, alice, csv_bytes(rows))


@pytest.mark.parametrize(
    ("row", "tiers", "expected"),
    [
        (6, ["৮০", "৯০", "৭০", "৬০", "৫০"], "সারি ৬: স্তরগুলো ক্রমে নেই"),
        (2, ["১৬-০৩-২০২২", "১০-০৩-২০২২", "", "", ""], "সারি ২: স্তরগুলো ক্রমে নেই"),
        (6, ["৯০", "৮০", "", "", ""], "সারি ৬: অসাধারণ (১০০%) স্তর ৯০, কিন্তু লক্ষ্যমাত্রা ৮০: দুটি একই হতে হবে।"),
    ],
)
def test_it_refuses_tiers_out_of_order(office_a, alice, row, tiers, expected):
    rows = reference_rows()
    rows[0] += TIERS
    for number, cells in enumerate(rows[1:], start=2):
        cells += tiers if number == row else [""] * 5
    assert _refusal(office_a, alice, csv_bytes(rows)).startswith(expected)


def test_it_refuses_an_empty_row_between_indicators(office_a, alice):
    rows = reference_rows()
    rows.insert(5, [""] * 9)
    rows += [[""] * 9, [""] * 9]  # empty rows at the end are forgiven
    assert _refusal(office_a, alice, csv_bytes(rows)) == ("সারি ৬: সারিটি ফাঁকা। সূচকগুলোর মাঝের ফাঁকা সারি মুছে দিন।")


def test_it_recognises_bijoy_text_and_says_so(office_a, alice):
    rows = reference_rows()
    rows[3][4] = "b¨~bZg GKwU ‡mev wWwRUvBRK…Z"
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert message.startswith("সারি ৪, কলাম “কর্মসম্পাদন সূচক”: লেখাটি বিজয়")
    assert "ইউনিকোড" in message


def test_it_recognises_a_bijoy_header(office_a, alice):
    rows = reference_rows()
    rows[0][4] = "Kg©m¤úv`b m~PK"
    assert _refusal(office_a, alice, csv_bytes(rows)).startswith("সারি ১: লেখাটি বিজয়")


def test_it_names_the_merged_cells_of_a_workbook(office_a, alice):
    rows = reference_rows()
    message = _refusal(office_a, alice, xlsx_bytes(rows, merge="A2:A7"))
    assert "একীভূত" in message and "A2:A7" in message


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",  # a PDF renamed .csv
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,  # an old .xls
        "ক্ষেত্র,কার্যক্রম নং".encode("utf-16"),  # not UTF-8
        b"MZ\x90\x00\x03\x00\x00\x00",  # an executable
    ],
    ids=["pdf", "xls", "utf-16", "exe"],
)
def test_it_refuses_a_file_that_is_neither_csv_nor_xlsx(office_a, alice, data):
    assert _refusal(office_a, alice, data).startswith("ফাইলটি CSV (UTF-8) বা এক্সেল ওয়ার্কবুক (.xlsx) নয়")


def test_it_checks_a_zip_by_content_not_by_its_name(office_a, alice):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")  # a .docx is a zip too, but no workbook
    assert _refusal(office_a, alice, out.getvalue()).startswith("ফাইলটি CSV (UTF-8) বা এক্সেল")


def test_it_refuses_a_file_that_is_too_large(office_a, alice):
    data = csv_bytes(reference_rows()) + b"," * (2 * 1024 * 1024)
    assert _refusal(office_a, alice, data).startswith("ফাইলটি খুব বড়")


def test_it_refuses_a_second_plan_for_the_same_year(office_a, alice):
    services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(reference_rows()), by=alice)
    with pytest.raises(ValidationError, match="২০২১-২২-এর কর্মপরিকল্পনা আগেই আছে"):
        services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(reference_rows()), by=alice)
    assert Indicator.objects.count() == 13


def test_it_lists_every_problem_of_a_file_at_once(office_a, alice):
    rows = reference_rows()
    rows[2][5] = "ঘণ্টা"
    rows[4][6] = "পাঁচ"
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert "সারি ৩, কলাম “একক”" in message and "সারি ৫, কলাম “সূচকের মান”" in message


def test_it_refuses_what_the_plan_could_not_keep(office_a, alice):
    rows = reference_rows()
    rows[1][4] = "ক" * 501
    rows[2][6] = "১০১"
    rows[3][6] = "১.২৫৫"
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert "সারি ২, কলাম “কর্মসম্পাদন সূচক”: লেখাটি ৫০০ অক্ষরের বেশি।" in message
    assert "সারি ৩, কলাম “সূচকের মান”: ১০১ মানটি ১০০-এর বেশি।" in message
    assert "সারি ৪, কলাম “সূচকের মান”: “১.২৫৫”-এ দুই ঘরের বেশি দশমিক আছে।" in message


def test_it_refuses_one_activity_with_two_titles(office_a, alice):
    rows = reference_rows()
    rows[10][2] = "ই-গভর্ন্যান্স কর্মপরিকল্পনা"  # [২.২] is titled otherwise in row 10
    message = _refusal(office_a, alice, csv_bytes(rows))
    assert message == "সারি ১১, কলাম “কার্যক্রম”: সারি ১০-এ কার্যক্রম ২.২-এর শিরোনাম অন্যরকম।"
