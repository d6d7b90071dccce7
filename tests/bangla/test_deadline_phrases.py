"""Deadlines in a decision's own words (bangla/deadlines.py), as the minutes write them: each phrase
gives the deadline it means, counted from the meeting's date, or none.

The meeting of the reference minutes 000 was held on Monday 8 February 2021; its decisions read
"১৫.০২.২০২১ তারিখের মধ্যে", "মার্চ ২০২১ এর মধ্যে" and "অতি দ্রুত সময়ের মধ্যে"; those of 002
"আগামী ০৮ সেপ্টেম্বর, ২০২২ এর মধ্যে"; those of 004 "ত্রৈমাসিক ভিত্তিতে" and "নির্ধারিত সময়ের মধ্যে".
"""

import datetime

import pytest

from bangla.deadlines import (
    AS_SOON_AS_POSSIBLE,
    DATE,
    NEXT_MEETING,
    RULE,
    SET_ELSEWHERE,
    UNDATED,
    WORKING_DAYS,
    find_deadlines,
    propose_deadline,
)
from bangla.recurrence import MONTH, QUARTER, Recurrence

MEETING = datetime.date(2021, 2, 8)  # a Monday
D = datetime.date

# (the decision's words, what is proposed: (kind, value), the phrase it was read from)
PHRASES = [
    # working days after issue
    ("আগামী ০৭ (সাত) কার্যদিবসের মধ্যে হালনাগাদ করতে হবে।", (WORKING_DAYS, 7), "আগামী ০৭ (সাত) কার্যদিবসের মধ্যে"),
    ("০৭(সাত) কার্যদিবসের মধ্যে প্রতিবেদন দাখিল করবে।", (WORKING_DAYS, 7), "০৭(সাত) কার্যদিবসের মধ্যে"),
    ("সাত কর্মদিবসের মধ্যে তথ্য প্রেরণ করা।", (WORKING_DAYS, 7), "সাত কর্মদিবসের মধ্যে"),
    ("জারির ১০ কার্যদিবসের মধ্যে, অর্থাৎ ২২.০২.২০২১ তারিখের মধ্যে", (WORKING_DAYS, 10), "জারির ১০ কার্যদিবসের মধ্যে"),
    ("তথ্য 15 কার্যদিবসের মধ্যে পাঠাতে হবে", (WORKING_DAYS, 15), "15 কার্যদিবসের মধ্যে"),
    ("Send the list within 7 working days.", (WORKING_DAYS, 7), "within 7 working days"),
    # a date, as written
    ("ডিজিটাল সেবা তৈরি ও বাস্তবায়ন ১৫.০২.২০২১ তারিখের মধ্যে সম্পন্ন করা।", (DATE, D(2021, 2, 15)), "১৫.০২.২০২১ তারিখের মধ্যে"),
    ("15/03/2021 তারিখের মধ্যে প্রেরণ", (DATE, D(2021, 3, 15)), "15/03/2021 তারিখের মধ্যে"),
    ("৩০-০৬-২০২১ খ্রি: তারিখের মধ্যে দাখিল", (DATE, D(2021, 6, 30)), "৩০-০৬-২০২১ খ্রি: তারিখের মধ্যে"),
    ("তথ্য আগামী ০৮ সেপ্টেম্বর, ২০২২ এর মধ্যে সংগ্রহ করে", (DATE, D(2022, 9, 8)), "আগামী ০৮ সেপ্টেম্বর, ২০২২ এর মধ্যে"),
    ("আগামী ৪ মে ২০২৩-এর মধ্যে বাস্তবায়ন", (DATE, D(2023, 5, 4)), "আগামী ৪ মে ২০২৩-এর মধ্যে"),
    ("৩০ জুন ২০২৩ তারিখের মধ্যে ডাটাবেজ প্রস্তুত", (DATE, D(2023, 6, 30)), "৩০ জুন ২০২৩ তারিখের মধ্যে"),
    ("৩০ জুন, ২০২১ খ্রিস্টাব্দের মধ্যে", (DATE, D(2021, 6, 30)), "৩০ জুন, ২০২১ খ্রিস্টাব্দের মধ্যে"),
    ("২১শে মার্চ ২০২১ এর মধ্যে", (DATE, D(2021, 3, 21)), "২১শে মার্চ ২০২১ এর মধ্যে"),
    ("১লা মার্চের মধ্যে মতামত দিতে হবে", (DATE, D(2021, 3, 1)), "১লা মার্চের মধ্যে"),
    ("৩০ জুনের মধ্যে শেষ করতে হবে", (DATE, D(2021, 6, 30)), "৩০ জুনের মধ্যে"),  # the next 30 June
    ("১৫ জানুয়ারির মধ্যে", (DATE, D(2022, 1, 15)), "১৫ জানুয়ারির মধ্যে"),  # 15 Jan 2021 is past: 2022
    ("30 June 2023 এর মধ্যে", (DATE, D(2023, 6, 30)), "30 June 2023 এর মধ্যে"),
    ("September 8, 2022 এর মধ্যে", (DATE, D(2022, 9, 8)), "September 8, 2022 এর মধ্যে"),
    ("The database is to be ready by 30 June 2023.", (DATE, D(2023, 6, 30)), "by 30 June 2023"),
    ("২১শে মার্চ ২০২১ এর পূর্বে", (DATE, D(2021, 3, 20)), "২১শে মার্চ ২০২১ এর পূর্বে"),  # before: the day before
    # a month: its last day
    ("মার্চ ২০২১ এর মধ্যে উদ্ভাবন ও সেবা সহজিকরণ বিষয়ে কর্মশালা", (DATE, D(2021, 3, 31)), "মার্চ ২০২১ এর মধ্যে"),
    ("ফেব্রুয়ারি ২০২৪ মাসের মধ্যে", (DATE, D(2024, 2, 29)), "ফেব্রুয়ারি ২০২৪ মাসের মধ্যে"),  # leap year
    ("আগামী মার্চ মাসের মধ্যে", (DATE, D(2021, 3, 31)), "আগামী মার্চ মাসের মধ্যে"),
    ("চলতি মাসের মধ্যে তালিকা হালনাগাদ", (DATE, D(2021, 2, 28)), "চলতি মাসের মধ্যে"),
    ("আগামী মাসের ১০ তারিখের মধ্যে", (DATE, D(2021, 3, 10)), "আগামী মাসের ১০ তারিখের মধ্যে"),
    ("চলতি ত্রৈমাসিকের মধ্যে", (DATE, D(2021, 3, 31)), "চলতি ত্রৈমাসিকের মধ্যে"),
    ("চলতি অর্থবছরের মধ্যে", (DATE, D(2021, 6, 30)), "চলতি অর্থবছরের মধ্যে"),
    ("২০২১-২২ অর্থবছরের মধ্যে", (DATE, D(2022, 6, 30)), "২০২১-২২ অর্থবছরের মধ্যে"),
    ("চলতি সপ্তাহের মধ্যে", (DATE, D(2021, 2, 11)), "চলতি সপ্তাহের মধ্যে"),  # Thursday: the week's last working day
    # days, weeks, months after the meeting
    ("আগামী ১৫ (পনের) দিনের মধ্যে", (DATE, D(2021, 2, 23)), "আগামী ১৫ (পনের) দিনের মধ্যে"),
    ("দুই সপ্তাহের মধ্যে", (DATE, D(2021, 2, 22)), "দুই সপ্তাহের মধ্যে"),
    ("এক মাসের মধ্যে", (DATE, D(2021, 3, 8)), "এক মাসের মধ্যে"),
    # the Bangla calendar
    ("১৫ পৌষ ১৪২৯ তারিখের মধ্যে", (DATE, D(2022, 12, 30)), "১৫ পৌষ ১৪২৯ তারিখের মধ্যে"),
    ("২৫ ফাল্গুন ১৪২৭ বঙ্গাব্দের মধ্যে", (DATE, D(2021, 3, 10)), "২৫ ফাল্গুন ১৪২৭ বঙ্গাব্দের মধ্যে"),
    ("চৈত্র ১৪২৭ এর মধ্যে", (DATE, D(2021, 4, 13)), "চৈত্র ১৪২৭ এর মধ্যে"),  # চৈত্র's last day
    ("৩০ চৈত্রের মধ্যে", (DATE, D(2021, 4, 13)), "৩০ চৈত্রের মধ্যে"),
    # recurring rules
    ("প্রতি মাসে অগ্রগতি প্রতিবেদন প্রেরণ", (RULE, Recurrence(MONTH)), "প্রতি মাসে"),
    ("প্রতি মাসের ১০ তারিখের মধ্যে প্রতিবেদন", (RULE, Recurrence(MONTH, day=10)), "প্রতি মাসের ১০ তারিখের মধ্যে"),
    ("প্রতি মাসের প্রথম সপ্তাহের মধ্যে", (RULE, Recurrence(MONTH, day=7)), "প্রতি মাসের প্রথম সপ্তাহের মধ্যে"),
    ("মাসিক ভিত্তিতে হালনাগাদ করতে হবে", (RULE, Recurrence(MONTH)), "মাসিক ভিত্তিতে"),
    (
        "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে হালনাগাদ",
        (RULE, Recurrence(QUARTER, month=3, day=7)),
        "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে",
    ),
    (
        "প্রতি ত্রৈমাসিকের শেষ মাসের ১০ তারিখের মধ্যে",
        (RULE, Recurrence(QUARTER, month=3, day=10)),
        "প্রতি ত্রৈমাসিকের শেষ মাসের ১০ তারিখের মধ্যে",
    ),
    (
        "প্রতি ত্রৈমাসিক শেষে পরবর্তী মাসের ১৫ তারিখের মধ্যে অগ্রগতি প্রেরণ",
        (RULE, Recurrence(QUARTER, month=1, day=15)),
        "প্রতি ত্রৈমাসিক শেষে পরবর্তী মাসের ১৫ তারিখের মধ্যে",
    ),
    (
        "সেবাসমূহ কার্যকর/চালু থাকা সংক্রান্ত ত্রৈমাসিক ভিত্তিতে প্রত্যয়ন প্রদানের জন্য",
        (RULE, Recurrence(QUARTER, month=3)),
        "ত্রৈমাসিক ভিত্তিতে",
    ),
    ("প্রতি কোয়ার্টারে সভা আয়োজন", (RULE, Recurrence(QUARTER, month=3)), "প্রতি কোয়ার্টারে"),
    # words that give no date: said so
    ("আগামী সভার পূর্বে খসড়া প্রস্তুত করা", (UNDATED, NEXT_MEETING), "আগামী সভার পূর্বে"),
    ("পরবর্তী সভায় অগ্রগতি উপস্থাপন করতে হবে", (UNDATED, NEXT_MEETING), "পরবর্তী সভায়"),
    ("অবিলম্বে কার্যক্রম গ্রহণ করতে হবে", (UNDATED, AS_SOON_AS_POSSIBLE), "অবিলম্বে"),
    ("০৫টি সেবা বক্স অতি দ্রুত সময়ের মধ্যে হালনাগাদ সম্পন্ন করা।", (UNDATED, AS_SOON_AS_POSSIBLE), "অতি দ্রুত সময়ের মধ্যে"),
    ("দ্রুততম সময়ের মধ্যে জানাতে হবে", (UNDATED, AS_SOON_AS_POSSIBLE), "দ্রুততম সময়ের মধ্যে"),
    ("যথাশীঘ্র সম্ভব প্রেরণ", (UNDATED, AS_SOON_AS_POSSIBLE), "যথাশীঘ্র সম্ভব"),
    ("লক্ষ্যমাত্রা অর্জনের জন্য নির্ধারিত সময়ের মধ্যে আয়োজন করতে হবে।", (UNDATED, SET_ELSEWHERE), "নির্ধারিত সময়ের মধ্যে"),
]  # fmt: skip

