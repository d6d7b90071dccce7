"""What an office sends upward about its action plan: the quarterly progress sheet (.xlsx and PDF)
and, per indicator, the bundle of its evidence (ZIP). See docs/actionplan-reports.md."""
