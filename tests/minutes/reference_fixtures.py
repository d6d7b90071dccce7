"""The real reference minutes 000, 002 and 004 entered into the portal as issued, through the ORM.

reference/<name>.txt is the text extracted from the published PDF (a copy of
shared/reference-minutes); minutes/demo/minutes-<name>.json holds the same content split into
the portal's fields, typos and digit forms kept (the demo loads it too). `make_minutes_000()` and friends create the
office, its file (নথি), team and officials, and the issued meeting with every part of it.
"""

import datetime
from pathlib import Path

from minutes.content.richtext import sanitize_rich_text
from minutes.demo import minutes_data
from minutes.models import Meeting, Responsibility
from offices.models import GovernmentFile, InnovationTeam, Office, Official
from tests.factories import UserFactory

REFERENCE = Path(__file__).parent / "reference"
NAMES = ("000", "002", "004")


def reference_data(name: str) -> dict:
    return minutes_data(name)


def original_text(name: str) -> str:
    return (REFERENCE / f"{name}.txt").read_text()


def _official(office: Office, name: str, designation: str) -> Official:
    official, _ = Official.objects.get_or_create(
        office=office, name=name, defaults={"designation": designation}
    )
    return official


def make_minutes(name: str, *, state=Meeting.State.ISSUED) -> Meeting:
    data = reference_data(name)
    office, _ = Office.objects.get_or_create(
        name=data["office"],
        defaults={
            "kind": Office.Kind.MINISTRY,
            "address": data.get("address", ""),
            "website": data.get("website", ""),
            "slogan": data.get("slogan", ""),
        },
    )
    nothi, _ = GovernmentFile.objects.get_or_create(
        office=office, number=data["file"], defaults={"subject": "ইনোভেশন", "last_serial": data["serial"]}
    )
    team, _ = InnovationTeam.objects.get_or_create(office=office, name="ইনোভেশন টিম")
    issue = {
        "government_file": nothi,
        "memo_serial": data["serial"],
        "memo_number": f"{data['file']}.{data['serial']}",
        "issue_date": datetime.date.fromisoformat(data["issue_date"]),
    }
    meeting = Meeting.objects.create(
        office=office,
        team=team,
        title=data["title"],
        layout=data["layout"],
        **data["conventions"],  # the original's conventions, as its office would set them
        day_part=data["day_part"],
        attendance_heading=data.get("attendance_heading", ""),
        chair=_official(office, data["chair_name"], data["chair_designation"]),
        chair_name=data["chair_name"],
        chair_designation=data["chair_designation"],
        chair_contact=data.get("chair_contact", ""),
        date=datetime.date.fromisoformat(data["date"]),
        start_time=datetime.time.fromisoformat(data["start_time"]),
        venue=data["venue"],
        attendance_note=data["attendance_note"],
        opening=data["opening"],
        closing=data["closing"],
        issuer=_official(office, data["issuer_name"], data["issuer_designation"]),
        issuer_name=data["issuer_name"],
        issuer_designation=data["issuer_designation"],
        state=state,
        created_by=UserFactory(),
        **(issue if state in Meeting.ISSUED_STATES else {}),  # a draft has no memo number nor issue date
    )
    for i, item_data in enumerate(data["items"]):
        item = meeting.agenda_items.create(
            order=i, title=item_data["title"], discussion=sanitize_rich_text(item_data["discussion"])
        )
        for j, text in enumerate(item_data["decisions"]):
            # Typed into the decision's rich-text box: stored as the editor stores it.
            decision = item.decisions.create(order=j, text=sanitize_rich_text(text))
            # 004's implementer column; the portal joins the labels with ", " as typed.
            for k, label in enumerate(filter(None, item_data.get("responsible", "").split(", "))):
                Responsibility.objects.create(decision=decision, order=k, label=label)
    for i, line in enumerate(data["recipients"]):
        meeting.recipients.create(order=i, designation=line)
    for i, attendee in enumerate(data["attendees"]):
        meeting.attendees.create(
            order=i, name=attendee["name"], mobile=attendee["mobile"], email=attendee.get("email", "")
        )
    return meeting


def make_minutes_000(**kwargs) -> Meeting:
    """সুরক্ষা সেবা বিভাগ, 17 Feb 2021: numbered sections, no letterhead."""
    return make_minutes("000", **kwargs)


def make_minutes_002(**kwargs) -> Meeting:
    """জনপ্রশাসন মন্ত্রণালয়, 28 Aug 2022: numbered paragraphs, decisions at the end, appendix ক."""
    return make_minutes("002", **kwargs)


def make_minutes_004(**kwargs) -> Meeting:
    """মহিলা বিষয়ক অধিদপ্তর, 25 Jul 2024: one table, letterhead with slogan, implementers."""
    return make_minutes("004", **kwargs)
