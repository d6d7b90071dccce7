"""An office's holidays: the administrator announces a holiday (an executive-order day), keeps a
computed public holiday on the day announced (Eid by the moon), or cancels one; working days count
with them, for the office and the offices below it; other offices' administrators cannot touch
them; bad input is refused in Bangla with nothing saved; every change is in the audit log."""

import datetime

import pytest
from django.urls import reverse

from bangla.workdays import add_working_days
from offices import services
from offices.models import AuditEntry, Office, OfficeHoliday, OfficeRole
from offices.selectors import calendar_cache_key, office_calendar, office_calendar_for_years, office_chain
from tests.factories import OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
D = datetime.date
HOLIDAY, WORKING_DAY = OfficeHoliday.Kind.HOLIDAY, OfficeHoliday.Kind.WORKING_DAY
SUNDAY = D(2024, 9, 1)  # + 7 working days: Tuesday 10 September 2024


def due(office, start=SUNDAY, days=7):
    return add_working_days(start, days, **office_calendar_for_years(office.pk, [start.year]).as_kwargs())


@pytest.fixture
def ministry(db):
    return OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)


@pytest.fixture
def directorate(ministry):
    return OfficeFactory(name="কারা অধিদপ্তর", parent=ministry)


def _announce(client, office, **fields):
    data = {"date": "", "kind": HOLIDAY, "name": "সাধারণ ছুটি (নির্বাহী আদেশে)", **fields}
    return client.post(reverse("offices:holiday_create", args=[office.pk]), data)


def test_an_announced_holiday_moves_a_working_day_deadline(client, alice, office_a):
    assert due(office_a) == D(2024, 9, 10)
    client.force_login(alice)
    response = _announce(client, office_a, date="০৪.০৯.২০২৪")  # a Wednesday, typed in Bangla digits
    assert response.status_code == 302 and response["Location"].endswith("?year=2024")
    assert due(office_a) == D(2024, 9, 11)  # one day later: the cached calendar was forgotten
    page = client.get(response["Location"]).content.decode()
    assert "০৪.০৯.২০২৪" in page and "সাধারণ ছুটি (নির্বাহী আদেশে)" in page and "২০ ভাদ্র ১৪৩১" in page

    # Withdrawn: the deadline is back where it was.
    holiday = OfficeHoliday.objects.get(office=office_a)
    assert client.post(reverse("offices:holiday_remove", args=[holiday.pk])).status_code == 302
    assert due(office_a) == D(2024, 9, 10)
    assert [e.action for e in AuditEntry.objects.filter(office=office_a).order_by("at", "id")] == [
        AuditEntry.Action.CREATED,
        AuditEntry.Action.REMOVED,
    ]


def test_a_computed_eid_kept_on_the_announced_day(client, alice, office_a):
    """The package computes Eid al-Adha 2024 on 17-19 June (Monday to Wednesday); say the moon gave
    18-20 June."""
    assert due(office_a, D(2024, 6, 16), 1) == D(2024, 6, 20)  # Sunday + 1: after the three days
    client.force_login(alice)
    url = reverse("offices:holiday_move", args=[office_a.pk]) + "?year=2024"
    response = client.post(url, {"public_date": "2024-06-17", "to_date": "২০.০৬.২০২৪"})
    assert response.status_code == 302
    calendar = office_calendar(office_a.pk, 2024)
    assert calendar.extra_working_days == {D(2024, 6, 17)} and calendar.extra_holidays == {D(2024, 6, 20)}
    assert due(office_a, D(2024, 6, 16), 1) == D(2024, 6, 17)  # the office works on the 17th
    assert due(office_a, D(2024, 6, 17), 1) == D(2024, 6, 23)  # and is closed 18-20 June, then the weekend
    moved = AuditEntry.objects.get(action=AuditEntry.Action.MOVED)
    assert (moved.object_repr, moved.changes) == ("ঈদুল আজহা", {"date": ["2024-06-17", "2024-06-20"]})
    page = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "সরানো হয়েছে" in page and "ঈদুল আজহা" in page


def test_a_public_holiday_cancelled_for_the_office(client, alice, office_a):
    client.force_login(alice)
    url = reverse("offices:holiday_cancel", args=[office_a.pk])
    assert client.post(url, {"date": "2024-12-25"}).status_code == 302
    entry = OfficeHoliday.objects.get(office=office_a)
    assert (entry.date, entry.kind, entry.name) == (D(2024, 12, 25), WORKING_DAY, "বড়দিন (বাতিল)")
    # A day that is no public holiday cannot be cancelled, and nothing is saved.
    page = client.post(url, {"date": "2024-12-24"}, follow=True).content.decode()
    assert "এই দিনটি সরকারি ছুটির দিন নয়।" in page
    assert OfficeHoliday.objects.count() == 1


