"""A superior office publishes a plan as the template of its subordinates for a fiscal year; a
subordinate's administrator makes the office's own plan from it with one click. Another ministry's
subordinates never see it; taking it back leaves the plans made from it alone."""

import datetime

import pytest
from django.urls import reverse

from actionplan import services
from actionplan.models import Plan
from actionplan.subordinates import services as subordinates
from offices.models import AuditEntry, Office, OfficeRole
from tests.actionplan.templates import csv_bytes, reference_rows, reference_rows_with_targets
from tests.factories import BranchFactory, OfficeFactory, PostFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def ministry():
    return OfficeFactory(name="স্বরাষ্ট্র মন্ত্রণালয়", kind=Office.Kind.MINISTRY)


@pytest.fixture
def directorate(ministry):
    return OfficeFactory(name="ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর", parent=ministry)


@pytest.fixture
def other_directorate():
    """A directorate of another ministry."""
    return OfficeFactory(name="কৃষি সম্প্রসারণ অধিদপ্তর", parent=OfficeFactory(name="কৃষি মন্ত্রণালয়"))


@pytest.fixture
def minister_admin(ministry):
    return user_with_role(ministry, R.ADMIN, username="ministry-admin")


@pytest.fixture
def director_admin(directorate):
    return user_with_role(directorate, R.ADMIN, username="director-admin")


@pytest.fixture
def template(ministry, directorate, minister_admin):
    """The ministry's plan for 2021-22, with tiers and quarterly targets, published as the template."""
    rows = reference_rows_with_targets()
    BranchFactory(office=ministry, name="আইসিটি সেল")
    plan = services.plan_import(office=ministry, fiscal_year=2021, data=csv_bytes(rows), by=minister_admin)
    return subordinates.template_publish(plan=plan, published=True, by=minister_admin)


