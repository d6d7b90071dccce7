"""The XSS corpus (tests/security/xss_corpus.py) through the sanitiser, the editor and the document,
without a browser: nothing that can run may come out, and the sanitiser's output must survive
being cleaned again and being normalised to NFC (the stored XSS it was written for came from an
NFC applied after nh3).

The browser test (tests/e2e/test_xss_browser.py) opens the same corpus in Chromium.
"""

import unicodedata

import pytest
from django.urls import reverse

from minutes.content.richtext import normalize_text, sanitize_rich_text
from minutes.document.render import render_html, sanitize_document
from minutes.models import AgendaItem, Meeting, Transition
from offices.models import OfficeRole
from tests.factories import BranchFactory, MeetingFactory, OfficeFactory, OfficialFactory, user_with_role
from tests.security.xss_corpus import FORM_PAYLOADS, MAX_LENGTH, PAYLOADS, Payload
from tests.security.xss_fields import (
    ALL_FIELDS,
    CONVENTION_FIELDS,
    as_typed,
    comment_chunks,
    one_payload_post,
)
from tests.security.xss_scan import csp_problems, document_problems, fragment_problems, page_problems

R = OfficeRole.Role
ids = [f"{p.number:03d}-{p.kind}" for p in PAYLOADS]
form_ids = [f"{p.number:03d}-{p.kind}" for p in FORM_PAYLOADS]


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


# -- the corpus itself -------------------------------------------------------------------------------
def test_the_corpus_has_at_least_40_distinct_numbered_payloads_of_every_kind_asked_for():
    assert len(PAYLOADS) >= 40
    assert len({p.text for p in PAYLOADS}) == len(PAYLOADS)
    assert [p.number for p in PAYLOADS] == list(range(1, len(PAYLOADS) + 1))
    kinds = {p.kind for p in PAYLOADS}
    assert {"script", "handler", "url", "svg", "style", "word", "mxss", "unicode", "breakout"} <= kinds
    for payload in PAYLOADS:
        assert len(payload.text) <= MAX_LENGTH, payload
        # Each calls its own probe (written plainly, or encoded), unless it only loads from evil.invalid.
        assert payload.probe in payload.text or any(
            m in payload.text for m in ("&#", "base64,", "evil.invalid")
        )
        assert all(
            f"__xss({n})" not in payload.text for n in range(1, len(PAYLOADS) + 1) if n != payload.number
        )
    texts = " ".join(p.text for p in PAYLOADS)
    for needle in ("\u0338", "&#x338;", "<svg><script>", "<math>", "<noscript>", "@import", "javascript:",
                   "data:text/html;base64,", "srcdoc", "formaction", "ontoggle", "<body onload",
                   "<!--[if gte mso 9]>", 'http-equiv="refresh"', "<xmp>", "<listing>", "<template>",
                   "\u200b", "&#0;", "\x00", "<SCRIPT>"):  # fmt: skip
        assert needle in texts, needle


def test_every_field_gets_the_corpus(capsys):
    """Every text field takes every payload, except a mobile number and the conventions' short
    wordings (the payloads that fit) and the web and e-mail addresses (the payloads that can be
    wrapped into a valid one)."""
    fields: dict[str, int] = {}
    for payload in FORM_PAYLOADS:
        for field in one_payload_post(payload)[1]:
            fields[field] = fields.get(field, 0) + 1
    partial = {"header.online_link", "attendee.mobile", "attendee.email", "recipient.email"}
    partial |= {f"conventions.{name}" for name, limit in CONVENTION_FIELDS.items() if limit < 500}
    assert set(fields) == set(ALL_FIELDS) - {"return comment", "approve comment"}
    assert all(count == len(FORM_PAYLOADS) for field, count in fields.items() if field not in partial), fields
    assert all(count >= 20 for count in fields.values()), fields
    with capsys.disabled():
        pairs = sum(fields.values()) + 2 * len(FORM_PAYLOADS)
        print(
            f"\nXSS corpus: {len(PAYLOADS)} payloads ({len(FORM_PAYLOADS)} postable), {len(ALL_FIELDS)} fields, "
            f"{pairs} payload-field pairs through the editor and the workflow; partial fields: "
            + ", ".join(f"{f} {fields[f]}" for f in sorted(partial))
        )


