"""A drafter types in real minutes in the browser, as a new user would, saves, and finds them again."""

import pytest

from minutes.models import Meeting
from offices.demo import load_demo
from tests.e2e.conftest import rich_text, screenshot, start_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Reference minutes 000 (সুরক্ষা সেবা বিভাগ, 17 February 2021), abridged only in the discussions' length.
TITLE_000 = "সুরক্ষা সেবা বিভাগ ও অধীনস্থ অধিদপ্তরসমূহের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের চতুর্থ সভার কার্যবিবরণী"
ITEMS_000 = [
    (
        "সুরক্ষা সেবা বিভাগ এবং অধীন অধিদপ্তরসমূহের বার্ষিক উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়নের অগ্রগতি পর্যালোচনা ও আশু করণীয় নির্ধারণ;",
        "সভায় উপস্থিত সদস্যবৃন্দ বার্ষিক উদ্ভাবন কর্মপরিকল্পনা, ২০২০-২১ এর প্রতিটি কার্যক্রম নিয়ে বিস্তারিত আলোচনা করেন।",
        [
            "সুরক্ষা সেবা বিভাগ এবং অধীন অধিদপ্তরসমূহ স্ব স্ব অফিসের ২০২০-২১ অর্থবছরে ন্যূনতম একটি ডিজিটাল সেবা তৈরি ও বাস্তবায়ন ১৫.০২.২০২১ তারিখের মধ্যে সম্পন্ন করা।",
            "মার্চ ২০২১ এর মধ্যে উদ্ভাবন ও সেবা সহজিকরণ বিষয়ে ০১(এক) দিনের একটি কর্মশালা/সেমিনার আয়োজন সম্পন্ন করা।",
        ],
    ),
    (
        "সুরক্ষা সেবা বিভাগ এবং অধীন অধিদপ্তরসমূহের ওয়েবসাইট আপলোড/আপডেট পর্যালোচনা;",
        "স্ব স্ব অফিসের ওয়েবসাইটের ০৫টি সেবা বক্স হালনাগাদ করার বিষয়ে সভায় বিস্তারিত আলোচনা হয়।",
        [
            "আইসিটি সংশ্লিষ্ট কর্মকর্তা স্ব স্ব অফিসের ওয়েবসাইটের তথ্য নিয়মিত হালনাগাদকরণ নিশ্চিত করবে।",
            "স্ব স্ব অফিসের ওয়েবসাইটের ০৫টি সেবা বক্স অতি দ্রুত সময়ের মধ্যে হালনাগাদ সম্পন্ন করা।",
        ],
    ),
    (
        "বিবিধ।",
        "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা, ২০২০-২১ এর কার্যক্রমের প্রমাণক সংরক্ষণ বিষয়ে সভায় বিস্তারিত আলোচনা হয়।",
        ["এ বিভাগের অধীন অধিদপ্তরসমূহ স্ব স্ব অফিসের কার্যক্রমের প্রমাণক সংরক্ষণ করবে।"],
    ),
]  # fmt: skip
RECIPIENTS_000 = [
    {"designation": "অধিদপ্তর প্রধান (সকল)", "office_name": "সুরক্ষা সেবা বিভাগ"},
    {"name": "জনাব মল্লিক সাঈদ মাহবুব", "designation": "যুগ্মসচিব ও সদস্য", "branch": "ইনোভেশন টিম", "office_name": "সুরক্ষা সেবা বিভাগ"},
    {"name": "জনাব মো: মনিরুজ্জামান", "designation": "উপসচিব ও সদস্য", "branch": "ইনোভেশন টিম", "office_name": "সুরক্ষা সেবা বিভাগ"},
    {"name": "জনাব মো: আইয়ুব হোসেন", "designation": "প্রোগ্রামার ও সদস্য", "branch": "ইনোভেশন টিম", "office_name": "সুরক্ষা সেবা বিভাগ"},
    {"name": "জনাব নিপু হালদার", "designation": "সহঃ প্রোগ্রামার", "branch": "আইসিটি সেল", "office_name": "সুরক্ষা সেবা বিভাগ"},
    {"designation": "অতিরিক্ত সচিব (প্রশাসন ও অর্থ অনুবিভাগ) এর প্রশাসনিক কর্মকর্তা", "office_name": "সুরক্ষা সেবা বিভাগ",
     "request": "সদয় অবগতির জন্য"},
]  # fmt: skip


def field(page, name):
    return page.locator(f'[name="{name}"]')


def click_and_wait_for(page, button_text, new_field):
    page.get_by_role("button", name=button_text).last.click()
    field(page, new_field).wait_for()


