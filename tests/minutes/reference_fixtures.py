"""Reference minutes 000, 002 and 004 (../shared/reference-minutes) entered as data, as issued.

The JSON files beside this module hold their text; `make_minutes(name)` creates the office,
its file (নথি) and the issued meeting with every part of the original.
"""

import datetime
import json
from pathlib import Path

from bangla.digits import to_bangla_digits
from minutes.models import Meeting, Responsibility
from minutes.richtext import sanitize_rich_text
from offices.models import GovernmentFile, Office
from tests.factories import UserFactory

REFERENCE = Path(__file__).parent / "reference"
NAMES = ("000", "002", "004")


def reference_data(name: str) -> dict:
    return json.loads((REFERENCE / f"{name}.json").read_text())


def make_minutes(name: str, *, state=Meeting.State.ISSUED) -> Meeting:
    data = reference_data(name)
    office, _ = Office.objects.get_or_create(
        name=data["office"],
        defaults={
            "kind": Office.Kind.MINISTRY,
            "letterhead": data.get("letterhead", ""),
            "slogan": data.get("slogan", ""),
        },
    )
    nothi, _ = GovernmentFile.objects.get_or_create(
        office=office, number=data["file"], defaults={"subject": "ইনোভেশন", "last_serial": data["serial"]}
    )
    meeting = Meeting.objects.create(
        office=office,
        title=data["title"],
        layout=data["layout"],
        show_letterhead=data["show_letterhead"],
        chair_name=data["chair_name"],
        chair_designation=data["chair_designation"],
        chair_contact=data.get("chair_contact", ""),
        date=datetime.date.fromisoformat(data["date"]),
        start_time=datetime.time.fromisoformat(data["start_time"]),
        venue=data["venue"],
        attendance_note=data["attendance_note"],
        opening=data["opening"],
        closing=data["closing"],
        issuer_name=data["issuer_name"],
        issuer_designation=data["issuer_designation"],
        state=state,
        government_file=nothi,
        memo_serial=data["serial"],
        memo_number=f"{data['file']}.{data['serial']}",
        issue_date=datetime.date.fromisoformat(data["issue_date"]),
        created_by=UserFactory(),
    )
    for i, item_data in enumerate(data["items"]):
        item = meeting.agenda_items.create(
            order=i, title=item_data["title"], discussion=sanitize_rich_text(item_data["discussion"])
        )
        for j, text in enumerate(item_data["decisions"]):
            decision = item.decisions.create(order=j, text=text)
            for k, label in enumerate(filter(None, item_data.get("responsible", "").split(", "))):
                Responsibility.objects.create(decision=decision, order=k, label=label)
    for i, line in enumerate(data["recipients"]):
        meeting.recipients.create(order=i, designation=line)
    for i, attendee in enumerate(data["attendees"]):
        meeting.attendees.create(order=i, name=attendee["name"], mobile=attendee["mobile"])
    return meeting


def expected_lines(name: str) -> list[str]:
    """What a reader of the original finds, in order, in the portal's own forms of numbers and dates."""
    data = reference_data(name)
    memo = to_bangla_digits(f"{data['file']}.{data['serial']}")
    lines = [*data.get("letterhead", "").splitlines(), data["title"], data["chair_name"], data["venue"]]
    lines.append(data["opening"])
    decisions_seen = 0
    for n, item in enumerate(data["items"], start=1):
        number = to_bangla_digits(n)
        if data["layout"] == "sections":
            lines += [
                f"{number}.০ আলোচ্য সূচি-{number}: {item['title']}",
                f"{number}.১ আলোচনা:",
                item["discussion"],
            ]
            lines.append(f"{number}.২ সিদ্ধান্ত:")
            lines += [f"{'কখগঘঙ'[j]}) {text}" for j, text in enumerate(item["decisions"])]
        elif data["layout"] == "paragraphs":
            lines += [f"{to_bangla_digits(f'{n + 1:02d}')}। {item['title']}", item["discussion"]]
        else:
            lines += [number, item["title"], item["discussion"], *item["decisions"], item["responsible"]]
        decisions_seen += len(item["decisions"])
    if data["layout"] == "paragraphs":
        lines.append("সিদ্ধান্তসমূহ:")
        all_decisions = [d for item in data["items"] for d in item["decisions"]]
        lines += [f"{'কখগঘঙ'[j]}) {text}" for j, text in enumerate(all_decisions)]
    lines += [data["closing"], data["chair_name"], data["chair_designation"], f"স্মারক নম্বর: {memo}"]
    lines.append("বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):")
    lines += [f"{to_bangla_digits(k)}) {line}" for k, line in enumerate(data["recipients"], start=1)]
    lines += [data["issuer_name"], data["issuer_designation"]]
    return [line for line in lines if line]