def _office_page(client, user, office) -> str:
    client.force_login(user)
    response = client.get(reverse("actionplan:office", args=[office.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_ministry_publishes_its_plan_as_the_template(client, ministry, minister_admin, directorate):
    plan = services.plan_import(
        office=ministry, fiscal_year=2021, data=csv_bytes(reference_rows()), by=minister_admin
    )
    client.force_login(minister_admin)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "অধীনস্থ দপ্তরগুলোর টেমপ্লেট হিসেবে প্রকাশ করুন" in page
    response = client.post(reverse("actionplan:template_publish", args=[plan.pk]), follow=True)
    assert "কর্মপরিকল্পনাটি অধীনস্থ দপ্তরগুলোর টেমপ্লেট হিসেবে প্রকাশিত হয়েছে।" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).is_template
    entry = AuditEntry.objects.get(office=ministry)
    assert (entry.action, entry.changes) == ("changed", {"is_template": [False, True]})


def test_only_an_office_with_subordinates_publishes_a_template(client, office_a, alice, reference_plan):
    client.force_login(alice)
    assert "টেমপ্লেট হিসেবে প্রকাশ করুন" not in client.get(reference_plan.get_absolute_url()).content.decode()
    response = client.post(reverse("actionplan:template_publish", args=[reference_plan.pk]), follow=True)
    assert "দপ্তরটির কোনো অধীনস্থ দপ্তর নেই, যাদের জন্য টেমপ্লেট প্রকাশ করা যায়।" in response.content.decode()
    assert not Plan.objects.get(pk=reference_plan.pk).is_template


def test_the_subordinate_makes_its_plan_from_the_template_with_one_click(
    client, template, directorate, director_admin
):
    ict = BranchFactory(office=directorate, name="আইসিটি সেল")
    cio = PostFactory(office=directorate, title="চিফ ইনোভেশন অফিসারের দপ্তর")
    page = _office_page(client, director_admin, directorate)
    assert "স্বরাষ্ট্র মন্ত্রণালয়-এর টেমপ্লেট" in page
    assert "এ থেকে দপ্তরের ২০২১-২২-এর কর্মপরিকল্পনা তৈরি করুন" in page
    response = client.post(reverse("actionplan:from_template", args=[directorate.pk, template.pk]))
    plan = Plan.objects.get(office=directorate)
    assert response.url == plan.get_absolute_url()
    assert (plan.fiscal_year, plan.origin, plan.copied_from, plan.total_marks) == (
        2021,
        "template",
        template,
        50,
    )
    new = {i.number: i for i in plan.indicators.all()}
    old = {i.number: i for i in template.indicators.all()}
    assert new.keys() == old.keys() and len(new) == 13
    assert new["1.1.1"].target == datetime.date(2022, 3, 16)  # the same year: no date moves
    assert [(t.level, t.date) for t in new["1.1.1"].tiers.order_by("-level")] == [
        (100, datetime.date(2022, 3, 16)),
        (90, datetime.date(2022, 3, 31)),
    ]
    assert [q.value for q in new["1.5.1"].quarter_targets.all()] == [20, 40, 60, 80]
    # who is responsible: the directorate's own branch and post of the same name, or none
    assert (new["1.3.1"].responsible, new["1.3.1"].responsible_branch) == ("আইসিটি সেল", ict)
    assert old["1.3.1"].responsible_branch != ict
    assert new["1.1.1"].responsible_post == cio and new["1.1.1"].responsible_branch is None
    assert new["1.5.1"].responsible_branch is None and new["1.5.1"].responsible_post is None
    assert AuditEntry.objects.filter(office=directorate, action="created").count() == 1
    assert "দপ্তরটির এই বছরের কর্মপরিকল্পনা আগেই আছে।" in _office_page(client, director_admin, directorate)


def test_a_second_plan_for_the_year_is_refused(client, template, directorate, director_admin):
    url = reverse("actionplan:from_template", args=[directorate.pk, template.pk])
    client.force_login(director_admin)
    client.post(url)
    response = client.post(url, follow=True)
    assert "দপ্তরটির ২০২১-২২-এর কর্মপরিকল্পনা আগেই আছে।" in response.content.decode()
    assert Plan.objects.filter(office=directorate).count() == 1


def test_another_ministrys_subordinates_do_not_see_it(client, template, other_directorate):
    admin = user_with_role(other_directorate, R.ADMIN, username="other-admin")
    page = _office_page(client, admin, other_directorate)
    assert "টেমপ্লেট" not in page and "স্বরাষ্ট্র মন্ত্রণালয়" not in page
    url = reverse("actionplan:from_template", args=[other_directorate.pk, template.pk])
    assert client.post(url).status_code == 404
    assert not Plan.objects.filter(office=other_directorate).exists()
    assert client.get(template.get_absolute_url()).status_code == 404  # nor read the plan itself


def test_only_the_offices_own_superior_counts_not_one_further_up(client, template, directorate):
    district = OfficeFactory(name="জেলা ফায়ার সার্ভিস", parent=directorate)
    admin = user_with_role(district, R.ADMIN, username="district-admin")
    assert "এ থেকে দপ্তরের" not in _office_page(client, admin, district)
    url = reverse("actionplan:from_template", args=[district.pk, template.pk])
    assert client.post(url).status_code == 404


def test_only_administrators_make_a_plan_from_it(client, template, directorate):
    drafter = user_with_role(directorate, R.DRAFTER, username="director-drafter")
    assert "এ থেকে দপ্তরের" not in _office_page(client, drafter, directorate)
    url = reverse("actionplan:from_template", args=[directorate.pk, template.pk])
    assert client.post(url).status_code == 403
    assert not Plan.objects.filter(office=directorate).exists()


def test_only_the_ministrys_administrators_publish(client, ministry, template):
    reader = user_with_role(ministry, R.APPROVER, username="ministry-approver")
    client.force_login(reader)
    assert client.post(reverse("actionplan:template_unpublish", args=[template.pk])).status_code == 403
    assert Plan.objects.get(pk=template.pk).is_template


def test_a_get_does_not_publish(client, template, minister_admin):
    client.force_login(minister_admin)
    assert client.get(reverse("actionplan:template_unpublish", args=[template.pk])).status_code == 405
    assert Plan.objects.get(pk=template.pk).is_template


def test_taking_it_back_leaves_the_plans_made_from_it(
    client, template, directorate, director_admin, ministry
):
    plan = subordinates.plan_from_template(office=directorate, template=template, by=director_admin)
    before = list(plan.indicators.values("number", "title", "weight", "target_date", "target_value"))
    client.force_login(user_with_role(ministry, R.ADMIN, username="another-ministry-admin"))
    response = client.post(reverse("actionplan:template_unpublish", args=[template.pk]), follow=True)
    assert "এ থেকে তৈরি কর্মপরিকল্পনাগুলো যেমন ছিল তেমনই থাকবে" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.copied_from, plan.origin) == (template, "template")
    assert list(plan.indicators.values("number", "title", "weight", "target_date", "target_value")) == before
    # a sibling directorate can no longer use it
    sibling = OfficeFactory(name="কারা অধিদপ্তর", parent=ministry)
    admin = user_with_role(sibling, R.ADMIN, username="prisons-admin")
    assert "এ থেকে দপ্তরের" not in _office_page(client, admin, sibling)
    assert client.post(reverse("actionplan:from_template", args=[sibling.pk, template.pk])).status_code == 404


def test_the_service_refuses_a_template_not_published_for_the_office(template, other_directorate):
    admin = user_with_role(other_directorate, R.ADMIN, username="other-admin")
    with pytest.raises(Exception, match="দপ্তরটির জন্য প্রকাশিত কোনো টেমপ্লেট নয়"):
        subordinates.plan_from_template(office=other_directorate, template=template, by=admin)