def test_a_drafter_types_in_reference_minutes_000_and_finds_every_field_after_saving(page):
    load_demo()
    start_draft(page, layout_label="ক্রমিক অংশ (১.০ / ১.১ আলোচনা / ১.২ সিদ্ধান্ত)")
    field(page, "title").fill(TITLE_000)
    field(page, "chair_name").fill("ড. তরুণ কান্তি শিকদার")
    field(page, "chair_designation").fill("অতিরিক্ত সচিব")
    for i, (title, discussion, decisions) in enumerate(ITEMS_000):
        if i:
            click_and_wait_for(page, "আলোচ্যসূচি যোগ করুন", f"items-{i}-title")
        field(page, f"items-{i}-title").fill(title)
        rich_text(page, f"items-{i}-discussion").fill(discussion)
        for j, text in enumerate(decisions):
            if j:
                page.locator(f"#items-{i}").get_by_role("button", name="সিদ্ধান্ত যোগ করুন").click()
            rich_text(page, f"items-{i}-decisions-{j}-text").fill(text)
    field(page, "items-0-decisions-0-responsible").fill("সুরক্ষা সেবা বিভাগ, কারা অধিদপ্তর")
    for k, recipient in enumerate(RECIPIENTS_000):
        click_and_wait_for(page, "প্রাপক যোগ করুন", f"recipients-{k}-designation")
        for key, value in recipient.items():
            field(page, f"recipients-{k}-{key}").fill(value)
    field(page, "issuer_name").fill("মোঃ আবদুল কাদির")
    field(page, "issuer_designation").fill("উপসচিব (অতিরিক্ত দায়িত্ব)")
    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()

    meeting = Meeting.objects.get()
    page.goto(page.base_url + f"/minutes/{meeting.pk}/edit/")  # reopen
    assert field(page, "title").input_value() == TITLE_000
    assert field(page, "venue").input_value() == "Zoom Online Platform"
    assert field(page, "start_time").input_value() == "১৫:০০"  # typed as 15:00, shown in Bangla digits
    for i, (title, discussion, decisions) in enumerate(ITEMS_000):
        assert field(page, f"items-{i}-title").input_value() == title
        assert rich_text(page, f"items-{i}-discussion").inner_text().strip() == discussion
        for j, text in enumerate(decisions):
            assert rich_text(page, f"items-{i}-decisions-{j}-text").inner_text().strip() == text
    assert [page.locator("#items-0 .decision-letter").nth(j).inner_text() for j in range(2)] == ["ক)", "খ)"]
    assert field(page, "items-0-decisions-0-responsible").input_value() == "সুরক্ষা সেবা বিভাগ, কারা অধিদপ্তর"
    for k, recipient in enumerate(RECIPIENTS_000):
        for key, value in recipient.items():
            assert field(page, f"recipients-{k}-{key}").input_value() == value
    assert field(page, "issuer_designation").input_value() == "উপসচিব (অতিরিক্ত দায়িত্ব)"
    assert meeting.agenda_items.count() == 3
    screenshot(page, "editor-000")


def test_a_drafter_enters_the_table_layout_of_reference_minutes_004_with_its_implementers(page):
    load_demo()
    start_draft(page, layout_label="একটি সারণি, বাস্তবায়নকারীর কলামসহ")
    field(page, "title").fill("মহিলা বিষয়ক অধিদপ্তরের ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বিষয়ক সভার কার্যবিবরণী।")
    field(page, "chair_name").fill("কেয়া খান")
    field(page, "chair_designation").fill("মহাপরিচালক")
    field(page, "items-0-title").fill("সেবা সহজিকরণ/ ডিজিটাইজেশনের মাধ্যমে উদ্ভাবনী ধারণা বাস্তবায়ন")
    rich_text(page, "items-0-discussion").fill("এ পর্যায়ে বিভিন্ন শাখার সফটওয়্যার সম্পর্কে আলোচনা হয়।")
    # The decision is rich text too: a list of two, the second with a word in bold, from the toolbar.
    decision = rich_text(page, "items-0-decisions-0-text")
    decision.fill("প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে।")
    decision.press("Enter")
    decision.press_sequentially("হোস্টেলের সিট বরাদ্দ ডিজিটাইজ করতে হবে।")
    decision.press("Control+a")
    page.locator("#items-0-decisions-0").get_by_role("button", name="•").click()
    decision.locator("li").last.click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")  # the second point selected
    page.locator("#items-0-decisions-0").get_by_title("bold").click()
    implementers = "প্রশাসন শাখা, ইনোভেশন শাখা, প্রশিক্ষণ শাখা, ক্ষুদ্রঋণ শাখা, হোস্টেল শাখা"
    field(page, "items-0-decisions-0-responsible").fill(implementers)
    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()

    meeting = Meeting.objects.get()
    assert meeting.layout == Meeting.Layout.TABLE
    page.goto(page.base_url + f"/minutes/{meeting.pk}/edit/")
    assert field(page, "items-0-decisions-0-responsible").input_value() == implementers
    assert page.get_by_label("আলোচ্যসূচি উপস্থাপনের ধরন").input_value() == "table"
    document = page.context.new_page()
    document.goto(page.base_url + f"/minutes/{meeting.pk}/document/")
    assert implementers in document.locator("body").inner_text()
    assert "বাস্তবায়নকারী" in document.locator("body").inner_text()
    decision_html = meeting.agenda_items.get().decisions.get().text
    assert decision_html.startswith("<ul><li>প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার") and "<b>" in decision_html, (
        decision_html
    )
    cell = document.locator(".agenda-table td").nth(3)
    assert cell.locator("li").all_inner_texts() == [
        "প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে।",
        "হোস্টেলের সিট বরাদ্দ ডিজিটাইজ করতে হবে।",
    ]
    assert cell.locator("li b").count() == 1
