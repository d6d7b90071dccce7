"""Innovation bank entries and sheets for the tests."""

from actionplan.ideas import services
from actionplan.models import Idea

PUBLISHED_HEADER = [
    "বাস্তবায়িত ধারণার নাম",
    "সংক্ষিপ্ত বিবরণ",
    "সেবাটি কার্যকর আছে কিনা",
    "না থাকলে তার কারণ",
    "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা",
    "সেবার লিঙ্ক",
    "মন্তব্য",
]

PUBLISHED_ROWS = [
    PUBLISHED_HEADER,
    [
        "অনলাইনে ছুটির আবেদন",
        "কর্মচারীরা ঘরে বসে ছুটির আবেদন করেন",
        "হ্যাঁ",
        "",
        "হ্যাঁ",
        "https://leave.example.gov.bd/",
        "সকল শাখায় চালু",
    ],
    ["ই-নথিতে বদলির আদেশ", "বদলির আদেশ ডি-নথিতে জারি", "না", "সার্ভার বন্ধ", "না", "", ""],
]


def make_idea(office, by=None, **fields) -> Idea:
    values = {"title": "সেবা সহজিকরণ: অনলাইনে সনদ", "kind": "simplification"} | fields
    return services.idea_save(idea=Idea(office=office, **values), by=by)