NO_DEADLINE = [
    # a date that refers to a letter, not a deadline
    "মন্ত্রিপরিষদ বিভাগের ২৯ সেপ্টেম্বর ২০২০ তারিখের ৯৫ স্মারকমূলে প্রেরিত পত্রের নির্দেশনা অনুযায়ী",
    "জনপ্রশাসন মন্ত্রণালয়ের বিগত ২৯ জুন, ২০২২ তারিখে অত্র মন্ত্রণালয়ের অভ্যন্তরীণ সমন্বয় সভায়",
    # a number of days that is no deadline
    "০১(এক) দিনের একটি কর্মশালা/সেমিনার আয়োজন",
    "কয়েক দিনের মধ্যে",  # "a few days": no number
    # a fiscal year, a memo number, an indicator number
    "২০২০-২১ অর্থবছরে ন্যূনতম একটি ডিজিটাল সেবা তৈরি",
    "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬ তারিখ: ৯ ফাল্গুন ১৪২৭",
    "কার্যক্রম ১.২.১ অনুযায়ী ডাটাবেজ প্রস্তুত করা",
    # regular, but on no date; "প্রতিটি" is not "প্রতি"
    "ওয়েবসাইটের তথ্য নিয়মিত হালনাগাদকরণ নিশ্চিত করবে।",
    "কর্মপরিকল্পনার প্রতিটি কার্যক্রম নিয়ে বিস্তারিত আলোচনা",
    # no such day, a date before the meeting, more working days than a deadline may have
    "৩১.০২.২০২১ তারিখের মধ্যে",
    "৩২ পৌষ ১৪২৭ তারিখের মধ্যে",
    "গত ১৫.০১.২০২১ তারিখের মধ্যে প্রাপ্ত মতামত",
    "৪০০ কার্যদিবসের মধ্যে",
    "",
]


