"""A decision's text is rich text like the discussion: typed in the same box, sanitised by the same
function, held to the same kind of limits, and printed with its letter run into its first line."""

import html as htmllib
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse

from minutes.content.richtext import sanitize_rich_text
from minutes.document.render import render_html
from minutes.document.selectors import issued_html, issued_pdf
from minutes.document.store import store_issued_document
from minutes.models import AgendaItem, Decision, Meeting
from tests.factories import MeetingFactory
from tests.minutes.editor_data import editor_post, with_saved_ids
from tests.minutes.test_document import html_text, normalize, pdftotext, render_pdf

pytestmark = pytest.mark.django_db

migration = importlib.import_module("minutes.migrations.0008_decision_rich_text")

RICH_DECISION = (
    "<p>সকল দপ্তর <b>৩০ জুনের মধ্যে</b> তথ্য হালনাগাদ করবে:</p>"
    "<ul><li>ওয়েবসাইটের সেবা বক্স</li><li>ই-নথির <strong>প্রমাণক</strong></li></ul>"
)
SAVED_DECISION = RICH_DECISION  # clean already: kept as typed


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")


def edit_url(meeting):
    return reverse("minutes:edit", args=[meeting.pk])


def save(client, meeting, *decisions: str):
    items = [
        {"title": "বিবিধ", "discussion": "<p>আলোচনা হয়।</p>", "decisions": [{"text": t} for t in decisions]}
    ]
    return client.post(edit_url(meeting), editor_post(items=items))


def saved_texts(meeting) -> list[str]:
    return list(
        Decision.objects.filter(agenda_item__meeting=meeting).order_by("order").values_list("text", flat=True)
    )


def test_bold_and_lists_are_kept_in_the_html_and_the_pdf_text(client, alice, meeting):
    client.force_login(alice)
    assert save(client, meeting, RICH_DECISION, "প্রমাণক সংরক্ষণ করবে।").status_code == 302
    assert saved_texts(meeting) == [SAVED_DECISION, "<p>প্রমাণক সংরক্ষণ করবে।</p>"]

    meeting = Meeting.objects.select_related("office").get(pk=meeting.pk)
    html = render_html(meeting)
    assert '<li><p><span class="letter">ক)</span> সকল দপ্তর <b>৩০ জুনের মধ্যে</b> তথ্য হালনাগাদ করবে:</p>' in html
    assert "<ul><li>ওয়েবসাইটের সেবা বক্স</li><li>ই-নথির <strong>প্রমাণক</strong></li></ul>" in html
    # A one-paragraph decision prints on one line after its letter, like the discussion's run-in lead.
    assert '<li><p><span class="letter">খ)</span> প্রমাণক সংরক্ষণ করবে।</p></li>' in html
    assert "১.২ সিদ্ধান্ত: ক) সকল দপ্তর ৩০ জুনের মধ্যে তথ্য হালনাগাদ করবে: ওয়েবসাইটের সেবা বক্স" in html_text(html)

    lines = [normalize(line) for line in pdftotext(render_pdf(meeting)).splitlines()]
    assert "ক) সকল দপ্তর ৩০ জুনের মধ্যে তথ্য হালনাগাদ করবে:" in lines
    assert "• ওয়েবসাইটের সেবা বক্স" in lines and "• ই-নথির প্রমাণক" in lines  # the list, as a list
    assert "খ) প্রমাণক সংরক্ষণ করবে।" in lines

    # The editor's preview (the draft's document page) shows the same.
    preview = client.get(reverse("minutes:document", args=[meeting.pk])).content.decode()
    assert "<b>৩০ জুনের মধ্যে</b>" in preview and "<li>ওয়েবসাইটের সেবা বক্স</li>" in preview


@pytest.mark.parametrize("layout", [Meeting.Layout.PARAGRAPHS, Meeting.Layout.TABLE])
def test_the_other_layouts_print_the_rich_text_too(client, alice, meeting, layout):
    client.force_login(alice)
    save(client, meeting, RICH_DECISION, "প্রমাণক সংরক্ষণ করবে।")
    meeting = Meeting.objects.select_related("office").get(pk=meeting.pk)
    meeting.layout = layout
    html = render_html(meeting)
    assert '<span class="letter">ক)</span> সকল দপ্তর <b>৩০ জুনের মধ্যে</b>' in html
    assert "<li>ই-নথির <strong>প্রমাণক</strong></li>" in html
    assert '<p><span class="letter">খ)</span> প্রমাণক সংরক্ষণ করবে।</p>' in html