def test_a_ministrys_holiday_reaches_its_directorates_unless_they_announce_otherwise(ministry, directorate):
    admin = user_with_role(ministry, R.ADMIN)
    district = OfficeFactory(name="জেলা কারাগার, ঢাকা", parent=directorate)
    assert office_chain(district.pk) == [district.pk, directorate.pk, ministry.pk]
    assert due(district) == D(2024, 9, 10)  # cached now, for the district too
    services.holiday_save(
        holiday=OfficeHoliday(office=ministry, date=D(2024, 9, 4), name="সাধারণ ছুটি"), by=admin
    )
    assert [due(o) for o in (ministry, directorate, district)] == [D(2024, 9, 11)] * 3
    # The directorate works that day (its own announcement wins for it and for the district below it).
    services.holiday_save(
        holiday=OfficeHoliday(office=directorate, date=D(2024, 9, 4), kind=WORKING_DAY, name="অফিস খোলা"),
        by=admin,  # the ministry's administrator administers its directorates too
    )
    assert [due(o) for o in (ministry, directorate, district)] == [
        D(2024, 9, 11),
        D(2024, 9, 10),
        D(2024, 9, 10),
    ]


def test_the_calendar_is_cached_per_office_and_year(django_assert_num_queries, office_a):
    with django_assert_num_queries(2):  # the office and its superiors; their announced days
        office_calendar(office_a.pk, 2024)
    with django_assert_num_queries(0):
        office_calendar(office_a.pk, 2024)
    assert calendar_cache_key(office_a.pk, 2024) == f"office-calendar:{office_a.pk}:2024"


def test_another_offices_administrator_cannot_see_or_touch_the_holidays(client, alice, charlie, office_a):
    holiday = services.holiday_save(
        holiday=OfficeHoliday(office=office_a, date=D(2024, 9, 4), name="ছুটি"), by=alice
    )
    client.force_login(charlie)
    urls = [
        ("get", reverse("offices:holidays", args=[office_a.pk])),
        ("post", reverse("offices:holiday_create", args=[office_a.pk])),
        ("post", reverse("offices:holiday_move", args=[office_a.pk])),
        ("post", reverse("offices:holiday_cancel", args=[office_a.pk])),
        ("get", reverse("offices:holiday_edit", args=[holiday.pk])),
        ("post", reverse("offices:holiday_edit", args=[holiday.pk])),
        ("post", reverse("offices:holiday_remove", args=[holiday.pk])),
    ]
    for method, url in urls:
        response = getattr(client, method)(url, {"date": "05.09.2024", "kind": HOLIDAY, "name": "x"})
        assert response.status_code == 404, url
    assert list(OfficeHoliday.objects.values_list("date", "name")) == [(D(2024, 9, 4), "ছুটি")]
    # A drafter of the office itself reads it but may not change it.
    drafter = user_with_role(office_a, R.DRAFTER)
    client.force_login(drafter)
    assert client.get(reverse("offices:holidays", args=[office_a.pk])).status_code == 403
    assert client.post(reverse("offices:holiday_remove", args=[holiday.pk])).status_code == 403
    assert OfficeHoliday.objects.count() == 1


