"""Build the POST the minutes editor sends, from plain lists, as a browser would."""

HEADER = {
    "title": "সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের চতুর্থ সভার কার্যবিবরণী",
    "fiscal_year": "2020",
    "ordinal": "4",
    "layout": "sections",
    "date": "2021-02-17",
    "start_time": "15:00",
    "venue": "Zoom Online Platform",
    "chair_name": "ড. তরুণ কান্তি শিকদার",
    "chair_designation": "অতিরিক্ত সচিব",
    "attendance_note": "পরিশিষ্ট-'ক'",
    "opening": "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভা আরম্ভ করেন।",
    "closing": "সভায় আর কোন আলোচনা না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।",
    "issuer_name": "মোঃ আবদুল কাদির",
    "issuer_designation": "উপসচিব (অতিরিক্ত দায়িত্ব)",
}


def _rows(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, row in enumerate(rows):
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        for key, value in row.items():
            if key != "decisions" and value is not None:
                data[f"{prefix}-{i}-{key}"] = value
    return data


def editor_post(*, header=None, items=(), attendees=(), recipients=()) -> dict:
    """items: [{"title":…, "discussion":…, "decisions": [{"text":…, "responsible":…}]}]."""
    data = {**HEADER, **(header or {})}
    data.update(_rows("items", list(items)))
    for i, item in enumerate(items):
        decisions = [{"deadline_kind": "none", "status": "pending", **d} for d in item.get("decisions", [])]
        data.update(_rows(f"items-{i}-decisions", decisions))
    data.update(_rows("attendees", [{"is_present": "on", **a} for a in attendees]))
    data.update(_rows("recipients", list(recipients)))
    return data


def sized_post(items: int, decisions_per_item: int, attendees: int, recipients: int) -> dict:
    return editor_post(
        items=[
            {
                "title": f"আলোচ্যসূচি {i}",
                "discussion": f"<p>আলোচনা {i}: <b>গুরুত্বপূর্ণ</b></p>",
                "decisions": [
                    {"text": f"সিদ্ধান্ত {i}.{j}", "responsible": "ইনোভেশন শাখা, আইসিটি সেল"}
                    for j in range(decisions_per_item)
                ],
            }
            for i in range(items)
        ],
        attendees=[{"name": f"কর্মকর্তা {i}", "designation": "উপসচিব"} for i in range(attendees)],
        recipients=[
            {"designation": "উপসচিব", "branch": f"শাখা-{i}", "office_name": "জনপ্রশাসন মন্ত্রণালয়"}
            for i in range(recipients)
        ],
    )


def with_saved_ids(post: dict, meeting) -> dict:
    """The POST a browser sends after the first save: every row carries its id (updates, not inserts)."""
    post = dict(post)
    for i, item in enumerate(meeting.agenda_items.order_by("order")):
        post[f"items-{i}-id"] = str(item.id)
        for j, decision in enumerate(item.decisions.order_by("order")):
            post[f"items-{i}-decisions-{j}-id"] = str(decision.id)
    for prefix, rows in (("attendees", meeting.attendees), ("recipients", meeting.recipients)):
        for k, row in enumerate(rows.order_by("order")):
            post[f"{prefix}-{k}-id"] = str(row.id)
    return post
