"""The plan's pages: who may read a plan, who may import or copy one, and what a page costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan import services
from actionplan.models import Indicator, Plan
from offices.models import OfficeRole
from tests.actionplan.reports import four_quarters_of_reports
from tests.actionplan.templates import REFERENCE, csv_bytes, generated_rows, reference_rows
from tests.factories import OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def plan(office_a, alice):
    return services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)


def _history_rows() -> int:
    return sum(model.history.count() for model in (Plan, Indicator))


def test_it_shows_the_plan_as_the_office_wrote_it(client, drafter_a, plan):
    client.force_login(drafter_a)
    page = client.get(reverse("actionplan:detail", args=[plan.pk])).content.decode()
    assert "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২" in page
    for text in (
        "[১.১.১]",
        "একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত",
        "১৬-০৩-২০২২",
        "[২.২.৫]",
        "চিফ ইনোভেশন অফিসারের দপ্তর",
    ):
        assert text in page
    assert "<th>২৯</th>" in page and "<th>২১</th>" in page  # the areas' marks
    assert "<td>৫০</td>" in page  # the plan's total
    assert "নোটিশ, হাজিরা, কার্যবিবরণী" in page  # the evidence a meeting needs


def test_it_shows_numbers_without_brackets_when_the_plan_writes_them_so(client, alice, office_a):
    rows = reference_rows()
    for row in rows[1:]:
        row[0], row[1], row[3] = (row[i].strip("[]") for i in (0, 1, 3))
    plan = services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(rows), by=alice)
    client.force_login(alice)
    page = client.get(reverse("actionplan:detail", args=[plan.pk])).content.decode()
    assert "১.১.১" in page and "[১.১.১]" not in page


def test_the_superior_offices_staff_read_the_plan(client, plan, office_a):
    superior = OfficeFactory(name="মন্ত্রণালয়")
    office_a.parent = superior
    office_a.save()
    reader = user_with_role(superior, R.APPROVER, username="boss")
    client.force_login(reader)
    assert client.get(reverse("actionplan:detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("actionplan:office", args=[office_a.pk])).status_code == 200
    assert plan.office.name in client.get(reverse("actionplan:list")).content.decode()


def test_other_offices_and_subordinate_offices_see_nothing(client, charlie, plan, office_a):
    below = OfficeFactory(name="অধীন দপ্তর", parent=office_a)
    for user in (charlie, user_with_role(below, R.ADMIN, username="below")):
        client.force_login(user)
        assert client.get(reverse("actionplan:detail", args=[plan.pk])).status_code == 404
        assert client.get(reverse("actionplan:office", args=[office_a.pk])).status_code == 404
        assert client.get(reverse("actionplan:import", args=[office_a.pk])).status_code == 404
        assert (
            client.post(reverse("actionplan:copy", args=[office_a.pk]), {"fiscal_year": 2022}).status_code
            == 404
        )
        assert "[১.১.১]" not in client.get(reverse("actionplan:list")).content.decode()
        assert plan.office.name not in client.get(reverse("actionplan:list")).content.decode()


def test_staff_who_do_not_administer_the_office_may_not_import_or_copy(client, drafter_a, office_a, plan):
    client.force_login(drafter_a)
    assert client.get(reverse("actionplan:import", args=[office_a.pk])).status_code == 403
    upload = _upload(REFERENCE.read_bytes())
    response = client.post(
        reverse("actionplan:import", args=[office_a.pk]), {"fiscal_year": 2022, "template": upload}
    )
    assert response.status_code == 403
    assert (
        client.post(reverse("actionplan:copy", args=[office_a.pk]), {"fiscal_year": 2022}).status_code == 403
    )
    assert Plan.objects.count() == 1
    page = client.get(reverse("actionplan:office", args=[office_a.pk])).content.decode()
    assert reverse("actionplan:import", args=[office_a.pk]) not in page


def test_anonymous_visitors_are_sent_to_log_in(client, plan):
    response = client.get(reverse("actionplan:detail", args=[plan.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def _upload(data: bytes, name: str = "plan.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_an_administrator_imports_the_reference_plan(client, alice, office_a):
    client.force_login(alice)
    url = reverse("actionplan:import", args=[office_a.pk])
    assert (
        reverse("actionplan:import", args=[office_a.pk])
        in client.get(reverse("actionplan:office", args=[office_a.pk])).content.decode()
    )
    response = client.post(
        url, {"fiscal_year": 2021, "total_marks": "৫০", "template": _upload(REFERENCE.read_bytes())}
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert (plan.total_marks, plan.indicators.count()) == (50, 13)


def test_a_refused_template_keeps_the_form_and_shows_the_bangla_messages(client, alice, office_a):
    client.force_login(alice)
    rows = reference_rows()
    rows[1][7] = "১৬-০৩-২০২৩"
    response = client.post(
        reverse("actionplan:import", args=[office_a.pk]),
        {"fiscal_year": 2021, "template": _upload(csv_bytes(rows))},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "সারি ২, কলাম “লক্ষ্যমাত্রা”: ১৬-০৩-২০২৩ অর্থবছর ২০২১-২২-এর" in page
    assert Plan.objects.count() == 0


def test_the_page_refuses_a_large_upload_before_reading_it(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("actionplan:import", args=[office_a.pk]),
        {"fiscal_year": 2021, "template": _upload(b"a," * (1024 * 1024 + 1))},
    )
    assert "ফাইলটি খুব বড়: টেমপ্লেট সর্বোচ্চ ২০৪৮ কিলোবাইট হতে পারে।" in response.content.decode()
    assert Plan.objects.count() == 0


def test_a_pdf_named_csv_is_refused_on_the_page(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("actionplan:import", args=[office_a.pk]),
        {"fiscal_year": 2021, "template": _upload(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "plan.csv")},
    )
    assert "ফাইলটি CSV (UTF-8) বা এক্সেল ওয়ার্কবুক (.xlsx) নয়" in response.content.decode()


def test_an_administrator_copies_last_years_plan_with_the_button(client, alice, office_a, plan):
    client.force_login(alice)
    response = client.post(reverse("actionplan:copy", args=[office_a.pk]), {"fiscal_year": 2022})
    copy = Plan.objects.get(fiscal_year=2022)
    assert response["Location"] == copy.get_absolute_url()
    response = client.post(reverse("actionplan:copy", args=[office_a.pk]), {"fiscal_year": 2024}, follow=True)
    assert "অনুলিপি করার মতো ২০২৩-২৪-এর কোনো কর্মপরিকল্পনা নেই।" in response.content.decode()
    assert client.get(reverse("actionplan:copy", args=[office_a.pk])).status_code == 405


def test_a_get_writes_nothing(client, alice, office_a, plan):
    client.force_login(alice)
    before = (Plan.objects.count(), Indicator.objects.count(), _history_rows())
    for url in (
        reverse("actionplan:list"),
        reverse("actionplan:office", args=[office_a.pk]),
        reverse("actionplan:import", args=[office_a.pk]),
        reverse("actionplan:detail", args=[plan.pk]),
        reverse("actionplan:copy", args=[office_a.pk]) + "?fiscal_year=2022",
    ):
        client.get(url)
    assert (Plan.objects.count(), Indicator.objects.count(), _history_rows()) == before


def _page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("actionplan:detail", args=[plan.pk])).status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [13, 40])
def test_the_plan_pages_queries_do_not_grow_with_its_indicators(
    client, alice, office_a, count, django_assert_num_queries
):
    rows = generated_rows(count, tiers=True, quarters=True)
    plan = services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(rows), by=alice)
    four_quarters_of_reports(plan, alice)
    client.force_login(alice)
    client.get(reverse("actionplan:detail", args=[plan.pk]))  # the session is read once per test
    # session, user, the plan (with office, creator and source), the user's roles, the offices below
    # theirs (may they read it?); areas, activities, indicators (with branch and post), tiers,
    # quarterly targets, achievement reports, attached minutes; the offices below theirs again (may they
    # administer it?); whether the office has subordinates (may it publish the plan as their template?)
    with django_assert_num_queries(_EXPECTED_QUERIES):
        response = client.get(reverse("actionplan:detail", args=[plan.pk]))
    page = response.content.decode()
    assert page.count('id="indicator-') == count
    assert page.count('class="score-so-far"') == count


_EXPECTED_QUERIES = 14


@pytest.mark.parametrize("name", ["actionplan:list", "actionplan:office"])
def test_the_lists_of_plans_cost_the_same_for_one_plan_or_three(client, alice, office_a, name):
    data = csv_bytes(reference_rows())
    services.plan_import(office=office_a, fiscal_year=2021, data=data, by=alice)
    url = reverse(name, args=[office_a.pk] if name == "actionplan:office" else [])
    client.force_login(alice)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    services.plan_copy_last_year(office=office_a, fiscal_year=2022, by=alice)
    services.plan_copy_last_year(office=office_a, fiscal_year=2023, by=alice)
    with CaptureQueriesContext(connection) as three:
        page = client.get(url).content.decode()
    assert len(three) == len(one)
    assert all(year in page for year in ("২০২১-২২", "২০২২-২৩", "২০২৩-২৪"))


def test_an_english_reader_gets_the_messages_with_ascii_digits(client, alice, office_a):
    client.force_login(alice)
    client.post(reverse("set_language"), {"language": "en"})
    rows = reference_rows()
    rows[1][7] = "১৬-০৩-২০২৩"
    response = client.post(
        reverse("actionplan:import", args=[office_a.pk]),
        {"fiscal_year": 2021, "template": _upload(csv_bytes(rows))},
    )
    assert (
        "Row 2, column “লক্ষ্যমাত্রা”: 16-03-2023 is outside the fiscal year 2021-22 (1 July to 30 June)."
        in response.content.decode()
    )
