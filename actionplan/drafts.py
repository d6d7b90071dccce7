"""A plan as plain data, before it is written: what the importer reads from a template file
(actionplan/importing/) and what the editor posts (actionplan/editing/). Rows the editor changes
carry the id of the stored row (`pk`); new rows and imported ones have none."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class IndicatorDraft:
    number: str
    title: str
    unit: str
    weight: Decimal
    target: datetime.date | Decimal
    responsible: str = ""
    tiers: dict[int, datetime.date | Decimal] = field(default_factory=dict)  # {100: …, 90: …}
    quarters: dict[int, datetime.date | Decimal] = field(default_factory=dict)  # {1: …, 4: …}
    evidence_kinds: list[str] = field(default_factory=list)
    responsible_branch_id: int | None = None
    responsible_post_id: int | None = None
    row: int = 0  # the template's row
    pk: int | None = None


@dataclass
class ActivityDraft:
    number: str
    title: str
    indicators: list[IndicatorDraft] = field(default_factory=list)
    row: int = 0  # the template's row where it first appears
    pk: int | None = None


@dataclass
class AreaDraft:
    number: str
    title: str = ""
    marks: Decimal | None = None  # None: a template that does not give them
    activities: list[ActivityDraft] = field(default_factory=list)
    pk: int | None = None

    @property
    def weights(self) -> Decimal:
        return sum((i.weight for a in self.activities for i in a.indicators), Decimal(0))


@dataclass
class PlanDraft:
    fiscal_year: int
    numbers_in_brackets: bool
    total_marks: Decimal | None
    areas: list[AreaDraft] = field(default_factory=list)

    def indicators(self) -> Iterator[IndicatorDraft]:
        for area in self.areas:
            for activity in area.activities:
                yield from activity.indicators

    @property
    def weights(self) -> Decimal:
        return sum((area.weights for area in self.areas), Decimal(0))