def test_the_scanners_find_what_they_look_for():
    """The checks below are only as good as these: each finds a planted problem."""
    assert fragment_problems("<p>x</p><b>y</b><table><tr><td colspan=2>z</td></tr></table>") == []
    for bad in ("<img src=x onerror=top.__xss(1)>", "<a href=' java&#x09;script:x'>", "<svg>", "<p style=x>",
                "<b\u2260 onfocus=x>", "<!-- x -->", "<p tabindex=0>"):  # fmt: skip
        assert fragment_problems(bad), bad
    assert (
        page_problems(
            '<script src="/static/js/editor.js"></script><script type="application/json">{}</script>'
        )
        == []
    )
    for bad in ("<script>x</script>", '<script src="https://evil.invalid/x.js"></script>', "<iframe>",
                '<a href="JAVASCRIPT:x">', '<meta http-equiv="refresh" content="0">', '<div hx-on:click="x">',
                '<div data-bs-target="top.__xss(1)">', '<link rel=stylesheet href="https://evil.invalid/">',
                '<body><p onmouseover="x">'):  # fmt: skip
        assert page_problems(bad), bad
    assert page_problems('<input value="&quot;&gt;&lt;img src=x onerror=top.__xss(1)&gt;">') == []
    assert (
        document_problems('<html><head><title>t</title></head><body><p class="x">y</p></body></html>') == []
    )
    for bad in (
        "<body><form>",
        "<body><p style='x'>",
        '<body><a href="data:text/html,x">',
        "<script></script>",
    ):
        assert document_problems(bad), bad
    assert csp_problems("default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'") == []
    for bad in (None, "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
                "default-src 'self'; object-src 'none'", "script-src https:; object-src 'none'; base-uri 'self'"):  # fmt: skip
        assert csp_problems(bad), bad


# -- the sanitiser -----------------------------------------------------------------------------------
@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_sanitiser_keeps_nothing_that_can_run(payload: Payload):
    cleaned = sanitize_rich_text(payload.text)
    assert fragment_problems(cleaned) == [], f"{payload}\n{cleaned!r}"


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_sanitiser_is_idempotent(payload: Payload):
    cleaned = sanitize_rich_text(payload.text)
    assert sanitize_rich_text(cleaned) == cleaned, (
        f"{payload}\nonce:  {cleaned!r}\ntwice: {sanitize_rich_text(cleaned)!r}"
    )


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_sanitiser_is_stable_under_nfc(payload: Payload):
    """sanitize(x) == sanitize(NFC(sanitize(x))): normalising what was stored, then cleaning it again,
    gives it back unchanged. (The sanitiser normalises its input first, so this fails exactly where
    idempotence fails; the next test shows what NFC alone does to the stored HTML.)"""
    cleaned = sanitize_rich_text(payload.text)
    again = sanitize_rich_text(nfc(cleaned))
    assert again == cleaned, f"{payload}\nsanitised: {cleaned!r}\nNFC, then sanitised: {again!r}"


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_nfc_applied_to_the_sanitised_html_still_cannot_run(payload: Payload):
    """The hazard the property above guards against: anything that normalises stored HTML later
    (a copy, an export, a migration) without sanitising it again."""
    cleaned = sanitize_rich_text(payload.text)
    assert fragment_problems(nfc(cleaned)) == [], f"{payload}\nsanitised: {cleaned!r}\nNFC: {nfc(cleaned)!r}"


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_document_sanitiser_cleans_a_body_holding_the_raw_payload(payload: Payload):
    """The last line: render_html cleans the body whatever the template or the stored data hold."""
    page = f'<!doctype html><html lang="bn"><head><title>t</title></head><body class="document"><p>{payload.text}</p></body></html>'
    cleaned = sanitize_document(page)
    assert document_problems(cleaned) == [], f"{payload}\n{cleaned!r}"


