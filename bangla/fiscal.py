"""Bangladesh's fiscal year (অর্থবছর) runs from 1 July to 30 June; quarters count from July."""

import datetime

from bangla.digits import to_bangla_digits


def fiscal_year_start(value: datetime.date) -> int:
    """The year the fiscal year of `value` starts in: 17 Feb 2021 -> 2020."""
    return value.year if value.month >= 7 else value.year - 1


def format_fiscal_year(start_year: int, *, long: bool = False) -> str:
    """2020 -> ২০২০-২১, or ২০২০-২০২১ with long=True (documents use both)."""
    end = start_year + 1 if long else f"{(start_year + 1) % 100:02d}"
    return to_bangla_digits(f"{start_year}-{end}")


def fiscal_year_of(value: datetime.date, *, long: bool = False) -> str:
    """17 Feb 2021 -> ২০২০-২১."""
    return format_fiscal_year(fiscal_year_start(value), long=long)


def fiscal_year_bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day: 2023 -> (1 July 2023, 30 June 2024)."""
    return datetime.date(start_year, 7, 1), datetime.date(start_year + 1, 6, 30)


def fiscal_quarter(value: datetime.date) -> int:
    """1 for July-September … 4 for April-June."""
    return (value.month - 7) % 12 // 3 + 1
