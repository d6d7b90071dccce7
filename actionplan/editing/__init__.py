"""The plan editor: an office administrator adjusts an imported (or copied) plan on one Bangla page,
saved whole in one transaction, checked by the importer's rules (actionplan/rules.py)."""
