"""Template files for the tests: the reference plan's rows, and CSV or .xlsx bytes built from rows."""

import csv
import io
from pathlib import Path

REFERENCE = Path(__file__).parent / "reference" / "ministry-2021-22.csv"
HEADER = [
    "ক্ষেত্র",
    "কার্যক্রম নং",
    "কার্যক্রম",
    "সূচক নং",
    "কর্মসম্পাদন সূচক",
    "একক",
    "সূচকের মান",
    "লক্ষ্যমাত্রা",
    "বাস্তবায়নকারী",
]
TIERS = ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]
QUARTERS = ["১ম কোয়ার্টার", "২য় কোয়ার্টার", "৩য় কোয়ার্টার", "৪র্থ কোয়ার্টার"]


def reference_rows() -> list[list[str]]:
    """The reference plan as rows, the header first (2021-22, 13 indicators, 50 marks)."""
    with REFERENCE.open(encoding="utf-8-sig", newline="") as file:
        return [list(row) for row in csv.reader(file)]


def reference_rows_with_targets() -> list[list[str]]:
    """The reference plan with the tier and quarter columns: [১.১.১] (a date) with two tiers and a
    third-quarter target, [১.৫.১] (a percentage) with all five tiers and four quarterly targets."""
    rows = reference_rows()
    rows[0] += TIERS + QUARTERS
    rows[1] += ["১৬-০৩-২০২২", "৩১-০৩-২০২২", "", "", "", "", "", "১৬-০৩-২০২২", ""]
    for row in rows[2:]:
        row += [""] * 9
    rows[5][-9:] = ["৮০", "৭০", "৬০", "৫০", "৪০", "২০", "৪০", "৬০", "৮০"]
    return rows


def csv_bytes(rows, bom: bool = False) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(rows, merge: str | None = None) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def generated_rows(count: int, *, tiers: bool = False, quarters: bool = False) -> list[list[str]]:
    """A plan of `count` count-indicators, one mark each, two per activity, in two areas."""
    header = HEADER + (TIERS if tiers else []) + (QUARTERS if quarters else [])
    rows = [header]
    for i in range(count):
        area = 1 if i < count // 2 else 2
        activity = i // 2 + 1
        number = f"[{area}.{activity}.{i % 2 + 1}]"
        row = [
            f"[{area}]",
            f"[{area}.{activity}]",
            f"কার্যক্রম {activity}",
            number,
            f"সূচক {i}",
            "সংখ্যা",
            "1",
            "4",
            "আইসিটি সেল",
        ]
        if tiers:
            row += ["4", "3", "2", "1", "1"]
        if quarters:
            row += ["1", "1", "1", "1"]
        rows.append(row)
    return rows