def test_a_lone_decision_in_the_table_has_no_letter_and_a_list_keeps_its_letter_on_its_own_line(
    alice, office_a
):
    meeting = MeetingFactory(office=office_a, created_by=alice, layout=Meeting.Layout.TABLE)
    item = meeting.agenda_items.create(order=0, title="বিবিধ")
    item.decisions.create(order=0, text="<p>প্রমাণক সংরক্ষণ করবে।</p>")
    assert "<td><p>প্রমাণক সংরক্ষণ করবে।</p></td>" in render_html(meeting)

    meeting.layout = Meeting.Layout.SECTIONS
    item.decisions.create(order=1, text="<ol><li>এক</li><li>দুই</li></ol>")
    html = render_html(meeting)
    assert '<li><p><span class="letter">খ)</span></p><ol><li>এক</li><li>দুই</li></ol></li>' in html


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        (
            '<p onclick="top.__xss(1)" style="color:red">কাজ <b onmouseover="x()">শেষ</b></p>',
            "<p>কাজ <b>শেষ</b></p>",
        ),
        ("<p>কাজ</p><script>top.__xss(2)</script><style>p{color:red}</style>", "<p>কাজ</p>"),
        ('<img src=x onerror="top.__xss(3)">কাজ <a href="javascript:top.__xss(4)">শেষ</a>', "<p>কাজ শেষ</p>"),
        ('<div class="MsoNormal"><span style="font-family:Nikosh">কাজ</span></div>', "<p>কাজ</p>"),
        ("a < b & c", "<p>a &lt; b &amp; c</p>"),  # typed text is text
    ],
)
def test_scripts_event_handlers_and_styles_are_stripped(client, alice, meeting, typed, saved):
    client.force_login(alice)
    assert save(client, meeting, typed).status_code == 302
    assert saved_texts(meeting) == [saved]
    assert saved == sanitize_rich_text(typed)  # the discussion's sanitiser, no other


def test_text_is_normalised_first_keeping_the_joiners_bangla_needs(client, alice, meeting):
    decomposed = "সিদ্ধান্ত গৃহীত হ\u09c7\u09be। র\u200d্যাব ও ক্\u200cষ"  # ো typed as ে + া; ZWJ, ZWNJ
    client.force_login(alice)
    assert save(client, meeting, decomposed).status_code == 302
    (text,) = saved_texts(meeting)
    assert text == "<p>সিদ্ধান্ত গৃহীত হো। র\u200d্যাব ও ক্\u200cষ</p>"
    assert "\u09cb" in text and "\u200d" in text and "\u200c" in text


def test_the_editor_shows_the_rich_text_in_its_box_and_a_second_save_changes_nothing(client, alice, meeting):
    client.force_login(alice)
    save(client, meeting, RICH_DECISION)
    decision = Decision.objects.get(agenda_item__meeting=meeting)
    page = client.get(edit_url(meeting)).content.decode()
    area = re.search(r'<textarea name="items-0-decisions-0-text"([^>]*)>\n(.*?)</textarea>', page, re.S)
    assert 'class="form-control rich-text"' in area[1]  # the editor's rich-text box takes it over
    assert htmllib.unescape(area[2]) == SAVED_DECISION

    # The browser posts back what the box holds: stored as it was, the row updated in place.
    post = with_saved_ids(
        editor_post(
            items=[
                {
                    "title": "বিবিধ",
                    "discussion": "<p>আলোচনা হয়।</p>",
                    "decisions": [{"text": htmllib.unescape(area[2])}],
                }
            ]
        ),
        meeting,
    )
    assert client.post(edit_url(meeting), post).status_code == 302
    assert Decision.objects.get(agenda_item__meeting=meeting).pk == decision.pk
    assert saved_texts(meeting) == [SAVED_DECISION]


def test_a_page_shown_again_after_an_error_holds_only_sanitised_markup(client, alice, meeting):
    client.force_login(alice)
    post = editor_post(
        header={"title": ""},
        items=[
            {
                "title": "বিবিধ",
                "decisions": [{"text": '<p onclick="top.__xss(1)">কাজ</p><script>top.__xss(2)</script>'}],
            }
        ],
    )
    page = client.post(edit_url(meeting), post).content.decode()
    assert "&lt;p&gt;কাজ&lt;/p&gt;</textarea>" in page  # kept, sanitised
    assert "__xss" not in page


def test_a_decision_too_long_is_refused_in_bangla_and_nothing_is_saved(client, alice, meeting):
    client.force_login(alice)
    too_long = "<ul>" + "<li>প্রমাণক সংরক্ষণ</li>" * 700 + "</ul>"  # 700 × 16 = 11,200 visible characters
    response = save(client, meeting, "প্রমাণক সংরক্ষণ করবে।", too_long)
    assert response.status_code == 400
    page = response.content.decode()
    assert "এখানে সর্বোচ্চ ১০,০০০ অক্ষর লিখুন" in page and "কিছুই সংরক্ষণ করা হয়নি" in page
    assert "প্রমাণক সংরক্ষণ করবে।" in page  # the form keeps what was typed
    assert not AgendaItem.objects.filter(meeting=meeting).exists()
    assert not Decision.objects.filter(agenda_item__meeting=meeting).exists()


