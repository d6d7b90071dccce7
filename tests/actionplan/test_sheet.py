"""The quarterly progress sheet: the reference plan's own columns, the area's and activity's cells
merged as on the real sheet, only confirmed achievements counted (the pending ones named), Bangla
digits as text, the PDF's rows in order, and who may download it."""

import datetime
import io
import re
from decimal import Decimal
from urllib.parse import quote

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan import services
from actionplan.models import AchievementReport, Plan
from actionplan.progress import xlsx
from actionplan.progress.document import plan_sheet_html
from actionplan.progress.sheet import progress_sheet
from minutes.document import store
from minutes.document.render import html_to_pdf
from offices.models import OfficeRole
from tests.actionplan.templates import QUARTERS, TIERS, csv_bytes, generated_rows, reference_rows
from tests.factories import OfficeFactory, user_with_role
from tests.minutes.test_document import normalize, pdfinfo, pdftotext

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
State = AchievementReport.State
HEAD, FIRST = xlsx.HEAD_FIRST, xlsx.FIRST_ROW  # the heading's first row, the first indicator's row


def report(plan: Plan, number: str, quarter: int, achieved, state=State.CONFIRMED, by=None):
    dated = isinstance(achieved, datetime.date)
    return AchievementReport.objects.create(
        indicator=plan.indicators.get(number=number),
        quarter=quarter,
        achieved_date=achieved if dated else None,
        achieved_value=None if dated else Decimal(achieved),
        state=state,
        reported_by=by,
        reported_at=timezone.now(),
    )


def workbook(plan: Plan, quarter: int):
    return openpyxl.load_workbook(io.BytesIO(xlsx.sheet_xlsx(progress_sheet(plan, quarter)))).active


def headings(ws) -> list[str]:
    """The heading as a reader sees it: a column's own heading, under its group if it has one."""
    out = []
    for col in range(1, ws.max_column + 1):
        top, below = ws.cell(HEAD, col).value, ws.cell(HEAD + 1, col).value
        group = next(  # the merged group cell this column sits under
            (
                ws.cell(HEAD, r.min_col).value
                for r in ws.merged_cells.ranges
                if r.min_row == HEAD == r.max_row and r.min_col <= col <= r.max_col
            ),
            top,
        )
        out.append(f"{group} / {below}" if below else top)
    return out


def row_of(ws, number: str, column: int = 4) -> dict[str, str]:
    """The row of indicator `number` ("[২.১.১]"), or the total ("সর্বমোট", column 1), as {heading: value}."""
    names = headings(ws)
    for row in range(FIRST, ws.max_row + 1):
        if str(ws.cell(row, column).value or "").startswith(number):
            return {name: ws.cell(row, col).value or "" for col, name in enumerate(names, 1)}
    raise AssertionError(f"no row for {number}")


def test_the_columns_are_the_reference_plans_own_with_the_quarters_achievements(reference_plan):
    ws = workbook(reference_plan, 2)
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == [
        "দপ্তর ক",
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২০২২",
        "ত্রৈমাসিক অগ্রগতি প্রতিবেদন: ২য় ত্রৈমাসিক (অক্টোবর–ডিসেম্বর ২০২১) পর্যন্ত",
    ]
    assert headings(ws) == [
        "কর্মসম্পাদন ক্ষেত্র",
        "মান",
        "কার্যক্রম",
        "কর্মসম্পাদন সূচক",
        "একক",
        "সূচকের মান",
        "লক্ষ্যমাত্রা ২০২১-২০২২",
        "অর্জন / ১ম কোয়ার্টার",
        "অর্জন / ২য় কোয়ার্টার",
        "মোট অর্জন (২য় ত্রৈমাসিক পর্যন্ত)",
        "অর্জিত মান",
        "বাস্তবায়নকারী",
        "মন্তব্য",
    ]
    # Every column of the reference template is there, in its order.
    reference = reference_rows()[0]
    shown = " | ".join(headings(ws))
    positions = [
        shown.find(heading) for heading in reference if heading not in ("ক্ষেত্র", "কার্যক্রম নং", "সূচক নং")
    ]
    assert -1 not in positions and positions == sorted(positions)
    assert [ws.cell(HEAD + 2, col).value for col in (1, 2, 13)] == ["১", "২", "১৩"]  # the columns' numbers
    first = row_of(ws, "[১.১.১]")
    assert first["কর্মসম্পাদন সূচক"] == "[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত"
    assert (first["একক"], first["সূচকের মান"], first["লক্ষ্যমাত্রা ২০২১-২০২২"]) == ("তারিখ", "৫", "১৬-০৩-২০২২")
    assert first["বাস্তবায়নকারী"] == "চিফ ইনোভেশন অফিসারের দপ্তর"
    total = [ws.cell(FIRST + 13, col).value for col in (1, 2, 6, 11)]
    assert total == ["সর্বমোট", "৫০", "৫০", "০"]


