"""`load_demo` creates users whose password is in the README: never on a production server by mistake."""

import pytest
from django.core.management import CommandError, call_command

from offices.models import User


def test_it_refuses_to_load_the_demo_users_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force") as refusal:
        call_command("load_demo")
    assert "পাসওয়ার্ড" in str(refusal.value)  # says why, in the portal's language
    assert not User.objects.exists()


def test_it_loads_them_with_debug_off_when_forced(db, settings, capsys):
    settings.DEBUG = False
    call_command("load_demo", "--force")
    assert User.objects.filter(username="drafter").exists()
    assert "drafter" in capsys.readouterr().out


def test_it_loads_them_in_debug_without_force(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    assert User.objects.filter(username="drafter").exists()


def test_every_demo_user_meets_work_on_first_log_in(client, db, settings):
    """The three reference minutes in three states: a draft, one waiting for approval, one issued and
    published; and loading again adds nothing."""
    from django.urls import reverse

    from minutes.models import Meeting

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    assert sorted(Meeting.objects.values_list("office__name", "state")) == sorted([
        ("সুরক্ষা সেবা বিভাগ", "submitted"),  # 000, for the approver
        ("সুরক্ষা সেবা বিভাগ", "draft"),  # the team's next meeting, with 000's decisions pulled in
        ("জনপ্রশাসন মন্ত্রণালয়", "draft"),  # 002
        ("মহিলা বিষয়ক অধিদপ্তর", "published"),  # 004
    ])  # fmt: skip
    published = Meeting.objects.get(state="published")
    assert (
        published.memo_number == "32.01.0000.021.18.003.24.48"
    )  # the file's next serial, as in the original
    for username, waiting in (
        ("approver", "সুরক্ষা সেবা বিভাগ ও অধীনস্থ অধিদপ্তরসমূহের"),
        ("drafter", "সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের সভার কার্যবিবরণী"),
        ("mopa_drafter", "জনপ্রশাসন মন্ত্রণালয়ের ইনোভেশন টিমের"),
    ):
        client.force_login(User.objects.get(username=username))
        inbox = client.get(reverse("minutes:inbox")).content.decode()
        draft_or_waiting = client.get(reverse("minutes:list")).content.decode()
        assert waiting in inbox + draft_or_waiting, username
    client.logout()
    assert published.title in client.get(reverse("public:list")).content.decode()
    next_meeting = Meeting.objects.get(office__name="সুরক্ষা সেবা বিভাগ", state="draft")
    assert next_meeting.agenda_items.get().title == "পূর্ববর্তী সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"
    assert next_meeting.agenda_items.get().decisions.count() >= 5  # 000's open decisions, to follow up