def test_a_directorates_administrator_cannot_change_the_ministrys_holidays(client, ministry, directorate):
    holiday = services.holiday_save(
        holiday=OfficeHoliday(office=ministry, date=D(2024, 9, 4), name="সাধারণ ছুটি"),
        by=user_with_role(ministry, R.ADMIN),
    )
    client.force_login(user_with_role(directorate, R.ADMIN))
    page = client.get(reverse("offices:holidays", args=[directorate.pk]) + "?year=২০২৪").content.decode()
    assert "সাধারণ ছুটি" in page and "সুরক্ষা সেবা বিভাগ" in page  # shown, announced by the ministry
    assert reverse("offices:holiday_remove", args=[holiday.pk]) not in page
    assert client.post(reverse("offices:holiday_remove", args=[holiday.pk])).status_code == 404
    assert OfficeHoliday.objects.filter(pk=holiday.pk).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "৩০.০২.২০২৪"}, "৩০.০২.২০২৪ তারিখ নেই: ওই মাসে ২৯ দিন।"),
        ({"date": "৩০-২-২০২৪-"}, "তারিখ দিন.মাস.বছর আকারে লিখুন, যেমন ২৫.১০.২০২২।"),
        ({"date": "০১.০১.১৯৯৯"}, "২০০০ থেকে ২০৯৯ সালের মধ্যে একটি তারিখ দিন।"),
        ({"date": "০৪.০৯.২০২৪", "name": "  "}, "এই ঘরটি অবশ্যই পূরণ করতে হবে।"),
        ({"date": "২১.০২.২০২৪"}, "২১.০২.২০২৪ এই দপ্তরের জন্য আগে থেকেই ছুটির দিন (সাপ্তাহিক বা সরকারি ছুটি)।"),
        ({"date": "০৬.০৯.২০২৪"}, "০৬.০৯.২০২৪ এই দপ্তরের জন্য আগে থেকেই ছুটির দিন (সাপ্তাহিক বা সরকারি ছুটি)।"),
        ({"date": "০৪.০৯.২০২৪", "kind": WORKING_DAY}, "০৪.০৯.২০২৪ এই দপ্তরের জন্য আগে থেকেই কর্মদিবস।"),
        ({"date": "০৪.০৯.২০২৪", "kind": "closed"}, "সঠিক বিকল্প নির্বাচন করুন"),
    ],
)
def test_bad_input_is_refused_in_bangla_and_nothing_is_saved(client, alice, office_a, fields, message):
    client.force_login(alice)
    response = _announce(client, office_a, **fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page[page.find("invalid-feedback") - 200 : page.find("invalid-feedback") + 400]
    assert OfficeHoliday.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_a_second_announcement_of_a_day_and_a_bad_move_are_refused_in_bangla(client, alice, office_a):
    client.force_login(alice)
    assert _announce(client, office_a, date="০৪.০৯.২০২৪").status_code == 302
    again = _announce(client, office_a, date="04.09.2024", name="আবার")
    assert again.status_code == 400
    assert "এই দপ্তর দিনটি আগেই ঘোষণা করেছে; সেটিই সম্পাদনা করুন।" in again.content.decode()
    url = reverse("offices:holiday_move", args=[office_a.pk]) + "?year=2024"
    for data, message in [
        ({"public_date": "2024-06-17", "to_date": "১৭.০৬.২০২৪"}, "সরকারি ছুটির দিনটি ছাড়া অন্য একটি দিন দিন।"),
        ({"public_date": "2024-06-16", "to_date": "২০.০৬.২০২৪"}, "এ বছরের সরকারি ছুটির একটি দিন বাছাই করুন।"),
        (
            {"public_date": "2024-06-17", "to_date": "১৯.০৬.২০২৪"},
            "১৯.০৬.২০২৪ এই দপ্তরের জন্য আগে থেকেই ছুটির দিন",
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 400 and message in response.content.decode(), data
    assert OfficeHoliday.objects.count() == 1  # the move saved neither of its two days


def test_the_holiday_page_takes_a_fixed_number_of_queries(client, alice, office_a, django_assert_num_queries):
    for day in (4, 5):
        services.holiday_save(
            holiday=OfficeHoliday(office=office_a, date=D(2024, 9, day), name="ছুটি"), by=alice
        )
    client.force_login(alice)
    url = reverse("offices:holidays", args=[office_a.pk]) + "?year=2024"
    # session, user, the office, roles, the offices administered below, the office and its superiors,
    # their announced days
    with django_assert_num_queries(7):
        page = client.get(url).content.decode()
    assert page.count('data-date="2024-') == 25  # 23 public holidays and 2 announced
    rows = {row[:10]: row for row in page.split('data-date="')[1:]}
    assert "এখানে ছুটি নয়" in rows["2024-12-16"]  # Victory Day, a Monday: may be cancelled here
    assert "এখানে ছুটি নয়" not in rows["2024-04-05"]  # a Friday: cancelling would not open the office


def test_an_edit_is_checked_and_audited(client, alice, office_a):
    holiday = services.holiday_save(
        holiday=OfficeHoliday(office=office_a, date=D(2024, 9, 4), name="ছুটি"), by=alice
    )
    client.force_login(alice)
    url = reverse("offices:holiday_edit", args=[holiday.pk])
    assert "ছুটি" in client.get(url).content.decode()
    response = client.post(url, {"date": "০৫.০৯.২০২৪", "kind": HOLIDAY, "name": "সাধারণ ছুটি"})
    assert response.status_code == 302 and response["Location"].endswith("?year=2024")
    assert office_calendar(office_a.pk, 2024).extra_holidays == {D(2024, 9, 5)}
    changed = AuditEntry.objects.get(action=AuditEntry.Action.CHANGED)
    assert changed.changes == {"date": ["2024-09-04", "2024-09-05"], "name": ["ছুটি", "সাধারণ ছুটি"]}
