"""Decisions linked to indicators, and issued minutes as the evidence of meeting indicators.

- suggest.py: the indicator numbers a decision's text names, and the indicators they match;
- services.py: linking and unlinking a decision, attaching and detaching minutes (the drafters');
- selectors.py: what an indicator's page shows, and `meetings_held`, the count a meeting
  indicator's achievement follows;
- views.py: the editor's fragment of suggestions, the indicator's page and the POSTs.

The minutes editor reaches this only by URL: the plan registers a panel under each saved decision
(minutes/content/panels.py, from apps.py), which the editor loads with htmx; the minutes app never
imports the plan.
"""