def _value(finding):
    return {
        DATE: finding.date,
        WORKING_DAYS: finding.working_days,
        RULE: finding.rule,
        UNDATED: finding.reason,
    }[finding.kind]


@pytest.mark.parametrize(("text", "expected", "phrase"), PHRASES)
def test_it_reads_the_deadline_the_words_give(text, expected, phrase):
    proposal = propose_deadline(text, MEETING)
    assert proposal is not None, text
    finding = proposal.finding
    assert (finding.kind, _value(finding)) == expected
    assert finding.phrase == phrase
    assert text[finding.start : finding.end].strip() == phrase  # the span is in the text as typed


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_it_proposes_nothing_where_the_words_give_no_deadline(text):
    assert propose_deadline(text, MEETING) is None


def test_there_are_enough_real_looking_phrases():
    assert len(PHRASES) + len(NO_DEADLINE) >= 40
    assert len(NO_DEADLINE) >= 10


def test_several_deadlines_give_the_first_and_name_the_others():
    text = "১৫.০৩.২০২১ তারিখের মধ্যে খসড়া এবং ৩০.০৩.২০২১ তারিখের মধ্যে চূড়ান্ত প্রতিবেদন দাখিল করতে হবে।"
    proposal = propose_deadline(text, MEETING)
    assert proposal.finding.date == D(2021, 3, 15)
    assert [f.date for f in proposal.others] == [D(2021, 3, 30)]


