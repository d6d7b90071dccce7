"""Panels that other apps show under each saved decision in the editor, each loaded with htmx from
the app's own URL. An app adds one from its AppConfig.ready() with `add_decision_panel` (the minutes
cannot import it): the action plan shows the indicators a decision serves."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DecisionPanel:
    key: str
    url_name: str  # takes the decision's id; answers an HTML fragment (empty: nothing to show)
    shown_for: Callable  # (meeting) -> bool: one cheap query per editor page at most


PANELS: list[DecisionPanel] = []


def add_decision_panel(panel: DecisionPanel) -> None:
    if all(existing.key != panel.key for existing in PANELS):
        PANELS.append(panel)


def decision_panels(meeting) -> list[DecisionPanel]:
    """The panels this meeting's editor shows under its saved decisions."""
    return [panel for panel in PANELS if panel.shown_for(meeting)]
