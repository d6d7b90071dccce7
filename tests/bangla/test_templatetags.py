"""The template filters render Bangla forms and stay silent on empty or unsuitable values."""

import datetime

import pytest
from django.template import Context, Template


def render(text: str, **context) -> str:
    return Template("{% load bangla %}" + text).render(Context(context))


def test_filters_render_the_forms_of_a_minutes_document():
    day = datetime.date(2024, 8, 4)
    assert render("{{ d|bn_date }}", d=day) == "৪ আগস্ট ২০২৪"
    assert render('{{ d|bn_date:"slashed" }}', d=day) == "০৪/০৮/২০২৪"
    assert render("{{ d|bangla_date }}", d=day) == "২০ শ্রাবণ ১৪৩১"
    assert render("{{ d|bn_dual_date }}", d=day) == "২০ শ্রাবণ ১৪৩১ / ৪ আগস্ট ২০২৪"
    assert render("{{ t|bn_time }}", t=datetime.time(15, 0)) == "বিকাল ০৩.০০টা"
    assert render('{{ t|bn_time:" ঘটিকা" }}', t=datetime.time(12, 0)) == "দুপুর ১২.০০ ঘটিকা"
    assert render("{{ 3|bn_ordinal }} {{ 4|bn_ordinal_word }}") == "৩য় চতুর্থ"
    assert render("{{ 0|bn_decision_letter }}) {{ 1|bn_decision_letter }})") == "ক) খ)"
    assert render("{{ 2020|bn_fiscal_year }} {{ 2022|bn_fiscal_year:True }}") == "২০২০-২১ ২০২২-২০২৩"
    assert render("{{ d|bn_fiscal_year }}", d=day) == "২০২৪-২৫"
    assert render("{{ n|bn_digits }} {{ m|bn_number }}", n="01710765133", m=125000) == "০১৭১০৭৬৫১৩৩ ১,২৫,০০০"


def test_aware_datetimes_are_shown_in_dhaka_time():
    late_utc = datetime.datetime(2024, 8, 3, 20, 30, tzinfo=datetime.UTC)  # 02:30 on 4 Aug in Dhaka
    assert render("{{ d|bn_date }} {{ d|bn_time }}", d=late_utc) == "৪ আগস্ট ২০২৪ রাত ০২.৩০টা"
    assert render("{{ d|bangla_date }}", d=late_utc) == "২০ শ্রাবণ ১৪৩১"


@pytest.mark.parametrize(
    "name",
    [
        "bn_digits", "bn_number", "bn_date", "bangla_date", "bn_dual_date", "bn_time",
        "bn_ordinal", "bn_ordinal_word", "bn_fiscal_year", "bn_decision_letter",
    ],
)  # fmt: skip
def test_every_filter_is_blank_on_none_and_empty(name):
    assert (
        render(f"[{{{{ a|{name} }}}}][{{{{ b|{name} }}}}][{{{{ missing|{name} }}}}]", a=None, b="")
        == "[][][]"
    )


def test_unsuitable_values_render_nothing_instead_of_failing_the_page():
    assert render("[{{ s|bn_date }}][{{ s|bn_time }}][{{ s|bn_ordinal }}]", s="soon") == "[][][]"
    assert (
        render(
            '[{{ d|bn_date:"roman" }}][{{ 0|bn_ordinal }}][{{ -1|bn_decision_letter }}]',
            d=datetime.date.today(),
        )
        == "[][][]"
    )
    assert render("{{ s|bn_ordinal }}", s="৫") == "৫ম"  # Bangla digits typed by a user still count


def test_a_user_who_chose_english_gets_ascii_digits_and_english_months():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        "{% load bangla %}{{ n|bn_digits }} | {{ big|bn_number }} | {{ d|bn_date }} | {{ d|bn_dual_date }} | "
        "{{ t|bn_time }} | {{ 4|bn_ordinal }} | {{ 2020|bn_fiscal_year }} | {{ 1|bn_decision_letter }}"
    )
    context = Context(
        {"n": "58.00.17", "big": 1234567, "d": datetime.date(2021, 2, 22), "t": datetime.time(15, 0)}
    )
    with translation.override("en"):
        assert template.render(context) == (
            "58.00.17 | 1,234,567 | 22 February 2021 | 22 February 2021 (9 Falgun 1427) | 3:00 pm | 4th | "
            "2020-21 | খ"
        )
    with translation.override("bn"):
        assert template.render(context).startswith("৫৮.০০.১৭ | ১২,৩৪,৫৬৭ | ২২ ফেব্রুয়ারি ২০২১ |")