def test_the_areas_and_activities_span_their_rows_as_on_the_real_sheet(reference_plan):
    ws = workbook(reference_plan, 4)
    data = {str(r) for r in ws.merged_cells.ranges if FIRST <= r.min_row < FIRST + 13}  # not the notes
    # Area [১]: six indicators; area [২]: seven, of which [২.১] has two and [২.২] five.
    assert data == {
        f"A{FIRST}:A{FIRST + 5}",
        f"B{FIRST}:B{FIRST + 5}",
        f"A{FIRST + 6}:A{FIRST + 12}",
        f"B{FIRST + 6}:B{FIRST + 12}",
        f"C{FIRST + 6}:C{FIRST + 7}",
        f"C{FIRST + 8}:C{FIRST + 12}",
    }
    assert (ws[f"A{FIRST}"].value, ws[f"B{FIRST}"].value) == ("[১]", "২৯")
    assert (ws[f"A{FIRST + 6}"].value, ws[f"B{FIRST + 6}"].value) == ("[২]", "২১")
    assert ws[f"C{FIRST + 8}"].value == "[২.২] ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন"
    # The heading: "অর্জন" over the four quarters, the other columns over both heading rows.
    assert f"H{HEAD}:K{HEAD}" in {str(r) for r in ws.merged_cells.ranges}
    assert f"A{HEAD}:A{HEAD + 1}" in {str(r) for r in ws.merged_cells.ranges}


def test_print_setup_frozen_heading_and_text_cells(reference_plan):
    ws = workbook(reference_plan, 1)
    assert ws.freeze_panes == f"A{FIRST}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == f"${HEAD}:${FIRST - 1}"
    weight = ws.cell(FIRST, 6)
    assert (weight.value, weight.data_type) == ("৫", "s")  # Bangla digits, as text
    assert ws.cell(FIRST, 4).alignment.wrap_text and ws.cell(FIRST, 4).border.left.style == "thin"
    assert ws.column_dimensions["D"].width >= 25
    # Rows grow with their wrapped text (spreadsheets do not do it themselves): [১.৪]'s long title.
    assert ws.row_dimensions[FIRST + 3].height >= 3 * xlsx.LINE_POINTS > ws.row_dimensions[FIRST + 1].height


