"""The innovation bank: the status rule, its pages and who may do what on them, the published entries."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.ideas import selectors, services
from actionplan.models import Idea, IdeaStatus
from actionplan.models.ideas import StatusMoveError
from offices.models import OfficeRole
from tests.actionplan.idea_sheets import make_idea
from tests.actionplan.templates import REFERENCE
from tests.factories import OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def idea(office_a, alice):
    return make_idea(
        office_a, alice, problem="সনদের জন্য তিনবার আসতে হয়", days_before=Decimal(7), visits_before=3
    )


@pytest.fixture
def reader_a(office_a):
    return user_with_role(office_a, R.APPROVER, username="reader")


# -- the status rule ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("now", "allowed"),
    [
        ("idea", ["piloting", "implemented", "replicated"]),
        ("piloting", ["implemented", "replicated"]),
        ("implemented", ["replicated"]),
        ("replicated", []),
    ],
)
def test_a_status_moves_only_forward(now, allowed):
    idea = Idea(status=now)
    assert idea.next_statuses() == allowed
    for status in IdeaStatus.values:
        if status in allowed:
            continue
        with pytest.raises(StatusMoveError):
            Idea(status=now).set_status(status)


def test_moving_forward_records_the_date_and_history(idea):
    services.idea_set_status(idea=idea, status="piloting", on=datetime.date(2022, 3, 1))
    services.idea_set_status(idea=idea, status="implemented")
    idea.refresh_from_db()
    assert idea.status == "implemented" and idea.piloted_on == datetime.date(2022, 3, 1)
    assert idea.implemented_on is not None
    assert [h.status for h in idea.history.order_by("history_date")] == ["idea", "piloting", "implemented"]


def test_moving_back_is_refused_in_bangla(idea):
    services.idea_set_status(idea=idea, status="implemented")
    with pytest.raises(ValidationError) as refused:
        services.idea_set_status(idea=idea, status="piloting")
    assert "শুধু সামনে এগোয়" in refused.value.messages[0] and "রেপ্লিকেটেড" in refused.value.messages[0]
    idea.refresh_from_db()
    assert idea.status == "implemented"


def test_the_dates_must_follow_one_another(office_a):
    with pytest.raises(ValidationError) as refused:
        make_idea(office_a, proposed_on=datetime.date(2022, 5, 1), piloted_on=datetime.date(2022, 4, 1))
    assert "piloted_on" in refused.value.message_dict


def test_the_indicator_must_be_the_offices_own(office_a, office_b, alice):
    plan = plan_services.plan_import(office=office_b, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    with pytest.raises(ValidationError) as refused:
        make_idea(office_a, indicator=plan.indicators.first())
    assert "indicator" in refused.value.message_dict


# -- published entries ---------------------------------------------------------------------------------------
def test_only_published_entries_of_the_office_are_for_the_public(office_a, office_b, idea):
    make_idea(office_a, title="অপ্রকাশিত ধারণা")
    make_idea(office_b, title="অন্য দপ্তরের প্রকাশিত", is_published=True)
    assert list(selectors.published_ideas(office_a)) == []
    services.idea_set_published(idea=idea, published=True)
    assert list(selectors.published_ideas(office_a)) == [idea]


# -- pages ---------------------------------------------------------------------------------------------------
def test_the_list_filters_by_type_and_status(client, reader_a, office_a, idea):
    make_idea(office_a, title="ডিজিটাল হাজিরা", kind="digitisation", status="implemented")
    client.force_login(reader_a)
    url = reverse("actionplan:ideas", args=[office_a.pk])
    page = client.get(url).content.decode()
    assert idea.title in page and "ডিজিটাল হাজিরা" in page
    page = client.get(url, {"kind": "digitisation"}).content.decode()
    assert idea.title not in page and "ডিজিটাল হাজিরা" in page
    page = client.get(url, {"status": "idea"}).content.decode()
    assert idea.title in page and "ডিজিটাল হাজিরা" not in page


def test_readers_read_but_do_not_edit(client, reader_a, office_a, idea):
    client.force_login(reader_a)
    page = client.get(reverse("actionplan:idea", args=[idea.pk])).content.decode()
    assert "সনদের জন্য তিনবার আসতে হয়" in page and "<td>৭</td>" in page and "<td>৩</td>" in page
    assert reverse("actionplan:idea_edit", args=[idea.pk]) not in page
    assert reverse("actionplan:idea_publish", args=[idea.pk]) not in page
    assert client.get(reverse("actionplan:idea_edit", args=[idea.pk])).status_code == 403
    assert client.get(reverse("actionplan:idea_create", args=[office_a.pk])).status_code == 403
    assert client.get(reverse("actionplan:ideas_import", args=[office_a.pk])).status_code == 403
    assert (
        client.post(reverse("actionplan:idea_status", args=[idea.pk]), {"status": "piloting"}).status_code
        == 403
    )
    assert (
        client.post(reverse("actionplan:idea_publish", args=[idea.pk]), {"published": "1"}).status_code == 403
    )
    idea.refresh_from_db()
    assert (idea.status, idea.is_published) == ("idea", False)


def test_other_offices_and_subordinate_offices_see_nothing(client, charlie, office_a, idea):
    below = OfficeFactory(name="অধীন দপ্তর", parent=office_a)
    for user in (charlie, user_with_role(below, R.ADMIN, username="below")):
        client.force_login(user)
        for url in (
            reverse("actionplan:ideas", args=[office_a.pk]),
            reverse("actionplan:idea", args=[idea.pk]),
            reverse("actionplan:idea_edit", args=[idea.pk]),
            reverse("actionplan:idea_create", args=[office_a.pk]),
            reverse("actionplan:ideas_import", args=[office_a.pk]),
            reverse("actionplan:ideas_export", args=[office_a.pk]),
        ):
            assert client.get(url).status_code == 404, url
        assert (
            client.post(reverse("actionplan:idea_publish", args=[idea.pk]), {"published": "1"}).status_code
            == 404
        )
        assert (
            client.post(reverse("actionplan:idea_status", args=[idea.pk]), {"status": "piloting"}).status_code
            == 404
        )


def test_a_drafter_creates_an_entry_with_bangla_digits(client, drafter_a, office_a, alice):
    plan = plan_services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    indicator = plan.indicators.get(number="1.1.1")
    client.force_login(drafter_a)
    response = client.post(
        reverse("actionplan:idea_create", args=[office_a.pk]),
        {
            "title": "অনলাইনে ছুটির আবেদন",
            "kind": "digitisation",
            "status": "piloting",
            "days_before": "৭",
            "cost_before": "১৫০.৫০",
            "visits_before": "৩",
            "days_after": "১",
            "visits_after": "০",
            "proposed_on": "০১.০৮.২০২১",
            "piloted_on": "১৫.১০.২০২১",
            "indicator": indicator.pk,
            "service_running": "true",
        },
    )
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert (idea.status, idea.cost_before, idea.visits_before, idea.visits_after) == (
        "piloting",
        Decimal("150.5"),
        3,
        0,
    )
    assert (idea.piloted_on, idea.indicator, idea.created_by) == (
        datetime.date(2021, 10, 15),
        indicator,
        drafter_a,
    )
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "১৫০.৫" in page and "[১.১.১]" in page


def test_a_bad_form_keeps_what_was_typed_and_says_why_in_bangla(client, drafter_a, office_a):
    client.force_login(drafter_a)
    response = client.post(
        reverse("actionplan:idea_create", args=[office_a.pk]),
        {"title": "ধারণা", "kind": "idea", "status": "idea", "days_before": "সাত", "service_link": "ওয়েবসাইট"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and Idea.objects.count() == 0
    assert "বাংলা বা ইংরেজি অঙ্কে একটি সংখ্যা লিখুন" in page and 'value="সাত"' in page


def test_the_edit_form_keeps_the_status_to_its_own_rule(client, drafter_a, idea):
    client.force_login(drafter_a)
    response = client.post(
        reverse("actionplan:idea_edit", args=[idea.pk]),
        {"title": "নতুন নাম", "kind": "idea", "status": "replicated"},
    )
    idea.refresh_from_db()
    assert response.status_code == 302 and (idea.title, idea.status) == ("নতুন নাম", "idea")


def test_the_status_moves_forward_with_its_form_and_not_back(client, drafter_a, idea):
    client.force_login(drafter_a)
    url = reverse("actionplan:idea_status", args=[idea.pk])
    client.post(url, {"status": "implemented", "on": "১০.০৫.২০২৩"})
    idea.refresh_from_db()
    assert (idea.status, idea.implemented_on) == ("implemented", datetime.date(2023, 5, 10))
    page = client.post(url, {"status": "piloting"}, follow=True).content.decode()
    idea.refresh_from_db()
    assert idea.status == "implemented" and "নির্বাচন করুন" in page
    assert client.get(url).status_code == 405


def test_administrators_publish_and_unpublish_with_a_post(client, alice, drafter_a, idea):
    url = reverse("actionplan:idea_publish", args=[idea.pk])
    client.force_login(drafter_a)
    assert client.post(url, {"published": "1"}).status_code == 403
    client.force_login(alice)
    assert client.get(url).status_code == 405
    client.post(url, {"published": "1"})
    idea.refresh_from_db()
    assert idea.is_published
    page = client.post(url, {"published": "0"}, follow=True).content.decode()
    idea.refresh_from_db()
    assert not idea.is_published and "প্রকাশ" in page


def test_a_get_writes_nothing(client, alice, office_a, idea):
    client.force_login(alice)
    before = (Idea.objects.count(), Idea.history.count())
    for url in (
        reverse("actionplan:ideas", args=[office_a.pk]),
        reverse("actionplan:idea", args=[idea.pk]),
        reverse("actionplan:idea_edit", args=[idea.pk]),
        reverse("actionplan:idea_create", args=[office_a.pk]),
        reverse("actionplan:ideas_import", args=[office_a.pk]),
        reverse("actionplan:ideas_export", args=[office_a.pk]),
        reverse("actionplan:idea_status", args=[idea.pk]) + "?status=piloting",
        reverse("actionplan:idea_publish", args=[idea.pk]) + "?published=1",
    ):
        client.get(url)
    idea.refresh_from_db()
    assert (Idea.objects.count(), Idea.history.count(), idea.status, idea.is_published) == before + (
        "idea",
        False,
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_lists_queries_do_not_grow_with_its_entries(
    client, alice, office_a, count, django_assert_num_queries
):
    plan = plan_services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    for i in range(count):
        make_idea(office_a, title=f"ধারণা {i}", indicator=plan.indicators.first())
    client.force_login(alice)
    client.get(reverse("actionplan:ideas", args=[office_a.pk]))
    # session, user, the office, the user's roles, the offices below theirs (may they read it?), the
    # entries with their indicators and plans (a drafter may edit: no question of administering)
    with django_assert_num_queries(6):
        page = client.get(reverse("actionplan:ideas", args=[office_a.pk])).content.decode()
    assert page.count("/plans/ideas/") == count


HOSTILE = [
    "",
    "০",
    "-1",
    "১.৫",
    "9" * 40,
    "abc",
    "\x00",
    "৩২.১৩.২০২২",
    "<script>x</script>",
    "😀" * 400,
    "idea",
]


def test_no_input_gives_a_server_error(client, alice, office_a, idea):
    client.force_login(alice)
    fields = [
        "title",
        "kind",
        "status",
        "days_before",
        "cost_after",
        "visits_before",
        "proposed_on",
        "indicator",
    ]
    fields += ["service_link", "service_running", "expected_result", "on", "published"]
    urls = [
        reverse("actionplan:idea_create", args=[office_a.pk]),
        reverse("actionplan:idea_edit", args=[idea.pk]),
        reverse("actionplan:idea_status", args=[idea.pk]),
        reverse("actionplan:idea_publish", args=[idea.pk]),
        reverse("actionplan:ideas_import", args=[office_a.pk]),
    ]
    for value in HOSTILE:
        data = {field: value for field in fields}
        for url in urls:
            assert client.post(url, data).status_code in (200, 302, 400), (url, value)  # 400: NUL refused
        for url in (
            reverse("actionplan:ideas", args=[office_a.pk]),
            reverse("actionplan:ideas_export", args=[office_a.pk]),
        ):
            query = {"kind": value, "status": value, "layout": value, "format": value}
            assert client.get(url, query).status_code in (200, 400), (url, value)


def test_a_second_idea_of_the_same_name_is_refused_on_the_form(client, drafter_a, office_a, office_b, idea):
    make_idea(office_b, title="অন্য দপ্তরে একই নাম")
    client.force_login(drafter_a)
    url = reverse("actionplan:idea_create", args=[office_a.pk])
    page = client.post(url, {"title": idea.title, "kind": "idea", "status": "idea"}).content.decode()
    assert "এই নামে একটি ধারণা ব্যাংকে আগেই আছে।" in page and Idea.objects.filter(office=office_a).count() == 1
    assert (
        client.post(url, {"title": "অন্য দপ্তরে একই নাম", "kind": "idea", "status": "idea"}).status_code == 302
    )