# -- through the editor, into the document and the staff pages --------------------------------------
@pytest.fixture
def office(db):
    return OfficeFactory(name="দপ্তর ক")


@pytest.fixture
def drafter(office):
    return user_with_role(office, R.DRAFTER, username="drafter")


@pytest.fixture
def approver(office):
    return user_with_role(office, R.APPROVER, username="approver")


@pytest.fixture
def meeting(office, drafter):
    return MeetingFactory(office=office, created_by=drafter, date="2021-02-17")


def _errors(response) -> str:
    editor = response.context and response.context.get("editor")
    if not editor:
        return str(response.status_code)
    forms = [editor.header, *editor.items.forms, *editor.attendees.forms, *editor.recipients.forms]
    forms += [d for item in editor.items.forms for d in item.decisions.forms]
    return repr([(f.prefix, f.errors) for f in forms if f.errors])


@pytest.mark.parametrize("payload", FORM_PAYLOADS, ids=form_ids)
def test_a_meeting_with_the_payload_in_every_field_shows_nothing_that_can_run(
    client, office, drafter, meeting, payload
):
    # The office's own records feed the editor's lists and its officials' data (a JSON script).
    OfficialFactory(office=office, name=payload.text[:200], designation=payload.text[:200])
    BranchFactory(office=office, name=payload.text[:200])
    client.force_login(drafter)
    post, tried = one_payload_post(payload)
    response = client.post(reverse("minutes:edit", args=[meeting.pk]), post)
    assert response.status_code == 302, f"{payload}: not saved: {_errors(response)}"

    meeting = Meeting.objects.select_related("office").get(pk=meeting.pk)
    item = AgendaItem.objects.get(meeting=meeting)
    decision = item.decisions.get()
    assert meeting.title == meeting.venue == meeting.closing == item.title == as_typed(payload.text)
    assert decision.deadline_rule == meeting.recipients.get().request == as_typed(payload.text)
    # The rich text (the discussion, the decision) goes through the one sanitiser: the same payload
    # comes out the same.
    assert fragment_problems(item.discussion) == [], item.discussion  # (equality: the idempotence test's job)
    assert fragment_problems(decision.text) == [], decision.text
    if post["items-0-decisions-0-text"] == payload.text:
        assert decision.text == item.discussion
    else:  # nothing of the payload is left: the decision is the sentence that leads it
        assert decision.text == sanitize_rich_text(post["items-0-decisions-0-text"]) and not item.discussion

    for layout in Meeting.Layout.values:
        meeting.layout = layout
        html = render_html(meeting)
        assert document_problems(html) == [], f"{payload} ({layout}): {document_problems(html)}"
    for url in (reverse("minutes:edit", args=[meeting.pk]), reverse("minutes:detail", args=[meeting.pk]),
                reverse("minutes:document", args=[meeting.pk]), reverse("minutes:list")):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        check = document_problems if url.endswith("/document/") else page_problems
        assert check(html) == [], f"{payload} on {url}: {check(html)}"
        assert csp_problems(response.get("Content-Security-Policy")) == [], url
        if payload.probe in payload.text:  # the page does show the payload (as text)
            assert payload.probe in html, url


def test_the_workflow_comments_carry_the_whole_corpus_and_show_nothing_that_can_run(
    client, office, drafter, approver
):
    """Every payload in a return comment and in an approve comment (the form takes 5,000 characters,
    so the corpus goes in several comments, on several meetings)."""
    chunks = comment_chunks(FORM_PAYLOADS)
    for chunk in chunks:
        meeting = MeetingFactory(office=office, created_by=drafter, date="2021-02-17")
        AgendaItem.objects.create(meeting=meeting, title="বিবিধ")
        comment = "\n".join(p.text for p in chunk)
        for user, step, data in ((drafter, "submit", {}), (approver, "return", {"comment": comment}),
                                 (drafter, "submit", {}), (approver, "approve", {"comment": comment})):  # fmt: skip
            client.force_login(user)
            assert client.post(reverse("minutes:step", args=[meeting.pk, step]), data).status_code == 302
        assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.APPROVED
        comments = list(
            Transition.objects.filter(meeting=meeting).exclude(comment="").values_list("comment", flat=True)
        )
        assert comments == [normalize_text(comment).strip()] * 2  # as typed, in NFC
        for user in (drafter, approver):
            client.force_login(user)
            html = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
            assert page_problems(html) == [], page_problems(html)
    assert sum(len(c) for c in chunks) == len(FORM_PAYLOADS)


