"""The plans' numbers, and telling Bijoy text from Bangla and English."""

import pytest

from actionplan.importing.bijoy import looks_like_bijoy
from actionplan.numbering import parse_number, show_number, sort_key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("[১.১.১]", ("1.1.1", True)),
        ("[ ১.২ ]", ("1.2", True)),
        ("১.১০.২", ("1.10.2", False)),
        ("1.1.1", ("1.1.1", False)),
        ("[2]", ("2", True)),
        ("১.", ("1", False)),
        ("০১.০২", ("1.2", False)),
    ],
)
def test_it_reads_the_numbers_as_plans_write_them(typed, expected):
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed", ["", "[]", "ক", "1..2", "1.2.3.4", "[1.1", "১.১.১ক", "١.١"])
def test_it_refuses_what_is_not_a_plan_number(typed):
    with pytest.raises(ValueError):
        parse_number(typed)


def test_it_shows_a_number_as_the_plan_writes_it_and_sorts_it_numerically():
    assert show_number("1.1.1", True) == "[১.১.১]"
    assert show_number("1.1.1", False) == "১.১.১"
    assert sorted(["1.10", "1.2", "1.1"], key=sort_key) == ["1.1", "1.2", "1.10"]


@pytest.mark.parametrize(
    "text",
    ["Kg©m¤úv`b m~PK", "‡mev mnRxKi‡Y", "PvKwi wbqš¿Y|", "Avwg evsjvq Mvb MvB|"],
)
def test_it_recognises_bijoy_text(text):
    assert looks_like_bijoy(text)


@pytest.mark.parametrize(
    "text",
    [
        "কর্মসম্পাদন সূচক",
        "আইসিটি সেল (ICT Cell)",
        "ICT Cell",
        "a2i",
        "e-Nothi",
        "৮০%",
        "",
        "১৬-০৩-২০২২",
        "সকল শাখা",
    ],
)
def test_it_leaves_bangla_english_and_numbers_alone(text):
    assert not looks_like_bijoy(text)