def test_only_confirmed_achievements_count_and_the_pending_are_named(reference_plan, alice):
    report(reference_plan, "2.1.1", 1, 1, by=alice)
    report(reference_plan, "2.1.1", 2, 3, State.REPORTED, by=alice)  # awaiting the approver
    report(reference_plan, "1.5.1", 1, 60, State.RETURNED, by=alice)
    report(reference_plan, "1.1.1", 3, datetime.date(2022, 3, 10), by=alice)  # after the 2nd quarter
    ws = workbook(reference_plan, 2)
    counted = row_of(ws, "[২.১.১]")
    assert (counted["অর্জন / ১ম কোয়ার্টার"], counted["অর্জন / ২য় কোয়ার্টার"]) == ("১", "")
    assert counted["মোট অর্জন (২য় ত্রৈমাসিক পর্যন্ত)"] == "১" and counted["অর্জিত মান"] == "১"
    assert counted["মন্তব্য"] == "অনুমোদনের অপেক্ষায়, গণনা করা হয়নি: ২য় ত্রৈমাসিক"
    returned = row_of(ws, "[১.৫.১]")
    assert returned["অর্জিত মান"] == "০" and "সংশোধনের জন্য ফেরত" in returned["মন্তব্য"]
    assert row_of(ws, "[১.১.১]")["অর্জিত মান"] == "০"  # confirmed in the 3rd quarter: not yet
    notes = [ws.cell(r, 1).value for r in range(FIRST + 15, ws.max_row + 1)]
    assert "অনুমোদনের অপেক্ষায় (১টি প্রতিবেদন, গণনা করা হয়নি): [২.১.১] ২য় ত্রৈমাসিক" in notes
    assert row_of(ws, "সর্বমোট", column=1)["অর্জিত মান"] == "১"  # the plan's total so far

    ws = workbook(reference_plan, 3)  # cumulative: the 3rd quarter's sheet has [১.১.১]
    done = row_of(ws, "[১.১.১]")
    assert (done["অর্জন / ৩য় কোয়ার্টার"], done["অর্জিত মান"]) == ("১০-০৩-২০২২", "৫")
    assert row_of(ws, "সর্বমোট", column=1)["অর্জিত মান"] == "৬"


def test_a_plan_with_tiers_and_quarterly_targets_keeps_its_columns(office_a, alice):
    rows = generated_rows(4, tiers=True, quarters=True)
    for row in rows[1:]:
        row[13] = "০.৫"  # the lowest tier below the one above it
    plan = services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(rows), by=alice)
    report(plan, "1.1.1", 1, 3, by=alice)
    ws = workbook(plan, 2)
    names = headings(ws)
    assert names[6:11] == [
        f"লক্ষ্যমাত্রা ২০২১-২০২২ / {t} ({p}%)" for t, p in zip(TIERS, ("১০০", "৯০", "৮০", "৭০", "৬০"), strict=True)
    ]
    assert names[11:15] == [
        f"{QUARTERS[0]} / লক্ষ্যমাত্রা",
        f"{QUARTERS[0]} / অর্জন",
        f"{QUARTERS[1]} / লক্ষ্যমাত্রা",
        f"{QUARTERS[1]} / অর্জন",
    ]
    row = row_of(ws, "[১.১.১]")
    assert row[f"{QUARTERS[0]} / অর্জন"] == "৩" and row["অর্জিত মান"] == "০.৯"  # the 90% tier


def test_the_pdf_has_the_rows_in_order_and_the_heading_on_every_page(office_a, alice):
    plan = services.plan_import(
        office=office_a, fiscal_year=2021, data=csv_bytes(generated_rows(40)), by=alice
    )
    report(plan, "1.1.1", 1, 2, by=alice)
    report(plan, "2.11.1", 1, 1, State.REPORTED, by=alice)
    pdf = html_to_pdf(plan_sheet_html(plan, 1))
    text = normalize(pdftotext(pdf, "-raw"))
    numbers = [f"[{n}]" for n in (i.number for i in plan.indicators.order_by("order"))]
    shown = [normalize(re.sub(r"[0-9]", lambda d: "০১২৩৪৫৬৭৮৯"[int(d[0])], n)) for n in numbers]
    positions = [text.find(n + " সূচক") for n in shown]
    assert -1 not in positions and positions == sorted(positions)
    assert "দপ্তর ক" in text and "২০২১-২০২২" in text
    assert "অনুমোদনের অপেক্ষায় (১টি প্রতিবেদন, গণনা করা হয়নি): [২.১১.১] ১ম ত্রৈমাসিক" in text
    pages = int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1])
    assert pages >= 2
    for page in range(1, pages + 1):  # the table's heading repeated on each page of the table
        page_text = pdftotext(pdf, "-f", str(page), "-l", str(page))
        if " সূচক " in page_text:  # a page with rows ("[১.১.১] সূচক ০"), not the notes alone
            assert "কর্মসম্পাদন সূচক" in page_text
    info = pdfinfo(pdf)
    assert "841.89 x 595.276 pts (A4)" in info  # landscape: wider than high
    assert f"পৃষ্ঠা ২ / {'০১২৩৪৫৬৭৮৯'[pages]}" in pdftotext(pdf, "-f", "2", "-l", "2")


