"""The demo shows the action plan at work: a scored plan with evidence, and a report to confirm."""

from django.core.management import call_command

from actionplan.models import AchievementReport, Plan
from offices.models import User


def test_the_demo_loads_two_plans_once_and_each_demo_user_meets_them(client, db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # again: nothing added
    plans = {plan.office.name: plan for plan in Plan.objects.select_related("office")}
    assert sorted(plans) == ["মহিলা বিষয়ক অধিদপ্তর", "সুরক্ষা সেবা বিভাগ"]
    states = sorted(AchievementReport.objects.values_list("indicator__plan__office__name", "state"))
    assert states == [
        ("মহিলা বিষয়ক অধিদপ্তর", "confirmed"),
        ("মহিলা বিষয়ক অধিদপ্তর", "confirmed"),
        ("মহিলা বিষয়ক অধিদপ্তর", "confirmed"),
        ("সুরক্ষা সেবা বিভাগ", "reported"),
    ]

    client.force_login(User.objects.get(username="dwa_drafter"))
    page = client.get(plans["মহিলা বিষয়ক অধিদপ্তর"].get_absolute_url()).content.decode()
    assert "২০২৪-২৫" in page
    # 16 of 50 marks: three confirmed reports (5 + 2 + 5) and the attached minutes (4)
    assert "এ পর্যন্ত প্রাপ্ত নম্বর: <strong>১৬</strong>" in page

    client.force_login(User.objects.get(username="approver"))
    page = client.get(plans["সুরক্ষা সেবা বিভাগ"].get_absolute_url()).content.decode()
    assert "১টি প্রতিবেদন নিশ্চিতকরণের অপেক্ষায়" in page  # the drafter's report, for the approver
