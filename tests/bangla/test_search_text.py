"""Text as the search compares it (bangla/search.py): one word written two ways is one word."""

import pytest

from bangla.search import is_memo_number, memo_key, search_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\u09af\u09bc", "\u09df"),  # য় as য + nukta, and precomposed
        ("সভা\u09af\u09bc", "সভা\u09df"),
        ("\u09a1\u09bc", "\u09dc"),  # ড়
        ("\u09a2\u09bc", "\u09dd"),  # ঢ়
        ("হ\u09c7\u09be", "হ\u09cb"),  # ো as ে + া
        ("ক\u09c7\u09d7", "ক\u09cc"),  # ৌ as ে + ৗ
        ("র\u200d্যাব", "র্যাব"),  # ZWJ (র‍্য)
        ("ক্\u200cষ", "ক্ষ"),  # ZWNJ
        ("উৎসব", "উত্\u200dসব"),  # khanda ta, and ত + ্ + ZWJ as old keyboards type it
        ("৫৮.০০.০০০০", "58.00.0000"),
        ("২০২৪", "2024"),
        ("সভা\u200b\u00adকক্ষ", "সভাকক্ষ"),  # zero-width space, soft hyphen
        ("\u202eসভা\u202c", "সভা"),  # bidi overrides
        ("\ufeffসভা", "সভা"),  # a byte-order mark
    ],
)
def test_both_forms_give_the_same_text(typed, stored):
    assert search_text(typed) == search_text(stored)


def test_the_text_is_nfc_without_joiners_with_ascii_digits_and_single_spaces():
    text = search_text("  সভায়\u200d ৫৮.০০\n\n\tক্\u200cষমতা\u2028শেষ  ")
    assert text == "সভা\u09af\u09bc 58.00 ক্ষমতা শেষ"  # NFC writes য় as য + nukta (U+09DF is excluded)
    assert "\u200d" not in text and "\u200c" not in text and "\u09df" not in text


@pytest.mark.parametrize("bad", ["\x00", "সভা\x00", "\ud800", "সভা\udfff", "\x1b[31m", "\x7f"])
def test_nul_other_controls_and_lone_surrogates_become_spaces(bad):
    text = search_text(bad)
    assert all(c not in text for c in "\x00\x1b\x7f\ud800\udfff")
    text.encode("utf-8")  # no lone surrogate left to break the encoding


@pytest.mark.parametrize("empty", [None, "", "   ", "\u200d\u200c", "\x00"])
def test_nothing_gives_nothing(empty):
    assert search_text(empty) == ""


def test_latin_letters_keep_their_case_for_the_passages_shown():
    assert search_text("Zoom Online Platform") == "Zoom Online Platform"


def test_memo_numbers_are_kept_without_spaces_in_ascii_digits():
    assert memo_key("৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬") == "58.00.0000.018.31.006.17.26"
    assert memo_key(" 58.00. 0000 ") == "58.00.0000"
    assert memo_key("") == memo_key(None) == ""


@pytest.mark.parametrize(
    ("token", "memo"),
    [
        ("58.00.0000.018.31.006.17.26", True),
        ("58.00.0000", True),
        ("58.00.0000.", True),
        ("05.42.0000.006", True),
        ("1.2.1", False),  # an activity number of the action plan
        ("58.00", False),  # too short to be told from a number
        ("2020-21", False),
        ("58.00.ab", False),
        ("৫৮.০০.০০০০", False),  # only after search_text (ASCII digits)
    ],
)
def test_what_is_taken_for_a_memo_number(token, memo):
    assert is_memo_number(token) is memo
