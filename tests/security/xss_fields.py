"""Every text field a user can type into, and editor POSTs that carry the corpus in all of them.

The fields are those of the whole-meeting editor (minutes/content/forms.py): the header, each agenda
item and its decisions, the attendance sheet and the distribution list, plus the comments of the
workflow's steps (return, approve). A web address and an e-mail address must be valid to be
saved, so a payload goes there wrapped (after "https://e.org/#", or as the quoted local part of
an address) when that makes a valid one; the mobile number holds the payloads that fit in it.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from minutes.content.richtext import sanitize_rich_text
from minutes.models import OfficeConventions
from tests.minutes.editor_data import editor_post
from tests.security.xss_corpus import Payload

# field: its max length (the model's)
HEADER_FIELDS = {
    "title": 500, "venue": 300, "chair_name": 200, "chair_designation": 300, "chair_contact": 300,
    "attendance_note": 200, "opening": 10_000, "closing": 10_000, "issuer_name": 200,
    "issuer_designation": 300,
}  # fmt: skip
LONG_HEADER_FIELDS = {"opening", "closing"}  # textareas: payloads one per paragraph
ITEM_FIELDS = {"title": 1000, "discussion": 30_000}  # the discussion is rich text (sanitised HTML)
# The text is rich text like the discussion; the others are plain.
DECISION_FIELDS = {"text": 10_000, "responsible": 2000, "deadline_rule": 300, "progress_note": 10_000}
ATTENDEE_FIELDS = {"name": 200, "designation": 300, "workplace": 300, "mobile": 50, "email": 254}
RECIPIENT_FIELDS = {
    "designation": 300,
    "name": 200,
    "branch": 300,
    "office_name": 300,
    "request": 300,
    "email": 254,
}
# The editor's "how this document is written" box: its typed wordings (its choices keep their values).
CONVENTION_FIELDS = {
    "agenda_heading": 60, "discussion_label": 40, "decisions_label": 40, "distribution_heading": 120,
    "memo_label": 40, "running_header": 80, "attendance_heading": 500,
}  # fmt: skip
STEP_COMMENT_LIMIT = 5000  # minutes/workflow/views.py: StepForm.comment
STEP_COMMENTS = ("return comment", "approve comment")

ALL_FIELDS = [
    *(f"header.{f}" for f in HEADER_FIELDS),
    "header.online_link",
    *(f"item.{f}" for f in ITEM_FIELDS),
    *(f"decision.{f}" for f in DECISION_FIELDS),
    *(f"attendee.{f}" for f in ATTENDEE_FIELDS),
    *(f"recipient.{f}" for f in RECIPIENT_FIELDS),
    *(f"conventions.{f}" for f in CONVENTION_FIELDS),
    *STEP_COMMENTS,
]

_URL = forms.URLField(assume_scheme="https", max_length=200)


def conventions_post(typed: dict) -> dict:
    """The conventions box as posted: the office's defaults, with the typed wordings in their place."""
    values = {**OfficeConventions().conventions(), **typed}
    data = {"conventions-shown": "1"}
    for name, value in values.items():
        if value is not False:  # an unticked box is not posted
            data[f"conventions-{name}"] = "on" if value is True else value
    return data


def as_typed(text: str) -> str:
    """What the portal stores for a plain text field: NFC, Unix line ends, no surrounding space."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


def as_url(payload: Payload) -> str | None:
    """A valid web address carrying the payload, or None."""
    text = (
        payload.text if payload.kind == "address" else "https://e.org/#" + re.sub(r"\s+", "/", payload.text)
    )
    try:
        return _URL.clean(text) and text
    except ValidationError:
        return None


def as_email(payload: Payload) -> str | None:
    """A valid e-mail address whose quoted local part is the payload (spaces as "/"), or None."""
    local = re.sub(r"[\s\"\\]+", "/", payload.text)
    address = f'"{local}"@example.org'
    try:
        validate_email(address)
    except ValidationError:
        return None
    return address if len(address) <= ATTENDEE_FIELDS["email"] else None


# A decision must say something: after a payload that leaves no text once sanitised (a lone
# <script>), this sentence is what is left of it.
DECISION_WORDS = "প্রমাণক সংরক্ষণ করবে। "


def decision_text(payload: Payload) -> str:
    """The decision's rich text: the payload, led by a sentence if nothing of it would be left."""
    return payload.text if sanitize_rich_text(payload.text) else DECISION_WORDS + payload.text


def _value(payload: Payload, field: str, limit: int) -> str | None:
    if field == "email":
        return as_email(payload)
    return payload.text if len(payload.text) <= limit else None