@pytest.mark.parametrize("field", ["items-0-discussion", "items-0-decisions-0-text"])
def test_text_left_once_the_markup_is_stripped_is_escaped_only_once(client, drafter, meeting, field):
    """What non-idempotence costs a drafter: pasted markup that is all stripped leaves bare text, which
    the next pass takes for typed text and escapes again ("a &lt; b" is then shown as "a &amp;lt; b")."""
    client.force_login(drafter)
    post, _tried = one_payload_post(FORM_PAYLOADS[0])
    post[field] = "<span>a &lt; b &amp; c</span>"
    assert client.post(reverse("minutes:edit", args=[meeting.pk]), post).status_code == 302
    item = AgendaItem.objects.get(meeting=meeting)
    saved = item.discussion if field.endswith("discussion") else item.decisions.get().text
    assert saved in ("<p>a &lt; b &amp; c</p>", "a &lt; b &amp; c"), saved
    assert sanitize_rich_text(saved) == saved  # shown again in the editor, unchanged


@pytest.mark.parametrize(
    "link",
    [
        "javascript:top.__xss(1)",
        "JavaScript:top.__xss(1)//https://e.org",
        "data:text/html,<script>top.__xss(1)</script>",
        "vbscript:x",
    ],
)
def test_an_online_link_that_is_not_a_web_address_is_refused(client, drafter, meeting, link):
    client.force_login(drafter)
    post, _tried = one_payload_post(FORM_PAYLOADS[0])
    response = client.post(reverse("minutes:edit", args=[meeting.pk]), {**post, "online_link": link})
    assert response.status_code == 400
    assert Meeting.objects.get(pk=meeting.pk).online_link == ""


def test_a_raw_nul_is_refused_before_any_form_sees_it(client, drafter, meeting):
    (payload,) = [p for p in PAYLOADS if not p.in_forms]
    client.force_login(drafter)
    post, _tried = one_payload_post(FORM_PAYLOADS[0])
    response = client.post(
        reverse("minutes:edit", args=[meeting.pk]), {**post, "items-0-discussion": payload.text}
    )
    assert response.status_code == 400
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize("payload", FORM_PAYLOADS, ids=form_ids)
def test_stored_html_that_was_never_sanitised_still_renders_nothing_that_can_run(office, drafter, payload):
    """As if stored before the fix, or written past the editor: every field raw, the discussion too."""
    text = payload.text
    meeting = MeetingFactory(
        office=office, created_by=drafter, date="2021-02-17", title=text, venue=text, chair_name=text,
        chair_designation=text, chair_contact=text, attendance_note=text, opening=text, closing=text,
        issuer_name=text, issuer_designation=text, online_link="https://e.org/#" + text,
    )  # fmt: skip
    item = AgendaItem.objects.create(meeting=meeting, title=text, discussion=text)
    item.decisions.create(text=text, deadline_kind="rule", deadline_rule=text, progress_note=text)
    meeting.attendees.create(name=text, designation=text, workplace=text, mobile=text[:50], email=text[:254])
    meeting.recipients.create(designation=text, name=text, branch=text, office_name=text, request=text)
    meeting = Meeting.objects.select_related("office").get(pk=meeting.pk)
    for layout in Meeting.Layout.values:
        meeting.layout = layout
        html = render_html(meeting)
        assert document_problems(html) == [], f"{payload} ({layout}): {document_problems(html)}"
