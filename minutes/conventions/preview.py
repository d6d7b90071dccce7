"""The settings page's preview: a sample of minutes written by the conventions being set, printed by
the same functions as the document (minutes/document/conventions.py)."""

import datetime

from bangla.digits import to_bangla_digits
from bangla.letters import decision_letter
from minutes.document import conventions as by
from minutes.document.context import deadline_text
from minutes.models import ConventionFields, Decision
from offices.models import Office

SAMPLE_DATE = datetime.date(2021, 2, 17)
SAMPLE_TIME = datetime.time(15, 0)
SAMPLE_DAY_PART = "বিকাল"  # chosen per meeting in the editor
SAMPLE_ISSUE_DATE = datetime.date(2021, 2, 22)
SAMPLE_MEMO_NUMBER = "58.00.0000.018.31.006.17.26"
SAMPLE_TITLE = "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়নের অগ্রগতি পর্যালোচনা"
SAMPLE_DECISIONS = [
    ("উদ্ভাবনী ধারণা সংগ্রহের জন্য সকল শাখায় পত্র প্রেরণ করা।", datetime.date(2021, 3, 15), "আইসিটি শাখা"),
    ("ওয়েবসাইটের সেবা বক্স হালনাগাদ করা।", datetime.date(2021, 3, 31), "প্রশাসন শাখা"),
]
SAMPLE_RECIPIENTS = ["অধিদপ্তর প্রধান (সকল)", "সদস্য, ইনোভেশন টিম"]


def preview_context(c: ConventionFields, office: Office) -> dict:
    labels = by.agenda_labels(c, 1, SAMPLE_TITLE, has_discussion=True)
    decisions = []
    for i, (text, deadline, responsible) in enumerate(SAMPLE_DECISIONS):
        decision = Decision(text=text, deadline_kind=Decision.Deadline.DATE, deadline_date=deadline)
        decisions.append(
            {
                "letter": by.numbered(c.letter_form, decision_letter(i)),
                "text": text,
                "deadline": deadline_text(decision) if c.print_deadlines else "",
                "responsible": responsible if c.print_responsible else "",
            }
        )
    return {
        "sample": {
            "letterhead": office.letterhead_lines() if c.show_letterhead else [],
            "running_header": c.running_header.strip(),
            "date": by.meeting_date(c, SAMPLE_DATE),
            "time": by.meeting_time(c, SAMPLE_TIME, SAMPLE_DAY_PART),
            "labels": labels,
            "decisions": decisions,
            "signature_date": by.signature_date(c, SAMPLE_ISSUE_DATE),
            "memo": by.memo_block(c, SAMPLE_MEMO_NUMBER, SAMPLE_ISSUE_DATE),
            "distribution_heading": c.distribution_heading.strip(),
            "recipients": [
                (by.numbered(c.recipient_number_form, to_bangla_digits(n)), line)
                for n, line in enumerate(SAMPLE_RECIPIENTS, start=1)
            ],
        }
    }