def one_payload_post(payload: Payload) -> tuple[dict, list[str]]:
    """The editor's POST with this payload in every field it can be saved in; and those fields."""
    tried = []

    def put(row: dict, prefix: str, fields: dict) -> dict:
        for field, limit in fields.items():
            value = _value(payload, field, limit)
            if value is not None:
                row[field] = value
                tried.append(f"{prefix}.{field}")
        return row

    header = put({}, "header", HEADER_FIELDS)
    url = as_url(payload)
    if url:
        header["online_link"] = url
        tried.append("header.online_link")
    decision = put({"deadline_kind": "rule", "status": "pending"}, "decision", DECISION_FIELDS)
    if "text" in decision:
        decision["text"] = decision_text(payload)
    item = put({"decisions": [decision]}, "item", ITEM_FIELDS)
    attendee = put({}, "attendee", ATTENDEE_FIELDS)
    recipient = put({}, "recipient", RECIPIENT_FIELDS)
    conventions = conventions_post(put({}, "conventions", CONVENTION_FIELDS))
    post = editor_post(header=header, items=[item], attendees=[attendee], recipients=[recipient])
    return {**post, **conventions}, tried


def pack(payloads: list[Payload], limit: int, *, start: int = 0, separator: str = " ") -> list[Payload]:
    """As many payloads as fit in `limit` characters, joined by `separator`, starting at `start` (rotating)."""
    chosen, length = [], 0
    for i in range(len(payloads)):
        payload = payloads[(start + i) % len(payloads)]
        extra = len(payload.text) + (len(separator) if chosen else 0)
        if length + extra <= limit:
            chosen.append(payload)
            length += extra
    return chosen


def joined(payloads: list[Payload], separator: str = " ") -> str:
    return separator.join(p.text for p in payloads)


def corpus_post(payloads: list[Payload]) -> tuple[dict, dict[str, set[int]]]:
    """One meeting holding the whole corpus: an agenda item (with one decision), an attendee and a
    recipient per payload, every row field holding it; each header field packed with as many payloads
    as fit (each field starting further along the corpus). Returns the POST and, per field, the
    numbers of the payloads it carries."""
    coverage: dict[str, set[int]] = {field: set() for field in ALL_FIELDS}
    header = {}
    for n, (field, limit) in enumerate(HEADER_FIELDS.items()):
        separator = "\n\n" if field in LONG_HEADER_FIELDS else " "
        chosen = pack(payloads, limit, start=n * 7, separator=separator)
        header[field] = joined(chosen, separator)
        coverage[f"header.{field}"] = {p.number for p in chosen}
    typed = {}
    for n, (field, limit) in enumerate(CONVENTION_FIELDS.items()):
        chosen = pack(payloads, limit, start=n * 11)
        typed[field] = joined(chosen)
        coverage[f"conventions.{field}"] = {p.number for p in chosen}
    for payload in payloads:  # the first payload that makes a valid address (the address ones do)
        if payload.kind == "address" and as_url(payload):
            header["online_link"] = as_url(payload)
            coverage["header.online_link"] = {payload.number}
            break

    items, attendees, recipients = [], [], []
    short = [p for p in payloads if len(p.text) <= ATTENDEE_FIELDS["mobile"]]
    for i, payload in enumerate(payloads):
        text = payload.text
        decision = {"text": decision_text(payload), "responsible": text, "deadline_kind": "rule", "deadline_rule": text,
                    "status": "pending", "progress_note": text}  # fmt: skip
        items.append({"title": text, "discussion": text, "decisions": [decision]})
        mobile = short[i % len(short)]
        attendee = {"name": text, "designation": text, "workplace": text, "mobile": mobile.text}
        recipient = {"designation": text, "name": text, "branch": text, "office_name": text, "request": text}
        email = as_email(payload)
        if email:
            attendee["email"] = recipient["email"] = email
            coverage["attendee.email"].add(payload.number)
            coverage["recipient.email"].add(payload.number)
        attendees.append(attendee)
        recipients.append(recipient)
        coverage["attendee.mobile"].add(mobile.number)
        for field in ITEM_FIELDS:
            coverage[f"item.{field}"].add(payload.number)
        for field in DECISION_FIELDS:
            coverage[f"decision.{field}"].add(payload.number)
        for field in ("name", "designation", "workplace"):
            coverage[f"attendee.{field}"].add(payload.number)
        for field in ("designation", "name", "branch", "office_name", "request"):
            coverage[f"recipient.{field}"].add(payload.number)
    post = editor_post(header=header, items=items, attendees=attendees, recipients=recipients)
    return {**post, **conventions_post(typed)}, coverage


def comment_chunks(payloads: list[Payload]) -> list[list[Payload]]:
    """The corpus cut into step comments of at most STEP_COMMENT_LIMIT characters, one payload a line."""
    chunks, rest = [], list(payloads)
    while rest:
        chunk = pack(rest, STEP_COMMENT_LIMIT, separator="\n")
        chunks.append(chunk)
        rest = [p for p in rest if p not in chunk]
    return chunks