def test_downloads_for_the_office_and_its_superior_office_never_for_another(client, reference_plan, office_a):
    ministry = OfficeFactory(name="মন্ত্রণালয়")
    office_a.parent = ministry
    office_a.save()
    above = user_with_role(ministry, R.DRAFTER, username="above")
    other = user_with_role(OfficeFactory(name="দপ্তর খ"), R.ADMIN, R.DRAFTER, username="other")
    url = reverse("actionplan:progress_xlsx", args=[reference_plan.pk, 2])
    assert client.get(url).status_code == 302  # to the log-in page
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.get(reverse("actionplan:progress_pdf", args=[reference_plan.pk, 2])).status_code == 404
    client.force_login(above)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    name = "কর্মপরিকল্পনার অগ্রগতি ২০২১-২২ ২য় ত্রৈমাসিক দপ্তর ক.xlsx"
    assert response["Content-Disposition"] == (
        f'attachment; filename="action-plan-progress-2021-22-q2-office-{office_a.pk}.xlsx"; '
        f"filename*=UTF-8''{quote(name, safe='')}"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(reverse("actionplan:progress_xlsx", args=[reference_plan.pk, 5])).status_code == 404
    assert client.post(url).status_code == 405
    page = client.get(reference_plan.get_absolute_url()).content.decode()
    assert url in page and reverse("actionplan:progress_pdf", args=[reference_plan.pk, 4]) in page


def test_the_pdf_is_printed_by_the_worker_and_served_from_the_cache(client, reference_plan, alice, settings):
    settings.SOBHA_DRAFT_PDF_WAIT = 0  # no worker in this test: nothing prints it
    client.force_login(alice)
    url = reverse("actionplan:progress_pdf", args=[reference_plan.pk, 1])
    waiting = client.get(url)
    assert waiting.status_code == 202 and "প্রস্তুত করা হচ্ছে" in waiting.content.decode()
    store.print_into_cache(plan_sheet_html(reference_plan, 1))  # what the worker's task does
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "filename*=UTF-8''" in response["Content-Disposition"]
    report(reference_plan, "2.1.1", 1, 4, by=alice)  # new content: printed anew
    assert client.get(url).status_code == 202


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_prints_the_sheet_while_the_page_waits(client, celery_worker_process, settings):
    office = OfficeFactory(name="দপ্তর গ")
    admin = user_with_role(office, R.ADMIN, R.DRAFTER, username="gadmin")
    from tests.actionplan.templates import REFERENCE

    plan = services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=admin)
    settings.SOBHA_DRAFT_PDF_WAIT = 30
    client.force_login(admin)
    response = client.get(reverse("actionplan:progress_pdf", args=[plan.pk, 4]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত" in normalize(pdftotext(response.content, "-raw"))


def test_the_sheets_queries_do_not_grow_with_the_reports(client, office_a, alice, django_assert_num_queries):
    plan = services.plan_import(
        office=office_a, fiscal_year=2021, data=csv_bytes(generated_rows(10)), by=alice
    )
    client.force_login(alice)
    url = reverse("actionplan:progress_xlsx", args=[plan.pk, 4])
    with django_assert_num_queries(QUERIES):
        client.get(url)
    from tests.actionplan.reports import four_quarters_of_reports

    four_quarters_of_reports(plan, alice)
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200


QUERIES = 12  # session, user, roles, the plan and its office, its nested rows (selectors.plan_areas)