def test_the_limits_count_what_a_reader_sees_not_the_markup(client, alice, meeting):
    """8,000 visible characters in 18,000 characters of HTML are accepted; so is a list of short points
    written without spaces between its tags (not one long word)."""
    points = "<ol>" + "".join(f"<li><b>ক{i:04d}</b>খগ</li>" for i in range(800)) + "</ol>"
    assert len(points) > 18_000
    client.force_login(alice)
    assert save(client, meeting, points).status_code == 302
    assert saved_texts(meeting) == [points]


def test_a_word_too_long_is_refused_in_bangla(client, alice, meeting):
    client.force_login(alice)
    response = save(client, meeting, "<p>" + "ক" * 400 + "</p>")
    assert response.status_code == 400
    assert "শব্দ সর্বোচ্চ ৩০০ অক্ষরের হতে পারে" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_markup_that_leaves_no_text_is_no_decision(client, alice, meeting):
    client.force_login(alice)
    items = [
        {
            "title": "বিবিধ",
            "decisions": [{"text": "<script>top.__xss(1)</script>", "responsible": "আইসিটি সেল"}],
        }
    ]
    response = client.post(edit_url(meeting), editor_post(items=items))
    assert response.status_code == 400 and "সিদ্ধান্তটি লিখুন।" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()
    assert save(client, meeting, "<script>top.__xss(1)</script>").status_code == 302  # a blank row: dropped
    assert saved_texts(meeting) == []


# -- the data migration ---------------------------------------------------------------------------------
PLAIN = "প্রথম লাইন\r\nদ্বিতীয় লাইন\n\n\nনতুন অনুচ্ছেদ: <b>নয়</b> & a < b\u00a0c"
MIGRATED = "<p>প্রথম লাইন<br>দ্বিতীয় লাইন</p><p>নতুন অনুচ্ছেদ: &lt;b&gt;নয়&lt;/b&gt; &amp; a &lt; b&nbsp;c</p>"


def test_the_migration_turns_stored_plain_text_into_safe_html_and_back(alice, office_a):
    meeting = MeetingFactory(
        office=office_a, created_by=alice, state=Meeting.State.ISSUED, memo_number="58.1.1"
    )
    item = meeting.agenda_items.create(order=0, title="বিবিধ")
    plain = item.decisions.create(order=0, text=PLAIN)
    one_line = item.decisions.create(order=1, text="প্রমাণক সংরক্ষণ করবে।")
    empty = item.decisions.create(order=2, text="")
    issued = store_issued_document(meeting)
    files = (issued_html(meeting), issued_pdf(meeting))

    migration.to_html(apps, None)

    assert Decision.objects.get(pk=plain.pk).text == MIGRATED
    assert (
        Decision.objects.get(pk=one_line.pk).text
        == "<p>প্রমাণক সংরক্ষণ করবে।</p>"
        == sanitize_rich_text(one_line.text)
    )
    assert Decision.objects.get(pk=empty.pk).text == ""
    assert sanitize_rich_text(MIGRATED) == MIGRATED  # the editor shows it again unchanged
    assert store_issued_document(meeting).pk == issued.pk  # issued documents are never printed again
    assert (issued_html(meeting), issued_pdf(meeting)) == files
    # Printed as before: the typed "<b>" as text, the line break kept, the letter run in.
    html = render_html(Meeting.objects.select_related("office").get(pk=meeting.pk))
    assert '<span class="letter">ক)</span> প্রথম লাইন<br>দ্বিতীয় লাইন</p><p>নতুন অনুচ্ছেদ: &lt;b&gt;নয়' in html

    migration.to_plain(apps, None)

    assert (
        Decision.objects.get(pk=plain.pk).text
        == "প্রথম লাইন\nদ্বিতীয় লাইন\n\nনতুন অনুচ্ছেদ: <b>নয়</b> & a < b\u00a0c"
    )
    assert Decision.objects.get(pk=one_line.pk).text == "প্রমাণক সংরক্ষণ করবে।"


def test_the_reverse_migration_strips_rich_text_to_its_lines():
    assert migration.html_to_plain(SAVED_DECISION) == (
        "সকল দপ্তর ৩০ জুনের মধ্যে তথ্য হালনাগাদ করবে:\n\nওয়েবসাইটের সেবা বক্স\nই-নথির প্রমাণক"
    )


def test_a_decision_reads_as_text_where_text_is_needed():
    decision = Decision(text=SAVED_DECISION)
    assert str(decision) == "সকল দপ্তর ৩০ জুনের মধ্যে তথ্য হালনাগাদ করবে: ওয়েবসাইটের সেবা বক্স ই-নথির প্রমাণক"[:80]
    assert str(Decision(text="<p>a &lt; b &amp; c</p>")) == "a < b & c"