def test_a_dated_deadline_is_preferred_to_words_that_give_none():
    text = "অবিলম্বে কাজ শুরু করে ৩০ জুন ২০২১ এর মধ্যে শেষ করতে হবে।"
    proposal = propose_deadline(text, MEETING)
    assert (proposal.finding.kind, proposal.finding.date) == (DATE, D(2021, 6, 30))
    assert [f.reason for f in proposal.others] == [AS_SOON_AS_POSSIBLE]
    assert [f.kind for f in find_deadlines(text, MEETING)] == [UNDATED, DATE]  # in the text's order


def test_ascii_and_bangla_digits_read_alike_and_spans_survive_precomposed_letters():
    assert propose_deadline("15.02.2021 তারিখের মধ্যে", MEETING).finding.date == D(2021, 2, 15)
    # "য়" typed as one precomposed character (U+09DF): the text is read in NFC, as the editor stores it.
    proposal = propose_deadline("জানু\u09dfারি ২০২২ এর মধ্যে", MEETING)
    assert proposal.finding.date == D(2022, 1, 31)


def test_relative_words_count_from_the_meeting_date():
    assert propose_deadline("চলতি মাসের মধ্যে", D(2024, 2, 10)).finding.date == D(2024, 2, 29)
    assert propose_deadline("চলতি অর্থবছরের মধ্যে", D(2024, 8, 1)).finding.date == D(2025, 6, 30)
    assert propose_deadline("আগামী মাসের মধ্যে", D(2024, 12, 5)).finding.date == D(2025, 1, 31)
    assert propose_deadline("চলতি ত্রৈমাসিকের মধ্যে", D(2024, 11, 5)).finding.date == D(2024, 12, 31)
